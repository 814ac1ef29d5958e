export * from './crime-reference-ports.js';
export * from './verify-crime-reference/verify-crime-reference.command.js';
export * from './verify-crime-reference/verify-crime-reference.use-case.js';
