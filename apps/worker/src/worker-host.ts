import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  isJobName,
  isRetiredJobName,
  jobOptions,
  JobRegistry,
  parseJobPayload,
  queuesInUse,
  retiredJobNames,
  type QueueName,
} from '@redress/jobs';
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
      const worker = new Worker(queueName, (job) => this.process(job, connection), {
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
    const queue = this.queueFor('housekeeping', connection);
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
    const notifications = this.queueFor('notifications', connection);
    if (this.config.NOTIFICATION_RECOVERY_EVERY_MS > 0) {
      const { jobId: _unused, ...options } = jobOptions('notifications.recover-stuck');
      await notifications.upsertJobScheduler(
        'notifications.recover-stuck',
        { every: this.config.NOTIFICATION_RECOVERY_EVERY_MS },
        { name: 'notifications.recover-stuck', data: { reason: 'scheduled' }, opts: options },
      );
    } else {
      await notifications.removeJobScheduler('notifications.recover-stuck');
    }
    await this.removeRetiredSchedulers(connection);
  }

  /** Job schedulers named after a retired job (an older release made them) go, with their next delayed job. */
  private async removeRetiredSchedulers(connection: ConnectionOptions): Promise<void> {
    for (const [name, retired] of Object.entries(retiredJobNames)) {
      if (await this.queueFor(retired.queue, connection).removeJobScheduler(name)) {
        this.logger.log({ jobName: name, replacedBy: retired.replacedBy }, 'retired job scheduler removed');
      }
    }
  }

  private queueFor(name: QueueName, connection: ConnectionOptions): Queue {
    let queue = this.queues.find((candidate) => candidate.name === name);
    if (!queue) {
      queue = new Queue(name, { connection, prefix: this.config.QUEUE_PREFIX });
      // While Redis is down the queue reports each failed reconnect; the workers' own handlers already log it.
      queue.on('error', () => undefined);
      this.queues.push(queue);
    }
    return queue;
  }

  private async process(job: Job, connection: ConnectionOptions): Promise<void> {
    if (isRetiredJobName(job.name)) {
      // Queued before the name was retired (or by a replica still on an older release): nothing to do. A job from a
      // scheduler of that name takes the scheduler with it, so an older replica that re-created it stops it here.
      const retired = retiredJobNames[job.name];
      if (job.repeatJobKey) await this.queueFor(retired.queue, connection).removeJobScheduler(job.repeatJobKey);
      this.logger.log(
        { jobId: job.id, jobName: job.name, replacedBy: retired.replacedBy },
        'retired job name: completed without running',
      );
      return;
    }
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
