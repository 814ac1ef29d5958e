import type { INestApplicationContext } from '@nestjs/common';
import { jobOptions } from '@redress/jobs';
import { AuditLog, loadConfig, redisOptions } from '@redress/platform';
import { Queue, QueueEvents, type ConnectionOptions } from 'bullmq';
import { createWorker } from '../apps/worker/src/bootstrap.js';
import { WorkerConfig } from '../apps/worker/src/config.js';

describe('worker', () => {
  let worker: INestApplicationContext;
  let queue: Queue;
  let events: QueueEvents;
  const config = loadConfig(WorkerConfig, {
    ...process.env,
    AUDIT_VERIFY_EVERY_MS: '0',
    OUTBOX_RELAY_ENABLED: 'false',
  });
  const connection = redisOptions(config.REDIS_URL) as ConnectionOptions;

  beforeAll(async () => {
    worker = await createWorker(config);
    queue = new Queue('housekeeping', { connection, prefix: config.QUEUE_PREFIX });
    events = new QueueEvents('housekeeping', { connection, prefix: config.QUEUE_PREFIX });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await events.close();
    await queue.close();
    await worker.close();
  });

  it('runs a job through its handler from the job table', async () => {
    await worker
      .get(AuditLog)
      .record({ actorType: 'system', actorId: null, action: 'test.ping', targetType: 'test', targetId: null });
    const job = await queue.add(
      'housekeeping.verify-audit-chain',
      { reason: 'test' },
      jobOptions('housekeeping.verify-audit-chain', 'verify-1'),
    );
    await job.waitUntilFinished(events, 10_000);
    expect(await job.getState()).toBe('completed');
  });

  it('fails a job whose payload does not match its contract, and keeps it visible', async () => {
    const job = await queue.add(
      'housekeeping.verify-audit-chain',
      { reason: 'NOT VALID', extra: 1 },
      { jobId: 'bad-1', attempts: 1 },
    );
    await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow(/invalid payload/);
    expect(await job.getState()).toBe('failed');
  });

  it('finishes jobs in flight before it stops', async () => {
    const second = await createWorker(config);
    const jobs = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        queue.add(
          'housekeeping.verify-audit-chain',
          { reason: 'drain' },
          jobOptions('housekeeping.verify-audit-chain', `drain-${i}`),
        ),
      ),
    );
    await second.close();
    for (const job of jobs) await job.waitUntilFinished(events, 10_000);
  });
});
