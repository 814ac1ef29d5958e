export * from './partner-user-ports.js';
export * from './partner-user-errors.js';
export * from './partner-sign-in.use-cases.js';
export * from './partner-user-admin.use-cases.js';
export * from './crypto-partner-auth-secrets.js';
export * from './partner-directory.use-cases.js';
export * from './organisation-figures.use-case.js';
