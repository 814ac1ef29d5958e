export * from './redis-server.js';
export * from './disposable-database.js';
export * from './notify-stub.js';
export * from './police-stub.js';
export * from './worker-process.js';
export * from './disposable-postgres.js';
export * from './finance-stub.js';
