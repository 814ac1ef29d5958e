export * from './shared/domain-error.js';
export * from './awards/index.js';
export * from './shared/calendar-date.js';
export * from './eligibility/index.js';
export * from './referrals/index.js';
export * from './claims/index.js';
