import { calendarDateInUk, Claim, DomainError, DomainErrorKind, isAfter } from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { withStaffClaim } from '../../staff/claim-access.js';
import { AccessLog, CaseworkUnitOfWork } from '../../staff/casework-store.js';
import { claimActorOf } from '../../staff/staff-actor.js';
import { ReviewStore } from '../review-store.js';
import type { RecordAppealOutcomeCommand } from './record-appeal-outcome.command.js';

/** The First-tier Tribunal's outcome of an open appeal; the claim becomes `appealed` with it (aggregate). */
export class RecordAppealOutcome {
  constructor(
    private readonly unitOfWork: CaseworkUnitOfWork,
    private readonly accessLog: AccessLog,
    private readonly reviews: ReviewStore,
    private readonly clock: Clock,
  ) {}

  execute(command: RecordAppealOutcomeCommand): Promise<{ id: string; version: number }> {
    return withStaffClaim(
      { unitOfWork: this.unitOfWork, accessLog: this.accessLog, clock: this.clock },
      { actor: command.actor, reference: command.reference, expectedVersion: command.expectedVersion, view: 'appeal' },
      async (tx, record) => {
        const at = this.clock.now();
        const claimId = record.snapshot.id;
        const appeal = (await this.reviews.appeals(tx, claimId)).find((candidate) => candidate.id === command.appealId);
        if (!appeal) {
          throw new DomainError('appeal.not-found', DomainErrorKind.NotFound, 'There is no such appeal on this claim.');
        }
        if (appeal.outcome !== null) {
          throw new DomainError(
            'appeal.already-decided',
            DomainErrorKind.Conflict,
            'This appeal’s outcome is recorded.',
          );
        }
        if (isAfter(appeal.lodgedOn, command.outcomeOn) || isAfter(command.outcomeOn, calendarDateInUk(at))) {
          throw new DomainError(
            'appeal.invalid',
            DomainErrorKind.InvalidInput,
            'outcomeOn must fall between the day the appeal was lodged and today.',
            [{ field: 'outcomeOn', message: 'outcomeOn must fall between the lodging date and today' }],
          );
        }
        const claim = Claim.rehydrate(record.snapshot);
        claim.recordAppeal(claimActorOf(command.actor), at, { tribunalOutcome: command.outcome });
        await this.reviews.recordAppealOutcome(tx, {
          id: appeal.id,
          outcome: command.outcome,
          outcomeOn: command.outcomeOn,
          by: command.actor.staffId,
        });
        await tx.saveClaim(claim.snapshot(), claim.pullEvents(), at);
        return { id: appeal.id, version: claim.version };
      },
    );
  }
}
