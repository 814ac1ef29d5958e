import { randomUUID } from 'node:crypto';
import { calendarDateInUk, reviewOutcome, reviewTimeliness, type ReviewOutcome } from '@redress/domain';
import { issueDecision } from '../decisions/decision-draft.js';
import type { DecisionStore, StoredDecision } from '../decisions/decision-store.js';
import type { CaseworkTransaction } from '../staff/casework-store.js';
import { noDecisionInForce } from './record-review-request/record-review-request.use-case.js';
import type { OpenReview, ReviewStore } from './review-store.js';

/** A decision as a review compares it: what it pays (nothing for a refusal or an award withheld). */
type Payable = Pick<StoredDecision, 'kind' | 'amountPence'>;

const payable = (decision: Payable): number =>
  decision.kind === 'award' || decision.kind === 'reduced' ? (decision.amountPence ?? 0) : 0;

/** Raised, lowered or upheld: what the review decision does to the amount payable under the original. */
export function reviewOutcomeOf(original: Payable, reviewed: Payable): ReviewOutcome {
  return reviewOutcome(payable(original), payable(reviewed));
}

/** The decision in force, which the review is about; 409 when there is none. */
export async function decisionUnderReview(
  decisions: DecisionStore,
  tx: CaseworkTransaction,
  claimId: string,
): Promise<StoredDecision & { decidedOn: string }> {
  const original = await decisions.current(tx, claimId);
  if (!original?.decidedOn) throw noDecisionInForce();
  return { ...original, decidedOn: original.decidedOn };
}

/**
 * The review record a review decision answers: the one staff recorded (post, phone) or opened earlier, or, for an
 * online request, one opened now and dated by when the request arrived. Its timeliness (56 days, para 117) is
 * fixed here, from the request and the original decision, whenever the review decision is made or approved.
 */
export async function reviewBeingDecided(
  reviews: ReviewStore,
  tx: CaseworkTransaction,
  claimId: string,
  original: { id: string; decidedOn: string },
  at: Date,
): Promise<OpenReview> {
  const open = await reviews.openReview(tx, claimId);
  if (open) return open;
  const received = await reviews.citizenRequestReceivedAt(tx, claimId);
  const requestedOn = calendarDateInUk(received ?? at);
  const review = { id: randomUUID(), originalDecisionId: original.id };
  await reviews.insertReview(tx, {
    id: review.id,
    claimId,
    originalDecisionId: original.id,
    requestedOn,
    late: reviewTimeliness(original.decidedOn, requestedOn).late,
    extensionReason: null,
    extensionGrantedBy: null,
  });
  return review;
}

/**
 * A review decision taking effect, at once (DecideReview) or once a second senior caseworker approves it
 * (ApproveDecision): it supersedes the original decision, decides the review record, answers the victim's online
 * requests, and sends its letter and notification through the outbox, all in the caller's transaction. The
 * decision row itself is already `made`, and the caller saves the aggregate and writes its own audit entry.
 */
export async function reviewDecisionTakesEffect(
  tx: CaseworkTransaction,
  stores: { decisions: DecisionStore; reviews: ReviewStore },
  effect: {
    claimId: string;
    reviewId: string;
    original: { id: string } & Payable;
    decision: { id: string } & Payable;
    /** Who reviewed the decision: its proposer, also when someone else approved it. */
    reviewer: string;
    at: Date;
  },
): Promise<ReviewOutcome> {
  const outcome = reviewOutcomeOf(effect.original, effect.decision);
  await stores.decisions.supersede(tx, effect.original.id);
  await stores.reviews.decideReview(tx, {
    id: effect.reviewId,
    reviewDecisionId: effect.decision.id,
    reviewer: effect.reviewer,
    outcome,
    at: effect.at,
  });
  await stores.reviews.closeCitizenRequests(tx, effect.claimId);
  await issueDecision(tx, effect.claimId, effect.decision.id, 'claim.review-decided');
  return outcome;
}
