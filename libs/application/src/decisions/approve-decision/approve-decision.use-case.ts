import { calendarDateInUk, Claim, DomainError, DomainErrorKind } from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { withStaffClaim } from '../../staff/claim-access.js';
import { AccessLog, CaseworkUnitOfWork, type CaseworkTransaction } from '../../staff/casework-store.js';
import { claimActorOf } from '../../staff/staff-actor.js';
import { issueDecision } from '../decision-draft.js';
import { DecisionStore, type StoredDecision } from '../decision-store.js';
import type { ApproveDecisionCommand } from './approve-decision.command.js';

/** The decision waiting for approval on this claim, or a 404/409 that says why there is none. */
export async function pendingDecision(
  store: DecisionStore,
  tx: CaseworkTransaction,
  claimId: string,
  decisionId: string,
): Promise<StoredDecision> {
  const decision = await store.find(tx, claimId, decisionId);
  if (!decision) {
    throw new DomainError('decision.not-found', DomainErrorKind.NotFound, 'There is no such decision on this claim.');
  }
  if (decision.status !== 'pending-approval') {
    throw new DomainError(
      'decision.not-pending',
      DomainErrorKind.Conflict,
      `This decision is ${decision.status.replace('-', ' ')}, not waiting for approval.`,
    );
  }
  return decision;
}

/**
 * Four eyes (decision policy): a senior caseworker other than the one who proposed the decision approves it, and
 * it takes effect: the claim is decided, and its letter and notification go out through the outbox.
 */
export class ApproveDecision {
  constructor(
    private readonly unitOfWork: CaseworkUnitOfWork,
    private readonly accessLog: AccessLog,
    private readonly store: DecisionStore,
    private readonly clock: Clock,
  ) {}

  execute(command: ApproveDecisionCommand): Promise<{ id: string; status: 'made'; version: number }> {
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
        if (decision.proposedBy === command.actor.staffId) {
          throw new DomainError(
            'claim.same-approver',
            DomainErrorKind.Forbidden,
            'A decision must be approved by someone other than the person who proposed it.',
          );
        }
        const claim = Claim.rehydrate(record.snapshot);
        claim.approveDecision(claimActorOf(command.actor), at);
        const decidedOn = calendarDateInUk(at);
        await this.store.markMade(tx, decision.id, { approvedBy: command.actor.staffId, at, decidedOn });
        await tx.saveClaim(claim.snapshot(), claim.pullEvents(), at);
        await tx.audit({
          actorType: 'staff',
          actorId: command.actor.staffId,
          action: 'claim.decision-approved',
          targetType: 'claim',
          targetId: claimId,
          details: { reference: record.snapshot.reference, decisionId: decision.id, proposedBy: decision.proposedBy },
          occurredAt: at,
        });
        await issueDecision(tx, claimId, decision.id, 'claim.decided');
        return { id: decision.id, status: 'made' as const, version: claim.version };
      },
    );
  }
}
