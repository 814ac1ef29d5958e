import { randomUUID } from 'node:crypto';
import {
  calendarDateInUk,
  Claim,
  claimOutcomeOf,
  paragraphsOf,
  reviewOutcome,
  reviewTimeliness,
  type ReviewOutcome,
} from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { decisionDraftFrom, issueDecision } from '../../decisions/decision-draft.js';
import { DecisionStore } from '../../decisions/decision-store.js';
import { withStaffClaim } from '../../staff/claim-access.js';
import { AccessLog, CaseworkUnitOfWork } from '../../staff/casework-store.js';
import { claimActorOf } from '../../staff/staff-actor.js';
import { noDecisionInForce } from '../record-review-request/record-review-request.use-case.js';
import { ReviewStore } from '../review-store.js';
import type { DecideReviewCommand } from './decide-review.command.js';

const payable = (decision: { kind: string; amountPence: number | null }): number =>
  decision.kind === 'award' || decision.kind === 'reduced' ? (decision.amountPence ?? 0) : 0;

/**
 * The review decision (PR-04, paras 117-124): made by someone who took no part in the original decision (the
 * aggregate refuses the proposer and the approver), it may raise, lower or uphold the award (para 120: it is not
 * confined to the grounds raised). It takes effect at once, supersedes the original, answers the victim's request,
 * and sends its letter and notification through the outbox.
 */
export class DecideReview {
  constructor(
    private readonly unitOfWork: CaseworkUnitOfWork,
    private readonly accessLog: AccessLog,
    private readonly decisions: DecisionStore,
    private readonly reviews: ReviewStore,
    private readonly clock: Clock,
  ) {}

  execute(
    command: DecideReviewCommand,
  ): Promise<{ id: string; reviewId: string; outcome: ReviewOutcome; amountPence: number | null; version: number }> {
    return withStaffClaim(
      { unitOfWork: this.unitOfWork, accessLog: this.accessLog, clock: this.clock },
      { actor: command.actor, reference: command.reference, expectedVersion: command.expectedVersion, view: 'review' },
      async (tx, record) => {
        const at = this.clock.now();
        const claimId = record.snapshot.id;
        const claim = Claim.rehydrate(record.snapshot);
        const actor = claimActorOf(command.actor);
        if (claim.status === 'review_requested') claim.startReview(actor, at);
        const draft = await decisionDraftFrom(this.decisions, tx, claimId, command);
        const id = randomUUID();
        claim.decideReview(actor, at, claimOutcomeOf(draft));
        const original = await this.decisions.current(tx, claimId);
        if (!original?.decidedOn) throw noDecisionInForce();

        let review = await this.reviews.openReview(tx, claimId);
        if (!review) {
          // An online request: the review record is opened now, dated by when the request arrived.
          const received = await this.reviews.citizenRequestReceivedAt(tx, claimId);
          const requestedOn = calendarDateInUk(received ?? at);
          review = { id: randomUUID(), originalDecisionId: original.id };
          await this.reviews.insertReview(tx, {
            id: review.id,
            claimId,
            originalDecisionId: original.id,
            requestedOn,
            late: reviewTimeliness(original.decidedOn, requestedOn).late,
            extensionReason: null,
            extensionGrantedBy: null,
          });
        }
        const outcome = reviewOutcome(payable(original), payable(draft));
        await this.decisions.insert(tx, {
          id,
          claimId,
          kind: draft.kind,
          amountPence: draft.amountPence,
          awardCalculationId: command.awardCalculationId,
          grounds: draft.grounds,
          paragraphs: paragraphsOf(draft.grounds),
          reasons: command.reasons,
          approvalReasons: [],
          status: 'made',
          onReview: true,
          proposedBy: command.actor.staffId,
          at,
          decidedOn: calendarDateInUk(at),
        });
        await this.decisions.supersede(tx, original.id);
        await this.reviews.decideReview(tx, {
          id: review.id,
          reviewDecisionId: id,
          reviewer: command.actor.staffId,
          outcome,
          at,
        });
        await this.reviews.closeCitizenRequests(tx, claimId);
        await tx.saveClaim(claim.snapshot(), claim.pullEvents(), at);
        await tx.audit({
          actorType: 'staff',
          actorId: command.actor.staffId,
          action: 'claim.review-decision-made',
          targetType: 'claim',
          targetId: claimId,
          details: {
            reference: record.snapshot.reference,
            reviewId: review.id,
            decisionId: id,
            originalDecisionId: original.id,
            outcome,
            kind: draft.kind,
            amountPence: draft.amountPence,
          },
          occurredAt: at,
        });
        await issueDecision(tx, claimId, id, 'claim.review-decided');
        return { id, reviewId: review.id, outcome, amountPence: draft.amountPence, version: claim.version };
      },
    );
  }
}
