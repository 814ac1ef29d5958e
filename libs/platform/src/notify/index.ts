export * from './govuk-notify.notifier.js';
export * from './local-sink.notifier.js';
export * from './notify-config.js';
export * from './notify.module.js';
