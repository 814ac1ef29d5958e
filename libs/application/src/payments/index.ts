export * from './payment-ports.js';
export * from './request-payment/request-payment.command.js';
export * from './request-payment/request-payment.use-case.js';
export * from './accept-award/accept-award.command.js';
export * from './accept-award/accept-award.use-case.js';
export * from './instruct-payment/instruct-payment.command.js';
export * from './instruct-payment/instruct-payment.use-case.js';
