export * from './postgres-decision-store.js';
export * from './postgres-review-store.js';
export * from './postgres-payment-store.js';
export * from './postgres-claim-search-index.js';
export * from './postgres-report-queries.js';
export * from './postgres-citizen-decision-queries.js';
export * from './postgres-staff-letter-queries.js';
