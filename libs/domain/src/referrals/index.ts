export * from './consent.js';
export * from './matcher.js';
export * from './needs.js';
export * from './referral.js';
export * from './vocabulary.js';
export * from './working-days.js';
