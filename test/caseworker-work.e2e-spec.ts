import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  auditEntriesFor,
  seedClaim,
  startCaseworkerApi,
  testStaff,
  type SeededClaim,
} from './support/caseworker-api.js';

describe('caseworker work queues, claim view and restrictions', () => {
  let app: NestFastifyApplication;
  const http = () => request(app.getHttpServer());
  beforeAll(async () => {
    app = await startCaseworkerApi();
  });
  afterAll(async () => {
    await app.close();
  });

  const newTeam = () => `t-${randomUUID().slice(0, 8)}`;
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);

  describe('GET /v1/work', () => {
    it('pages a team’s queue by priority then service-level due date, with an opaque cursor and no repeats', async () => {
      const team = newTeam();
      const seeded = [
        await seedClaim(app, { team, priority: 3, submittedAt: hoursAgo(10) }),
        await seedClaim(app, { team, priority: 1, submittedAt: hoursAgo(1) }),
        await seedClaim(app, { team, priority: 3, submittedAt: hoursAgo(30) }),
        await seedClaim(app, { team, priority: 2, submittedAt: hoursAgo(5) }),
        await seedClaim(app, { team, priority: 3, submittedAt: hoursAgo(20) }),
      ];
      await seedClaim(app, { team: newTeam() }); // another team's claim never shows
      const caseworker = testStaff('caseworker', { team });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const response: request.Response = await http()
          .get('/v1/work')
          .query({ limit: 2, ...(cursor ? { cursor } : {}) })
          .set('authorization', caseworker.authorization)
          .expect(200);
        expect(response.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...response.body.items.map((item: { reference: string }) => item.reference));
        cursor = response.body.nextCursor;
      } while (cursor);
      const expected = [seeded[1], seeded[3], seeded[2], seeded[4], seeded[0]].map((claim) => claim!.reference);
      expect(seen).toEqual(expected);
    });

    it('filters by status and priority, and answers a forged cursor with 400', async () => {
      const team = newTeam();
      const urgent = await seedClaim(app, { team, priority: 1 });
      await seedClaim(app, { team, priority: 4 });
      const caseworker = testStaff('caseworker', { team });
      const response = await http()
        .get('/v1/work')
        .query({ priority: 1, status: 'submitted' })
        .set('authorization', caseworker.authorization)
        .expect(200);
      expect(response.body.items.map((item: { reference: string }) => item.reference)).toEqual([urgent.reference]);
      expect(response.body.items[0]).toMatchObject({
        priority: 1,
        serviceLevelPaused: false,
        serviceLevelBreached: false,
      });
      const forged = await http()
        .get('/v1/work')
        .query({ cursor: 'bm90LWEtY3Vyc29y' })
        .set('authorization', caseworker.authorization);
      expect(forged.status).toBe(400);
      expect(forged.headers['content-type']).toContain('application/problem+json');
      await http().get('/v1/work').query({ limit: 1000 }).set('authorization', caseworker.authorization).expect(400);
      await http()
        .get('/v1/work')
        .query({ status: 'nonsense' })
        .set('authorization', caseworker.authorization)
        .expect(400);
    });

    it('shows another team’s queue to a team leader but not to a caseworker', async () => {
      const team = newTeam();
      await seedClaim(app, { team });
      await http()
        .get('/v1/work')
        .query({ team })
        .set('authorization', testStaff('caseworker', { team: 'other' }).authorization)
        .expect(403);
      const leader = await http()
        .get('/v1/work')
        .query({ team })
        .set('authorization', testStaff('team-leader', { team: 'other' }).authorization)
        .expect(200);
      expect(leader.body.items).toHaveLength(1);
    });
  });

  describe('POST /v1/work/next', () => {
    it('gives 8 caseworkers at once different claims, most urgent and oldest first, and 204 when none is left', async () => {
      const team = newTeam();
      const claims: SeededClaim[] = [];
      for (let i = 0; i < 6; i += 1)
        claims.push(await seedClaim(app, { team, priority: i === 4 ? 1 : 3, submittedAt: hoursAgo(10 - i) }));
      const staff = Array.from({ length: 8 }, () => testStaff('caseworker', { team }));
      const responses = await Promise.all(
        staff.map((member) => http().post('/v1/work/next').set('authorization', member.authorization)),
      );
      const taken = responses
        .filter((response) => response.status === 200)
        .map((response) => response.body.reference as string);
      expect(responses.filter((response) => response.status === 204)).toHaveLength(2);
      expect(taken).toHaveLength(6);
      expect(new Set(taken).size).toBe(6);
      expect(new Set(taken)).toEqual(new Set(claims.map((claim) => claim.reference)));
      const rows = await app
        .get(DataSource)
        .query(`SELECT reference, status, assigned_staff_id FROM claim WHERE team = $1`, [team]);
      expect(new Set(rows.map((row: { assigned_staff_id: string }) => row.assigned_staff_id)).size).toBe(6);
      expect(rows.every((row: { status: string }) => row.status === 'in_assessment')).toBe(true);
    });

    it('hands out the most urgent claim first, then the oldest', async () => {
      const team = newTeam();
      await seedClaim(app, { team, priority: 3, submittedAt: hoursAgo(50) });
      const urgent = await seedClaim(app, { team, priority: 2, submittedAt: hoursAgo(1) });
      const caseworker = testStaff('caseworker', { team });
      const response = await http().post('/v1/work/next').set('authorization', caseworker.authorization).expect(200);
      expect(response.body).toMatchObject({ reference: urgent.reference, status: 'in_assessment' });
      const audit = await auditEntriesFor(app, urgent.claimId);
      expect(audit.map((entry) => entry.action)).toEqual(
        expect.arrayContaining(['claim.triaged', 'claim.assessment-started', 'claim.assigned']),
      );
    });

    it('never gives a review to the caseworker who made the decision', async () => {
      const team = newTeam();
      const decider = testStaff('caseworker', { team });
      await seedClaim(app, {
        team,
        status: 'review_requested',
        decision: {
          outcome: 'refusal',
          awardPence: null,
          proposedBy: decider.staffId,
          decidedBy: decider.staffId,
          decidedOn: '2026-10-01',
          isReview: false,
        },
      });
      await http().post('/v1/work/next').set('authorization', decider.authorization).expect(204);
      const other = await http()
        .post('/v1/work/next')
        .set('authorization', testStaff('caseworker', { team }).authorization)
        .expect(200);
      expect(other.body.status).toBe('under_review');
    });
  });

  describe('release and reassignment', () => {
    it('lets the holder release with the current version, refuses a stale or missing version and other caseworkers', async () => {
      const team = newTeam();
      const claim = await seedClaim(app, { team });
      const holder = testStaff('caseworker', { team });
      const taken = await http().post('/v1/work/next').set('authorization', holder.authorization).expect(200);
      const path = `/v1/claims/${claim.reference}/release`;
      await http().post(path).set('authorization', holder.authorization).send({}).expect(428);
      const stale = await http()
        .post(path)
        .set('authorization', holder.authorization)
        .set('if-match', `"${taken.body.version - 1}"`)
        .send({});
      expect(stale.status).toBe(412);
      await http()
        .post(path)
        .set('authorization', testStaff('caseworker', { team }).authorization)
        .send({ version: taken.body.version })
        .expect(403);
      await http()
        .post(path)
        .set('authorization', holder.authorization)
        .set('if-match', `"${taken.body.version}"`)
        .send({})
        .expect(200);
      const [row] = await app
        .get(DataSource)
        .query(`SELECT assigned_staff_id FROM claim WHERE id = $1`, [claim.claimId]);
      expect(row.assigned_staff_id).toBeNull();
    });

    it('lets only a team leader reassign, move team or change priority', async () => {
      const team = newTeam();
      const claim = await seedClaim(app, { team });
      const path = `/v1/claims/${claim.reference}/assignment`;
      await http()
        .post(path)
        .set('authorization', testStaff('caseworker', { team }).authorization)
        .send({ version: 1, staffId: 'cw-9' })
        .expect(403);
      const moved = await http()
        .post(path)
        .set('authorization', testStaff('team-leader', { team }).authorization)
        .send({ version: 1, staffId: 'cw-9', team: 'major-trauma', priority: 1 })
        .expect(200);
      expect(moved.body).toMatchObject({ assignedStaffId: 'cw-9', team: 'major-trauma', version: 2 });
      await http()
        .post(path)
        .set('authorization', testStaff('team-leader').authorization)
        .send({ version: 2, staffId: 'bad id!' })
        .expect(400);
      await http()
        .post(path)
        .set('authorization', testStaff('team-leader').authorization)
        .send({ version: 2, surprise: 1 })
        .expect(400);
    });
  });

  describe('GET /v1/claims/{reference}', () => {
    it('shows the decrypted application and the eligibility trace, and logs who read it and why', async () => {
      const claim = await seedClaim(app);
      const reader = testStaff('auditor');
      const response = await http()
        .get(`/v1/claims/${claim.reference}`)
        .query({ purpose: 'quality-check' })
        .set('authorization', reader.authorization)
        .expect(200);
      expect(response.headers.etag).toBe('"1"');
      expect(response.body.claim).toMatchObject({ reference: claim.reference, status: 'submitted', version: 1 });
      expect(response.body.application.applicant).toMatchObject({ firstName: 'Alex', dateOfBirth: '1990-04-12' });
      expect(response.body.application.injuries.physicalInjuries[0].kind).toBe('fracture');
      expect(response.body.eligibilitySource).toBe('as-submitted');
      expect(response.body.eligibility.results.length).toBeGreaterThan(5);
      expect(response.body.eligibility.results[0]).toEqual(
        expect.objectContaining({
          rule: expect.any(String),
          paragraph: expect.any(String),
          result: expect.any(String),
        }),
      );
      const audit = await auditEntriesFor(app, claim.claimId);
      expect(audit).toEqual([
        expect.objectContaining({
          actor_id: reader.staffId,
          action: 'claim.read',
          details: expect.objectContaining({ purpose: 'quality-check', view: 'claim' }),
        }),
      ]);
      // The audit log holds ids and codes only: no answer leaks into it.
      expect(JSON.stringify(audit)).not.toMatch(/Alex|Morgan|fracture/);
    });

    it('answers 404 for an unknown or malformed reference and a bad purpose with 400', async () => {
      const reader = testStaff('caseworker');
      await http().get('/v1/claims/26-999999-9').set('authorization', reader.authorization).expect(404);
      await http().get('/v1/claims/not-a-reference').set('authorization', reader.authorization).expect(404);
      const claim = await seedClaim(app);
      await http()
        .get(`/v1/claims/${claim.reference}`)
        .query({ purpose: 'curiosity' })
        .set('authorization', reader.authorization)
        .expect(400);
    });

    it('shows a restricted claim only to the named staff; others get 404, the attempt is logged, and it leaves their queue', async () => {
      const team = newTeam();
      const claim = await seedClaim(app, { team });
      const leader = testStaff('team-leader', { team });
      const named = testStaff('caseworker', { team });
      const outsider = testStaff('caseworker', { team });
      await http()
        .put(`/v1/claims/${claim.reference}/restriction`)
        .set('authorization', named.authorization)
        .send({ restricted: true, staffIds: [named.staffId], reasonCode: 'staff-member' })
        .expect(403);
      const restricted = await http()
        .put(`/v1/claims/${claim.reference}/restriction`)
        .set('authorization', leader.authorization)
        .send({ restricted: true, staffIds: [named.staffId], reasonCode: 'staff-member' })
        .expect(200);
      expect(restricted.body.staffIds).toEqual([leader.staffId, named.staffId].sort());

      const refused = await http().get(`/v1/claims/${claim.reference}`).set('authorization', outsider.authorization);
      expect(refused.status).toBe(404);
      expect(refused.body.detail).toBe('There is no such claim.');
      await http().get(`/v1/claims/${claim.reference}`).set('authorization', named.authorization).expect(200);
      const queue = await http().get('/v1/work').set('authorization', outsider.authorization).expect(200);
      expect(queue.body.items).toEqual([]);
      await http().post('/v1/work/next').set('authorization', outsider.authorization).expect(204);
      await http()
        .post(`/v1/claims/${claim.reference}/release`)
        .set('authorization', outsider.authorization)
        .send({ version: 2 })
        .expect(404);

      const actions = (await auditEntriesFor(app, claim.claimId)).map((entry) => [entry.action, entry.actor_id]);
      expect(actions).toEqual([
        ['claim.restricted', leader.staffId],
        ['claim.access-refused', outsider.staffId],
        ['claim.read', named.staffId],
        ['claim.access-refused', outsider.staffId],
      ]);
      await http()
        .put(`/v1/claims/${claim.reference}/restriction`)
        .set('authorization', leader.authorization)
        .send({ restricted: true, staffIds: [], reasonCode: 'because' })
        .expect(400);
    });
  });
});
