import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min, ValidateBy, ValidateIf, type ValidationArguments } from 'class-validator';
import type { CommonConfig } from '../config/app-config.js';

export const GOV_UK_NOTIFY_BASE_URL = 'https://api.notifications.service.gov.uk';

// A Notify API key is `<key name>-<service id>-<secret>`, both ids being UUIDs.
const NOTIFY_API_KEY_PATTERN =
  /^[A-Za-z0-9_-]+-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The notify settings every process that sends messages reads (the citizen API and the worker). */
export interface NotifySettings {
  NODE_ENV: CommonConfig['NODE_ENV'];
  NOTIFY_MODE: 'notify' | 'local-sink';
  NOTIFY_API_KEY?: string;
  NOTIFY_BASE_URL: string;
  NOTIFY_TIMEOUT_MS: number;
  NOTIFY_LOCAL_SINK_FILE: string;
}

type ConfigClass = abstract new (...args: any[]) => CommonConfig; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Adds the GOV.UK Notify settings to a config class: `class WorkerConfig extends WithNotifyConfig(CommonConfig)`.
 * Production must send through Notify; development and tests default to the local sink.
 */
export function WithNotifyConfig<TBase extends ConfigClass>(Base: TBase) {
  abstract class WithNotify extends Base implements NotifySettings {
    /** `notify`: GOV.UK Notify; `local-sink`: kept in memory (and, in development, written to a file). */
    @ValidateBy({
      name: 'notifyMode',
      validator: {
        validate: (value: unknown, args?: ValidationArguments) =>
          value === 'notify' || (value === 'local-sink' && (args?.object as CommonConfig).NODE_ENV !== 'production'),
        defaultMessage: () => 'NOTIFY_MODE must be notify or local-sink, and notify in production',
      },
    })
    NOTIFY_MODE: 'notify' | 'local-sink' = 'local-sink';

    @ValidateIf((config: WithNotify) => config.NOTIFY_MODE === 'notify')
    @Matches(NOTIFY_API_KEY_PATTERN, { message: 'NOTIFY_API_KEY must be a GOV.UK Notify API key in notify mode' })
    NOTIFY_API_KEY?: string;

    /** Notify's API; another URL points the client at a stub. */
    @Matches(/^https?:\/\/[^\s/]+(:\d+)?(\/\S*)?$/, { message: 'NOTIFY_BASE_URL must be an http(s) URL' })
    NOTIFY_BASE_URL = GOV_UK_NOTIFY_BASE_URL;

    /** How long to wait for Notify before giving up on a message, in milliseconds. */
    @Type(() => Number)
    @IsInt()
    @Min(100)
    @Max(60000)
    NOTIFY_TIMEOUT_MS = 10000;

    /** Development only: where the local sink writes each message (one JSON line each), for reading codes. */
    @IsString()
    NOTIFY_LOCAL_SINK_FILE = 'var/notify-local-sink.jsonl';
  }
  return WithNotify;
}
