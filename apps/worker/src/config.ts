import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsJSON,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';
import { CommonConfig, WithNotifyConfig } from '@redress/platform';

/** A check that applies only when NODE_ENV is production (the property's other checks apply always). */
function InProduction(check: (value: unknown) => boolean, problem: string): PropertyDecorator {
  return ValidateBy({
    name: 'inProduction',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        (args?.object as { NODE_ENV?: string }).NODE_ENV !== 'production' || check(value),
      defaultMessage: (args?: ValidationArguments) => `${args?.property} ${problem}`,
    },
  });
}

/** The worker's settings, validated once at boot. */
export class WorkerConfig extends WithNotifyConfig(CommonConfig) {
  /** Jobs run at once per queue. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  WORKER_CONCURRENCY = 10;

  /** How often committed audit entries are chained into the log, in milliseconds (0 turns sealing off). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  AUDIT_SEAL_EVERY_MS = 500;

  /** How often the whole audit chain is verified, in milliseconds (0 turns the schedule off). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  AUDIT_VERIFY_EVERY_MS = 24 * 3600 * 1000;

  /** Whether this process moves outbox rows to the queues (every replica may; they share the rows safely). */
  @IsIn(['true', 'false'])
  OUTBOX_RELAY_ENABLED: 'true' | 'false' = 'true';

  /** The relay's polling fallback in milliseconds; NOTIFY wakes it sooner. */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  @Max(60_000)
  OUTBOX_POLL_INTERVAL_MS = 1000;

  /** Outbox rows per relay transaction. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5000)
  OUTBOX_BATCH_SIZE = 200;

  /** A sent referral not acknowledged within this many working days expires and the next best service is offered. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(30)
  REFERRAL_ACKNOWLEDGE_WORKING_DAYS = 5;

  /** How often the referral clocks are swept, in milliseconds (0 turns the schedule off). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  REFERRAL_CLOCK_SWEEP_EVERY_MS = 15 * 60 * 1000;

  /**
   * How long a job's lock lasts before BullMQ counts it stalled (its worker died) and runs it again, in
   * milliseconds. BullMQ's default; tests shorten it.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  WORKER_LOCK_DURATION_MS = 30_000;

  /**
   * How often deliveries left `sending` (Notify never answered, or a worker died mid-send) are rechecked, in
   * milliseconds (a BullMQ job scheduler; 0 turns it off).
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  NOTIFICATION_RECOVERY_EVERY_MS = 5 * 60 * 1000;

  /**
   * How long after it was claimed a delivery still `sending` counts as stuck, in milliseconds: long enough that no
   * send can still be on its way to Notify. At least twice NOTIFY_TIMEOUT_MS.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @ValidateBy({
    name: 'longerThanNotifyTimeout',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        typeof value === 'number' && value >= 2 * (args?.object as WorkerConfig).NOTIFY_TIMEOUT_MS,
      defaultMessage: () => 'NOTIFICATION_STUCK_AFTER_MS must be at least twice NOTIFY_TIMEOUT_MS',
    },
  })
  NOTIFICATION_STUCK_AFTER_MS = 15 * 60 * 1000;

  /**
   * How far back stuck deliveries are rechecked, in milliseconds: less than Notify's data retention (7 days unless
   * the service changed it), past which "Notify holds no such message" proves nothing. Older ones stay `sending`.
   */
  @Type(() => Number)
  @IsInt()
  @Min(60_000)
  NOTIFICATION_RECOVERY_LOOK_BACK_MS = 6 * 24 * 3600 * 1000;

  /** A stuck delivery not found at Notify is queued again only while it has been claimed fewer times than this. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  NOTIFICATION_RECOVERY_MAX_ATTEMPTS = 5;

  /**
   * Notify template ids per claim event, channel and language, as JSON:
   * `{"claim.submitted":{"email":"<id>","sms":"<id>","cy":{"email":"<id>","sms":"<id>"}}}` (English at the top,
   * Welsh under `cy`; docs/welsh.md). The defaults are placeholders for the local sink; production sets the real ids.
   */
  @IsJSON({
    message:
      'NOTIFY_CLAIM_TEMPLATES must be JSON: {"<event>":{"email":"<id>","sms":"<id>","cy":{"email":"<id>","sms":"<id>"}}}',
  })
  NOTIFY_CLAIM_TEMPLATES = JSON.stringify({
    'claim.submitted': {
      email: '5d7f4a61-6a6e-4c0b-9f1e-2c3b7a1d0001',
      sms: '5d7f4a61-6a6e-4c0b-9f1e-2c3b7a1d0002',
      cy: { email: '5d7f4a61-6a6e-4c0b-9f1e-2c3b7a1d0101', sms: '5d7f4a61-6a6e-4c0b-9f1e-2c3b7a1d0102' },
    },
    'claim.decided': {
      email: '5d7f4a61-6a6e-4c0b-9f1e-2c3b7a1d0003',
      sms: '5d7f4a61-6a6e-4c0b-9f1e-2c3b7a1d0004',
      cy: { email: '5d7f4a61-6a6e-4c0b-9f1e-2c3b7a1d0103', sms: '5d7f4a61-6a6e-4c0b-9f1e-2c3b7a1d0104' },
    },
    'claim.information-requested': {
      email: '5d7f4a61-6a6e-4c0b-9f1e-2c3b7a1d0005',
      sms: '5d7f4a61-6a6e-4c0b-9f1e-2c3b7a1d0006',
      cy: { email: '5d7f4a61-6a6e-4c0b-9f1e-2c3b7a1d0105', sms: '5d7f4a61-6a6e-4c0b-9f1e-2c3b7a1d0106' },
    },
    'claim.information-reminder': {
      email: '5d7f4a61-6a6e-4c0b-9f1e-2c3b7a1d0007',
      sms: '5d7f4a61-6a6e-4c0b-9f1e-2c3b7a1d0008',
      cy: { email: '5d7f4a61-6a6e-4c0b-9f1e-2c3b7a1d0107', sms: '5d7f4a61-6a6e-4c0b-9f1e-2c3b7a1d0108' },
    },
  });

