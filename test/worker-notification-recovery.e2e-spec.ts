import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { StuckDelivery } from '@redress/application';
import { loadConfig, redisOptions } from '@redress/platform';
import { DisposableDatabase, DisposableRedis, NOTIFY_STUB_API_KEY, NotifyStub, PoliceStub } from '@redress/testing';
import { Queue, type ConnectionOptions } from 'bullmq';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { PostgresNotificationDeliveries } from '../apps/worker/src/adapters/postgres-notification-adapters.js';
import { createWorker } from '../apps/worker/src/bootstrap.js';
import { WorkerConfig } from '../apps/worker/src/config.js';
import { submittedClaim } from './support/applications.js';
import { createTestCitizen, startCitizenApi } from './support/citizen-api.js';

async function until<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface DeliveryRow {
  status: string;
  notification_id: string | null;
  attempts: number;
  last_error: string | null;
}

/**
 * Deliveries left `sending` (Notify never answered; a worker died between claiming the row and recording the
 * answer) are rechecked by `notifications.recover-stuck`, which asks Notify by our reference: a message it holds is
 * recorded as sent, one it never got is sent again, once. Real PostgreSQL, Redis, citizen API, relay and worker;
 * the Notify stub speaks Notify's API to the official client and can take a message without answering.
 */
