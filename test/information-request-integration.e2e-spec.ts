import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { informationRequestClockTimes } from '@redress/application';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CitizenAccessTokens } from '../apps/citizen-api/src/auth/index.js';
import { seedClaim, startCaseworkerApi, testStaff, type SeededClaim } from './support/caseworker-api.js';
import { startCitizenApi } from './support/citizen-api.js';

/**
 * Information requests across the two APIs: the caseworker asks (applicant and third parties), the citizen
 * answers their own. Only the applicant's requests hold the assessment.
 */
describe('information requests between the caseworker and citizen APIs', () => {
  let staffApi: NestFastifyApplication;
  let citizenApi: NestFastifyApplication;
  let db: DataSource;
  const caseworker = testStaff('caseworker');
  beforeAll(async () => {
    staffApi = await startCaseworkerApi();
    citizenApi = await startCitizenApi();
    db = staffApi.get(DataSource);
  });
  afterAll(async () => {
    await citizenApi.close();
    await staffApi.close();
  });
  const staff = () => request(staffApi.getHttpServer());
  const citizen = () => request(citizenApi.getHttpServer());
  const ownerOf = (claim: SeededClaim) =>
    `Bearer ${citizenApi.get(CitizenAccessTokens).issue(claim.citizenId).accessToken}`;
  const version = async (claimId: string) =>
    (await db.query<Array<{ version: number }>>(`SELECT version FROM claim WHERE id = $1`, [claimId]))[0]!.version;
  const status = async (claimId: string) =>
    (await db.query<Array<{ status: string }>>(`SELECT status FROM claim WHERE id = $1`, [claimId]))[0]!.status;

  const outboxRows = (claimId: string) =>
    db.query<
      Array<{ job_name: string; payload: Record<string, string>; ordering_key: string; not_before: Date | null }>
    >(
      `SELECT job_name, payload, ordering_key, not_before FROM outbox_message
        WHERE payload->>'claimId' = $1::text
           OR payload->>'informationRequestId' IN (SELECT id::text FROM information_request WHERE claim_id = $1::uuid)
        ORDER BY position`,
      [claimId],
    );
  const clockRows = async (claimId: string) =>
    (await outboxRows(claimId)).filter((row) => row.job_name !== 'notifications.send');

  async function ask(claim: SeededClaim, recipient: string, workingDays = 10): Promise<{ id: string; dueOn: string }> {
    const response = await staff()
      .post(`/v1/claims/${claim.reference}/information-requests`)
      .set('authorization', caseworker.authorization)
      .send({
        version: await version(claim.claimId),
        recipient,
        topic: recipient === 'applicant' ? 'medical-evidence' : 'police-evidence',
        question: `For the ${recipient}`,
        workingDays,
      })
      .expect(201);
    return response.body as { id: string; dueOn: string };
  }

  it('resumes the assessment when the applicant answers their only request while a police request is open', async () => {
    const claim = await seedClaim(staffApi, { status: 'in_assessment' });
    const owner = ownerOf(claim);
    const police = await ask(claim, 'police');
    const applicant = await ask(claim, 'applicant');
    expect(await status(claim.claimId)).toBe('awaiting_information');

    const listed = await citizen().get('/v1/claims').set('authorization', owner).expect(200);
    // The police request is not the applicant's to answer, so it is not counted as theirs.
    expect(listed.body.claims).toEqual([
      expect.objectContaining({
        reference: claim.reference,
        status: 'awaiting_information',
        openInformationRequests: 1,
      }),
    ]);

    const answered = await citizen()
      .post(`/v1/claims/${claim.reference}/information-requests/${applicant.id}/answer`)
      .set('authorization', owner)
      .send({ answer: 'Here is the discharge letter.' })
      .expect(201);
    expect(answered.body).toEqual({ reference: claim.reference, status: 'in_assessment' });
    expect(await status(claim.claimId)).toBe('in_assessment');
    const [policeRow] = await db.query<Array<{ status: string }>>(
      `SELECT status FROM information_request WHERE id = $1`,
      [police.id],
    );
    expect(policeRow!.status).toBe('open');
    const [event] = await db.query<Array<{ type: string; to_status: string }>>(
      `SELECT type, to_status FROM claim_event WHERE claim_id = $1 ORDER BY version DESC LIMIT 1`,
      [claim.claimId],
    );
    expect(event).toEqual({ type: 'claim.assessment-resumed', to_status: 'in_assessment' });
  });

  it('keeps the claim waiting while another request to the applicant is open', async () => {
    const claim = await seedClaim(staffApi, { status: 'in_assessment' });
    const owner = ownerOf(claim);
    const first = await ask(claim, 'applicant');
    await ask(claim, 'applicant');
    await ask(claim, 'gp');
    const answered = await citizen()
      .post(`/v1/claims/${claim.reference}/information-requests/${first.id}/answer`)
      .set('authorization', owner)
      .send({ answer: 'The first answer.' })
      .expect(201);
    expect(answered.body.status).toBe('awaiting_information');
    expect(await status(claim.claimId)).toBe('awaiting_information');
  });

  it('refuses a citizen answer to a request addressed to the police (404, nothing written)', async () => {
    const claim = await seedClaim(staffApi, { status: 'in_assessment' });
    const police = await ask(claim, 'police');
    const refused = await citizen()
      .post(`/v1/claims/${claim.reference}/information-requests/${police.id}/answer`)
      .set('authorization', ownerOf(claim))
      .send({ answer: 'Not mine to answer.' })
      .expect(404);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const [row] = await db.query<Array<{ status: string; answer_encrypted: string | null }>>(
      `SELECT status, answer_encrypted FROM information_request WHERE id = $1`,
      [police.id],
    );
    expect(row).toEqual({ status: 'open', answer_encrypted: null });
    expect(await status(claim.claimId)).toBe('in_assessment');
  });

  describe('clocks', () => {
    it('writes the reminder and the overdue escalation of a request to the applicant, due at the working-day times', async () => {
      const claim = await seedClaim(staffApi, { status: 'in_assessment' });
      const asked = await ask(claim, 'applicant', 15);
      const times = informationRequestClockTimes(asked.dueOn);
      expect(await clockRows(claim.claimId)).toEqual([
        {
          job_name: 'claims.information-request-reminder',
          payload: { informationRequestId: asked.id },
          ordering_key: `claim:${claim.claimId}`,
          not_before: times.remindAt,
        },
        {
          job_name: 'claims.information-request-overdue',
          payload: { informationRequestId: asked.id },
          ordering_key: `claim:${claim.claimId}`,
          not_before: times.overdueAt,
        },
      ]);
      // 9am London time, three working days before; midnight London time after the due date.
      expect(times.remindAt.getTime()).toBeLessThan(new Date(`${asked.dueOn}T09:00:00Z`).getTime());
      expect(times.overdueAt.getTime()).toBeGreaterThan(new Date(`${asked.dueOn}T12:00:00Z`).getTime());
    });

    it('escalates an overdue third-party request but never reminds the victim of it', async () => {
      const claim = await seedClaim(staffApi, { status: 'in_assessment' });
      const asked = await ask(claim, 'police', 5);
      expect(await clockRows(claim.claimId)).toEqual([
        {
          job_name: 'claims.information-request-overdue',
          payload: { informationRequestId: asked.id },
          ordering_key: `claim:${claim.claimId}`,
          not_before: informationRequestClockTimes(asked.dueOn).overdueAt,
        },
      ]);
    });

    it('writes no clock when the request is refused (stale version, bad input): same transaction', async () => {
      const claim = await seedClaim(staffApi, { status: 'in_assessment' });
      const good = { recipient: 'applicant', topic: 'medical-evidence', question: 'Your GP letter?', workingDays: 10 };
      const stale = await staff()
        .post(`/v1/claims/${claim.reference}/information-requests`)
        .set('authorization', caseworker.authorization)
        .send({ ...good, version: (await version(claim.claimId)) - 1 })
        .expect(412);
      expect(stale.headers['content-type']).toContain('application/problem+json');
      await staff()
        .post(`/v1/claims/${claim.reference}/information-requests`)
        .set('authorization', caseworker.authorization)
        .send({ ...good, version: await version(claim.claimId), workingDays: 0 })
        .expect(400);
      await staff()
        .post(`/v1/claims/${claim.reference}/information-requests`)
        .set('authorization', testStaff('auditor').authorization)
        .send({ ...good, version: await version(claim.claimId) })
        .expect(403);
      expect(await outboxRows(claim.claimId)).toEqual([]);
      expect(await db.query(`SELECT id FROM information_request WHERE claim_id = $1`, [claim.claimId])).toEqual([]);
    });

    it('schedules a service-level check at the recomputed due time when the applicant ends the pause', async () => {
      const claim = await seedClaim(staffApi, { status: 'in_assessment' });
      const owner = ownerOf(claim);
      const [before] = await db.query<Array<{ due: Date }>>(
        `SELECT service_level_due_at AS due FROM claim WHERE id = $1`,
        [claim.claimId],
      );
      const first = await ask(claim, 'applicant');
      const second = await ask(claim, 'applicant');
      await ask(claim, 'hospital');
      // The pause opened with the first request; say it has lasted three days.
      await db.query(
        `UPDATE service_level_pause SET started_at = started_at - interval '3 days'
          WHERE claim_id = $1 AND ended_at IS NULL`,
        [claim.claimId],
      );
      const checks = async () =>
        (await outboxRows(claim.claimId)).filter((row) => row.job_name === 'claims.service-level-check');

      await citizen()
        .post(`/v1/claims/${claim.reference}/information-requests/${first.id}/answer`)
        .set('authorization', owner)
        .send({ answer: 'One of two.' })
        .expect(201);
      expect(await checks()).toEqual([]); // still paused: another request to the applicant is open

      await citizen()
        .post(`/v1/claims/${claim.reference}/information-requests/${second.id}/answer`)
        .set('authorization', owner)
        .send({ answer: 'Two of two.' })
        .expect(201);
      const [after] = await db.query<Array<{ due: Date; paused_since: Date | null }>>(
        `SELECT service_level_due_at AS due, service_level_paused_since AS paused_since FROM claim WHERE id = $1`,
        [claim.claimId],
      );
      expect(after!.paused_since).toBeNull();
      const moved = after!.due.getTime() - before!.due.getTime();
      expect(moved).toBeGreaterThanOrEqual(3 * 86_400_000);
      expect(moved).toBeLessThan(3 * 86_400_000 + 60_000);
      expect(await checks()).toEqual([
        {
          job_name: 'claims.service-level-check',
          payload: { claimId: claim.claimId },
          ordering_key: `claim:${claim.claimId}`,
          not_before: after!.due,
        },
      ]);
    });

    it('schedules no check when a citizen answer is refused', async () => {
      const claim = await seedClaim(staffApi, { status: 'in_assessment' });
      const asked = await ask(claim, 'applicant');
      await citizen()
        .post(`/v1/claims/${claim.reference}/information-requests/${asked.id}/answer`)
        .set('authorization', ownerOf(claim))
        .send({ answer: '' })
        .expect(400);
      const rows = await outboxRows(claim.claimId);
      expect(rows.map((row) => row.job_name)).not.toContain('claims.service-level-check');
      expect(await status(claim.claimId)).toBe('awaiting_information');
    });
  });
});
