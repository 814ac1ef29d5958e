export * from './decision-policy.js';
export * from './judgements.js';
