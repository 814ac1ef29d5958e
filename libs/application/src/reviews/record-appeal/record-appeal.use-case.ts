import { randomUUID } from 'node:crypto';
import { calendarDateInUk, checkAppealTimeLimit, DomainError, DomainErrorKind, isAfter } from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { withStaffClaim } from '../../staff/claim-access.js';
import { AccessLog, CaseworkUnitOfWork } from '../../staff/casework-store.js';
import { ReviewStore } from '../review-store.js';
import type { RecordAppealCommand } from './record-appeal.command.js';

/**
 * Records an appeal to the First-tier Tribunal against a review decision (PR-05), lodged within 90 days of it
 * (Tribunal Procedure Rules r.22; only the tribunal may extend that). The claim stays decided until the tribunal's
 * outcome is recorded; one appeal is open at a time.
 */
export class RecordAppeal {
  constructor(
    private readonly unitOfWork: CaseworkUnitOfWork,
    private readonly accessLog: AccessLog,
    private readonly reviews: ReviewStore,
    private readonly clock: Clock,
  ) {}

  execute(command: RecordAppealCommand): Promise<{ id: string; version: number }> {
    return withStaffClaim(
      { unitOfWork: this.unitOfWork, accessLog: this.accessLog, clock: this.clock },
      { actor: command.actor, reference: command.reference, expectedVersion: command.expectedVersion, view: 'appeal' },
      async (tx, record) => {
        const at = this.clock.now();
        const claimId = record.snapshot.id;
        const decision = record.snapshot.decision;
        if (record.snapshot.status !== 'decided' || !decision?.isReview) {
          throw new DomainError(
            'appeal.no-review-decision',
            DomainErrorKind.IllegalTransition,
            'An appeal can only be recorded against a review decision in force.',
          );
        }
        if (isAfter(command.lodgedOn, calendarDateInUk(at))) {
          throw new DomainError('appeal.invalid', DomainErrorKind.InvalidInput, 'lodgedOn is in the future.', [
            { field: 'lodgedOn', message: 'lodgedOn must not be in the future' },
          ]);
        }
        checkAppealTimeLimit(decision.decidedOn, command.lodgedOn);
        const review = await this.reviews.latestDecidedReview(tx, claimId);
        if (!review) {
          throw new DomainError(
            'appeal.no-review-decision',
            DomainErrorKind.IllegalTransition,
            'An appeal can only be recorded against a review decision in force.',
          );
        }
        const open = (await this.reviews.appeals(tx, claimId)).find((appeal) => appeal.outcome === null);
        if (open) {
          throw new DomainError(
            'appeal.already-open',
            DomainErrorKind.Conflict,
            'An appeal is already open on this claim.',
          );
        }
        const id = randomUUID();
        await this.reviews.insertAppeal(tx, {
          id,
          claimId,
          reviewId: review.id,
          lodgedOn: command.lodgedOn,
          tribunalReference: command.tribunalReference,
          by: command.actor.staffId,
          at,
        });
        const version = await tx.touchClaim(claimId, at);
        await tx.audit({
          actorType: 'staff',
          actorId: command.actor.staffId,
          action: 'claim.appeal-lodged',
          targetType: 'claim',
          targetId: claimId,
          details: {
            reference: record.snapshot.reference,
            appealId: id,
            reviewId: review.id,
            lodgedOn: command.lodgedOn,
          },
          occurredAt: at,
        });
        return { id, version };
      },
    );
  }
}
