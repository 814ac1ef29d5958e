import { randomUUID } from 'node:crypto';
import { calendarDateInUk, Claim, DomainError, DomainErrorKind, isAfter, reviewTimeliness } from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { DecisionStore } from '../../decisions/decision-store.js';
import { withStaffClaim } from '../../staff/claim-access.js';
import { AccessLog, CaseworkUnitOfWork } from '../../staff/casework-store.js';
import { claimActorOf } from '../../staff/staff-actor.js';
import { ReviewStore } from '../review-store.js';
import type { RecordReviewRequestCommand } from './record-review-request.command.js';

export function noDecisionInForce(): DomainError {
  return new DomainError('review.no-decision', DomainErrorKind.IllegalTransition, 'There is no decision to review.');
}

/**
 * Staff record a review request that came by post, phone or email. Within 56 days of the decision it stands; later,
 * only with the exceptional circumstances recorded (para 118), which are stored encrypted with who accepted them.
 */
export class RecordReviewRequest {
  constructor(
    private readonly unitOfWork: CaseworkUnitOfWork,
    private readonly accessLog: AccessLog,
    private readonly decisions: DecisionStore,
    private readonly reviews: ReviewStore,
    private readonly clock: Clock,
  ) {}

  execute(command: RecordReviewRequestCommand): Promise<{ id: string; late: boolean; version: number }> {
    return withStaffClaim(
      { unitOfWork: this.unitOfWork, accessLog: this.accessLog, clock: this.clock },
      { actor: command.actor, reference: command.reference, expectedVersion: command.expectedVersion, view: 'review' },
      async (tx, record) => {
        const at = this.clock.now();
        if (isAfter(command.requestedOn, calendarDateInUk(at))) {
          throw new DomainError('review.invalid', DomainErrorKind.InvalidInput, 'requestedOn is in the future.', [
            { field: 'requestedOn', message: 'requestedOn must not be in the future' },
          ]);
        }
        const claimId = record.snapshot.id;
        const claim = Claim.rehydrate(record.snapshot);
        const id = randomUUID();
        const extensionReason = command.extensionReason?.trim() ? command.extensionReason.trim() : null;
        claim.recordReviewRequest(claimActorOf(command.actor), at, {
          reviewId: id,
          requestedOn: command.requestedOn,
          extensionReason,
        });
        const original = await this.decisions.current(tx, claimId);
        if (!original?.decidedOn) throw noDecisionInForce();
        const { late } = reviewTimeliness(original.decidedOn, command.requestedOn);
        await this.reviews.insertReview(tx, {
          id,
          claimId,
          originalDecisionId: original.id,
          requestedOn: command.requestedOn,
          late,
          extensionReason: late ? extensionReason : null,
          extensionGrantedBy: late ? command.actor.staffId : null,
        });
        await tx.saveClaim(claim.snapshot(), claim.pullEvents(), at);
        await tx.audit({
          actorType: 'staff',
          actorId: command.actor.staffId,
          action: 'claim.review-request-recorded',
          targetType: 'claim',
          targetId: claimId,
          details: { reference: record.snapshot.reference, reviewId: id, late, requestedOn: command.requestedOn },
          occurredAt: at,
        });
        return { id, late, version: claim.version };
      },
    );
  }
}
