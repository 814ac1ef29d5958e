// Use cases (one folder each: command + use case) and the ports they need.
export * from './ports/clock.js';
export * from './eligibility/check-eligibility/check-eligibility.use-case.js';
export * from './ports/notifier.js';
export * from './auth/index.js';
export * from './referrals/index.js';
export * from './staff/index.js';
export * from './work/index.js';
