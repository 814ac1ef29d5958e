export * from './data-source-options.js';
export * from './database-admin.js';
export * from './entities/audit-log-entry.entity.js';
export * from './entities/citizen-account.entity.js';
export * from './entities/outbox-message.entity.js';
export * from './entities/citizen-sign-in.entities.js';
export * from './encrypted-columns.js';
export * from './referrals/index.js';
