export * from './casework-ports.js';
export * from './postgres-casework.js';
export * from './postgres-work-store.js';
export * from './postgres-case-file-store.js';
export * from './postgres-restriction-store.js';
export * from './postgres-casework-writes.js';
export * from './postgres-judgement-stores.js';
export * from './postgres-access-reports.js';
