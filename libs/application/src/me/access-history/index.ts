export * from './access-history-queries.js';
export * from './access-history-cursor.js';
export * from './list-my-access-history.use-case.js';
