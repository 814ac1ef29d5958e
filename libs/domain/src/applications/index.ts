export * from './application-answers.js';
export * from './application-tasks.js';
export * from './application-eligibility.js';
export * from './application-example.js';
export * from './evidence-type.js';
