export * from './postgres-access-history-queries.js';
