export * from './staff-actor.js';
export * from './casework-store.js';
export * from './claim-access.js';
export * from './case-file.js';
export * from './get-claim-for-staff/get-claim-for-staff.command.js';
export * from './get-claim-for-staff/get-claim-for-staff.use-case.js';
export * from './restrict-claim/restrict-claim.command.js';
export * from './restrict-claim/restrict-claim.use-case.js';
