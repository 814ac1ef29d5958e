import { Type } from 'class-transformer';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { CommonConfig } from '@redress/platform';

/** The worker's settings, validated once at boot. */
export class WorkerConfig extends CommonConfig {
  /** Jobs run at once per queue. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  WORKER_CONCURRENCY = 10;

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
}
