import type { Clock } from '../../ports/clock.js';
import { withStaffClaim } from '../../staff/claim-access.js';
import { AccessLog, CaseworkUnitOfWork } from '../../staff/casework-store.js';
import { WorkStore } from '../work-store.js';
import type { ReassignClaimCommand } from './reassign-claim.command.js';

/** A team leader gives a claim to someone else, moves it to another team, or changes its priority. */
export class ReassignClaim {
  constructor(
    private readonly unitOfWork: CaseworkUnitOfWork,
    private readonly accessLog: AccessLog,
    private readonly store: WorkStore,
    private readonly clock: Clock,
  ) {}

  async execute(
    command: ReassignClaimCommand,
  ): Promise<{ version: number; assignedStaffId: string | null; team: string }> {
    return withStaffClaim(
      { unitOfWork: this.unitOfWork, accessLog: this.accessLog, clock: this.clock },
      {
        actor: command.actor,
        reference: command.reference,
        expectedVersion: command.expectedVersion,
        view: 'reassign',
      },
      async (tx, claim) => {
        const at = this.clock.now();
        const team = command.team ?? claim.team;
        await this.store.assign(tx, claim.snapshot.id, command.staffId, team, at);
        if (command.priority !== undefined) await this.store.setPriority(tx, claim.snapshot.id, command.priority);
        const version = await tx.touchClaim(claim.snapshot.id, at);
        await tx.audit({
          actorType: 'staff',
          actorId: command.actor.staffId,
          action: 'claim.reassigned',
          targetType: 'claim',
          targetId: claim.snapshot.id,
          details: {
            reference: command.reference,
            fromStaffId: claim.assignedStaffId,
            toStaffId: command.staffId,
            fromTeam: claim.team,
            toTeam: team,
            priority: command.priority ?? claim.priority,
          },
          occurredAt: at,
        });
        return { version, assignedStaffId: command.staffId, team };
      },
    );
  }
}
