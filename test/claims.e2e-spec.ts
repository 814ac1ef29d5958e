import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { formatClaimReference } from '@redress/domain';
import { FieldCipher } from '@redress/platform';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApplication, submittedClaim } from './support/applications.js';
import { createTestCitizen, startCitizenApi, type TestCitizen } from './support/citizen-api.js';

describe('claims after submission', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let alice: TestCitizen;
  let bob: TestCitizen;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await startCitizenApi();
    db = app.get(DataSource);
  });
  beforeEach(async () => {
    alice = await createTestCitizen(app);
    bob = await createTestCitizen(app);
  });
  afterAll(async () => {
    await app.close();
  });

  /** What the caseworker API will do: ask for information (the question stored encrypted) and wait. */
  async function askForInformation(reference: string, question: string, dueOn = '2026-12-11'): Promise<string> {
    const id = randomUUID();
    const cipher = app.get(FieldCipher);
    const [claim] = await db.query('SELECT id FROM claim WHERE reference = $1', [reference]);
    await db.query(
      `INSERT INTO information_request (id, claim_id, topic, question_encrypted, requested_by_staff_id, requested_at, due_on)
       VALUES ($1, $2, 'medical-evidence', $3, 'caseworker-1', now(), $4)`,
      [id, claim.id, cipher.encrypt(question, `information-request:${id}:question`), dueOn],
    );
    await db.query(`UPDATE claim SET status = 'awaiting_information', version = version + 1 WHERE id = $1`, [claim.id]);
    return id;
  }

  async function decide(reference: string, decidedOn: string, isReview = false): Promise<void> {
    const decision = {
      outcome: 'award',
      awardPence: 2_200_00,
      proposedBy: 'cw-1',
      decidedBy: 'senior-1',
      decidedOn,
      isReview,
    };
    await db.query(`UPDATE claim SET status = 'decided', version = version + 1, decision = $2 WHERE reference = $1`, [
      reference,
      JSON.stringify(decision),
    ]);
  }

  it("lists the citizen's claims and shows one with its timeline, next step and actions", async () => {
    const { reference } = await submittedClaim(app, alice);
    const list = await http().get('/v1/claims').set('authorization', alice.authorization).expect(200);
    expect(list.body.claims).toEqual([
      expect.objectContaining({
        reference,
        status: 'submitted',
        openInformationRequests: 0,
        nextStep: expect.any(String),
      }),
    ]);
    const claim = await http().get(`/v1/claims/${reference}`).set('authorization', alice.authorization).expect(200);
    expect(claim.body).toMatchObject({
      reference,
      status: 'submitted',
      timeline: [{ event: 'claim.submitted', description: 'We received your application.' }],
      openInformationRequests: [],
      documents: [],
      decision: null,
      canWithdraw: true,
      canRequestReview: false,
    });
    expect(claim.body.nextStep).toMatch(/We will check your application/);
    const bobs = await http().get('/v1/claims').set('authorization', bob.authorization).expect(200);
    expect(bobs.body.claims).toEqual([]);
  });

  it('withdraws a claim before a decision, recording the event, the audit entry and a notification', async () => {
    const { reference } = await submittedClaim(app, alice);
    const response = await http()
      .post(`/v1/claims/${reference}/withdrawal`)
      .set('authorization', alice.authorization)
      .send({ reason: 'no-longer-wanted' })
      .expect(200);
    expect(response.body).toEqual({ reference, status: 'withdrawn' });
    const [claim] = await db.query('SELECT id, status, version FROM claim WHERE reference = $1', [reference]);
    expect(claim).toMatchObject({ status: 'withdrawn', version: 2 });
    const events = await db.query('SELECT type, data FROM claim_event WHERE claim_id = $1 ORDER BY version', [
      claim.id,
    ]);
    expect(events.map((event: { type: string }) => event.type)).toEqual(['claim.submitted', 'claim.withdrawn']);
    expect(events[1].data).toEqual({ reason: 'no-longer-wanted' });
    const [audit] = await db.query(
      `SELECT actor_id FROM audit_log WHERE target_id = $1 AND action = 'claim.withdrawn'`,
      [claim.id],
    );
    expect(audit.actor_id).toBe(alice.citizenId);
    const jobs = await db.query(
      `SELECT payload FROM outbox_message WHERE payload->>'claimId' = $1 AND job_name = 'notifications.send'`,
      [claim.id],
    );
    expect(jobs.map((job: { payload: { event: string } }) => job.payload.event)).toContain('claim.withdrawn');
    const shown = await http().get(`/v1/claims/${reference}`).set('authorization', alice.authorization).expect(200);
    expect(shown.body.timeline.map((entry: { description: string }) => entry.description)).toEqual([
      'We received your application.',
      'Your claim was withdrawn.',
    ]);
    // A second withdrawal is an illegal transition.
    const again = await http()
      .post(`/v1/claims/${reference}/withdrawal`)
      .set('authorization', alice.authorization)
      .send({ reason: 'other' })
      .expect(409);
    expect(again.body.code).toBe('claim.illegal-transition');
  });

  it('refuses a withdrawal without a valid reason with 400, changing nothing', async () => {
    const { reference } = await submittedClaim(app, alice);
    for (const body of [{}, { reason: 'bored' }, { reason: 'other', extra: true }]) {
      const response = await http()
        .post(`/v1/claims/${reference}/withdrawal`)
        .set('authorization', alice.authorization)
        .send(body)
        .expect(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const [claim] = await db.query('SELECT status FROM claim WHERE reference = $1', [reference]);
    expect(claim.status).toBe('submitted');
  });

  it('shows open information requests with due dates, takes an answer (stored encrypted) and resumes the assessment', async () => {
    const { reference } = await submittedClaim(app, alice);
    const requestId = await askForInformation(reference, 'Please send your hospital discharge letter.');
    const shown = await http().get(`/v1/claims/${reference}`).set('authorization', alice.authorization).expect(200);
    expect(shown.body.status).toBe('awaiting_information');
    expect(shown.body.openInformationRequests).toEqual([
      expect.objectContaining({
        id: requestId,
        question: 'Please send your hospital discharge letter.',
        dueOn: '2026-12-11',
        status: 'open',
      }),
    ]);
    expect(shown.body.nextStep).toMatch(/by the date shown/);

    await http()
      .post(`/v1/claims/${reference}/information-requests/${requestId}/answer`)
      .set('authorization', alice.authorization)
      .send({ answer: '' })
      .expect(400);
    const answered = await http()
      .post(`/v1/claims/${reference}/information-requests/${requestId}/answer`)
      .set('authorization', alice.authorization)
      .send({ answer: 'I will post the letter from Exampleton General today.' })
      .expect(201);
    expect(answered.body).toEqual({ reference, status: 'in_assessment' });
    const [stored] = await db.query('SELECT status, answer_encrypted FROM information_request WHERE id = $1', [
      requestId,
    ]);
    expect(stored.status).toBe('answered');
    expect(stored.answer_encrypted).toMatch(/^f1\./);
    expect(stored.answer_encrypted).not.toContain('Exampleton');
    const after = await http().get(`/v1/claims/${reference}`).set('authorization', alice.authorization).expect(200);
    expect(after.body.openInformationRequests).toEqual([]);
    expect(after.body.answeredInformationRequests[0].answer).toMatch(/discharge|letter/);
    await http()
      .post(`/v1/claims/${reference}/information-requests/${requestId}/answer`)
      .set('authorization', alice.authorization)
      .send({ answer: 'again' })
      .expect(404);
  });

  it('takes a review request with reasons within 56 days of the decision, and refuses one after', async () => {
    const { reference } = await submittedClaim(app, alice);
    const today = new Date().toISOString().slice(0, 10);
    await decide(reference, today);
    const shown = await http().get(`/v1/claims/${reference}`).set('authorization', alice.authorization).expect(200);
    expect(shown.body).toMatchObject({
      canRequestReview: true,
      canWithdraw: false,
      decision: { outcome: 'award', awardPence: 220000 },
    });
    await http()
      .post(`/v1/claims/${reference}/review-request`)
      .set('authorization', alice.authorization)
      .send({ reasons: 'short' })
      .expect(400);
    const review = await http()
      .post(`/v1/claims/${reference}/review-request`)
      .set('authorization', alice.authorization)
      .send({ reasons: 'The award does not include my lost earnings for the weeks I was off work.' })
      .expect(201);
    expect(review.body).toMatchObject({ reference, status: 'review_requested' });
    const [stored] = await db.query('SELECT reasons_encrypted FROM review_request WHERE id = $1', [
      review.body.reviewRequestId,
    ]);
    expect(stored.reasons_encrypted).toMatch(/^f1\./);
    expect(stored.reasons_encrypted).not.toContain('earnings');

    const { reference: late } = await submittedClaim(app, alice);
    await decide(late, '2025-01-01');
    const refused = await http()
      .post(`/v1/claims/${late}/review-request`)
      .set('authorization', alice.authorization)
      .send({ reasons: 'I did not see the letter until now, sorry.' })
      .expect(422);
    expect(refused.body.code).toBe('claim.review-request-late');
    const withdrawn = await http()
      .post(`/v1/claims/${late}/withdrawal`)
      .set('authorization', alice.authorization)
      .send({ reason: 'other' });
    expect(withdrawn.status).toBe(409);
  });

  it('answers 404 for a reference that does not exist, including a wrong check character', async () => {
    const { reference } = await submittedClaim(app, alice);
    const wrongCheck = reference.slice(0, -1) + (reference.endsWith('0') ? '1' : '0');
    for (const ref of [wrongCheck, formatClaimReference(2026, 999_999), 'not-a-reference']) {
      const response = await http().get(`/v1/claims/${ref}`).set('authorization', alice.authorization).expect(404);
      expect(response.body.code).toBe('claim.not-found');
    }
  });

  describe('access: another citizen gets 404 and learns nothing', () => {
    const routes: Array<[string, (reference: string, requestId: string) => [string, string, object | undefined]]> = [
      ['GET /v1/claims/{reference}', (ref) => ['get', `/v1/claims/${ref}`, undefined]],
      [
        'POST /v1/claims/{reference}/withdrawal',
        (ref) => ['post', `/v1/claims/${ref}/withdrawal`, { reason: 'other' }],
      ],
      [
        'POST /v1/claims/{reference}/review-request',
        (ref) => ['post', `/v1/claims/${ref}/review-request`, { reasons: 'Some reasons that are long enough.' }],
      ],
      [
        'POST /v1/claims/{reference}/information-requests/{id}/answer',
        (ref, requestId) => ['post', `/v1/claims/${ref}/information-requests/${requestId}/answer`, { answer: 'hello' }],
      ],
    ];

    it.each(routes)('%s', async (_name, route) => {
      const { reference } = await submittedClaim(app, alice);
      const requestId = await askForInformation(reference, 'What happened next?');
      const unknown = formatClaimReference(2026, 999_998);
      const call = (citizen: TestCitizen | null, ref: string) => {
        const [method, path, body] = route(ref, requestId);
        const base = method === 'get' ? http().get(path) : http().post(path);
        const withAuth = citizen ? base.set('authorization', citizen.authorization) : base;
        return body ? withAuth.send(body) : withAuth;
      };
      const theirs = await call(bob, reference);
      const nobody = await call(bob, unknown);
      expect(theirs.status).toBe(404);
      expect({ ...theirs.body, instance: '', requestId: '' }).toEqual({ ...nobody.body, instance: '', requestId: '' });
      expect(JSON.stringify(theirs.body)).not.toContain('What happened');
      expect((await call(null, reference)).status).toBe(401);
      const [claim] = await db.query('SELECT status FROM claim WHERE reference = $1', [reference]);
      expect(claim.status).toBe('awaiting_information');
      const [open] = await db.query('SELECT status FROM information_request WHERE id = $1', [requestId]);
      expect(open.status).toBe('open');
    });

    it('GET /v1/claims needs a signed-in citizen', async () => {
      await http().get('/v1/claims').expect(401);
    });
  });
});

