export * from './approval-queries.js';
export * from './list-approvals.use-case.js';
