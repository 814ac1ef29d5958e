import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
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
}
