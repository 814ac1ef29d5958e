export * from './request-information/request-information.command.js';
export * from './request-information/request-information.use-case.js';
