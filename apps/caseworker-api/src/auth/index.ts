export * from './development-only-staff-keys.js';
export * from './staff-auth.guard.js';
export * from './staff-jwt.strategy.js';
export * from './staff-principal.js';
export * from './verify-staff-request.js';
