import { calendarDateInUk, Claim, DomainError, DomainErrorKind, type ReviewOutcome } from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { decisionUnderReview, reviewDecisionTakesEffect } from '../../reviews/review-decision-effect.js';
import { ReviewStore } from '../../reviews/review-store.js';
import { withStaffClaim } from '../../staff/claim-access.js';
import { AccessLog, CaseworkUnitOfWork, type CaseworkTransaction } from '../../staff/casework-store.js';
import { claimActorOf } from '../../staff/staff-actor.js';
import { issueDecision } from '../decision-draft.js';
import { DecisionStore, type StoredDecision } from '../decision-store.js';
import type { ApproveDecisionCommand } from './approve-decision.command.js';

/** The decision waiting for approval on this claim, or a 404/409 that says why there is none. */
export async function pendingDecision(
  store: DecisionStore,
  tx: CaseworkTransaction,
  claimId: string,
  decisionId: string,
): Promise<StoredDecision> {
  const decision = await store.find(tx, claimId, decisionId);
  if (!decision) {
    throw new DomainError('decision.not-found', DomainErrorKind.NotFound, 'There is no such decision on this claim.');
  }
  if (decision.status !== 'pending-approval') {
    throw new DomainError(
      'decision.not-pending',
      DomainErrorKind.Conflict,
      `This decision is ${decision.status.replace('-', ' ')}, not waiting for approval.`,
    );
  }
  return decision;
}

export interface ApprovedDecision {
  readonly id: string;
  readonly status: 'made';
  /** A review decision: its review and what it did to the original award. */
  readonly onReview: boolean;
  readonly reviewId: string | null;
  readonly outcome: ReviewOutcome | null;
  readonly version: number;
}

/**
 * Four eyes (decision policy): a senior caseworker other than the one who proposed the decision approves it, and
 * it takes effect. A first decision: the claim is decided, and its letter and notification go out through the
 * outbox. A review decision: the approver must also have taken no part in the original decision (the aggregate
 * refuses them), and it takes effect exactly as a review decision made at once does (`reviewDecisionTakesEffect`).
 */
export class ApproveDecision {
  constructor(
    private readonly unitOfWork: CaseworkUnitOfWork,
    private readonly accessLog: AccessLog,
    private readonly store: DecisionStore,
    private readonly reviews: ReviewStore,
    private readonly clock: Clock,
  ) {}

  execute(command: ApproveDecisionCommand): Promise<ApprovedDecision> {
    return withStaffClaim(
      { unitOfWork: this.unitOfWork, accessLog: this.accessLog, clock: this.clock },
      {
        actor: command.actor,
        reference: command.reference,
        expectedVersion: command.expectedVersion,
        view: 'decision-approval',
      },
      async (tx, record) => {
        const at = this.clock.now();
        const claimId = record.snapshot.id;
        const decision = await pendingDecision(this.store, tx, claimId, command.decisionId);
        if (decision.proposedBy === command.actor.staffId) {
          throw new DomainError(
            'claim.same-approver',
            DomainErrorKind.Forbidden,
            'A decision must be approved by someone other than the person who proposed it.',
          );
        }
        const claim = Claim.rehydrate(record.snapshot);
        const actor = claimActorOf(command.actor);
        if (decision.onReview) claim.approveReviewDecision(actor, at);
        else claim.approveDecision(actor, at);
        // A review decision answers the open review, about the decision in force until now: both are read before
        // this decision is made and would take the original's place.
        const underReview = decision.onReview ? await this.reviewUnderWay(tx, claimId) : null;
        await this.store.markMade(tx, decision.id, {
          approvedBy: command.actor.staffId,
          at,
          decidedOn: calendarDateInUk(at),
        });
        let outcome: ReviewOutcome | null = null;
        if (underReview) {
          outcome = await reviewDecisionTakesEffect(
            tx,
            { decisions: this.store, reviews: this.reviews },
            { claimId, ...underReview, decision, reviewer: decision.proposedBy, at },
          );
        } else {
          await issueDecision(tx, claimId, decision.id, 'claim.decided');
        }
        await tx.saveClaim(claim.snapshot(), claim.pullEvents(), at);
        await tx.audit({
          actorType: 'staff',
          actorId: command.actor.staffId,
          action: 'claim.decision-approved',
          targetType: 'claim',
          targetId: claimId,
          details: {
            reference: record.snapshot.reference,
            decisionId: decision.id,
            proposedBy: decision.proposedBy,
            onReview: decision.onReview,
            ...(underReview
              ? { reviewId: underReview.reviewId, originalDecisionId: underReview.original.id, outcome }
              : {}),
          },
          occurredAt: at,
        });
        return {
          id: decision.id,
          status: 'made' as const,
          onReview: decision.onReview,
          reviewId: underReview?.reviewId ?? null,
          outcome,
          version: claim.version,
        };
      },
    );
  }

  private async reviewUnderWay(
    tx: CaseworkTransaction,
    claimId: string,
  ): Promise<{ reviewId: string; original: StoredDecision }> {
    const original = await decisionUnderReview(this.store, tx, claimId);
    const review = await this.reviews.openReview(tx, claimId);
    if (!review) {
      throw new DomainError('review.not-open', DomainErrorKind.Conflict, 'There is no open review on this claim.');
    }
    return { reviewId: review.id, original };
  }
}
