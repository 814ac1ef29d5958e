import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, redisOptions } from '@redress/platform';
import {
  buildWorker,
  DisposableDatabase,
  DisposableRedis,
  NOTIFY_STUB_API_KEY,
  NotifyStub,
  PoliceStub,
  removeWorkerBuild,
  startWorkerProcess,
  type WorkerProcess,
} from '@redress/testing';
import { Queue, type ConnectionOptions } from 'bullmq';
import pg from 'pg';
import { createWorker } from '../apps/worker/src/bootstrap.js';
import { WorkerConfig } from '../apps/worker/src/config.js';
import { createApplication, submit } from './support/applications.js';
import { createTestCitizen, startCitizenApi, type TestCitizen } from './support/citizen-api.js';

async function until<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Complete drafts, `perCitizen` per citizen. Callers stop Redis first: the API then skips its rate limits
 * (600 requests a minute from one address would stop a test that saves 16 sections per draft).
 */
async function completeDrafts(
  app: NestFastifyApplication,
  count: number,
  perCitizen: number,
): Promise<Array<{ citizen: TestCitizen; id: string }>> {
  const citizens = await Promise.all(
    Array.from({ length: Math.ceil(count / perCitizen) }, () => createTestCitizen(app)),
  );
  const drafts: Array<{ citizen: TestCitizen; id: string }> = [];
  for (let start = 0; start < count; start += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, count - start) }, async (_, offset) => {
        const citizen = citizens[Math.floor((start + offset) / perCitizen)]!;
        return { citizen, id: (await createApplication(app, citizen)).id };
      }),
    );
    drafts.push(...batch);
  }
  return drafts;
}

interface Harness {
  database: DisposableDatabase;
  redis: DisposableRedis;
  notify: NotifyStub;
  police: PoliceStub;
  citizenApi: NestFastifyApplication;
  pool: pg.Pool;
  workerEnv: Record<string, string>;
}

async function startHarness(label: string, notifyDelayMs = 0): Promise<Harness> {
  const [database, redis, notify, police] = await Promise.all([
    DisposableDatabase.create(process.env.DATABASE_URL!, label),
    DisposableRedis.start(),
    NotifyStub.start({ delayMs: notifyDelayMs }),
    PoliceStub.start(),
  ]);
  police.reports.set('CRIS-1234567/26', { policeForce: 'metropolitan', reportedOn: '2026-03-14' });
  let citizenApi: NestFastifyApplication;
  try {
    citizenApi = await startCitizenApi({ DATABASE_URL: database.url, REDIS_URL: redis.url });
  } catch (error) {
    // Leave no redis-server or stub behind: they would keep jest from exiting.
    await Promise.all([notify.close(), police.close(), redis.stop()]);
    await database.drop();
    throw error;
  }
  return {
    database,
    redis,
    notify,
    police,
    citizenApi,
    pool: database.pool(2),
    workerEnv: {
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: process.env.QUEUE_PREFIX!,
      AUDIT_VERIFY_EVERY_MS: '0',
      REFERRAL_CLOCK_SWEEP_EVERY_MS: '0',
      NOTIFICATION_RECOVERY_EVERY_MS: '0',
      NOTIFY_MODE: 'notify',
      NOTIFY_API_KEY: NOTIFY_STUB_API_KEY,
      NOTIFY_BASE_URL: notify.baseUrl,
      POLICE_API_BASE_URL: police.baseUrl,
      OUTBOX_POLL_INTERVAL_MS: '250',
    },
  };
}

async function stopHarness(harness: Harness | undefined): Promise<void> {
  if (!harness) return;
  await harness.citizenApi.close();
  await Promise.all([harness.notify.close(), harness.police.close(), harness.redis.stop()]);
  await harness.database.drop();
}

