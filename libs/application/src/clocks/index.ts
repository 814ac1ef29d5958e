export * from './clock-ports.js';
export * from './clock-times.js';
export * from './remind-information-request/remind-information-request.use-case.js';
export * from './escalate-overdue-information-request/escalate-overdue-information-request.use-case.js';
export * from './check-service-level/check-service-level.use-case.js';
