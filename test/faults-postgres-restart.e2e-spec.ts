import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createDatabaseIfMissing, runMigrations } from '@redress/persistence';
import { loadConfig } from '@redress/platform';
import { DisposablePostgres, DisposableRedis, NOTIFY_STUB_API_KEY, NotifyStub, PoliceStub } from '@redress/testing';
import pg from 'pg';
import { createWorker } from '../apps/worker/src/bootstrap.js';
import { WorkerConfig } from '../apps/worker/src/config.js';
import { createApplication, submit } from './support/applications.js';
import { createTestCitizen, startCitizenApi, type TestCitizen } from './support/citizen-api.js';

/**
 * PostgreSQL restarted under load. The restart is of a cluster of this test's own (not the shared server every
 * other suite is using at the same moment), so the suite can run in parallel with the rest of `npm test`.
 */
describe('faults: PostgreSQL restarted under load', () => {
  let postgres: DisposablePostgres;
  let redis: DisposableRedis;
  let notify: NotifyStub;
  let police: PoliceStub;
  let citizenApi: NestFastifyApplication;
  let worker: INestApplicationContext;
  let pool: pg.Pool;
  let databaseUrl: string;

  beforeAll(async () => {
    [postgres, redis, notify, police] = await Promise.all([
      DisposablePostgres.start(),
      DisposableRedis.start(),
      NotifyStub.start(),
      PoliceStub.start(),
    ]);
    databaseUrl = postgres.url('redress_faults');
    await createDatabaseIfMissing(databaseUrl);
    await runMigrations(databaseUrl);
    pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    pool.on('error', () => undefined);
    citizenApi = await startCitizenApi({ DATABASE_URL: databaseUrl, REDIS_URL: redis.url });
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await citizenApi?.close();
    await pool?.end();
    await Promise.all([notify?.close(), police?.close(), redis?.stop()]);
    postgres?.drop();
  });

  it('keeps the worker going: claims submitted before, during and after the restart are all assessed', async () => {
    // Drafts first, with Redis stopped so that the API's per-address rate limit does not count them.
    await redis.stop();
    const citizens: TestCitizen[] = await Promise.all(Array.from({ length: 8 }, () => createTestCitizen(citizenApi)));
    const drafts = await Promise.all(
      Array.from({ length: 40 }, async (_, index) => {
        const citizen = citizens[index % citizens.length]!;
        return { citizen, id: (await createApplication(citizenApi, citizen)).id };
      }),
    );
    await redis.start();
    worker = await createWorker(
      loadConfig(WorkerConfig, {
        ...process.env,
        DATABASE_URL: databaseUrl,
        REDIS_URL: redis.url,
        AUDIT_VERIFY_EVERY_MS: '0',
        REFERRAL_CLOCK_SWEEP_EVERY_MS: '0',
        NOTIFICATION_RECOVERY_EVERY_MS: '0',
        NOTIFY_MODE: 'notify',
        NOTIFY_API_KEY: NOTIFY_STUB_API_KEY,
        NOTIFY_BASE_URL: notify.baseUrl,
        POLICE_API_BASE_URL: police.baseUrl,
        OUTBOX_POLL_INTERVAL_MS: '250',
      }),
    );

    // Submissions at a steady pace; the database restarts after the first ten.
    const accepted: string[] = [];
    let restart: Promise<void> | undefined;
    for (const [index, draft] of drafts.entries()) {
      // Restart while submissions and jobs are running; the loop carries on during it.
      if (index === 10) restart = postgres.restart();
      const response = await submit(citizenApi, draft.citizen, draft.id, randomUUID());
      // During the restart the API may answer 500/503; those victims would try again. Count the accepted ones.
      if (response.status === 201) accepted.push(response.body.reference as string);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await restart;
    expect(accepted.length).toBeGreaterThanOrEqual(25);
    const refused = drafts.length - accepted.length;

    const deadline = Date.now() + 45_000;
    let triaged = 0;
    while (Date.now() < deadline) {
      try {
        const { rows } = await pool.query(
          `SELECT count(*)::int AS n FROM claim WHERE status = 'triaged' AND reference = ANY($1)`,
          [accepted],
        );
        triaged = rows[0].n;
        if (triaged === accepted.length) break;
      } catch {
        // the test's own pool meets the restart too
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(triaged).toBe(accepted.length);
    // Notifications are their own jobs and may still be on their way when the last claim is triaged.
    const notifiedAll = () => {
      const notified = new Set(notify.deliveries.map((delivery) => delivery.personalisation.reference));
      return accepted.every((reference) => notified.has(reference));
    };
    while (!notifiedAll() && Date.now() < deadline + 15_000) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(notifiedAll()).toBe(true);
    expect([...notify.countByReference().values()].every((count) => count === 1)).toBe(true);
    console.log(
      `faults: PostgreSQL restarted; ${accepted.length} submissions accepted (${refused} refused during the restart), all assessed`,
    );
  }, 120_000);
});
