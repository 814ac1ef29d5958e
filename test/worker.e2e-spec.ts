import type { INestApplicationContext } from '@nestjs/common';
import { jobOptions } from '@redress/jobs';
import { AuditLog, loadConfig, redisOptions } from '@redress/platform';
import { Queue, QueueEvents, type ConnectionOptions } from 'bullmq';
import { DataSource } from 'typeorm';
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

  it('seals committed audit entries into the chain by itself', async () => {
    const entry = await worker
      .get(AuditLog)
      .record({ actorType: 'system', actorId: null, action: 'test.sealed', targetType: 'test', targetId: null });
    const dataSource = worker.get(DataSource);
    let sealed: Array<{ chain_position: string | null }> = [];
    for (let i = 0; i < 50; i += 1) {
      sealed = await dataSource.query('SELECT chain_position FROM audit_log WHERE id = $1', [entry.id]);
      if (sealed[0]?.chain_position) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(sealed[0]?.chain_position).toEqual(expect.any(String));
    await expect(worker.get(AuditLog).verify()).resolves.toMatchObject({ ok: true });
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
