import { Claim } from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { withStaffClaim } from '../../staff/claim-access.js';
import { AccessLog, CaseworkUnitOfWork } from '../../staff/casework-store.js';
import { claimActorOf } from '../../staff/staff-actor.js';
import { pendingDecision } from '../approve-decision/approve-decision.use-case.js';
import { DecisionStore } from '../decision-store.js';
import type { ReturnDecisionCommand } from './return-decision.command.js';

/**
 * The approver rejects a proposed decision: it is marked returned and goes back to whoever proposed it. A first
 * decision's claim goes back into assessment; a review decision's claim stays under review with the reviewer, the
 * original decision in force (the approver must have taken no part in that original decision either).
 */
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
        const actor = claimActorOf(command.actor);
        const reason = { reasonCode: command.reasonCode };
        if (decision.onReview) claim.returnProposedReviewDecision(actor, at, reason);
        else claim.returnProposedDecision(actor, at, reason);
        await this.store.markReturned(tx, decision.id, {
          by: command.actor.staffId,
          at,
          reasonCode: command.reasonCode,
        });
        await tx.saveClaim(claim.snapshot(), claim.pullEvents(), at);
        await tx.audit({
          actorType: 'staff',
          actorId: command.actor.staffId,
          action: decision.onReview
            ? 'claim.review-decision-returned-to-reviewer'
            : 'claim.decision-returned-to-caseworker',
          targetType: 'claim',
          targetId: claimId,
          details: {
            reference: record.snapshot.reference,
            decisionId: decision.id,
            proposedBy: decision.proposedBy,
            reasonCode: command.reasonCode,
          },
          occurredAt: at,
        });
        return { id: decision.id, status: 'returned' as const, version: claim.version };
      },
    );
  }
}
