export * from './job-definitions.js';
export * from './job-handler.js';
