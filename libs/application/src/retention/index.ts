export * from './retention-ports.js';
export * from './apply-retention/apply-retention.command.js';
export * from './apply-retention/apply-retention.use-case.js';
export * from './purge-expired/purge-expired.use-case.js';
