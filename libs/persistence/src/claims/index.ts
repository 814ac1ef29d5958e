export * from './claims.entities.js';
export * from './persistence-ports.js';
export * from './postgres-application-store.js';
export * from './postgres-claims.js';
export * from './postgres-personal-data-queries.js';
export * from './claim-event-writer.js';
