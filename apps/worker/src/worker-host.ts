import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { isJobName, jobOptions, JobRegistry, parseJobPayload, queuesInUse, type QueueName } from '@redress/jobs';
import { redisOptions } from '@redress/platform';
import { Queue, Worker, type ConnectionOptions, type Job } from 'bullmq';
import { WorkerConfig } from './config.js';

/**
 * Runs one BullMQ worker per queue in use, dispatching each job by name to its one handler.
 * On shutdown it stops taking jobs and waits for those in flight to finish.
 */
@Injectable()
export class WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private readonly workers: Worker[] = [];
  private readonly queues: Queue[] = [];

  constructor(
    private readonly config: WorkerConfig,
    @Inject(JobRegistry) private readonly registry: JobRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Workers block on Redis: maxRetriesPerRequest must be null (BullMQ's production guidance).
    const connection = redisOptions(this.config.REDIS_URL, {
      maxRetriesPerRequest: null,
      connectionName: 'redress-worker',
    }) as ConnectionOptions;
    for (const queueName of queuesInUse()) {
      const worker = new Worker(queueName, (job) => this.process(job), {
        connection,
        prefix: this.config.QUEUE_PREFIX,
        concurrency: this.config.WORKER_CONCURRENCY,
        // A job whose worker died is run again once its lock lapses (BullMQ's stall detection).
        lockDuration: this.config.WORKER_LOCK_DURATION_MS,
        stalledInterval: Math.min(30_000, this.config.WORKER_LOCK_DURATION_MS),
        autorun: false,
      });
      worker.on('failed', (job, error) =>
        this.logger.warn(
          { queue: queueName, jobId: job?.id, jobName: job?.name, attempt: job?.attemptsMade, error: error.message },
          'job failed',
        ),
      );
      worker.on('error', (error) => this.logger.error({ queue: queueName, error: error.message }, 'worker error'));
      this.workers.push(worker);
      void worker.run();
    }
    await Promise.all(this.workers.map((worker) => worker.waitUntilReady()));
    await this.scheduleHousekeeping(connection);
    this.logger.log({ queues: queuesInUse(), concurrency: this.config.WORKER_CONCURRENCY }, 'worker ready');
  }

  private async scheduleHousekeeping(connection: ConnectionOptions): Promise<void> {
    const queue = new Queue('housekeeping' satisfies QueueName, { connection, prefix: this.config.QUEUE_PREFIX });
    // While Redis is down the queue reports each failed reconnect; the workers' own handlers already log it.
    queue.on('error', () => undefined);
    this.queues.push(queue);
    if (this.config.AUDIT_VERIFY_EVERY_MS > 0) {
      const { jobId: _unused, ...options } = jobOptions('housekeeping.verify-audit-chain');
      await queue.upsertJobScheduler(
        'housekeeping.verify-audit-chain',
        { every: this.config.AUDIT_VERIFY_EVERY_MS },
        { name: 'housekeeping.verify-audit-chain', data: { reason: 'scheduled' }, opts: options },
      );
    } else {
      await queue.removeJobScheduler('housekeeping.verify-audit-chain');
    }
    if (this.config.DRAFT_EXPIRY_EVERY_MS > 0) {
      const { jobId: _unused, ...options } = jobOptions('housekeeping.expire-drafts');
      await queue.upsertJobScheduler(
        'housekeeping.expire-drafts',
        { every: this.config.DRAFT_EXPIRY_EVERY_MS },
        { name: 'housekeeping.expire-drafts', data: { reason: 'scheduled' }, opts: options },
      );
    } else {
      await queue.removeJobScheduler('housekeeping.expire-drafts');
    }
  }

  private async process(job: Job): Promise<void> {
    if (!isJobName(job.name)) throw new Error(`no such job name: ${job.name}`);
    const payload = parseJobPayload(job.name, job.data);
    await this.registry.handlerFor(job.name).handle(payload, { jobId: job.id ?? '', attempt: job.attemptsMade + 1 });
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    this.logger.log({ signal }, 'worker stopping: finishing jobs in flight');
    await Promise.all(this.workers.map((worker) => worker.close()));
    await Promise.all(this.queues.map((queue) => queue.close()));
    this.logger.log('worker stopped');
  }
}
