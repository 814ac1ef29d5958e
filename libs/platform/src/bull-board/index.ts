export * from './queue-dashboard.js';
