export * from './redis-server.js';
export * from './disposable-database.js';
