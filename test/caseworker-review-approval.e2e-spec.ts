import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CitizenAccessTokens } from '../apps/citizen-api/src/auth/index.js';
import {
  auditEntriesFor,
  seedClaim,
  startCaseworkerApi,
  testStaff,
  type SeededClaim,
  type TestStaff,
} from './support/caseworker-api.js';
import { startCitizenApi } from './support/citizen-api.js';

/** Issue 7 item 7: four eyes on review decisions, as on first decisions, with review independence (paras 117-124). */
describe('caseworker review decisions under four eyes', () => {
  let staffApi: NestFastifyApplication;
  let citizenApi: NestFastifyApplication;
  let db: DataSource;
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

  const version = async (claim: SeededClaim) =>
    (await db.query<Array<{ version: number }>>(`SELECT version FROM claim WHERE id = $1`, [claim.claimId]))[0]!
      .version;
  const outbox = (claim: SeededClaim) =>
    db.query<Array<{ job_name: string; payload: Record<string, string> }>>(
      `SELECT job_name, payload FROM outbox_message WHERE ordering_key = $1 ORDER BY position`,
      [`claim:${claim.claimId}`],
    );
  const decisionRows = (claim: SeededClaim) =>
    db.query<Array<{ id: string; status: string; on_review: boolean; approved_by_staff_id: string | null }>>(
      `SELECT id, status, on_review, approved_by_staff_id FROM claim_decision WHERE claim_id = $1 ORDER BY proposed_at`,
      [claim.claimId],
    );
  async function calculation(claim: SeededClaim, who: TestStaff, injury: string): Promise<string> {
    const response = await staff()
      .post(`/v1/claims/${claim.reference}/award-calculations`)
      .set('authorization', who.authorization)
      .send({ decidedOn: '2026-11-27', injuries: [{ code: injury }] })
      .expect(201);
    return response.body.id as string;
  }
  const post = async (claim: SeededClaim, who: TestStaff, path: string, body: Record<string, unknown>) =>
    staff()
      .post(`/v1/claims/${claim.reference}${path}`)
      .set('authorization', who.authorization)
      .send({ version: await version(claim), ...body });
  const reasons = 'The evidence supports this decision.';

  /**
   * A claim in a team of its own, awarded GBP 11,000 by `decider` (a senior caseworker, no approval needed), whose
   * victim asks for a review online; `reviewer` takes it from the queue, which starts the review.
   */
  async function claimUnderReview(decider: TestStaff, reviewer: TestStaff) {
    const claim = await seedClaim(staffApi, { status: 'in_assessment', team: reviewer.team! });
    const owner = `Bearer ${citizenApi.get(CitizenAccessTokens).issue(claim.citizenId).accessToken}`;
    const award = await calculation(claim, decider, 'A-HEAD-BRAIN-MINOR');
    const original = await post(claim, decider, '/decisions', { kind: 'award', awardCalculationId: award, reasons });
    expect(original.body).toMatchObject({ status: 'made', amountPence: 1_100_000 });
    await citizen()
      .post(`/v1/claims/${claim.reference}/review-request`)
      .set('authorization', owner)
      .send({ reasons: 'The award leaves out the weeks I could not work.' })
      .expect(201);
    const taken = await staff().post('/v1/work/next').set('authorization', reviewer.authorization).expect(200);
    expect(taken.body).toMatchObject({ reference: claim.reference, status: 'under_review' });
    return { claim, owner, originalId: original.body.id as string };
  }

  it('proposes a review refusal on conduct; the victim sees nothing new; only an independent senior approves it', async () => {
    const team = `t-${randomUUID().slice(0, 8)}`;
    const decider = testStaff('senior-caseworker', { team });
    const reviewer = testStaff('senior-caseworker', { team });
    const approver = testStaff('senior-caseworker', { team });
    const caseworker = testStaff('caseworker', { team });
    const { claim, owner, originalId } = await claimUnderReview(decider, reviewer);
    const victimView = async () =>
      (await citizen().get(`/v1/claims/${claim.reference}`).set('authorization', owner).expect(200)).body as Record<
        string,
        unknown
      >;
    const victimBefore = await victimView();
    const outboxBefore = await outbox(claim);

    const proposed = await post(claim, reviewer, '/review-decision', {
      kind: 'refusal',
      grounds: ['conduct'],
      reasons: 'The applicant started the fight (para 25).',
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({
      status: 'pending-approval',
      approvalReasons: ['refusal-on-conduct'],
      outcome: 'lowered',
      amountPence: null,
      paragraphs: ['25'],
      version: await version(claim),
    });
    const decisionId = proposed.body.id as string;

    // Nothing has happened for the victim: same view, no letter, no notification, the original still in force.
    expect(await victimView()).toEqual(victimBefore);
    expect(victimBefore).toMatchObject({ status: 'under_review', decision: { outcome: 'award', madeOnReview: false } });
    expect(await outbox(claim)).toEqual(outboxBefore);
    expect(await decisionRows(claim)).toEqual([
      { id: originalId, status: 'made', on_review: false, approved_by_staff_id: null },
      { id: decisionId, status: 'pending-approval', on_review: true, approved_by_staff_id: null },
    ]);
    const [requestRow] = await db.query(`SELECT status FROM review_request WHERE claim_id = $1`, [claim.claimId]);
    expect(requestRow.status).not.toBe('decided');

    // Staff see the proposal and who made it.
    const staffView = await staff()
      .get(`/v1/claims/${claim.reference}`)
      .set('authorization', approver.authorization)
      .expect(200);
    expect(staffView.body.claim).toMatchObject({
      status: 'under_review',
      pendingDecision: { outcome: 'refusal', awardPence: null, proposedBy: reviewer.staffId, isReview: true },
      decision: { outcome: 'award', decidedBy: decider.staffId, isReview: false },
    });
    expect(staffView.body.tasks).toContainEqual(
      expect.objectContaining({
        kind: 'approve-decision',
        decisionId,
        onReview: true,
        proposedBy: reviewer.staffId,
        reasons: ['refusal-on-conduct'],
      }),
    );
    expect(staffView.body.decisions).toContainEqual(
      expect.objectContaining({
        id: decisionId,
        status: 'pending-approval',
        onReview: true,
        proposedBy: reviewer.staffId,
      }),
    );
    expect(staffView.body.timeline.at(-1)).toMatchObject({
      type: 'claim.review-decision-proposed',
      from: 'under_review',
      to: 'under_review',
    });

    // Four eyes and independence: not the proposer, not the original decision maker, not a caseworker.
    const approval = `/decisions/${decisionId}/approval`;
    const self = await post(claim, reviewer, approval, {});
    expect([self.status, self.body.code]).toEqual([403, 'claim.same-approver']);
    expect(self.headers['content-type']).toContain('application/problem+json');
    const original = await post(claim, decider, approval, {});
    expect([original.status, original.body.code]).toEqual([403, 'claim.same-reviewer']);
    expect((await post(claim, caseworker, approval, {})).status).toBe(403);
    // Nor can the reviewer decide something else on review while the proposal waits.
    const meanwhile = await post(claim, reviewer, '/review-decision', {
      kind: 'refusal',
      grounds: ['residence'],
      reasons,
    });
    expect(meanwhile.status).toBe(409);
    expect(await outbox(claim)).toEqual(outboxBefore);
    expect(await victimView()).toEqual(victimBefore);

    const approved = await post(claim, approver, approval, {});
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ id: decisionId, status: 'made', onReview: true, outcome: 'lowered' });

    // Now it takes effect, exactly as a review decision made at once.
    expect(await decisionRows(claim)).toEqual([
      { id: originalId, status: 'superseded', on_review: false, approved_by_staff_id: null },
      { id: decisionId, status: 'made', on_review: true, approved_by_staff_id: approver.staffId },
    ]);
    const [review] = await db.query(
      `SELECT id, review_decision_id, reviewer_staff_id, outcome, late, original_decision_id FROM claim_review
        WHERE claim_id = $1`,
      [claim.claimId],
    );
    expect(review).toMatchObject({
      id: approved.body.reviewId,
      review_decision_id: decisionId,
      reviewer_staff_id: reviewer.staffId,
      outcome: 'lowered',
      late: false,
      original_decision_id: originalId,
    });
    const [closed] = await db.query(`SELECT status FROM review_request WHERE claim_id = $1`, [claim.claimId]);
    expect(closed.status).toBe('decided');
    expect((await outbox(claim)).slice(outboxBefore.length)).toEqual([
      { job_name: 'documents.decision-letter', payload: { claimId: claim.claimId, decisionId } },
      { job_name: 'notifications.send', payload: { claimId: claim.claimId, event: 'claim.review-decided' } },
    ]);
    const [claimRow] = await db.query(`SELECT status, pending_decision, decision FROM claim WHERE id = $1`, [
      claim.claimId,
    ]);
    expect(claimRow).toMatchObject({
      status: 'decided',
      pending_decision: null,
      decision: { outcome: 'refusal', proposedBy: reviewer.staffId, decidedBy: approver.staffId, isReview: true },
    });
    const victimAfter = await victimView();
    expect(victimAfter).toMatchObject({ status: 'decided', decision: { outcome: 'refusal', madeOnReview: true } });
    expect(victimAfter.decisions).toEqual([
      expect.objectContaining({ id: originalId, inForce: false }),
      expect.objectContaining({ id: decisionId, kind: 'refusal', madeOnReview: true, inForce: true }),
    ]);
    const events = (victimAfter.timeline as Array<{ event: string }>).map((entry) => entry.event);
    expect(events.at(-1)).toBe('claim.review-decided');
    expect(events).not.toContain('claim.review-decision-proposed');
    const actions = (await auditEntriesFor(staffApi, claim.claimId)).map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'claim.review-decision-proposed',
        'claim.review-decision-proposed-for-approval',
        'claim.review-decided',
        'claim.decision-approved',
      ]),
    );
    // Approving twice is a conflict.
    expect((await post(claim, approver, approval, {})).status).toBe(409);
  });

  it('issues a review award below the threshold at once; one above it waits, and a rejection sends it back', async () => {
    const team = `t-${randomUUID().slice(0, 8)}`;
    const decider = testStaff('caseworker', { team });
    const reviewer = testStaff('caseworker', { team });
    const approver = testStaff('senior-caseworker', { team });
    const { claim, originalId } = await claimUnderReview(decider, reviewer);
    const outboxBefore = await outbox(claim);

    const serious = await calculation(claim, reviewer, 'A-HEAD-BRAIN-SERIOUS');
    const above = await post(claim, reviewer, '/review-decision', {
      kind: 'award',
      awardCalculationId: serious,
      reasons,
    });
    expect(above.status).toBe(201);
    expect(above.body).toMatchObject({
      status: 'pending-approval',
      approvalReasons: ['award-above-threshold'],
      outcome: 'raised',
    });
    expect(above.body.amountPence).toBeGreaterThan(5_000_000);
    expect(await outbox(claim)).toEqual(outboxBefore);

    // The original decision maker may not send it back either; another senior does.
    const rejection = `/decisions/${above.body.id}/rejection`;
    const byOriginal = await post(
      claim,
      testStaff('senior-caseworker', { staffId: decider.staffId, team }),
      rejection,
      {
        reasonCode: 'amount-wrong',
      },
    );
    expect([byOriginal.status, byOriginal.body.code]).toEqual([403, 'claim.same-reviewer']);
    const returned = await post(claim, approver, rejection, { reasonCode: 'amount-wrong' });
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('returned');
    const [afterReturn] = await db.query(`SELECT status, pending_decision FROM claim WHERE id = $1`, [claim.claimId]);
    expect(afterReturn).toEqual({ status: 'under_review', pending_decision: null });
    expect(await outbox(claim)).toEqual(outboxBefore);

    // Below the threshold: in force at once.
    const operated = await calculation(claim, reviewer, 'A-HEAD-SKULL-FRACTURE-OPERATED');
    const below = await post(claim, reviewer, '/review-decision', {
      kind: 'award',
      awardCalculationId: operated,
      reasons,
    });
    expect(below.status).toBe(201);
    expect(below.body).toMatchObject({
      status: 'made',
      approvalReasons: [],
      outcome: 'lowered',
      amountPence: 620_000,
      reviewId: above.body.reviewId,
    });
    expect(await decisionRows(claim)).toEqual([
      { id: originalId, status: 'superseded', on_review: false, approved_by_staff_id: null },
      { id: above.body.id, status: 'returned', on_review: true, approved_by_staff_id: null },
      { id: below.body.id, status: 'made', on_review: true, approved_by_staff_id: null },
    ]);
    expect((await outbox(claim)).slice(outboxBefore.length)).toEqual([
      { job_name: 'documents.decision-letter', payload: { claimId: claim.claimId, decisionId: below.body.id } },
      { job_name: 'notifications.send', payload: { claimId: claim.claimId, event: 'claim.review-decided' } },
    ]);
    const [claimRow] = await db.query(`SELECT status, decision FROM claim WHERE id = $1`, [claim.claimId]);
    expect(claimRow).toMatchObject({ status: 'decided', decision: { awardPence: 620_000, isReview: true } });
  });
});
