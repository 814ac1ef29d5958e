export * from './choose-channel.js';
export * from './notification-ports.js';
export * from './send-claim-notification/send-claim-notification.command.js';
export * from './send-claim-notification/send-claim-notification.use-case.js';
