import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CheckReferralClocks } from '@redress/application';
import { jobOptions, QueueName, type JobHandler, type JobPayload } from '@redress/jobs';
import { redisOptions } from '@redress/platform';
import { Queue, type ConnectionOptions } from 'bullmq';
import { WorkerConfig } from '../config.js';

/**
 * Sweeps the referral clocks on a schedule: flags right 4 send breaches and expires unacknowledged referrals
 * (offering the next best service). The schedule is a BullMQ job scheduler, so replicas share one sweep.
 */
@Injectable()
export class ReferralsCheckClocksHandler
  implements JobHandler<'referrals.check-clocks'>, OnApplicationBootstrap, OnApplicationShutdown
{
  readonly jobName = 'referrals.check-clocks' as const;
  private readonly logger = new Logger(ReferralsCheckClocksHandler.name);
  private queue: Queue | undefined;

  constructor(
    private readonly checkClocks: CheckReferralClocks,
    private readonly config: WorkerConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const connection = redisOptions(this.config.REDIS_URL, { maxRetriesPerRequest: null }) as ConnectionOptions;
    this.queue = new Queue(QueueName.Referrals, { connection, prefix: this.config.QUEUE_PREFIX });
    this.queue.on('error', () => undefined);
    if (this.config.REFERRAL_CLOCK_SWEEP_EVERY_MS > 0) {
      const { jobId: _unused, ...options } = jobOptions('referrals.check-clocks');
      await this.queue.upsertJobScheduler(
        'referrals.check-clocks',
        { every: this.config.REFERRAL_CLOCK_SWEEP_EVERY_MS },
        { name: 'referrals.check-clocks', data: { reason: 'scheduled' }, opts: options },
      );
    } else {
      await this.queue.removeJobScheduler('referrals.check-clocks');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue?.close();
  }

  async handle(_payload: JobPayload<'referrals.check-clocks'>): Promise<void> {
    const result = await this.checkClocks.execute();
    if (result.sendBreaches || result.expired) this.logger.log({ ...result }, 'referral clocks swept');
  }
}
