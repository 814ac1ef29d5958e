export * from './citizen-access-tokens.js';
export * from './citizen-auth.guard.js';
export * from './citizen-jwt.strategy.js';
export * from './citizen-principal.js';
export * from './citizen-auth.module.js';
export * from './field-cipher-email-protector.js';
