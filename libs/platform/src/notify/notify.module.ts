import { Module, type DynamicModule } from '@nestjs/common';
import { NotificationLookup, Notifier } from '@redress/application';
import { GovUkNotifyNotifier } from './govuk-notify.notifier.js';
import { LocalSinkNotifier } from './local-sink.notifier.js';
import type { NotifySettings } from './notify-config.js';

/** The notifier the settings ask for: GOV.UK Notify, or the local sink (file only in development). */
export function createNotifier(settings: NotifySettings): Notifier & NotificationLookup {
  if (settings.NOTIFY_MODE === 'notify') {
    if (!settings.NOTIFY_API_KEY) throw new Error('NOTIFY_API_KEY is required in notify mode');
    return new GovUkNotifyNotifier(settings.NOTIFY_BASE_URL, settings.NOTIFY_API_KEY, settings.NOTIFY_TIMEOUT_MS);
  }
  return new LocalSinkNotifier(settings.NODE_ENV === 'development' ? settings.NOTIFY_LOCAL_SINK_FILE : undefined);
}

/**
 * Provides `Notifier` and `NotificationLookup` (one instance for both; and, in local-sink mode, the same instance as
 * `LocalSinkNotifier`, for tests to read). Import it once per app: `NotifyModule.forRoot(config)`.
 */
@Module({})
export class NotifyModule {
  static forRoot(settings: NotifySettings): DynamicModule {
    const notifier = createNotifier(settings);
    const providers = [
      { provide: Notifier, useValue: notifier },
      { provide: NotificationLookup, useValue: notifier },
      ...(notifier instanceof LocalSinkNotifier ? [{ provide: LocalSinkNotifier, useValue: notifier }] : []),
    ];
    return { module: NotifyModule, global: true, providers, exports: providers.map((provider) => provider.provide) };
  }
}
