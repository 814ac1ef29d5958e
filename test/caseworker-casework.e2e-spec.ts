import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addWorkingDays, calendarDateInUk, serviceLevelDueAt } from '@redress/domain';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { seedClaim, startCaseworkerApi, testStaff } from './support/caseworker-api.js';

describe('caseworker information requests and notes', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  const http = () => request(app.getHttpServer());
  beforeAll(async () => {
    app = await startCaseworkerApi();
    db = app.get(DataSource);
  });
  afterAll(async () => {
    await app.close();
  });
  const caseworker = testStaff('caseworker');
  const count = async (table: string, claimId: string) =>
    Number((await db.query(`SELECT count(*) AS n FROM ${table} WHERE claim_id = $1`, [claimId]))[0].n);

  it('asks the applicant, due in working days, and stops the service-level clock until the answer comes', async () => {
    const claim = await seedClaim(app, {
      status: 'in_assessment',
      submittedAt: new Date(Date.now() - 10 * 86_400_000),
    });
    const response = await http()
      .post(`/v1/claims/${claim.reference}/information-requests`)
      .set('authorization', caseworker.authorization)
      .set('if-match', '"1"')
      .send({
        recipient: 'applicant',
        topic: 'medical-evidence',
        question: 'Please send the fracture clinic letter.',
        workingDays: 10,
      })
      .expect(201);
    expect(response.body).toMatchObject({ status: 'awaiting_information', version: 3 });
    expect(response.body.dueOn).toBe(addWorkingDays(calendarDateInUk(new Date()), 10));
    const [paused] = await db.query(
      `SELECT status, service_level_paused_since, service_level_due_at FROM claim WHERE id = $1`,
      [claim.claimId],
    );
    expect(paused.status).toBe('awaiting_information');
    expect(paused.service_level_paused_since).not.toBeNull();
    const [stored] = await db.query(`SELECT question_encrypted, recipient FROM information_request WHERE id = $1`, [
      response.body.id,
    ]);
    expect(stored.recipient).toBe('applicant');
    expect(stored.question_encrypted).not.toContain('fracture');

    // The citizen answers two days later (the citizen API's path): the pause closes and the due date moves by two days.
    await db.query(
      `UPDATE information_request SET status = 'answered', answered_at = requested_at + interval '2 days', answer_encrypted = 'x' WHERE id = $1`,
      [response.body.id],
    );
    const [resumed] = await db.query(
      `SELECT submitted_at, service_level_days, service_level_paused_since, service_level_due_at FROM claim WHERE id = $1`,
      [claim.claimId],
    );
    const pauses = await db.query(
      `SELECT started_at AS "startedAt", ended_at AS "endedAt" FROM service_level_pause WHERE claim_id = $1`,
      [claim.claimId],
    );
    expect(resumed.service_level_paused_since).toBeNull();
    expect(pauses).toHaveLength(1);
    expect(resumed.service_level_due_at.getTime() - paused.service_level_due_at.getTime()).toBe(2 * 86_400_000);
    expect(resumed.service_level_due_at).toEqual(
      serviceLevelDueAt(
        { startedAt: resumed.submitted_at, targetDays: resumed.service_level_days, pauses },
        new Date(Date.now() + 30 * 86_400_000),
      ),
    );
  });

  it('asks the police without stopping the clock or changing the claim’s status', async () => {
    const claim = await seedClaim(app, { status: 'in_assessment' });
    const response = await http()
      .post(`/v1/claims/${claim.reference}/information-requests`)
      .set('authorization', caseworker.authorization)
      .send({
        version: 1,
        recipient: 'police',
        topic: 'police-evidence',
        question: 'Crime report and witness statements.',
        workingDays: 15,
      })
      .expect(201);
    expect(response.body.status).toBe('in_assessment');
    const [row] = await db.query(`SELECT status, service_level_paused_since FROM claim WHERE id = $1`, [claim.claimId]);
    expect(row).toEqual({ status: 'in_assessment', service_level_paused_since: null });
    expect(await count('service_level_pause', claim.claimId)).toBe(0);
  });

  it('refuses bad input, a stale or missing version and the wrong role, writing nothing', async () => {
    const claim = await seedClaim(app, { status: 'in_assessment' });
    const path = `/v1/claims/${claim.reference}/information-requests`;
    const good = {
      version: 1,
      recipient: 'gp',
      topic: 'medical-evidence',
      question: 'Records please.',
      workingDays: 10,
    };
    const bad = await http()
      .post(path)
      .set('authorization', caseworker.authorization)
      .send({ ...good, recipient: 'neighbour', workingDays: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['recipient', 'workingDays']);
    await http()
      .post(path)
      .set('authorization', caseworker.authorization)
      .send({ ...good, version: undefined })
      .expect(428);
    await http()
      .post(path)
      .set('authorization', caseworker.authorization)
      .send({ ...good, version: 7 })
      .expect(412);
    await http().post(path).set('authorization', testStaff('auditor').authorization).send(good).expect(403);
    await http().post(path).set('authorization', testStaff('team-leader').authorization).send(good).expect(403);
    expect(await count('information_request', claim.claimId)).toBe(0);
    const decided = await seedClaim(app, { status: 'decided' });
    await http()
      .post(`/v1/claims/${decided.reference}/information-requests`)
      .set('authorization', caseworker.authorization)
      .send({ ...good, recipient: 'applicant' })
      .expect(409);
  });

  it('adds notes conditionally on the version, encrypted at rest, shown in the claim view', async () => {
    const claim = await seedClaim(app, { status: 'in_assessment' });
    const path = `/v1/claims/${claim.reference}/notes`;
    const first = await http()
      .post(path)
      .set('authorization', caseworker.authorization)
      .set('if-match', '"1"')
      .send({ body: 'Spoke to the GP surgery.' })
      .expect(201);
    expect(first.body.version).toBe(2);
    // Someone else saw version 1 and writes after the first note: refused, nothing written.
    const stale = await http()
      .post(path)
      .set('authorization', testStaff('caseworker').authorization)
      .send({ version: 1, body: 'Late note' });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('claim.stale-version');
    await http()
      .post(path)
      .set('authorization', caseworker.authorization)
      .set('if-match', 'garbage')
      .send({ body: 'x' })
      .expect(400);
    await http().post(path).set('authorization', caseworker.authorization).send({ version: 2, body: '' }).expect(400);
    await http()
      .post(path)
      .set('authorization', testStaff('auditor').authorization)
      .send({ version: 2, body: 'x' })
      .expect(403);
    expect(await count('claim_note', claim.claimId)).toBe(1);
    const [stored] = await db.query(`SELECT body_encrypted FROM claim_note WHERE claim_id = $1`, [claim.claimId]);
    expect(stored.body_encrypted).not.toContain('GP');
    const view = await http()
      .get(`/v1/claims/${claim.reference}`)
      .set('authorization', caseworker.authorization)
      .expect(200);
    expect(view.headers.etag).toBe('"2"');
    expect(view.body.notes).toEqual([
      expect.objectContaining({ author: caseworker.staffId, body: 'Spoke to the GP surgery.' }),
    ]);
  });
});
