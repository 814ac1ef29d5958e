import type { Clock } from '../../ports/clock.js';
import { withStaffClaim } from '../claim-access.js';
import { AccessLog, CaseworkUnitOfWork, type CaseworkTransaction } from '../casework-store.js';
import type { RestrictClaimCommand } from './restrict-claim.command.js';

export abstract class RestrictionStore {
  abstract setRestriction(
    tx: CaseworkTransaction,
    claimId: string,
    restriction: { restricted: boolean; staffIds: readonly string[]; by: string; at: Date },
  ): Promise<void>;
}

/**
 * Restricts a claim to named staff (a victim who works here, a public figure, a member of staff's relative), or
 * lifts the restriction. The team leader who restricts it is always named, so nobody locks themselves out.
 */
export class RestrictClaim {
  constructor(
    private readonly unitOfWork: CaseworkUnitOfWork,
    private readonly accessLog: AccessLog,
    private readonly store: RestrictionStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: RestrictClaimCommand): Promise<{ version: number; staffIds: string[] }> {
    return withStaffClaim(
      { unitOfWork: this.unitOfWork, accessLog: this.accessLog, clock: this.clock },
      { actor: command.actor, reference: command.reference, view: 'restriction' },
      async (tx, claim) => {
        const at = this.clock.now();
        const staffIds = command.restricted ? [...new Set([command.actor.staffId, ...command.staffIds])].sort() : [];
        await this.store.setRestriction(tx, claim.snapshot.id, {
          restricted: command.restricted,
          staffIds,
          by: command.actor.staffId,
          at,
        });
        const version = await tx.touchClaim(claim.snapshot.id, at);
        await tx.audit({
          actorType: 'staff',
          actorId: command.actor.staffId,
          action: command.restricted ? 'claim.restricted' : 'claim.restriction-lifted',
          targetType: 'claim',
          targetId: claim.snapshot.id,
          details: { reference: command.reference, staffIds, reasonCode: command.reasonCode },
          occurredAt: at,
        });
        return { version, staffIds };
      },
    );
  }
}
