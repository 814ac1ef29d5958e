export * from './job-definitions.js';
export * from './job-handler.js';
export * from './outbox/index.js';
