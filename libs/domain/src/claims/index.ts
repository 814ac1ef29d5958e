export * from './claim-lifecycle.js';
export * from './claim.js';
export * from './claim-reference.js';
export * from './claim-timeline.js';
