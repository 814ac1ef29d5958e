import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { exampleCompleteApplication } from '@redress/domain';
import { loadConfig } from '@redress/platform';
import { DisposableDatabase, DisposableRedis, NOTIFY_STUB_API_KEY, NotifyStub, PoliceStub } from '@redress/testing';
import pg from 'pg';
import { createWorker } from '../apps/worker/src/bootstrap.js';
import { WorkerConfig } from '../apps/worker/src/config.js';
import { createApplication, submit, submittedClaim } from './support/applications.js';
import { createTestCitizen, startCitizenApi } from './support/citizen-api.js';

async function until<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('worker: claim jobs from submission to triage (citizen API, outbox, relay, BullMQ, handlers)', () => {
  let database: DisposableDatabase;
  let redis: DisposableRedis;
  let notify: NotifyStub;
  let police: PoliceStub;
  let citizenApi: NestFastifyApplication;
  let worker: INestApplicationContext;
  let pool: pg.Pool;

  const workerConfig = () =>
    loadConfig(WorkerConfig, {
      ...process.env,
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      AUDIT_VERIFY_EVERY_MS: '0',
      REFERRAL_CLOCK_SWEEP_EVERY_MS: '0',
      NOTIFY_MODE: 'notify',
      NOTIFY_API_KEY: NOTIFY_STUB_API_KEY,
      NOTIFY_BASE_URL: notify.baseUrl,
      POLICE_API_BASE_URL: police.baseUrl,
      OUTBOX_POLL_INTERVAL_MS: '200',
    });

  beforeAll(async () => {
    [database, redis, notify, police] = await Promise.all([
      DisposableDatabase.create(process.env.DATABASE_URL!, 'wclaims'),
      DisposableRedis.start(),
      NotifyStub.start(),
      PoliceStub.start(),
    ]);
    police.reports.set('CRIS-1234567/26', { policeForce: 'metropolitan', reportedOn: '2026-03-14' });
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    citizenApi = await startCitizenApi({ DATABASE_URL: database.url, REDIS_URL: redis.url });
    worker = await createWorker(workerConfig());
  });

  afterAll(async () => {
    await worker?.close();
    await citizenApi?.close();
    await pool?.end();
    await Promise.all([notify?.close(), police?.close(), redis?.stop()]);
    await database?.drop();
  });

  it('assesses, triages, checks the crime reference and tells the victim once', async () => {
    const citizen = await createTestCitizen(citizenApi);
    const { reference } = await submittedClaim(citizenApi, citizen);
    const claim = await until(async () => {
      const { rows } = await pool.query(
        `SELECT id, status, team, priority, eligibility_outcome FROM claim WHERE reference = $1 AND status = 'triaged'`,
        [reference],
      );
      return rows[0];
    });
    expect(claim).toMatchObject({ status: 'triaged', team: expect.any(String), priority: expect.any(Number) });
    expect(['eligible', 'ineligible', 'refer', 'incomplete']).toContain(claim.eligibility_outcome);

    const assessment = await pool.query(
      'SELECT outcome, edition, assessment_encrypted FROM claim_automatic_assessment WHERE claim_id = $1',
      [claim.id],
    );
    expect(assessment.rows).toEqual([
      {
        outcome: claim.eligibility_outcome,
        edition: expect.stringMatching(/CICS/),
        assessment_encrypted: expect.stringMatching(/^f1\./),
      },
    ]);
    // The rule trace is stored encrypted: no fact about the crime shows in the database.
    expect(assessment.rows[0].assessment_encrypted).not.toMatch(/physical-attack|para/);
    const events = await pool.query(`SELECT type, actor_kind FROM claim_event WHERE claim_id = $1 ORDER BY version`, [
      claim.id,
    ]);
    expect(events.rows).toEqual([
      { type: 'claim.submitted', actor_kind: 'citizen' },
      { type: 'claim.triaged', actor_kind: 'system' },
    ]);

    const check = await until(async () => {
      const { rows } = await pool.query(
        'SELECT outcome, reported_on_by_police FROM crime_reference_check WHERE claim_id = $1',
        [claim.id],
      );
      return rows[0];
    });
    expect(check.outcome).toBe('confirmed');

    const delivery = await until(async () =>
      notify.deliveries.find((d) => d.reference === `${claim.id}:claim.submitted`),
    );
    expect(delivery).toMatchObject({ channel: 'email', to: 'alex@example.test', personalisation: { reference } });
    const row = await until(async () => {
      const { rows } = await pool.query(
        `SELECT status, notification_id FROM notification_delivery WHERE claim_id = $1`,
        [claim.id],
      );
      return rows[0]?.status === 'sent' ? rows[0] : undefined;
    });
    expect(row.notification_id).toBe(delivery.id);
  });

  it('replaying the jobs (same outbox rows again) changes nothing and sends nothing more', async () => {
    const citizen = await createTestCitizen(citizenApi);
    const { reference } = await submittedClaim(citizenApi, citizen);
    const { rows } = await until(async () => {
      const result = await pool.query(
        `SELECT c.id FROM claim c JOIN notification_delivery d ON d.claim_id = c.id AND d.status = 'sent'
          JOIN crime_reference_check k ON k.claim_id = c.id WHERE c.reference = $1 AND c.status = 'triaged'`,
        [reference],
      );
      return result.rows.length ? result : undefined;
    });
    const claimId = rows[0].id as string;
    const sentForClaim = () => notify.deliveries.filter((d) => d.reference === `${claimId}:claim.submitted`).length;
    expect(sentForClaim()).toBe(1);
    const policeBefore = police.requests;
    // Fresh outbox rows with new ids are new jobs: the handlers themselves must find the work done.
    await pool.query(
      `INSERT INTO outbox_message (id, job_name, payload, ordering_key)
       SELECT gen_random_uuid(), j.name, jsonb_build_object('claimId', $1::text) || j.extra, 'claim:' || $1
         FROM (VALUES ('claims.assess', '{}'::jsonb), ('claims.verify-crime-reference', '{}'::jsonb),
                      ('notifications.send', '{"event": "claim.submitted"}'::jsonb)) AS j(name, extra)`,
      [claimId],
    );
    await until(async () => {
      const pending = await pool.query('SELECT count(*)::int AS n FROM outbox_message WHERE dispatched_at IS NULL');
      return pending.rows[0].n === 0;
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(sentForClaim()).toBe(1);
    expect(police.requests).toBe(policeBefore);
    const events = await pool.query(`SELECT type FROM claim_event WHERE claim_id = $1 ORDER BY version`, [claimId]);
    expect(events.rows.map((event) => event.type)).toEqual(['claim.submitted', 'claim.triaged']);
  });

  it('texts only the safe number of a victim who chose texts, and retries the police until they answer', async () => {
    police.failures.push(503, 503);
    const citizen = await createTestCitizen(citizenApi);
    const sections = {
      ...exampleCompleteApplication(),
      'contact-preferences': {
        method: 'text',
        email: 'shared@example.test',
        phone: '07700 900123',
        safeContact: { safePhone: '07700 900456' },
      },
    };
    const { id } = await createApplication(citizenApi, citizen, sections);
    const response = await submit(citizenApi, citizen, id).expect(201);
    const delivery = await until(async () =>
      notify.deliveries.find((d) => d.personalisation.reference === response.body.reference),
    );
    expect(delivery).toMatchObject({ channel: 'sms', to: '07700 900456' });
    expect(notify.deliveries.filter((d) => d.to === 'shared@example.test' || d.to === '07700 900123')).toEqual([]);
    // Two 503s, then the external retry policy (5 s, then 10 s, with jitter) gets an answer.
    const check = await until(async () => {
      const { rows } = await pool.query(
        `SELECT k.outcome FROM crime_reference_check k JOIN claim c ON c.id = k.claim_id WHERE c.reference = $1`,
        [response.body.reference],
      );
      return rows[0];
    }, 30_000);
    expect(check.outcome).toBe('confirmed');
    expect(police.failures).toEqual([]);
  }, 45_000);
});