  /** The police crime-reference service; the default is the development stub (`npm run stubs`, started by `npm run start:all`). */
  @Matches(/^https?:\/\/[^\s/]+(:\d+)?(\/\S*)?$/, { message: 'POLICE_API_BASE_URL must be an http(s) URL' })
  POLICE_API_BASE_URL = 'http://127.0.0.1:3099';

  /** How long to wait for the police service, in milliseconds. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  POLICE_API_TIMEOUT_MS = 10_000;

  /** The finance system payments are instructed to; the default is the development stub (`npm run stubs`, started by `npm run start:all`). */
  @Matches(/^https?:\/\/[^\s/]+(:\d+)?(\/\S*)?$/, { message: 'FINANCE_API_BASE_URL must be an http(s) URL' })
  @InProduction((value) => typeof value === 'string' && value.startsWith('https://'), 'must be https in production')
  FINANCE_API_BASE_URL = 'http://127.0.0.1:3098';

  /**
   * How the worker proves itself to the finance system: `client-credentials` (an OAuth 2.0 access token from
   * FINANCE_API_TOKEN_URL, RFC 6749 section 4.4) or `none` (the local stub only: refused in production).
   */
  @IsIn(['none', 'client-credentials'])
  @InProduction((value) => value === 'client-credentials', 'must be client-credentials in production')
  FINANCE_API_AUTH: 'none' | 'client-credentials' = 'none';

  @ValidateIf((config: WorkerConfig) => config.FINANCE_API_AUTH === 'client-credentials')
  @Matches(/^https:\/\/\S+$/, { message: 'FINANCE_API_TOKEN_URL must be an https URL' })
  FINANCE_API_TOKEN_URL?: string;

  @ValidateIf((config: WorkerConfig) => config.FINANCE_API_AUTH === 'client-credentials')
  @IsString()
  @MinLength(1, { message: 'FINANCE_API_CLIENT_ID is required with client-credentials' })
  FINANCE_API_CLIENT_ID?: string;

  @ValidateIf((config: WorkerConfig) => config.FINANCE_API_AUTH === 'client-credentials')
  @IsString()
  @MinLength(16, { message: 'FINANCE_API_CLIENT_SECRET must be at least 16 characters' })
  FINANCE_API_CLIENT_SECRET?: string;

  /**
   * Development only: lets partners' webhooks reach loopback and private addresses (a local test receiver).
   * Refused in production, where every outbound address must be public and https.
   */
  @IsIn(['true', 'false'])
  @InProduction((value) => value === 'false', 'must be false in production')
  OUTBOUND_ALLOW_PRIVATE_ADDRESSES: 'true' | 'false' = 'false';

  /** The scope asked for with client credentials (optional). */
  @IsOptional()
  @IsString()
  FINANCE_API_SCOPE?: string;

  /** How long to wait for the finance system, in milliseconds. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  FINANCE_API_TIMEOUT_MS = 10_000;

  /**
   * Root directory of the filesystem document storage, where decision letters go: the same store as the citizen
   * and caseworker APIs' evidence files. (S3 mode in the worker is to do: see docs/worker.md.)
   */
  @IsString()
  @MinLength(1)
  DOCUMENT_STORAGE_DIR = 'var/documents';

  /**
   * When the retention schedule is applied (docs/security.md): a cron pattern with seconds, UK time, run by a
   * BullMQ job scheduler; empty turns it off. A pattern, not an interval, so it never runs on boot.
   */
  @IsString()
  // `off` stops it: an empty variable means "not set" to loadConfig (the default applies), so it cannot.
  @Matches(/^(off|[0-9*,/-]+( [0-9*,/-]+){5})$/, { message: 'RETENTION_CRON must be a 6-field cron pattern or off' })
  RETENTION_CRON = '0 30 2 * * *';
}
