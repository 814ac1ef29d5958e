import type { ClaimSnapshot } from '@redress/domain';
import { ApproveDecision } from '../../decisions/approve-decision/approve-decision.use-case.js';
import { DecisionSettings } from '../../decisions/decision-store.js';
import { ReturnDecision } from '../../decisions/return-decision/return-decision.use-case.js';
import { FixedClock } from '../../ports/clock.js';
import type { StaffActor } from '../../staff/staff-actor.js';
import { InMemoryCasework } from '../testing/in-memory-casework.js';
import { DecideReview } from './decide-review.use-case.js';
import { refusal } from '../../testing/domain-refusal.js';

const reference = '26-000001-3';
const claimId = '6f0c1f1e-0000-4000-8000-000000000001';
const originalId = '6f0c1f1e-0000-4000-8000-0000000000d1';
const smallCalculation = '6f0c1f1e-0000-4000-8000-0000000000c1';
const bigCalculation = '6f0c1f1e-0000-4000-8000-0000000000c2';

const staff = (staffId: string, role: 'caseworker' | 'senior-caseworker'): StaffActor => ({
  staffId,
  roles: [role],
  team: 'general',
});
const reviewer = staff('reviewer-1', 'senior-caseworker');
const approver = staff('senior-2', 'senior-caseworker');
const originalProposer = staff('caseworker-original', 'caseworker');
const originalApprover = staff('senior-original', 'senior-caseworker');

/** A claim whose GBP 11,000 award (proposed by one caseworker, approved by a senior) the victim asked to review. */
function setUp() {
  const casework = new InMemoryCasework();
  const clock = new FixedClock(new Date('2026-12-01T10:00:00Z'));
  const snapshot: ClaimSnapshot = {
    id: claimId,
    reference,
    applicationId: 'application-1',
    ownerCitizenId: 'citizen-1',
    status: 'review_requested',
    version: 5,
    statusChangedAt: new Date('2026-11-25T09:00:00Z'),
    submittedAt: new Date('2026-06-01T09:00:00Z'),
    pendingDecision: null,
    decision: {
      outcome: 'award',
      awardPence: 1_100_000,
      proposedBy: originalProposer.staffId,
      decidedBy: originalApprover.staffId,
      decidedOn: '2026-11-20',
      isReview: false,
    },
  };
  casework.addClaim(snapshot);
  casework.addMadeDecision({
    id: originalId,
    claimId,
    kind: 'award',
    amountPence: 1_100_000,
    awardCalculationId: null,
    grounds: [],
    paragraphs: [],
    reasons: 'The injury is in the tariff.',
    approvalReasons: [],
    onReview: false,
    proposedBy: originalProposer.staffId,
    approvedBy: originalApprover.staffId,
    at: new Date('2026-11-20T10:00:00Z'),
    decidedOn: '2026-11-20',
  });
  casework.addCalculation({ id: smallCalculation, claimId, totalPence: 1_500_000 });
  casework.addCalculation({ id: bigCalculation, claimId, totalPence: 6_000_000 });
  casework.state.citizenRequests.push({ claimId, requestedAt: new Date('2026-11-25T09:00:00Z'), status: 'open' });
  const settings = new DecisionSettings();
  const { unitOfWork, accessLog, decisions, reviews } = casework;
  const decideReview = new DecideReview(unitOfWork, accessLog, decisions, reviews, settings, clock);
  const approve = new ApproveDecision(unitOfWork, accessLog, decisions, reviews, clock);
  const returnDecision = new ReturnDecision(unitOfWork, accessLog, decisions, clock);
  const version = () => casework.claim(reference).version;
  return {
    casework,
    clock,
    version,
    decide: (actor: StaffActor, body: { kind: 'award' | 'refusal'; calculation?: string; grounds?: string[] }) =>
      decideReview.execute({
        actor,
        reference,
        expectedVersion: version(),
        kind: body.kind,
        awardCalculationId: body.calculation ?? null,
        grounds: (body.grounds ?? []) as never,
        reasons: 'Reasons for the review decision.',
      }),
    approve: (actor: StaffActor, decisionId: string) =>
      approve.execute({ actor, reference, decisionId, expectedVersion: version() }),
    sendBack: (actor: StaffActor, decisionId: string) =>
      returnDecision.execute({ actor, reference, decisionId, expectedVersion: version(), reasonCode: 'grounds-wrong' }),
  };
}

