import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { ApplyRetention, Clock, DocumentStorage, PurgeExpired, RetentionStore } from '@redress/application';
import { jobOptions, type JobHandler, type JobPayload, type QueueName } from '@redress/jobs';
import { PostgresExpiredRecords, PostgresRetentionStore } from '@redress/persistence';
import { FieldCipher, redisOptions } from '@redress/platform';
import { Queue, type ConnectionOptions } from 'bullmq';
import { DataSource } from 'typeorm';
import { WorkerConfig } from '../config.js';

/** `housekeeping.apply-retention`: erases or anonymises what the retention schedule says is due. */
@Injectable()
export class HousekeepingRetentionHandler implements JobHandler<'housekeeping.apply-retention'> {
  readonly jobName = 'housekeeping.apply-retention' as const;
  private readonly logger = new Logger(HousekeepingRetentionHandler.name);

  constructor(
    private readonly applyRetention: ApplyRetention,
    private readonly purgeExpired: PurgeExpired,
  ) {}

  async handle(payload: JobPayload<'housekeeping.apply-retention'>, context: { jobId: string }): Promise<void> {
    const reports = await this.applyRetention.execute();
    // Counts only: record ids are in the tombstones, never in logs.
    this.logger.log({ jobId: context.jobId, reason: payload.reason, reports }, 'retention applied');
    const purged = await this.purgeExpired.execute();
    this.logger.log(
      { jobId: context.jobId, purged },
      'expired sign-in codes, sessions and idempotency records deleted',
    );
  }
}

/** Keeps the BullMQ job scheduler for the retention job in step with RETENTION_CRON (`off` removes it). */
@Injectable()
export class HousekeepingRetentionScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private queue: Queue | undefined;

  constructor(private readonly config: WorkerConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    const connection = redisOptions(this.config.REDIS_URL, {
      maxRetriesPerRequest: null,
      connectionName: 'redress-worker-retention-scheduler',
    }) as ConnectionOptions;
    this.queue = new Queue('housekeeping' satisfies QueueName, { connection, prefix: this.config.QUEUE_PREFIX });
    this.queue.on('error', () => undefined);
    if (this.config.RETENTION_CRON !== 'off') {
      const { jobId: _unused, ...options } = jobOptions('housekeeping.apply-retention');
      await this.queue.upsertJobScheduler(
        'housekeeping.apply-retention',
        { pattern: this.config.RETENTION_CRON, tz: 'Europe/London' },
        { name: 'housekeeping.apply-retention', data: { reason: 'scheduled' }, opts: options },
      );
    } else {
      await this.queue.removeJobScheduler('housekeeping.apply-retention');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue?.close();
  }
}

export const retentionProviders: Provider[] = [
  {
    provide: RetentionStore,
    inject: [DataSource, FieldCipher],
    useFactory: (dataSource: DataSource, cipher: FieldCipher) => new PostgresRetentionStore(dataSource, cipher),
  },
  {
    provide: ApplyRetention,
    inject: [RetentionStore, DocumentStorage, Clock],
    useFactory: (store: RetentionStore, storage: DocumentStorage, clock: Clock) =>
      new ApplyRetention(store, storage, clock),
  },
  {
    provide: PurgeExpired,
    inject: [DataSource, Clock],
    useFactory: (dataSource: DataSource, clock: Clock) =>
      new PurgeExpired(new PostgresExpiredRecords(dataSource), clock),
  },
  HousekeepingRetentionScheduler,
];