describe('faults: Redis down while victims submit', () => {
  let harness: Harness;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    harness = await startHarness('fredis');
    worker = await createWorker(loadConfig(WorkerConfig, { ...process.env, ...harness.workerEnv }));
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await stopHarness(harness);
  });

  it('accepts all 200 submissions, then assesses each exactly once within 30 s of Redis returning', async () => {
    await harness.redis.stop();
    const drafts = await completeDrafts(harness.citizenApi, 200, 10);

    const responses = await Promise.all(
      drafts.map(({ citizen, id }) => submit(harness.citizenApi, citizen, id, randomUUID())),
    );
    expect(responses.map((response) => response.status)).toEqual(drafts.map(() => 201));
    const pending = await harness.pool.query(
      `SELECT count(*)::int AS n, max(dispatch_attempts) AS attempts FROM outbox_message
        WHERE job_name = 'claims.assess' AND dispatched_at IS NULL`,
    );
    expect(pending.rows[0].n).toBe(200);

    // The relay tries, fails and records why (on the batch it took), backing off; then Redis comes back.
    await until(async () => {
      const { rows } = await harness.pool.query(
        `SELECT count(*)::int AS n FROM outbox_message
          WHERE dispatched_at IS NULL AND dispatch_attempts >= 1 AND last_error LIKE '%Redis%'`,
      );
      return rows[0].n > 0;
    }, 15_000);
    await harness.redis.start();
    const back = Date.now();

    await until(async () => {
      const { rows } = await harness.pool.query(`SELECT count(*)::int AS n FROM claim WHERE status = 'triaged'`);
      return rows[0].n === 200;
    }, 30_000);
    const tookMs = Date.now() - back;
    expect(tookMs).toBeLessThan(30_000);

    // Exactly once: one assessment, one triage event and one audit entry per claim.
    const counts = await harness.pool.query(`
      SELECT (SELECT count(*)::int FROM claim_automatic_assessment) AS assessments,
             (SELECT count(*)::int FROM claim_event WHERE type = 'claim.triaged') AS triaged,
             (SELECT count(DISTINCT claim_id)::int FROM claim_event WHERE type = 'claim.triaged') AS claims,
             (SELECT count(*)::int FROM audit_log WHERE action = 'claim.assessed') AS audited`);
    expect(counts.rows[0]).toEqual({ assessments: 200, triaged: 200, claims: 200, audited: 200 });
    console.log(`faults: 200 claims assessed ${tookMs} ms after Redis returned`);
  }, 120_000);
});

describe('faults: a worker killed with SIGKILL in the middle of a batch', () => {
  let harness: Harness;
  let main: string;
  const processes: WorkerProcess[] = [];

  beforeAll(async () => {
    [harness, main] = await Promise.all([startHarness('fkill', 150), Promise.resolve(buildWorker())]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(processes.map((worker) => worker.kill('SIGKILL')));
    removeWorkerBuild();
    await stopHarness(harness);
  });

  it('completes every job after the kill and delivers no notification twice', async () => {
    await harness.redis.stop();
    const drafts = await completeDrafts(harness.citizenApi, 60, 5);
    const submitted = await Promise.all(drafts.map(({ citizen, id }) => submit(harness.citizenApi, citizen, id)));
    expect(submitted.every((response) => response.status === 201)).toBe(true);
    await harness.redis.start();

    const env = { ...harness.workerEnv, WORKER_LOCK_DURATION_MS: '2000', WORKER_CONCURRENCY: '10' };
    const first = await startWorkerProcess(main, env);
    processes.push(first);
    // Kill it while messages are in flight (the Notify stub takes 150 ms a message).
    await until(async () => harness.notify.deliveries.length >= 5, 30_000);
    await first.kill('SIGKILL');
    const deliveredBeforeKill = harness.notify.deliveries.length;
    expect(deliveredBeforeKill).toBeLessThan(60);

    const second = await startWorkerProcess(main, env);
    processes.push(second);
    const connection = redisOptions(harness.redis.url) as ConnectionOptions;
    const queues = ['claims', 'notifications'].map(
      (name) => new Queue(name, { connection, prefix: process.env.QUEUE_PREFIX! }),
    );
    try {
      // 60 claims: 60 assessments and 60 crime-reference checks on `claims`, 60 messages on `notifications`.
      await until(async () => {
        const [claims, notifications] = await Promise.all(queues.map((queue) => queue.getJobCounts()));
        // The service-level clocks reach Redis through the outbox relay, a moment after each triage commits.
        return claims!.completed === 120 && notifications!.completed === 60 && claims!.delayed === 60;
      }, 60_000);
      const [claims, notifications] = await Promise.all(queues.map((queue) => queue.getJobCounts()));
      // The only jobs left are the 60 service-level clocks each triage set, months ahead.
      expect(claims).toMatchObject({ failed: 0, waiting: 0, active: 0, delayed: 60 });
      expect(notifications).toMatchObject({ failed: 0, waiting: 0, active: 0, delayed: 0 });
    } finally {
      await Promise.all(queues.map((queue) => queue.close()));
    }

    const perReference = harness.notify.countByReference();
    expect([...perReference.values()].every((count) => count === 1)).toBe(true);
    const deliveries = await harness.pool.query(
      `SELECT status, count(*)::int AS n FROM notification_delivery GROUP BY status ORDER BY status`,
    );
    const byStatus = Object.fromEntries(deliveries.rows.map((row) => [row.status, row.n]));
    // A message whose worker died mid-send stays 'sending' (never re-sent); every other one was sent once.
    expect((byStatus.sent ?? 0) + (byStatus.sending ?? 0)).toBe(60);
    expect(harness.notify.deliveries.length).toBeGreaterThanOrEqual(byStatus.sent ?? 0);
    expect(harness.notify.deliveries.length).toBeLessThanOrEqual(60);
    const triaged = await harness.pool.query(`SELECT count(*)::int AS n FROM claim WHERE status = 'triaged'`);
    expect(triaged.rows[0].n).toBe(60);
  }, 180_000);
});