describe('worker: notifications stuck in sending are rechecked with Notify by reference', () => {
  let database: DisposableDatabase;
  let redis: DisposableRedis;
  let notify: NotifyStub;
  let police: PoliceStub;
  let citizenApi: NestFastifyApplication;
  let worker: INestApplicationContext;
  let pool: pg.Pool;

  beforeAll(async () => {
    [database, redis, notify, police] = await Promise.all([
      DisposableDatabase.create(process.env.DATABASE_URL!, 'notifyrec'),
      DisposableRedis.start(),
      NotifyStub.start(),
      PoliceStub.start(),
    ]);
    pool = database.pool(2);
    citizenApi = await startCitizenApi({ DATABASE_URL: database.url, REDIS_URL: redis.url });
    worker = await createWorker(
      loadConfig(WorkerConfig, {
        ...process.env,
        DATABASE_URL: database.url,
        REDIS_URL: redis.url,
        AUDIT_VERIFY_EVERY_MS: '0',
        REFERRAL_CLOCK_SWEEP_EVERY_MS: '0',
        NOTIFY_MODE: 'notify',
        NOTIFY_API_KEY: NOTIFY_STUB_API_KEY,
        NOTIFY_BASE_URL: notify.baseUrl,
        NOTIFY_TIMEOUT_MS: '300',
        NOTIFICATION_STUCK_AFTER_MS: '1500',
        NOTIFICATION_RECOVERY_EVERY_MS: '500',
        NOTIFICATION_RECOVERY_LOOK_BACK_MS: String(24 * 3600 * 1000),
        POLICE_API_BASE_URL: police.baseUrl,
        OUTBOX_POLL_INTERVAL_MS: '200',
      }),
    );
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await citizenApi?.close();
    await Promise.all([notify?.close(), police?.close(), redis?.stop()]);
    await database?.drop();
  }, 30_000);

  const delivery = async (claimId: string, event: string): Promise<DeliveryRow | undefined> =>
    (
      await pool.query<DeliveryRow>(
        `SELECT status, notification_id, attempts, last_error FROM notification_delivery
          WHERE claim_id = $1 AND event = $2`,
        [claimId, event],
      )
    ).rows[0];

  async function submitted(): Promise<string> {
    const citizen = await createTestCitizen(citizenApi);
    const { reference } = await submittedClaim(citizenApi, citizen);
    return until(async () => {
      const { rows } = await pool.query(`SELECT id FROM claim WHERE reference = $1`, [reference]);
      return rows[0]?.id as string | undefined;
    });
  }

  it('is scheduled by the worker (NOTIFICATION_RECOVERY_EVERY_MS)', async () => {
    const queue = new Queue('notifications', {
      connection: redisOptions(redis.url) as ConnectionOptions,
      prefix: process.env.QUEUE_PREFIX,
    });
    try {
      expect(await queue.getJobScheduler('notifications.recover-stuck')).toMatchObject({ every: 500 });
    } finally {
      await queue.close();
    }
  });

  it('Notify took the message but its answer never came: recorded as sent with its id, not sent again', async () => {
    notify.unanswered.push('accepted');
    const claimId = await submitted();
    const reference = `${claimId}:claim.submitted`;
    // The send times out (300 ms) and leaves the row sending...
    await until(async () => (await delivery(claimId, 'claim.submitted'))?.status === 'sending');
    // ...until the recovery asks Notify, which has it.
    const row = await until(async () => {
      const found = await delivery(claimId, 'claim.submitted');
      return found?.status === 'sent' ? found : undefined;
    });
    const held = notify.deliveries.filter((d) => d.reference === reference);
    expect(held).toHaveLength(1);
    expect(row).toEqual({
      status: 'sent',
      notification_id: held[0]!.id,
      attempts: 1,
      last_error: expect.stringMatching(/found at Notify/),
    });
    expect(notify.lookups).toContain(reference);
    // The job's own retries and later recovery runs change nothing.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(notify.deliveries.filter((d) => d.reference === reference)).toHaveLength(1);
  }, 60_000);

  it('the request never reached Notify: released and sent again, exactly once', async () => {
    notify.unanswered.push('lost');
    const claimId = await submitted();
    const reference = `${claimId}:claim.submitted`;
    await until(async () => (await delivery(claimId, 'claim.submitted'))?.status === 'sending');
    expect(notify.deliveries.filter((d) => d.reference === reference)).toHaveLength(0);
    const row = await until(async () => {
      const found = await delivery(claimId, 'claim.submitted');
      return found?.status === 'sent' ? found : undefined;
    });
    const held = notify.deliveries.filter((d) => d.reference === reference);
    expect(held).toHaveLength(1);
    expect(row).toMatchObject({ status: 'sent', notification_id: held[0]!.id, attempts: 2 });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(notify.deliveries.filter((d) => d.reference === reference)).toHaveLength(1);
  }, 60_000);

  it('a worker died after claiming the row: sent once, keeping its occurrence; rows older than the look-back are left alone', async () => {
    const claimId = await submitted();
    await until(async () => (await delivery(claimId, 'claim.submitted'))?.status === 'sent');
    // What a worker killed between the claim and the answer leaves: rows sending, never sent.
    await pool.query(
      `INSERT INTO notification_delivery (claim_id, event, status, channel, claimed_at)
       VALUES ($1, 'claim.decided', 'sending', 'email', now() - interval '1 hour'),
              ($1, 'claim.information-reminder:4bd6f7f3-2d1a-4c42-9f4e-0d1f6f8e1a11', 'sending', 'email',
               now() - interval '2 hours'),
              ($1, 'claim.information-requested', 'sending', 'email', now() - interval '3 days')`,
      [claimId],
    );
    const decided = await until(async () => {
      const found = await delivery(claimId, 'claim.decided');
      return found?.status === 'sent' ? found : undefined;
    });
    expect(decided.attempts).toBe(2);
    const reminderEvent = 'claim.information-reminder:4bd6f7f3-2d1a-4c42-9f4e-0d1f6f8e1a11';
    await until(async () => (await delivery(claimId, reminderEvent))?.status === 'sent');
    expect(notify.countByReference().get(`${claimId}:claim.decided`)).toBe(1);
    expect(notify.countByReference().get(`${claimId}:${reminderEvent}`)).toBe(1);
    const reminder = notify.deliveries.find((d) => d.reference === `${claimId}:${reminderEvent}`)!;
    expect(reminder.templateId).toBe('5d7f4a61-6a6e-4c0b-9f1e-2c3b7a1d0007');

    // Three days back is past the look-back (one day here): Notify may no longer say, so nobody asks.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await delivery(claimId, 'claim.information-requested'))?.status).toBe('sending');
    expect(notify.lookups).not.toContain(`${claimId}:claim.information-requested`);
    expect(notify.countByReference().get(`${claimId}:claim.information-requested`)).toBeUndefined();
  }, 60_000);

  it('Notify does not answer the look-up: nothing changes until it does', async () => {
    const claimId = await submitted();
    await until(async () => (await delivery(claimId, 'claim.submitted'))?.status === 'sent');
    const reference = `${claimId}:claim.decided`;
    notify.lookupFailures.push(503, 503, 503);
    await pool.query(
      `INSERT INTO notification_delivery (claim_id, event, status, channel, claimed_at)
       VALUES ($1, 'claim.decided', 'sending', 'email', now() - interval '1 hour')`,
      [claimId],
    );
    await until(async () => notify.lookupFailures.length === 0);
    // Every failed look-up left the row as it was (no send, no release).
    expect(notify.deliveries.filter((d) => d.reference === reference)).toHaveLength(0);
    const row = await until(async () => {
      const found = await delivery(claimId, 'claim.decided');
      return found?.status === 'sent' ? found : undefined;
    });
    expect(notify.lookups.filter((asked) => asked === reference).length).toBeGreaterThanOrEqual(2);
    expect(notify.countByReference().get(reference)).toBe(1);
    expect(row.attempts).toBe(2);
  }, 60_000);

  it('pages through stuck rows once each, even rows claimed within one millisecond', async () => {
    const claimId = await submitted();
    await until(async () => (await delivery(claimId, 'claim.submitted'))?.status === 'sent');
    // Far outside the look-back the worker uses, so only this test reads them; microseconds, as SQL's now() writes.
    const events = ['claim.p-a', 'claim.p-b', 'claim.p-c', 'claim.p-d', 'claim.p-e'];
    for (const [index, event] of events.entries()) {
      await pool.query(
        `INSERT INTO notification_delivery (claim_id, event, status, channel, claimed_at)
         VALUES ($1, $2, 'sending', 'email', $3)`,
        [claimId, event, `2026-01-05T10:00:00.1234${index}6Z`],
      );
    }
    const deliveries = new PostgresNotificationDeliveries(worker.get(DataSource));
    const seen: string[] = [];
    let after: StuckDelivery | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const page = await deliveries.findStuck(new Date('2026-01-06'), new Date('2026-01-04'), after, 2);
      seen.push(...page.map((row) => row.event));
      if (page.length < 2) break;
      after = page[page.length - 1]!;
    }
    expect(seen.sort()).toEqual(events);
  });
});
