export * from './citizen-access-tokens.js';
export * from './citizen-auth.guard.js';
export * from './citizen-jwt.strategy.js';
export * from './citizen-principal.js';
