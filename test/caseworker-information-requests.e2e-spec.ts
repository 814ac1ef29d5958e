import { createHash, randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { informationRequestClockTimes } from '@redress/application';
import { addDays, addWorkingDays, calendarDateInUk, isWorkingDay } from '@redress/domain';
import { FieldCipher } from '@redress/platform';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CitizenAccessTokens } from '../apps/citizen-api/src/auth/index.js';
import {
  auditEntriesFor,
  seedClaim,
  startCaseworkerApi,
  testStaff,
  type SeededClaim,
} from './support/caseworker-api.js';
import { startCitizenApi } from './support/citizen-api.js';

/**
 * The staff side of an information request's life: moving its due date (clocks written again), recording a third
 * party's reply, cancelling it (the last one to the applicant resumes the assessment and the service-level clock),
 * and what the staff and citizen views show afterwards.
 */
describe('caseworker information requests: due date, third-party reply, cancellation', () => {
  let staffApi: NestFastifyApplication;
  let citizenApi: NestFastifyApplication;
  let db: DataSource;
  let cipher: FieldCipher;
  const caseworker = testStaff('caseworker');
  const senior = testStaff('senior-caseworker');
  beforeAll(async () => {
    staffApi = await startCaseworkerApi();
    citizenApi = await startCitizenApi();
    db = staffApi.get(DataSource);
    cipher = staffApi.get(FieldCipher);
  });
  afterAll(async () => {
    await citizenApi.close();
    await staffApi.close();
  });
  const staff = () => request(staffApi.getHttpServer());
  const citizen = () => request(citizenApi.getHttpServer());
  const ownerOf = (claim: SeededClaim) =>
    `Bearer ${citizenApi.get(CitizenAccessTokens).issue(claim.citizenId).accessToken}`;
  const today = () => calendarDateInUk(new Date());

  const claimRow = async (claimId: string) =>
    (
      await db.query<
        Array<{ status: string; version: number; due: Date; paused_since: Date | null; priority: number }>
      >(
        `SELECT status, version, service_level_due_at AS due, service_level_paused_since AS paused_since, priority
           FROM claim WHERE id = $1`,
        [claimId],
      )
    )[0]!;
  const requestRow = async (id: string) =>
    (
      await db.query<Array<Record<string, unknown>>>(
        `SELECT status, to_char(due_on, 'YYYY-MM-DD') AS due_on, answered_at, answer_encrypted, answered_by_staff_id,
           answered_by_citizen_id, document_ids, cancelled_at, cancelled_by_staff_id, cancellation_reason_encrypted,
           version FROM information_request WHERE id = $1`,
        [id],
      )
    )[0]!;
  const outbox = (claimId: string) =>
    db.query<Array<{ job_name: string; payload: Record<string, string>; not_before: Date | null }>>(
      `SELECT job_name, payload, not_before FROM outbox_message
        WHERE payload->>'claimId' = $1::text
           OR payload->>'informationRequestId' IN (SELECT id::text FROM information_request WHERE claim_id = $1::uuid)
        ORDER BY position`,
      [claimId],
    );
  const events = (claimId: string) =>
    db.query<Array<{ type: string; version: number; from_status: string; to_status: string; data: object }>>(
      `SELECT type, version, from_status, to_status, data FROM claim_event WHERE claim_id = $1 ORDER BY version`,
      [claimId],
    );
  /** Everything a refused call must leave as it was. */
  const snapshot = async (claim: SeededClaim) => ({
    claim: await claimRow(claim.claimId),
    requests: await db.query(`SELECT * FROM information_request WHERE claim_id = $1 ORDER BY id`, [claim.claimId]),
    changes: await db.query(`SELECT * FROM information_request_due_date_change WHERE claim_id = $1`, [claim.claimId]),
    events: await events(claim.claimId),
    outbox: await outbox(claim.claimId),
    audit: (await auditEntriesFor(staffApi, claim.claimId)).filter((entry) => entry.action !== 'claim.read'),
  });

  async function ask(claim: SeededClaim, recipient: string, workingDays = 10): Promise<{ id: string; dueOn: string }> {
    const response = await staff()
      .post(`/v1/claims/${claim.reference}/information-requests`)
      .set('authorization', caseworker.authorization)
      .send({
        version: (await claimRow(claim.claimId)).version,
        recipient,
        topic: recipient === 'applicant' ? 'medical-evidence' : 'police-evidence',
        question: `Synthetic question for the ${recipient}`,
        workingDays,
      })
      .expect(201);
    return response.body as { id: string; dueOn: string };
  }
  const post = async (claim: SeededClaim, requestId: string, action: string, body: object, as = caseworker) =>
    staff()
      .post(`/v1/claims/${claim.reference}/information-requests/${requestId}/${action}`)
      .set('authorization', as.authorization)
      .set('if-match', `"${(await claimRow(claim.claimId)).version}"`)
      .send(body);
  const staffView = async (claim: SeededClaim) =>
    (await staff().get(`/v1/claims/${claim.reference}`).set('authorization', caseworker.authorization).expect(200))
      .body as {
      claim: { version: number; status: string };
      timeline: Array<{ type: string; from: string; to: string; data: Record<string, unknown> }>;
      tasks: Array<{ kind: string; informationRequestId?: string }>;
      documents: Array<{ id: string; informationRequestId: string }>;
      informationRequests: Array<Record<string, unknown> & { id: string }>;
    };

  /** A working day at least `n` working days away (for a due date given as a date). */
  const workingDayAfter = (n: number) => {
    let date = addWorkingDays(today(), n);
    while (!isWorkingDay(date)) date = addDays(date, 1);
    return date;
  };

  describe('moving a due date', () => {
    it('moves it by working days, writes the clocks of the new date, and records old and new dates', async () => {
      const claim = await seedClaim(staffApi, { status: 'in_assessment' });
      const asked = await ask(claim, 'applicant', 10);
      const before = await claimRow(claim.claimId);
      const response = await post(claim, asked.id, 'due-date', {
        workingDays: 20,
        reason: 'Synthetic reason: the applicant is in hospital.',
      });
      expect(response.status).toBe(200);
      const dueOn = addWorkingDays(today(), 20);
      expect(response.body).toEqual({ id: asked.id, previousDueOn: asked.dueOn, dueOn, version: before.version + 1 });
      expect(await requestRow(asked.id)).toMatchObject({ status: 'open', due_on: dueOn });
      // The claim still waits on the applicant; the clock is still stopped.
      expect(await claimRow(claim.claimId)).toMatchObject({
        status: 'awaiting_information',
        version: before.version + 1,
      });
      expect((await claimRow(claim.claimId)).paused_since).not.toBeNull();

      // Clocks: those of the first date stay (they find the request due later and do nothing), the new ones follow.
      const oldTimes = informationRequestClockTimes(asked.dueOn);
      const newTimes = informationRequestClockTimes(dueOn);
      const clocks = (await outbox(claim.claimId)).filter((row) => row.job_name.startsWith('claims.information'));
      expect(clocks).toEqual([
        {
          job_name: 'claims.information-request-reminder',
          payload: { informationRequestId: asked.id },
          not_before: oldTimes.remindAt,
        },
        {
          job_name: 'claims.information-request-overdue',
          payload: { informationRequestId: asked.id },
          not_before: oldTimes.overdueAt,
        },
        {
          job_name: 'claims.information-request-reminder',
          payload: { informationRequestId: asked.id },
          not_before: newTimes.remindAt,
        },
        {
          job_name: 'claims.information-request-overdue',
          payload: { informationRequestId: asked.id },
          not_before: newTimes.overdueAt,
        },
      ]);

      const [event] = (await events(claim.claimId)).slice(-1);
      expect(event).toEqual({
        type: 'claim.information-request-due-date-moved',
        version: before.version + 1,
        from_status: 'awaiting_information',
        to_status: 'awaiting_information',
        data: { informationRequestId: asked.id, recipient: 'applicant', previousDueOn: asked.dueOn, dueOn },
      });
      const audit = await auditEntriesFor(staffApi, claim.claimId);
      expect(audit.find((entry) => entry.action === 'information-request.due-date-moved')).toEqual({
        actor_id: caseworker.staffId,
        action: 'information-request.due-date-moved',
        details: {
          reference: claim.reference,
          informationRequestId: asked.id,
          recipient: 'applicant',
          previousDueOn: asked.dueOn,
          dueOn,
          by: 'working-days',
        },
      });
      // The reason is encrypted, bound to its row, and never in the audit log or the event.
      const [change] = await db.query<Array<{ id: string; reason_encrypted: string }>>(
        `SELECT id, reason_encrypted FROM information_request_due_date_change WHERE information_request_id = $1`,
        [asked.id],
      );
      expect(change!.reason_encrypted).not.toContain('hospital');
      expect(cipher.decrypt(change!.reason_encrypted, `information-request-due-date-change:${change!.id}:reason`)).toBe(
        'Synthetic reason: the applicant is in hospital.',
      );
      expect(JSON.stringify(audit)).not.toContain('hospital');

      // The staff view: the change with its reason, the event on the timeline, the task's new date.
      const view = await staffView(claim);
      expect(view.informationRequests[0]).toMatchObject({
        id: asked.id,
        dueOn,
        status: 'open',
        dueDateChanges: [
          {
            previousDueOn: asked.dueOn,
            dueOn,
            reason: 'Synthetic reason: the applicant is in hospital.',
            changedBy: caseworker.staffId,
          },
        ],
      });
      expect(view.timeline.at(-1)).toMatchObject({
        type: 'claim.information-request-due-date-moved',
        from: 'awaiting_information',
        to: 'awaiting_information',
        data: { previousDueOn: asked.dueOn, dueOn },
      });
      expect(view.tasks).toContainEqual(expect.objectContaining({ informationRequestId: asked.id, dueOn }));

      // The victim sees the new date and a line on their timeline.
      const mine = await citizen()
        .get(`/v1/claims/${claim.reference}`)
        .set('authorization', ownerOf(claim))
        .expect(200);
      expect(mine.body.openInformationRequests).toEqual([expect.objectContaining({ id: asked.id, dueOn })]);
      expect(mine.body.timeline.map((entry: { event: string }) => entry.event)).toContain(
        'claim.information-request-due-date-moved',
      );
    });

    it('moves it to a given working day (earlier too), refuses other dates (422) and both or neither way (400)', async () => {
      const claim = await seedClaim(staffApi, { status: 'in_assessment' });
      const asked = await ask(claim, 'police', 20);
      const target = workingDayAfter(5);
      const moved = await post(claim, asked.id, 'due-date', { dueOn: target, reason: 'Synthetic: sooner.' });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ previousDueOn: asked.dueOn, dueOn: target });
      // A request to the police: the overdue clock only (no reminder to the victim).
      expect((await outbox(claim.claimId)).map((row) => row.job_name)).toEqual([
        'claims.information-request-overdue',
        'claims.information-request-overdue',
      ]);

      let saturday = addDays(today(), 7);
      while (new Date(`${saturday}T12:00:00Z`).getUTCDay() !== 6) saturday = addDays(saturday, 1);
      const before = await snapshot(claim);
      for (const [body, status, code] of [
        [{ dueOn: saturday }, 422, 'information-request.due-date-not-working-day'],
        [{ dueOn: today() }, 422, 'information-request.due-date-not-future'],
        [{ dueOn: addWorkingDays(today(), 61) }, 422, 'information-request.due-date-too-late'],
        [{ dueOn: target }, 422, 'information-request.same-due-date'],
        [{ workingDays: 5, dueOn: target }, 400, 'information-request.due-date-required'],
        [{}, 400, 'information-request.due-date-required'],
        [{ workingDays: 61 }, 400, 'request.invalid'],
        [{ dueOn: '2026-02-30' }, 400, 'request.invalid'],
      ] as const) {
        const refused = await post(claim, asked.id, 'due-date', { ...body, reason: 'Synthetic reason.' });
        expect([refused.status, refused.headers['content-type']]).toEqual([
          status,
          expect.stringContaining('application/problem+json'),
        ]);
        if (!code.startsWith('request.')) expect(refused.body.code).toBe(code);
      }
      const blank = await post(claim, asked.id, 'due-date', { workingDays: 5, reason: '   ' });
      expect(blank.status).toBe(400);
      expect(await snapshot(claim)).toEqual(before);

      // The victim never sees casework with the police.
      const mine = await citizen()
        .get(`/v1/claims/${claim.reference}`)
        .set('authorization', ownerOf(claim))
        .expect(200);
      expect(mine.body.openInformationRequests).toEqual([]);
      expect(JSON.stringify(mine.body.timeline)).not.toContain('information-request');
    });
  });

  describe('a third party’s reply', () => {
    async function evidenceOn(claim: SeededClaim): Promise<string> {
      const id = randomUUID();
      await db.query(
        `INSERT INTO evidence_document (id, application_id, owner_citizen_id, storage_key, content_type, size_bytes, sha256,
           file_name_encrypted, uploaded_at) VALUES ($1, $2, $3, $4, 'application/pdf', 1024, $5, $6, now())`,
        [
          id,
          claim.applicationId,
          claim.citizenId,
          `test/${id}`,
          createHash('sha256').update(id).digest('hex'),
          cipher.encrypt('synthetic-letter.pdf', `evidence-document:${id}:file-name`),
        ],
      );
      return id;
    }

    it('is recorded with a summary (encrypted) and documents of the claim; the request is answered by staff', async () => {
      const claim = await seedClaim(staffApi, { status: 'in_assessment' });
      const asked = await ask(claim, 'hospital');
      const document = await evidenceOn(claim);
      const response = await post(
        claim,
        asked.id,
        'response',
        { summary: 'Synthetic summary: the fracture clinic confirmed the injury.', documentIds: [document] },
        senior,
      );
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        id: asked.id,
        status: 'answered',
        documentIds: [document],
        version: (await claimRow(claim.claimId)).version,
      });
      const row = await requestRow(asked.id);
      expect(row).toMatchObject({
        status: 'answered',
        answered_by_staff_id: senior.staffId,
        answered_by_citizen_id: null,
        document_ids: [document],
      });
      expect(row.answer_encrypted).not.toContain('fracture');
      expect(cipher.decrypt(row.answer_encrypted as string, `information-request:${asked.id}:answer`)).toBe(
        'Synthetic summary: the fracture clinic confirmed the injury.',
      );
      expect((await claimRow(claim.claimId)).status).toBe('in_assessment');
      expect((await events(claim.claimId)).at(-1)).toMatchObject({
        type: 'claim.information-request-reply-recorded',
        data: { informationRequestId: asked.id, recipient: 'hospital', documents: 1 },
      });
      expect((await auditEntriesFor(staffApi, claim.claimId)).map((entry) => entry.action)).toContain(
        'information-request.reply-recorded',
      );

      const view = await staffView(claim);
      expect(view.informationRequests[0]).toMatchObject({
        id: asked.id,
        status: 'answered',
        answeredBy: { kind: 'staff', id: senior.staffId },
        answer: 'Synthetic summary: the fracture clinic confirmed the injury.',
        documentIds: [document],
      });
      expect(view.documents).toEqual([expect.objectContaining({ id: document, informationRequestId: asked.id })]);
      expect(view.tasks.filter((task) => task.kind === 'await-information')).toEqual([]);

      // Answered once: a second reply is a conflict.
      const again = await post(claim, asked.id, 'response', { summary: 'Synthetic: again.' });
      expect([again.status, again.body.code]).toEqual([409, 'information-request.not-open']);
    });

    it('is refused for a request to the applicant (422) and for a document not on the claim (422)', async () => {
      const claim = await seedClaim(staffApi, { status: 'in_assessment' });
      const applicant = await ask(claim, 'applicant');
      const gp = await ask(claim, 'gp');
      const other = await seedClaim(staffApi, { status: 'in_assessment' });
      const elsewhere = await evidenceOn(other);
      const before = await snapshot(claim);

      const refused = await post(claim, applicant.id, 'response', { summary: 'Synthetic: on their behalf.' });
      expect(refused.status).toBe(422);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.code).toBe('information-request.answered-by-applicant');
      const unknown = await post(claim, gp.id, 'response', { summary: 'Synthetic.', documentIds: [elsewhere] });
      expect([unknown.status, unknown.body.code]).toEqual([422, 'information-request.unknown-document']);
      const notUuid = await post(claim, gp.id, 'response', { summary: 'Synthetic.', documentIds: ['not-a-uuid'] });
      expect(notUuid.status).toBe(400);
      expect(await snapshot(claim)).toEqual(before);
    });
  });

  describe('cancelling', () => {
    it('the last open request to the applicant resumes the assessment and the service-level clock', async () => {
      const claim = await seedClaim(staffApi, { status: 'in_assessment' });
      const before = await claimRow(claim.claimId);
      const asked = await ask(claim, 'applicant');
      const police = await ask(claim, 'police');
      expect((await claimRow(claim.claimId)).status).toBe('awaiting_information');
      // The pause opened with the request; say it has lasted three days.
      await db.query(
        `UPDATE service_level_pause SET started_at = started_at - interval '3 days' WHERE claim_id = $1 AND ended_at IS NULL`,
        [claim.claimId],
      );
      await db.query(
        `UPDATE claim SET service_level_paused_since = service_level_paused_since - interval '3 days' WHERE id = $1`,
        [claim.claimId],
      );

      const response = await post(claim, asked.id, 'cancellation', { reason: 'Synthetic: the letter came by post.' });
      expect(response.status).toBe(200);
      const after = await claimRow(claim.claimId);
      expect(response.body).toEqual({
        id: asked.id,
        status: 'cancelled',
        claimStatus: 'in_assessment',
        version: after.version,
      });
      expect(after.status).toBe('in_assessment');
      expect(after.paused_since).toBeNull();
      const moved = after.due.getTime() - before.due.getTime();
      expect(moved).toBeGreaterThanOrEqual(3 * 86_400_000);
      expect(moved).toBeLessThan(3 * 86_400_000 + 60_000);
      expect((await outbox(claim.claimId)).filter((row) => row.job_name === 'claims.service-level-check')).toEqual([
        { job_name: 'claims.service-level-check', payload: { claimId: claim.claimId }, not_before: after.due },
      ]);
      const pauses = await db.query(`SELECT ended_at FROM service_level_pause WHERE claim_id = $1`, [claim.claimId]);
      expect(pauses).toEqual([{ ended_at: expect.any(Date) }]);

      const row = await requestRow(asked.id);
      expect(row).toMatchObject({ status: 'cancelled', cancelled_by_staff_id: caseworker.staffId });
      expect(row.cancellation_reason_encrypted).not.toContain('post');
      expect(
        cipher.decrypt(
          row.cancellation_reason_encrypted as string,
          `information-request:${asked.id}:cancellation-reason`,
        ),
      ).toBe('Synthetic: the letter came by post.');
      expect((await requestRow(police.id)).status).toBe('open');
      expect(
        (await events(claim.claimId)).slice(-2).map((event) => [event.type, event.from_status, event.to_status]),
      ).toEqual([
        ['claim.information-request-cancelled', 'awaiting_information', 'awaiting_information'],
        ['claim.assessment-resumed', 'awaiting_information', 'in_assessment'],
      ]);
      expect(
        (await auditEntriesFor(staffApi, claim.claimId)).find(
          (entry) => entry.action === 'information-request.cancelled',
        ),
      ).toMatchObject({
        details: { informationRequestId: asked.id, recipient: 'applicant', claimStatus: 'in_assessment' },
      });

      // Staff see who cancelled it and why; it is no longer a task.
      const view = await staffView(claim);
      expect(view.informationRequests.find((entry) => entry.id === asked.id)).toMatchObject({
        status: 'cancelled',
        cancelledBy: caseworker.staffId,
        cancellationReason: 'Synthetic: the letter came by post.',
      });
      expect(view.tasks.map((task) => task.informationRequestId)).toEqual([police.id]);

      // The victim is no longer asked for anything, and cannot answer the cancelled request.
      const owner = ownerOf(claim);
      const listed = await citizen().get('/v1/claims').set('authorization', owner).expect(200);
      expect(listed.body.claims).toEqual([
        expect.objectContaining({ reference: claim.reference, status: 'in_assessment', openInformationRequests: 0 }),
      ]);
      const mine = await citizen().get(`/v1/claims/${claim.reference}`).set('authorization', owner).expect(200);
      expect(mine.body.openInformationRequests).toEqual([]);
      expect(mine.body.answeredInformationRequests).toEqual([]);
      expect(mine.body.timeline.map((entry: { event: string }) => entry.event).slice(-2)).toEqual([
        'claim.information-request-cancelled',
        'claim.assessment-resumed',
      ]);
      await citizen()
        .post(`/v1/claims/${claim.reference}/information-requests/${asked.id}/answer`)
        .set('authorization', owner)
        .send({ answer: 'Synthetic late answer.' })
        .expect(404);
    });

    it('keeps the claim waiting while another request to the applicant is open; a third party’s changes nothing', async () => {
      const claim = await seedClaim(staffApi, { status: 'in_assessment' });
      const first = await ask(claim, 'applicant');
      await ask(claim, 'applicant');
      const gp = await ask(claim, 'gp');
      for (const id of [first.id, gp.id]) {
        const response = await post(claim, id, 'cancellation', { reason: 'Synthetic: not needed.' });
        expect(response.status).toBe(200);
        expect(response.body.claimStatus).toBe('awaiting_information');
      }
      const row = await claimRow(claim.claimId);
      expect(row.status).toBe('awaiting_information');
      expect(row.paused_since).not.toBeNull();
      expect((await outbox(claim.claimId)).map((entry) => entry.job_name)).not.toContain('claims.service-level-check');
      const again = await post(claim, first.id, 'cancellation', { reason: 'Synthetic: twice.' });
      expect([again.status, again.body.code]).toEqual([409, 'information-request.not-open']);
      const late = await post(claim, first.id, 'due-date', { workingDays: 5, reason: 'Synthetic.' });
      expect([late.status, late.body.code]).toEqual([409, 'information-request.not-open']);
    });
  });

  describe('every route', () => {
    const bodies: Record<string, object> = {
      'due-date': { workingDays: 5, reason: 'Synthetic reason.' },
      response: { summary: 'Synthetic summary.' },
      cancellation: { reason: 'Synthetic reason.' },
    };

    it.each(Object.keys(bodies))('%s: a stale version is 412, a missing one 428; nothing changes', async (action) => {
      const claim = await seedClaim(staffApi, { status: 'in_assessment' });
      const asked = await ask(claim, 'police');
      const before = await snapshot(claim);
      const url = `/v1/claims/${claim.reference}/information-requests/${asked.id}/${action}`;
      const stale = await staff()
        .post(url)
        .set('authorization', caseworker.authorization)
        .send({ ...bodies[action], version: before.claim.version - 1 });
      expect([stale.status, stale.body.code]).toEqual([412, 'claim.stale-version']);
      expect(stale.headers['content-type']).toContain('application/problem+json');
      const staleHeader = await staff()
        .post(url)
        .set('authorization', caseworker.authorization)
        .set('if-match', `"${before.claim.version + 1}"`)
        .send(bodies[action]);
      expect(staleHeader.status).toBe(412);
      const missing = await staff().post(url).set('authorization', caseworker.authorization).send(bodies[action]);
      expect(missing.status).toBe(428);
      expect(await snapshot(claim)).toEqual(before);
    });

    it.each(Object.keys(bodies))(
      '%s: an unknown request id and another claim’s request answer the same 404; nothing changes',
      async (action) => {
        const claim = await seedClaim(staffApi, { status: 'in_assessment' });
        await ask(claim, 'police');
        const other = await seedClaim(staffApi, { status: 'in_assessment' });
        const othersRequest = await ask(other, 'police');
        const before = [await snapshot(claim), await snapshot(other)];
        const unknown = await post(claim, randomUUID(), action, bodies[action]!);
        const foreign = await post(claim, othersRequest.id, action, bodies[action]!);
        for (const response of [unknown, foreign]) {
          expect(response.status).toBe(404);
          expect(response.headers['content-type']).toContain('application/problem+json');
        }
        const strip = (body: Record<string, unknown>) => ({ ...body, instance: undefined, requestId: undefined });
        expect(strip(foreign.body)).toEqual(strip(unknown.body));
        expect(unknown.body.code).toBe('information-request.not-found');
        const malformed = await post(claim, 'not-a-uuid', action, bodies[action]!);
        expect(malformed.status).toBe(400);
        expect([await snapshot(claim), await snapshot(other)]).toEqual(before);
      },
    );

    it.each(Object.keys(bodies))(
      '%s: a restricted claim is 404 to staff not named on it, and logged',
      async (action) => {
        const claim = await seedClaim(staffApi, { status: 'in_assessment' });
        const asked = await ask(claim, 'police');
        await db.query(`UPDATE claim SET restricted = true WHERE id = $1`, [claim.claimId]);
        const before = await snapshot(claim);
        const response = await post(claim, asked.id, action, bodies[action]!, senior);
        expect([response.status, response.body.code]).toEqual([404, 'claim.not-found']);
        const after = await snapshot(claim);
        expect(after.requests).toEqual(before.requests);
        expect(after.outbox).toEqual(before.outbox);
        expect(after.audit.slice(before.audit.length).map((entry) => [entry.action, entry.actor_id])).toEqual([
          ['claim.access-refused', senior.staffId],
        ]);
      },
    );
  });
});
