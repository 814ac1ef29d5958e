import { Claim } from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { withStaffClaim } from '../../staff/claim-access.js';
import { AccessLog, CaseworkUnitOfWork } from '../../staff/casework-store.js';
import { claimActorOf } from '../../staff/staff-actor.js';
import { pendingDecision } from '../approve-decision/approve-decision.use-case.js';
import { DecisionStore } from '../decision-store.js';
import type { ReturnDecisionCommand } from './return-decision.command.js';

/** The approver rejects a proposed decision: it is marked returned and the claim goes back into assessment. */
export class ReturnDecision {
  constructor(
    private readonly unitOfWork: CaseworkUnitOfWork,
    private readonly accessLog: AccessLog,
    private readonly store: DecisionStore,
    private readonly clock: Clock,
  ) {}

  execute(command: ReturnDecisionCommand): Promise<{ id: string; status: 'returned'; version: number }> {
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
        const claim = Claim.rehydrate(record.snapshot);
        claim.returnProposedDecision(claimActorOf(command.actor), at, { reasonCode: command.reasonCode });
        await this.store.markReturned(tx, decision.id, {
          by: command.actor.staffId,
          at,
          reasonCode: command.reasonCode,
        });
        await tx.saveClaim(claim.snapshot(), claim.pullEvents(), at);
        await tx.audit({
          actorType: 'staff',
          actorId: command.actor.staffId,
          action: 'claim.decision-returned-to-caseworker',
          targetType: 'claim',
          targetId: claimId,
          details: { reference: record.snapshot.reference, decisionId: decision.id, reasonCode: command.reasonCode },
          occurredAt: at,
        });
        return { id: decision.id, status: 'returned' as const, version: claim.version };
      },
    );
  }
}
