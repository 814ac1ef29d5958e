import { randomUUID } from 'node:crypto';
import {
  approvalNeeded,
  calendarDateInUk,
  Claim,
  claimOutcomeOf,
  paragraphsOf,
  type ReviewOutcome,
} from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { decisionDraftFrom } from '../../decisions/decision-draft.js';
import { DecisionSettings, DecisionStore } from '../../decisions/decision-store.js';
import { withStaffClaim } from '../../staff/claim-access.js';
import { AccessLog, CaseworkUnitOfWork } from '../../staff/casework-store.js';
import { claimActorOf } from '../../staff/staff-actor.js';
import {
  decisionUnderReview,
  reviewBeingDecided,
  reviewDecisionTakesEffect,
  reviewOutcomeOf,
} from '../review-decision-effect.js';
import { ReviewStore } from '../review-store.js';
import type { DecideReviewCommand } from './decide-review.command.js';

export interface ReviewDecision {
  readonly id: string;
  readonly reviewId: string;
  /** `made`: in force now; `pending-approval`: waits for a second senior caseworker (four eyes). */
  readonly status: 'made' | 'pending-approval';
  readonly approvalReasons: readonly string[];
  /** What it does to the original award (once approved, when it waits). */
  readonly outcome: ReviewOutcome;
  readonly amountPence: number | null;
  readonly paragraphs: readonly string[];
  readonly version: number;
}

/**
 * The review decision (PR-04, paras 117-124): made by someone who took no part in the original decision (the
 * aggregate refuses the proposer and the approver), it may raise, lower or uphold the award (para 120: it is not
 * confined to the grounds raised). Four eyes apply as to first decisions (`approvalNeeded`): an award above the
 * threshold, or a refusal or reduction on conduct or character, is proposed and waits for a different senior
 * caseworker (ApproveDecision), the claim staying under review with the original in force. Anything else takes
 * effect at once: it supersedes the original, answers the victim's request, and sends its letter and notification.
 */
export class DecideReview {
  constructor(
    private readonly unitOfWork: CaseworkUnitOfWork,
    private readonly accessLog: AccessLog,
    private readonly decisions: DecisionStore,
    private readonly reviews: ReviewStore,
    private readonly settings: DecisionSettings,
    private readonly clock: Clock,
  ) {}

  execute(command: DecideReviewCommand): Promise<ReviewDecision> {
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
        const approvalReasons = approvalNeeded(draft, this.settings.fourEyesAwardThresholdPence);
        const status = approvalReasons.length ? 'pending-approval' : 'made';
        const id = randomUUID();
        if (status === 'made') claim.decideReview(actor, at, claimOutcomeOf(draft));
        else claim.proposeReviewDecision(actor, at, claimOutcomeOf(draft));
        const original = await decisionUnderReview(this.decisions, tx, claimId);
        const review = await reviewBeingDecided(this.reviews, tx, claimId, original, at);
        const paragraphs = paragraphsOf(draft.grounds);
        await this.decisions.insert(tx, {
          id,
          claimId,
          kind: draft.kind,
          amountPence: draft.amountPence,
          awardCalculationId: command.awardCalculationId,
          grounds: draft.grounds,
          paragraphs,
          reasons: command.reasons,
          approvalReasons,
          status,
          onReview: true,
          proposedBy: command.actor.staffId,
          at,
          decidedOn: status === 'made' ? calendarDateInUk(at) : null,
        });
        const decision = { id, kind: draft.kind, amountPence: draft.amountPence };
        const outcome =
          status === 'made'
            ? await reviewDecisionTakesEffect(
                tx,
                { decisions: this.decisions, reviews: this.reviews },
                { claimId, reviewId: review.id, original, decision, reviewer: command.actor.staffId, at },
              )
            : reviewOutcomeOf(original, decision);
        await tx.saveClaim(claim.snapshot(), claim.pullEvents(), at);
        await tx.audit({
          actorType: 'staff',
          actorId: command.actor.staffId,
          action: status === 'made' ? 'claim.review-decision-made' : 'claim.review-decision-proposed-for-approval',
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
            approvalReasons,
          },
          occurredAt: at,
        });
        return {
          id,
          reviewId: review.id,
          status,
          approvalReasons,
          outcome,
          amountPence: draft.amountPence,
          paragraphs,
          version: claim.version,
        };
      },
    );
  }
}