describe('DecideReview: four eyes on review decisions (issue 7 item 7)', () => {
  it('takes effect at once when no approval is needed: supersedes, decides the review, answers the victim, writes', async () => {
    const { casework, decide } = setUp();
    const made = await decide(reviewer, { kind: 'award', calculation: smallCalculation });
    expect(made).toMatchObject({ status: 'made', approvalReasons: [], outcome: 'raised', amountPence: 1_500_000 });
    expect(casework.claim(reference)).toMatchObject({
      status: 'decided',
      pendingDecision: null,
      decision: { outcome: 'award', awardPence: 1_500_000, decidedBy: 'reviewer-1', isReview: true },
    });
    expect(casework.decision(originalId)?.status).toBe('superseded');
    expect(casework.decision(made.id)).toMatchObject({ status: 'made', onReview: true, decidedOn: '2026-12-01' });
    expect(casework.state.reviews.get(made.reviewId)).toMatchObject({
      requestedOn: '2026-11-25',
      late: false,
      reviewDecisionId: made.id,
      reviewer: 'reviewer-1',
      outcome: 'raised',
    });
    expect(casework.state.citizenRequests[0]?.status).toBe('decided');
    expect(casework.state.outbox).toEqual([
      {
        jobName: 'documents.decision-letter',
        payload: { claimId, decisionId: made.id },
        orderingKey: `claim:${claimId}`,
      },
      {
        jobName: 'notifications.send',
        payload: { claimId, event: 'claim.review-decided' },
        orderingKey: `claim:${claimId}`,
      },
    ]);
    expect(casework.state.audit.map((entry) => entry.action)).toContain('claim.review-decision-made');
  });

  it('proposes a refusal on conduct: the claim stays under review, nothing superseded, nothing sent', async () => {
    const { casework, decide } = setUp();
    const proposed = await decide(reviewer, { kind: 'refusal', grounds: ['conduct'] });
    expect(proposed).toMatchObject({
      status: 'pending-approval',
      approvalReasons: ['refusal-on-conduct'],
      outcome: 'lowered',
      amountPence: null,
      paragraphs: ['25'],
      version: 7,
    });
    const claim = casework.claim(reference);
    expect(claim.status).toBe('under_review');
    expect(claim.decision).toMatchObject({ awardPence: 1_100_000, isReview: false, decidedOn: '2026-11-20' });
    expect(claim.pendingDecision).toEqual({
      outcome: 'refusal',
      awardPence: null,
      proposedBy: 'reviewer-1',
      isReview: true,
    });
    expect(casework.decision(originalId)?.status).toBe('made');
    expect(casework.decision(proposed.id)).toMatchObject({
      status: 'pending-approval',
      onReview: true,
      decidedOn: null,
      approvalReasons: ['refusal-on-conduct'],
    });
    expect(casework.state.reviews.get(proposed.reviewId)).toMatchObject({
      requestedOn: '2026-11-25',
      late: false,
      reviewDecisionId: null,
    });
    expect(casework.state.citizenRequests[0]?.status).toBe('open');
    expect(casework.state.outbox).toEqual([]);
    expect(casework.state.events.map((event) => event.type)).toEqual([
      'claim.review-started',
      'claim.review-decision-proposed',
    ]);
    expect(casework.state.audit.map((entry) => entry.action)).toContain('claim.review-decision-proposed-for-approval');
  });

  it('is approved only by another senior caseworker independent of the original decision; then it takes effect', async () => {
    const { casework, clock, decide, approve } = setUp();
    const proposed = await decide(reviewer, { kind: 'refusal', grounds: ['conduct'] });
    const before = structuredClone(casework.state);
    expect(await refusal(approve(reviewer, proposed.id))).toMatchObject({ code: 'claim.same-approver' });
    expect(await refusal(approve(originalApprover, proposed.id))).toMatchObject({ code: 'claim.same-reviewer' });
    const seniorProposer = { ...originalProposer, roles: ['senior-caseworker' as const] };
    expect(await refusal(approve(seniorProposer, proposed.id))).toMatchObject({ code: 'claim.same-reviewer' });
    expect(await refusal(approve(staff('caseworker-9', 'caseworker'), proposed.id))).toMatchObject({
      code: 'claim.actor-not-permitted',
    });
    expect(casework.state).toEqual(before);

    // Approved long after the request: the review's timeliness is the request's, not the approval's.
    clock.set(new Date('2027-03-01T10:00:00Z'));
    const approved = await approve(approver, proposed.id);
    expect(approved).toEqual({
      id: proposed.id,
      status: 'made',
      onReview: true,
      reviewId: proposed.reviewId,
      outcome: 'lowered',
      version: 8,
    });
    expect(casework.claim(reference)).toMatchObject({
      status: 'decided',
      pendingDecision: null,
      decision: {
        outcome: 'refusal',
        awardPence: null,
        proposedBy: 'reviewer-1',
        decidedBy: 'senior-2',
        decidedOn: '2027-03-01',
        isReview: true,
      },
    });
    expect(casework.decision(originalId)?.status).toBe('superseded');
    expect(casework.decision(proposed.id)).toMatchObject({
      status: 'made',
      approvedBy: 'senior-2',
      decidedOn: '2027-03-01',
    });
    expect(casework.state.reviews.get(proposed.reviewId)).toMatchObject({
      requestedOn: '2026-11-25',
      late: false,
      reviewDecisionId: proposed.id,
      reviewer: 'reviewer-1',
      outcome: 'lowered',
    });
    expect(casework.state.citizenRequests[0]?.status).toBe('decided');
    expect(casework.state.outbox.map((row) => [row.jobName, row.payload])).toEqual([
      ['documents.decision-letter', { claimId, decisionId: proposed.id }],
      ['notifications.send', { claimId, event: 'claim.review-decided' }],
    ]);
    expect(casework.state.events.at(-1)).toMatchObject({ type: 'claim.review-decided', toStatus: 'decided' });
    expect(casework.state.audit.at(-1)).toMatchObject({
      action: 'claim.decision-approved',
      details: { decisionId: proposed.id, onReview: true, originalDecisionId: originalId, outcome: 'lowered' },
    });
    expect(await refusal(approve(approver, proposed.id))).toMatchObject({ code: 'decision.not-pending' });
  });

  it('sends an award above the threshold for approval; returned, it goes back to the reviewer', async () => {
    const { casework, decide, approve, sendBack } = setUp();
    const proposed = await decide(reviewer, { kind: 'award', calculation: bigCalculation });
    expect(proposed).toMatchObject({ status: 'pending-approval', approvalReasons: ['award-above-threshold'] });
    // Nothing else is decided on review while it waits.
    expect(await refusal(decide(approver, { kind: 'award', calculation: smallCalculation }))).toMatchObject({
      code: 'claim.illegal-transition',
    });
    expect(await refusal(sendBack(originalApprover, proposed.id))).toMatchObject({ code: 'claim.same-reviewer' });
    const returned = await sendBack(approver, proposed.id);
    expect(returned.status).toBe('returned');
    expect(casework.claim(reference)).toMatchObject({ status: 'under_review', pendingDecision: null });
    expect(casework.decision(proposed.id)).toMatchObject({ status: 'returned', returnReasonCode: 'grounds-wrong' });
    expect(casework.decision(originalId)?.status).toBe('made');
    expect(casework.state.outbox).toEqual([]);
    expect(casework.state.events.at(-1)?.type).toBe('claim.review-decision-returned');
    expect(await refusal(approve(approver, proposed.id))).toMatchObject({ code: 'decision.not-pending' });

    // The reviewer decides again, on the same review record.
    const again = await decide(reviewer, { kind: 'award', calculation: smallCalculation });
    expect(again).toMatchObject({ status: 'made', reviewId: proposed.reviewId, outcome: 'raised' });
    expect(casework.state.reviews.size).toBe(1);
    expect(casework.decision(originalId)?.status).toBe('superseded');
  });

  it('refuses a review decision by anyone who took part in the original, whether or not it needs approval', async () => {
    const { casework, decide } = setUp();
    const before = structuredClone(casework.state);
    for (const actor of [originalProposer, originalApprover]) {
      for (const body of [
        { kind: 'refusal' as const, grounds: ['conduct'] },
        { kind: 'award' as const, calculation: smallCalculation },
      ]) {
        expect(await refusal(decide(actor, body))).toMatchObject({ code: 'claim.same-reviewer' });
      }
    }
    expect(casework.state).toEqual(before);
  });
});
