import { DomainError, DomainErrorKind } from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { withStaffClaim } from '../../staff/claim-access.js';
import { AccessLog, CaseworkUnitOfWork } from '../../staff/casework-store.js';
import { forbidden, hasRole } from '../../staff/staff-actor.js';
import { WorkStore } from '../work-store.js';
import type { ReleaseClaimCommand } from './release-claim.command.js';

/** Puts a claim back in its team's queue: by the caseworker who holds it, or a team leader. */
export class ReleaseClaim {
  constructor(
    private readonly unitOfWork: CaseworkUnitOfWork,
    private readonly accessLog: AccessLog,
    private readonly store: WorkStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: ReleaseClaimCommand): Promise<{ version: number }> {
    return withStaffClaim(
      { unitOfWork: this.unitOfWork, accessLog: this.accessLog, clock: this.clock },
      { actor: command.actor, reference: command.reference, expectedVersion: command.expectedVersion, view: 'release' },
      async (tx, claim) => {
        if (claim.assignedStaffId === null) {
          throw new DomainError('work.not-assigned', DomainErrorKind.Conflict, 'The claim is not assigned to anyone.');
        }
        if (claim.assignedStaffId !== command.actor.staffId && !hasRole(command.actor, 'team-leader')) {
          throw forbidden(
            'work.not-yours',
            'Only the caseworker who holds the claim, or a team leader, can release it.',
          );
        }
        const at = this.clock.now();
        await this.store.assign(tx, claim.snapshot.id, null, claim.team, at);
        const version = await tx.touchClaim(claim.snapshot.id, at);
        await tx.audit({
          actorType: 'staff',
          actorId: command.actor.staffId,
          action: 'claim.released',
          targetType: 'claim',
          targetId: claim.snapshot.id,
          details: { reference: command.reference, previousStaffId: claim.assignedStaffId },
          occurredAt: at,
        });
        return { version };
      },
    );
  }
}