describe('subject access and erasure', () => {
  let app: NestFastifyApplication;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await startCitizenApi();
  });
  afterAll(async () => {
    await app.close();
  });

  it('GET /v1/me/data returns everything held about the signed-in person, and nothing about anyone else', async () => {
    const alice = await createTestCitizen(app);
    const bob = await createTestCitizen(app);
    const { reference } = await submittedClaim(app, alice);
    const { id: draft } = await createApplication(app, alice, {
      'applying-for': { role: 'representative' },
      representative: { fullName: 'Sam Solicitor' },
    });
    await http()
      .put(`/v1/applications/${draft}/sections/applying-for`)
      .set('authorization', alice.authorization)
      .set('if-match', '"3"')
      .send({ role: 'self' })
      .expect(200);
    await submittedClaim(app, bob);

    const response = await http().get('/v1/me/data').set('authorization', alice.authorization).expect(200);
    expect(response.body.account).toMatchObject({ id: alice.citizenId, email: alice.email });
    expect(response.body.claims).toEqual([
      expect.objectContaining({
        reference,
        status: 'submitted',
        events: [expect.objectContaining({ type: 'claim.submitted' })],
      }),
    ]);
    const kept = response.body.applications.find((application: { id: string }) => application.id === draft);
    expect(kept.sections.representative).toEqual({
      answers: { fullName: 'Sam Solicitor' },
      setAside: true,
      updatedAt: expect.any(String),
    });
    expect(kept.answerHistory.map((entry: { change: string }) => entry.change)).toEqual([
      'saved',
      'saved',
      'saved',
      'set-aside',
    ]);
    const submittedApplication = response.body.applications.find(
      (application: { status: string }) => application.status === 'submitted',
    );
    expect(submittedApplication.sections.crime.answers.account).toMatch(/walking home/);
    expect(JSON.stringify(response.body)).not.toContain(bob.email);
    expect(JSON.stringify(response.body)).not.toContain(bob.citizenId);
    await http().get('/v1/me/data').expect(401);
  });
});
