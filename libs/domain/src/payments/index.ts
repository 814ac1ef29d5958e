export * from './payment-policy.js';
