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

describe('caseworker decisions, four eyes, reviews and appeals', () => {
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
  const senior = testStaff('senior-caseworker');
  const otherSenior = testStaff('senior-caseworker');
  const reviewer = testStaff('caseworker');

  const version = async (claim: SeededClaim) =>
    (await db.query<Array<{ version: number }>>(`SELECT version FROM claim WHERE id = $1`, [claim.claimId]))[0]!
      .version;
  const status = async (claim: SeededClaim) =>
    (await db.query<Array<{ status: string }>>(`SELECT status FROM claim WHERE id = $1`, [claim.claimId]))[0]!.status;
  const outbox = (claim: SeededClaim) =>
    db.query<Array<{ job_name: string; payload: Record<string, string> }>>(
      `SELECT job_name, payload FROM outbox_message WHERE ordering_key = $1 ORDER BY position`,
      [`claim:${claim.claimId}`],
    );
  async function calculation(claim: SeededClaim, body: Record<string, unknown>): Promise<string> {
    const response = await http()
      .post(`/v1/claims/${claim.reference}/award-calculations`)
      .set('authorization', caseworker.authorization)
      .send({ decidedOn: '2026-11-27', ...body })
      .expect(201);
    return response.body.id as string;
  }
  const decide = async (claim: SeededClaim, who: { authorization: string }, body: Record<string, unknown>) =>
    http()
      .post(`/v1/claims/${claim.reference}/decisions`)
      .set('authorization', who.authorization)
      .send({ version: await version(claim), reasons: 'Medical evidence confirms the injury.', ...body });

  it('makes an award from a stored calculation at once, with its letter and notification in the outbox', async () => {
    const claim = await seedClaim(app, { status: 'in_assessment' });
    const calculationId = await calculation(claim, { injuries: [{ code: 'A-HEAD-BRAIN-MINOR' }] });
    const response = await decide(claim, caseworker, { kind: 'award', awardCalculationId: calculationId });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ status: 'made', approvalReasons: [], amountPence: 1_100_000 });
    expect(await status(claim)).toBe('decided');
    const rows = await db.query(
      `SELECT kind, status, decided_on, reasons_encrypted FROM claim_decision WHERE id = $1`,
      [response.body.id],
    );
    expect(rows[0]).toMatchObject({ kind: 'award', status: 'made' });
    expect(rows[0].reasons_encrypted).toMatch(/^f1\./);
    expect(await outbox(claim)).toEqual([
      { job_name: 'documents.decision-letter', payload: { claimId: claim.claimId, decisionId: response.body.id } },
      { job_name: 'notifications.send', payload: { claimId: claim.claimId, event: 'claim.decided' } },
    ]);
    const claimRow = await db.query(`SELECT decision FROM claim WHERE id = $1`, [claim.claimId]);
    expect(claimRow[0].decision).toMatchObject({
      outcome: 'award',
      awardPence: 1_100_000,
      decidedBy: caseworker.staffId,
    });
    const actions = (await auditEntriesFor(app, claim.claimId)).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['claim.decided', 'claim.decision-made']));
  });

  it('refuses an amount that does not come from a calculation of this claim, and writes nothing', async () => {
    const claim = await seedClaim(app, { status: 'in_assessment' });
    const other = await seedClaim(app, { status: 'in_assessment' });
    const foreign = await calculation(other, { injuries: [{ code: 'A-HEAD-BRAIN-MINOR' }] });
    const reduced = await calculation(claim, { injuries: [{ code: 'A-HEAD-BRAIN-MINOR' }], reductionPercent: 20 });
    for (const body of [
      { kind: 'award', awardCalculationId: foreign },
      { kind: 'award' },
      { kind: 'award', awardCalculationId: reduced },
      { kind: 'reduced', awardCalculationId: reduced },
      { kind: 'refusal', grounds: [] },
      { kind: 'refusal', grounds: ['residence'], awardCalculationId: reduced },
      { kind: 'refusal', grounds: ['no-such-ground'] },
      { kind: 'bonus', grounds: ['residence'] },
    ]) {
      const response = await decide(claim, caseworker, body);
      expect([response.status, body]).toEqual([400, body]);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect(await db.query(`SELECT id FROM claim_decision WHERE claim_id = $1`, [claim.claimId])).toEqual([]);
    expect(await status(claim)).toBe('in_assessment');
    expect(await outbox(claim)).toEqual([]);
  });

  it('sends an award above the threshold to a different senior caseworker, and only then issues it', async () => {
    const claim = await seedClaim(app, { status: 'in_assessment' });
    const calculationId = await calculation(claim, { injuries: [{ code: 'A-HEAD-BRAIN-SERIOUS' }] });
    const proposed = await decide(claim, senior, { kind: 'award', awardCalculationId: calculationId });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ status: 'pending-approval', approvalReasons: ['award-above-threshold'] });
    expect(await status(claim)).toBe('decision_pending_approval');
    expect(await outbox(claim)).toEqual([]);
    const approval = `/v1/claims/${claim.reference}/decisions/${proposed.body.id}/approval`;
    // The proposer cannot approve, nor can a caseworker.
    const self = await http()
      .post(approval)
      .set('authorization', senior.authorization)
      .send({ version: await version(claim) });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('claim.same-approver');
    await http().post(approval).set('authorization', caseworker.authorization).send({ version: 2 }).expect(403);
    await http().post(approval).set('authorization', otherSenior.authorization).send({}).expect(428);
    const approved = await http()
      .post(approval)
      .set('authorization', otherSenior.authorization)
      .set('if-match', `"${await version(claim)}"`)
      .send({})
      .expect(200);
    expect(approved.body).toMatchObject({ id: proposed.body.id, status: 'made' });
    expect(await status(claim)).toBe('decided');
    const [row] = await db.query(`SELECT status, approved_by_staff_id, decided_on FROM claim_decision WHERE id = $1`, [
      proposed.body.id,
    ]);
    expect(row).toMatchObject({ status: 'made', approved_by_staff_id: otherSenior.staffId });
    expect((await outbox(claim)).map((r) => r.job_name)).toEqual(['documents.decision-letter', 'notifications.send']);
    // Approving twice is a conflict.
    await http()
      .post(approval)
      .set('authorization', otherSenior.authorization)
      .send({ version: await version(claim) })
      .expect(409);
  });

  it('needs approval for a refusal on conduct, and an approver can send it back to the caseworker', async () => {
    const claim = await seedClaim(app, { status: 'in_assessment' });
    const proposed = await decide(claim, caseworker, { kind: 'refusal', grounds: ['conduct'] });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({
      status: 'pending-approval',
      approvalReasons: ['refusal-on-conduct'],
      paragraphs: ['25'],
    });
    const rejection = `/v1/claims/${claim.reference}/decisions/${proposed.body.id}/rejection`;
    await http()
      .post(rejection)
      .set('authorization', senior.authorization)
      .send({ version: await version(claim), reasonCode: 'because' })
      .expect(400);
    const returned = await http()
      .post(rejection)
      .set('authorization', senior.authorization)
      .send({ version: await version(claim), reasonCode: 'more-evidence-needed' })
      .expect(200);
    expect(returned.body.status).toBe('returned');
    expect(await status(claim)).toBe('in_assessment');
    const [row] = await db.query(
      `SELECT status, returned_by_staff_id, return_reason_code FROM claim_decision WHERE id = $1`,
      [proposed.body.id],
    );
    expect(row).toEqual({
      status: 'returned',
      returned_by_staff_id: senior.staffId,
      return_reason_code: 'more-evidence-needed',
    });
    expect(await outbox(claim)).toEqual([]);
    // A refusal on other grounds takes effect at once.
    const refusal = await decide(claim, caseworker, { kind: 'refusal', grounds: ['application-out-of-time'] });
    expect(refusal.body).toMatchObject({ status: 'made', paragraphs: ['87', '88', '89'] });
    const [claimRow] = await db.query(`SELECT decision FROM claim WHERE id = $1`, [claim.claimId]);
    expect(claimRow.decision).toMatchObject({ outcome: 'refusal', awardPence: null });
  });

  it('has a review decided by someone else, raising the award, and records a late request only with reasons', async () => {
    const claim = await seedClaim(app, { status: 'in_assessment' });
    const first = await calculation(claim, { injuries: [{ code: 'A-HEAD-SKULL-FRACTURE' }] });
    await decide(claim, caseworker, { kind: 'award', awardCalculationId: first }).then((r) =>
      expect(r.status).toBe(201),
    );
    // The decision was 60 days ago: a request received today is late.
    await db.query(`UPDATE claim_decision SET decided_on = current_date - 60 WHERE claim_id = $1`, [claim.claimId]);
    await db.query(
      `UPDATE claim SET decision = jsonb_set(decision, '{decidedOn}', to_jsonb((current_date - 60)::text)) WHERE id = $1`,
      [claim.claimId],
    );
    const today = new Date().toISOString().slice(0, 10);
    const late = await http()
      .post(`/v1/claims/${claim.reference}/reviews`)
      .set('authorization', reviewer.authorization)
      .send({ version: await version(claim), requestedOn: today });
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('review.out-of-time');
    const recorded = await http()
      .post(`/v1/claims/${claim.reference}/reviews`)
      .set('authorization', reviewer.authorization)
      .send({
        version: await version(claim),
        requestedOn: today,
        extensionReason: 'In hospital for eight weeks after surgery.',
      })
      .expect(201);
    expect(recorded.body.late).toBe(true);
    const [review] = await db.query(
      `SELECT late, extension_reason_encrypted, extension_granted_by_staff_id FROM claim_review WHERE id = $1`,
      [recorded.body.id],
    );
    expect(review.extension_reason_encrypted).toMatch(/^f1\./);
    expect(review.extension_granted_by_staff_id).toBe(reviewer.staffId);

    const raised = await calculation(claim, { injuries: [{ code: 'A-HEAD-SKULL-FRACTURE-OPERATED' }] });
    const path = `/v1/claims/${claim.reference}/review-decision`;
    const byOriginal = await http()
      .post(path)
      .set('authorization', caseworker.authorization)
      .send({
        version: await version(claim),
        kind: 'award',
        awardCalculationId: raised,
        reasons: 'The fracture needed an operation.',
      });
    expect(byOriginal.status).toBe(403);
    expect(byOriginal.body.code).toBe('claim.same-reviewer');
    const decided = await http()
      .post(path)
      .set('authorization', reviewer.authorization)
      .send({
        version: await version(claim),
        kind: 'award',
        awardCalculationId: raised,
        reasons: 'The fracture needed an operation.',
      })
      .expect(201);
    // Below the four-eyes threshold and on no conduct or character grounds: in force at once.
    expect(decided.body).toMatchObject({
      status: 'made',
      approvalReasons: [],
      outcome: 'raised',
      amountPence: 620_000,
      reviewId: recorded.body.id,
    });
    const decisions = await db.query(
      `SELECT status, on_review FROM claim_decision WHERE claim_id = $1 ORDER BY proposed_at`,
      [claim.claimId],
    );
    expect(decisions).toEqual([
      { status: 'superseded', on_review: false },
      { status: 'made', on_review: true },
    ]);
    expect((await outbox(claim)).slice(-2)).toEqual([
      { job_name: 'documents.decision-letter', payload: { claimId: claim.claimId, decisionId: decided.body.id } },
      { job_name: 'notifications.send', payload: { claimId: claim.claimId, event: 'claim.review-decided' } },
    ]);

    // Appeal to the tribunal within 90 days of the review decision, then its outcome.
    const appealPath = `/v1/claims/${claim.reference}/appeals`;
    await http()
      .post(appealPath)
      .set('authorization', caseworker.authorization)
      .send({ version: await version(claim), lodgedOn: '2999-01-01' })
      .expect(400);
    const appeal = await http()
      .post(appealPath)
      .set('authorization', caseworker.authorization)
      .send({ version: await version(claim), lodgedOn: today, tribunalReference: 'CI-26-01234' })
      .expect(201);
    await http()
      .post(appealPath)
      .set('authorization', caseworker.authorization)
      .send({ version: await version(claim), lodgedOn: today })
      .expect(409);
    await http()
      .post(`${appealPath}/${appeal.body.id}/outcome`)
      .set('authorization', caseworker.authorization)
      .send({ version: await version(claim), outcome: 'dismissed', outcomeOn: today })
      .expect(200);
    expect(await status(claim)).toBe('appealed');
    const [appealRow] = await db.query(
      `SELECT outcome, outcome_recorded_by_staff_id FROM tribunal_appeal WHERE id = $1`,
      [appeal.body.id],
    );
    expect(appealRow).toEqual({ outcome: 'dismissed', outcome_recorded_by_staff_id: caseworker.staffId });
  });

  it('refuses an appeal lodged more than 90 days after the review decision, and one without a review', async () => {
    const claim = await seedClaim(app, {
      status: 'decided',
      decision: {
        outcome: 'refusal',
        awardPence: null,
        proposedBy: 'a',
        decidedBy: 'b',
        decidedOn: '2026-01-01',
        isReview: true,
      },
    });
    const late = await http()
      .post(`/v1/claims/${claim.reference}/appeals`)
      .set('authorization', caseworker.authorization)
      .send({ version: 1, lodgedOn: '2026-04-02' });
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('appeal.out-of-time');
    const firstDecision = await seedClaim(app, {
      status: 'decided',
      decision: {
        outcome: 'refusal',
        awardPence: null,
        proposedBy: 'a',
        decidedBy: 'b',
        decidedOn: '2026-01-01',
        isReview: false,
      },
    });
    await http()
      .post(`/v1/claims/${firstDecision.reference}/appeals`)
      .set('authorization', caseworker.authorization)
      .send({ version: 1, lodgedOn: '2026-02-01' })
      .expect(409);
    expect(
      await db.query(`SELECT id FROM tribunal_appeal WHERE claim_id = ANY($1)`, [
        [claim.claimId, firstDecision.claimId],
      ]),
    ).toEqual([]);
  });
});
