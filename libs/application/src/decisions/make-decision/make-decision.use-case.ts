import { randomUUID } from 'node:crypto';
import { approvalNeeded, calendarDateInUk, Claim, claimOutcomeOf, paragraphsOf } from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { withStaffClaim } from '../../staff/claim-access.js';
import { AccessLog, CaseworkUnitOfWork } from '../../staff/casework-store.js';
import { claimActorOf } from '../../staff/staff-actor.js';
import { decisionDraftFrom, issueDecision } from '../decision-draft.js';
import { DecisionSettings, DecisionStore } from '../decision-store.js';
import type { MakeDecisionCommand } from './make-decision.command.js';

export interface MadeDecision {
  readonly id: string;
  readonly status: 'made' | 'pending-approval';
  readonly approvalReasons: readonly string[];
  readonly amountPence: number | null;
  readonly paragraphs: readonly string[];
  readonly version: number;
}

/**
 * A caseworker's decision on a claim in assessment: an award, reduced or withheld award (amount from a stored
 * calculation), or a refusal with its grounds and the paragraphs they rest on. Four eyes: an award above the
 * threshold, or a refusal or reduction on conduct (para 25) or character (para 26), waits for a different senior
 * caseworker; anything else takes effect at once, and its letter and notification go out through the outbox in
 * the same transaction.
 */
export class MakeDecision {
  constructor(
    private readonly unitOfWork: CaseworkUnitOfWork,
    private readonly accessLog: AccessLog,
    private readonly store: DecisionStore,
    private readonly settings: DecisionSettings,
    private readonly clock: Clock,
  ) {}

  execute(command: MakeDecisionCommand): Promise<MadeDecision> {
    return withStaffClaim(
      { unitOfWork: this.unitOfWork, accessLog: this.accessLog, clock: this.clock },
      {
        actor: command.actor,
        reference: command.reference,
        expectedVersion: command.expectedVersion,
        view: 'decision',
      },
      async (tx, record) => {
        const at = this.clock.now();
        const claimId = record.snapshot.id;
        const draft = await decisionDraftFrom(this.store, tx, claimId, command);
        const approvalReasons = approvalNeeded(draft, this.settings.fourEyesAwardThresholdPence);
        const claim = Claim.rehydrate(record.snapshot);
        const actor = claimActorOf(command.actor);
        const id = randomUUID();
        const status = approvalReasons.length ? 'pending-approval' : 'made';
        if (status === 'made') claim.decide(actor, at, { ...claimOutcomeOf(draft), decisionId: id });
        else claim.proposeDecision(actor, at, claimOutcomeOf(draft));
        const paragraphs = paragraphsOf(draft.grounds);
        await this.store.insert(tx, {
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
          onReview: false,
          proposedBy: command.actor.staffId,
          at,
          decidedOn: status === 'made' ? calendarDateInUk(at) : null,
        });
        await tx.saveClaim(claim.snapshot(), claim.pullEvents(), at);
        await tx.audit({
          actorType: 'staff',
          actorId: command.actor.staffId,
          action: status === 'made' ? 'claim.decision-made' : 'claim.decision-proposed-for-approval',
          targetType: 'claim',
          targetId: claimId,
          details: {
            reference: record.snapshot.reference,
            decisionId: id,
            kind: draft.kind,
            amountPence: draft.amountPence,
            grounds: [...draft.grounds],
            approvalReasons,
          },
          occurredAt: at,
        });
        if (status === 'made') await issueDecision(tx, claimId, id, 'claim.decided');
        return { id, status, approvalReasons, amountPence: draft.amountPence, paragraphs, version: claim.version };
      },
    );
  }
}
