export * from './postgres-access-history-queries.js';
export * from './postgres-citizen-preferences.js';
