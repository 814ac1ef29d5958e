export * from './calculate-award-for-claim/calculate-award-for-claim.command.js';
export * from './calculate-award-for-claim/calculate-award-for-claim.use-case.js';
