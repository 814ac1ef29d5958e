export * from './service-level.js';
export * from './work-priority.js';
