import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { exampleCompleteApplication, isValidClaimReference } from '@redress/domain';
import { AuditLog } from '@redress/platform';
import { DisposableRedis } from '@redress/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApplication, submit } from './support/applications.js';
import { createTestCitizen, startCitizenApi, type TestCitizen } from './support/citizen-api.js';

describe('submitting an application', () => {
  let app: NestFastifyApplication;
  let alice: TestCitizen;
  let bob: TestCitizen;
  let db: DataSource;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await startCitizenApi();
    db = app.get(DataSource);
  });
  // Submissions are rate-limited per citizen (20 a minute), so each test has citizens of its own.
  beforeEach(async () => {
    alice = await createTestCitizen(app);
    bob = await createTestCitizen(app);
  });
  afterAll(async () => {
    await app.close();
  });

  async function countFor(applicationId: string) {
    const [row] = await db.query(
      `SELECT (SELECT count(*)::int FROM claim WHERE application_id = $1) AS claims,
              (SELECT count(*)::int FROM outbox_message o JOIN claim c ON o.payload->>'claimId' = c.id::text
                 WHERE c.application_id = $1) AS jobs`,
      [applicationId],
    );
    return row as { claims: number; jobs: number };
  }

  it('makes a claim with a checked reference, the declaration, the event, the audit entry and the jobs, in one go', async () => {
    const { id } = await createApplication(app, alice);
    const key = randomUUID();
    const response = await submit(app, alice, id, key).expect(201);
    expect(response.body).toEqual({
      reference: expect.stringMatching(/^\d{2}-\d{6}-[0-9X]$/),
      status: 'submitted',
      submittedAt: expect.any(String),
      nextStep: expect.any(String),
    });
    expect(isValidClaimReference(response.body.reference)).toBe(true);
    expect(response.headers.location).toBe(`/v1/claims/${response.body.reference}`);

    const [claim] = await db.query('SELECT * FROM claim WHERE reference = $1', [response.body.reference]);
    expect(claim).toMatchObject({
      application_id: id,
      owner_citizen_id: alice.citizenId,
      status: 'submitted',
      version: 1,
      applicant_role: 'self',
      crime_reference_given: true,
      declaration_version: exampleCompleteApplication().declaration.wordingVersion,
      declared_by_citizen_id: alice.citizenId,
    });
    const events = await db.query(
      'SELECT type, from_status, to_status, actor_kind FROM claim_event WHERE claim_id = $1',
      [claim.id],
    );
    expect(events).toEqual([
      { type: 'claim.submitted', from_status: 'draft', to_status: 'submitted', actor_kind: 'citizen' },
    ]);
    const audit = await db.query(`SELECT action, actor_type, actor_id, details FROM audit_log WHERE target_id = $1`, [
      claim.id,
    ]);
    expect(audit).toEqual([
      {
        action: 'claim.submitted',
        actor_type: 'citizen',
        actor_id: alice.citizenId,
        details: expect.objectContaining({ reference: response.body.reference, applicationId: id }),
      },
    ]);
    const jobs = await db.query(
      `SELECT job_name, payload, ordering_key FROM outbox_message WHERE payload->>'claimId' = $1 ORDER BY position`,
      [claim.id],
    );
    expect(jobs).toEqual([
      { job_name: 'claims.assess', payload: { claimId: claim.id }, ordering_key: `claim:${claim.id}` },
      { job_name: 'claims.verify-crime-reference', payload: { claimId: claim.id }, ordering_key: `claim:${claim.id}` },
      {
        job_name: 'notifications.send',
        payload: { claimId: claim.id, event: 'claim.submitted' },
        ordering_key: `claim:${claim.id}`,
      },
    ]);
    const [application] = await db.query('SELECT status, expires_at FROM application WHERE id = $1', [id]);
    expect(application).toEqual({ status: 'submitted', expires_at: null });
    expect((await app.get(AuditLog).verify()).ok).toBe(true);

    // The draft is frozen now.
    const view = await http().get(`/v1/applications/${id}`).set('authorization', alice.authorization).expect(200);
    expect(view.body).toMatchObject({ status: 'submitted', claimReference: response.body.reference, expiresAt: null });
    await http()
      .put(`/v1/applications/${id}/sections/crime`)
      .set('authorization', alice.authorization)
      .set('if-match', view.headers.etag!)
      .send({})
      .expect(409);
    await http().delete(`/v1/applications/${id}`).set('authorization', alice.authorization).expect(409);
  });

  it('emits no crime-reference check when no crime reference was given', async () => {
    const example = exampleCompleteApplication();
    const { crimeReference: _omitted, ...crime } = example.crime;
    const { id } = await createApplication(app, alice, { ...example, crime });
    const response = await submit(app, alice, id).expect(201);
    const jobs = await db.query(
      `SELECT o.job_name FROM outbox_message o JOIN claim c ON o.payload->>'claimId' = c.id::text WHERE c.reference = $1`,
      [response.body.reference],
    );
    expect(jobs.map((job: { job_name: string }) => job.job_name).sort()).toEqual([
      'claims.assess',
      'notifications.send',
    ]);
  });

  it('answers the same result to the same key, and 422 to the same key with a different request', async () => {
    const { id } = await createApplication(app, alice);
    const key = randomUUID();
    const first = await submit(app, alice, id, key).expect(201);
    const again = await submit(app, alice, id, key).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const different = await submit(app, alice, id, key).send({ applicationVersion: 3 }).expect(422);
    expect(different.body.code).toBe('idempotency.key-reused');
    const { id: other } = await createApplication(app, alice);
    const otherTarget = await submit(app, alice, other, key).expect(422);
    expect(otherTarget.body.code).toBe('idempotency.key-reused');
    expect(await countFor(id)).toEqual({ claims: 1, jobs: 3 });
    // A new key for an application already sent: 409, and still one claim.
    const newKey = await submit(app, alice, id).expect(409);
    expect(newKey.body.code).toBe('application.already-submitted');
    expect(await countFor(id)).toEqual({ claims: 1, jobs: 3 });
  });

  it('never makes two claims from concurrent duplicates, with the same key or different keys', async () => {
    const { id } = await createApplication(app, alice);
    const key = randomUUID();
    const sameKey = await Promise.all(Array.from({ length: 8 }, () => submit(app, alice, id, key)));
    expect(sameKey.map((response) => response.status)).toEqual(Array(8).fill(201));
    expect(new Set(sameKey.map((response) => response.body.reference)).size).toBe(1);
    expect(await countFor(id)).toEqual({ claims: 1, jobs: 3 });

    const { id: second } = await createApplication(app, alice);
    const differentKeys = await Promise.all(Array.from({ length: 8 }, () => submit(app, alice, second)));
    expect(differentKeys.filter((response) => response.status === 201)).toHaveLength(1);
    expect(differentKeys.filter((response) => response.status === 409)).toHaveLength(7);
    expect(await countFor(second)).toEqual({ claims: 1, jobs: 3 });
  });

  it('answers 428 without a key and 400 for a malformed key, writing nothing', async () => {
    const { id } = await createApplication(app, alice);
    const missing = await http()
      .post(`/v1/applications/${id}/submission`)
      .set('authorization', alice.authorization)
      .expect(428);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.body.code).toBe('idempotency.key-required');
    for (const key of ['short', 'has spaces in it', 'x'.repeat(300), 'ünïcode-key-123']) {
      const malformed = await submit(app, alice, id, key).expect(400);
      expect(malformed.body.code).toBe('idempotency.key-invalid');
    }
    const badBody = await submit(app, alice, id).send({ applicationVersion: 'two', extra: 1 }).expect(400);
    expect([...new Set(badBody.body.errors.map((error: { field: string }) => error.field))].sort()).toEqual([
      'applicationVersion',
      'extra',
    ]);
    expect(await countFor(id)).toEqual({ claims: 0, jobs: 0 });
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM idempotency_record WHERE citizen_id = $1 AND key = 'short'`,
      [alice.citizenId],
    );
    expect(count).toBe(0);
  });

  it('answers 422 listing the incomplete sections, keeps the draft, and lets the key be used once it is complete', async () => {
    const example: Record<string, object> = exampleCompleteApplication();
    delete example.convictions;
    const { id, etag } = await createApplication(app, alice, { ...example, injuries: { sexualAssault: false } });
    const key = randomUUID();
    const response = await submit(app, alice, id, key).expect(422);
    expect(response.body.code).toBe('application.incomplete');
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'convictions', message: 'not started' },
        { field: 'injuries', message: expect.stringContaining('physicalInjuries') },
      ]),
    );
    expect(await countFor(id)).toEqual({ claims: 0, jobs: 0 });
    // Finishing the sections makes the declaration stale: it must be made again after the last change.
    let current = etag;
    for (const [section, answers] of Object.entries({
      injuries: exampleCompleteApplication().injuries,
      convictions: { hasUnspentConvictions: false },
    })) {
      const saved = await http()
        .put(`/v1/applications/${id}/sections/${section}`)
        .set('authorization', alice.authorization)
        .set('if-match', current)
        .send(answers)
        .expect(200);
      current = saved.headers.etag!;
    }
    const stale = await submit(app, alice, id, key).expect(422);
    expect(stale.body.errors).toEqual([{ field: 'declaration', message: 'still needs: agreed' }]);
    await http()
      .put(`/v1/applications/${id}/sections/declaration`)
      .set('authorization', alice.authorization)
      .set('if-match', current)
      .send(exampleCompleteApplication().declaration)
      .expect(200);
    await submit(app, alice, id, key).expect(201);
  });

  it('answers 412 when the answers changed after the version the applicant checked', async () => {
    const { id, etag } = await createApplication(app, alice);
    const version = Number(etag.replace(/"/g, ''));
    await submit(app, alice, id)
      .send({ applicationVersion: version - 1 })
      .expect(412);
    await submit(app, alice, id).send({ applicationVersion: version }).expect(201);
  });

  it('limits submissions per citizen (20 a minute) with 429 problem+json', async () => {
    const id = randomUUID();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 21; attempt += 1) statuses.push((await submit(app, alice, id)).status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(404));
    expect(statuses[20]).toBe(429);
    // Another citizen is not held back.
    await submit(app, bob, id).expect(404);
  });

  it("keeps each citizen's keys apart, and another citizen gets 404 for the application", async () => {
    const { id } = await createApplication(app, alice);
    const key = randomUUID();
    const bobs = await submit(app, bob, id, key).expect(404);
    expect(bobs.body.code).toBe('application.not-found');
    await submit(app, alice, id, key).expect(201);
  });
});

describe('submitting while Redis is down', () => {
  let redis: DisposableRedis;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    redis = await DisposableRedis.start();
    app = await startCitizenApi({ REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await app.close();
    await redis.stop();
  });

  it('still answers 201 with the reference, the jobs waiting in the outbox', async () => {
    const citizen = await createTestCitizen(app);
    const { id } = await createApplication(app, citizen);
    await redis.stop();
    const started = Date.now();
    const response = await submit(app, citizen, id).expect(201);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(isValidClaimReference(response.body.reference)).toBe(true);
    const [{ pending }] = await app.get(DataSource).query(
      `SELECT count(*)::int AS pending FROM outbox_message o JOIN claim c ON o.payload->>'claimId' = c.id::text
         WHERE c.reference = $1 AND o.dispatched_at IS NULL`,
      [response.body.reference],
    );
    expect(pending).toBe(3);
  });
});
