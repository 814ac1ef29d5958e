export * from './shared/domain-error.js';
export * from './awards/index.js';
