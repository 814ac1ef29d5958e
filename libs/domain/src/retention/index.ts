export * from './retention-policy.js';
