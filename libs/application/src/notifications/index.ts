export * from './choose-channel.js';
export * from './notification-ports.js';
export * from './send-claim-notification/send-claim-notification.command.js';
export * from './send-claim-notification/send-claim-notification.use-case.js';
export * from './recover-stuck-notifications/recover-stuck-notifications.command.js';
export * from './recover-stuck-notifications/recover-stuck-notifications.use-case.js';
