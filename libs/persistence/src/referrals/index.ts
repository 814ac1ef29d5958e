export * from './audit-writer.js';
export * from './audit-log-partner-access-log.js';
export * from './referral-entities.js';
export * from './postgres-support-directory.js';
export * from './postgres-referral-store.js';
export * from './postgres-partner-access-store.js';
export * from './postgres-directory-import-store.js';
export * from './postgres-claim-support-answers.js';
