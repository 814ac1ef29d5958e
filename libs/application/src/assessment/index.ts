export * from './assessment-ports.js';
export * from './triage.js';
export * from './assess-claim/assess-claim.command.js';
export * from './assess-claim/assess-claim.use-case.js';
