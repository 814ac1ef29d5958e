export * from './outbox-relay.js';
export * from './outbox-writer.js';
