import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentStorage } from '@redress/application';
import { addDays, addWorkingDays, calculateAward, calendarDateInUk, exampleCompleteApplication } from '@redress/domain';
import { FieldCipher, loadConfig } from '@redress/platform';
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
  const documents = mkdtempSync(join(tmpdir(), 'redress-worker-documents-'));

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
      DOCUMENT_STORAGE_DIR: documents,
    });

  beforeAll(async () => {
    [database, redis, notify, police] = await Promise.all([
      DisposableDatabase.create(process.env.DATABASE_URL!, 'wclaims'),
      DisposableRedis.start(),
      NotifyStub.start(),
      PoliceStub.start(),
    ]);
    police.reports.set('CRIS-1234567/26', { policeForce: 'metropolitan', reportedOn: '2026-03-14' });
    pool = database.pool(2);
    citizenApi = await startCitizenApi({ DATABASE_URL: database.url, REDIS_URL: redis.url });
    worker = await createWorker(workerConfig());
  });

  afterAll(async () => {
    await worker?.close();
    await citizenApi?.close();
    await Promise.all([notify?.close(), police?.close(), redis?.stop()]);
    await database?.drop();
    rmSync(documents, { recursive: true, force: true });
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

  it('renders the decision letter of a made decision into storage, attached to the claim, once', async () => {
    const citizen = await createTestCitizen(citizenApi);
    const { reference } = await submittedClaim(citizenApi, citizen);
    const claimId = await until(async () => {
      const { rows } = await pool.query(`SELECT id FROM claim WHERE reference = $1 AND status = 'triaged'`, [
        reference,
      ]);
      return rows[0]?.id as string | undefined;
    });
    // A decision as the caseworker API records it once approved (encrypted under its contexts).
    const cipher = worker.get(FieldCipher);
    const breakdown = calculateAward({ decidedOn: '2026-11-20', injuries: [{ code: 'A-WRIST-FRACTURE' }] });
    const calculationId = randomUUID();
    const decisionId = randomUUID();
    await pool.query(
      `INSERT INTO award_calculation (id, claim_id, edition, total_pence, gross_pence, calculation_encrypted,
         calculated_by_staff_id, calculated_at) VALUES ($1, $2, $3, $4, $5, $6, 'staff-1', now())`,
      [
        calculationId,
        claimId,
        breakdown.edition,
        breakdown.totalPence,
        breakdown.grossPence,
        cipher.encryptJson({ input: {}, breakdown }, `award-calculation:${calculationId}:calculation`),
      ],
    );
    await pool.query(
      `INSERT INTO claim_decision (id, claim_id, kind, award_calculation_id, amount_pence, grounds, paragraphs,
         reasons_encrypted, needs_approval, status, proposed_by_staff_id, proposed_at, approved_by_staff_id,
         approved_at, decided_on)
       VALUES ($1, $2, 'award', $3, $4, '{}', '{"para 4","para 22"}', $5, true, 'made', 'staff-1', now(), 'staff-2',
         now(), '2026-11-20')`,
      [
        decisionId,
        claimId,
        calculationId,
        breakdown.totalPence,
        cipher.encrypt('A crime of violence, reported at once.', `claim-decision:${decisionId}:reasons`),
      ],
    );
    for (let i = 0; i < 2; i++) {
      await pool.query(
        `INSERT INTO outbox_message (id, job_name, payload, ordering_key) VALUES ($1, 'documents.decision-letter', $2, $3)`,
        [randomUUID(), JSON.stringify({ claimId, decisionId }), `claim:${claimId}`],
      );
    }
    const letter = await until(async () => {
      const { rows } = await pool.query(`SELECT storage_key, size_bytes, pages FROM claim_letter WHERE claim_id = $1`, [
        claimId,
      ]);
      return rows[0];
    });
    // Encrypted on disk (FieldCipher's byte format); the store decrypts it.
    expect(readFileSync(join(documents, letter.storage_key)).subarray(0, 8).toString('latin1')).toBe('RDXENC1\0');
    const pdf = await worker.get(DocumentStorage).get(letter.storage_key);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBe(letter.size_bytes);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const parsed = await pdfjs.getDocument({
      data: new Uint8Array(pdf),
      standardFontDataUrl: `${process.cwd()}/node_modules/pdfjs-dist/standard_fonts/`,
    }).promise;
    expect(parsed.numPages).toBe(letter.pages);
    const text = (await (await parsed.getPage(1)).getTextContent()).items
      .map((item) => ('str' in item ? item.str : ''))
      .join(' ');
    expect(text).toContain(reference);
    expect(text).toContain('para 4, para 22');
    await until(async () => {
      const { rows } = await pool.query(`SELECT count(*)::int AS n FROM outbox_message WHERE dispatched_at IS NULL`);
      return rows[0].n === 0;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const letters = await pool.query(`SELECT count(*)::int AS n FROM claim_letter WHERE claim_id = $1`, [claimId]);
    expect(letters.rows[0].n).toBe(1);
  });

  async function triagedClaim(): Promise<{ claimId: string; reference: string }> {
    const citizen = await createTestCitizen(citizenApi);
    const { reference } = await submittedClaim(citizenApi, citizen);
    const claimId = await until(async () => {
      const { rows } = await pool.query(`SELECT id FROM claim WHERE reference = $1 AND status = 'triaged'`, [
        reference,
      ]);
      return rows[0]?.id as string | undefined;
    });
    return { claimId, reference };
  }

  const enqueueNow = (jobName: string, payload: object, orderingKey: string | null = null) =>
    pool.query(`INSERT INTO outbox_message (id, job_name, payload, ordering_key) VALUES ($1, $2, $3, $4)`, [
      randomUUID(),
      jobName,
      JSON.stringify(payload),
      orderingKey,
    ]);

  it('sets the service-level clock at triage and escalates a breach once', async () => {
    const { claimId } = await triagedClaim();
    const scheduled = await pool.query(
      `SELECT o.not_before, c.service_level_due_at FROM outbox_message o JOIN claim c ON c.id = $1
        WHERE o.job_name = 'claims.service-level-check' AND o.payload->>'claimId' = $1::text`,
      [claimId],
    );
    expect(scheduled.rows).toHaveLength(1);
    expect(scheduled.rows[0].not_before.getTime()).toBe(scheduled.rows[0].service_level_due_at.getTime());

    // Breached: submitted 3 days ago with a 1-day target.
    await pool.query(
      `UPDATE claim SET submitted_at = now() - interval '3 days', service_level_days = 1 WHERE id = $1`,
      [claimId],
    );
    const before = (await pool.query(`SELECT priority FROM claim WHERE id = $1`, [claimId])).rows[0].priority;
    await enqueueNow('claims.service-level-check', { claimId });
    await enqueueNow('claims.service-level-check', { claimId });
    await until(async () => {
      const { rows } = await pool.query(
        `SELECT 1 FROM clock_escalation WHERE kind = 'service-level-breached' AND subject_id = $1`,
        [claimId],
      );
      return rows.length === 1;
    });
    await new Promise((resolve) => setTimeout(resolve, 800));
    const after = (await pool.query(`SELECT priority FROM claim WHERE id = $1`, [claimId])).rows[0].priority;
    expect(after).toBe(Math.max(1, before - 1));
  });

  it('reminds the victim of an open information request once, and escalates it once it is overdue', async () => {
    const { claimId, reference } = await triagedClaim();
    const cipher = worker.get(FieldCipher);
    const today = calendarDateInUk(new Date());
    const request = async (dueOn: string) => {
      const id = randomUUID();
      await pool.query(
        `INSERT INTO information_request (id, claim_id, topic, question_encrypted, requested_by_staff_id, requested_at, due_on)
         VALUES ($1, $2, 'medical-evidence', $3, 'staff-1', now(), $4)`,
        [id, claimId, cipher.encrypt('Please send your GP letter.', `information-request:${id}:question`), dueOn],
      );
      return id;
    };
    const dueSoon = await request(addWorkingDays(today, 3));
    const overdue = await request(addDays(today, -1));

    await enqueueNow('claims.information-request-reminder', { informationRequestId: dueSoon });
    await enqueueNow('claims.information-request-reminder', { informationRequestId: dueSoon });
    await enqueueNow('claims.information-request-reminder', { informationRequestId: overdue });
    const reminder = await until(async () =>
      notify.deliveries.find((d) => d.reference === `${claimId}:claim.information-reminder:${dueSoon}`),
    );
    expect(reminder).toMatchObject({ channel: 'email', personalisation: { reference } });

    const priority = (await pool.query(`SELECT priority FROM claim WHERE id = $1`, [claimId])).rows[0].priority;
    await enqueueNow('claims.information-request-overdue', { informationRequestId: overdue });
    await enqueueNow('claims.information-request-overdue', { informationRequestId: overdue });
    await enqueueNow('claims.information-request-overdue', { informationRequestId: dueSoon });
    await until(async () => {
      const { rows } = await pool.query(`SELECT subject_id FROM clock_escalation WHERE claim_id = $1`, [claimId]);
      return rows.length === 1 && rows[0].subject_id === overdue;
    });
    await until(async () => {
      const { rows } = await pool.query(`SELECT count(*)::int AS n FROM outbox_message WHERE dispatched_at IS NULL`);
      return rows[0].n === 0;
    });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(notify.deliveries.filter((d) => d.reference?.includes('information-reminder'))).toHaveLength(1);
    const escalations = await pool.query(`SELECT subject_id FROM clock_escalation WHERE claim_id = $1`, [claimId]);
    expect(escalations.rows).toEqual([{ subject_id: overdue }]);
    const raised = (await pool.query(`SELECT priority FROM claim WHERE id = $1`, [claimId])).rows[0].priority;
    expect(raised).toBe(Math.max(1, priority - 1));
  });
});
