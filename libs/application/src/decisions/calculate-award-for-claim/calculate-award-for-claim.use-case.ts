import { randomUUID } from 'node:crypto';
import { calculateAward, type AwardBreakdown, type AwardInput } from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { withStaffClaim } from '../../staff/claim-access.js';
import { AccessLog, CaseworkUnitOfWork, type CaseworkTransaction } from '../../staff/casework-store.js';
import type { CalculateAwardForClaimCommand } from './calculate-award-for-claim.command.js';

export abstract class AwardCalculationStore {
  abstract insert(
    tx: CaseworkTransaction,
    calculation: { id: string; claimId: string; input: AwardInput; breakdown: AwardBreakdown; by: string; at: Date },
  ): Promise<void>;
}

/**
 * Runs calculateAward (shared/domain/awards.md) for a claim and stores every calculation, so a decision can
 * cite the one it rests on. It changes nothing on the claim itself, so it needs no version.
 */
export class CalculateAwardForClaim {
  constructor(
    private readonly unitOfWork: CaseworkUnitOfWork,
    private readonly accessLog: AccessLog,
    private readonly store: AwardCalculationStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: CalculateAwardForClaimCommand): Promise<{ id: string; breakdown: AwardBreakdown }> {
    // Impossible input throws AwardInputError (a DomainError listing every problem): 400, nothing stored.
    const breakdown = calculateAward(command.input);
    return withStaffClaim(
      { unitOfWork: this.unitOfWork, accessLog: this.accessLog, clock: this.clock },
      { actor: command.actor, reference: command.reference, view: 'award-calculation' },
      async (tx, record) => {
        const at = this.clock.now();
        const id = randomUUID();
        await this.store.insert(tx, {
          id,
          claimId: record.snapshot.id,
          input: command.input,
          breakdown,
          by: command.actor.staffId,
          at,
        });
        await tx.audit({
          actorType: 'staff',
          actorId: command.actor.staffId,
          action: 'claim.award-calculated',
          targetType: 'claim',
          targetId: record.snapshot.id,
          details: {
            reference: command.reference,
            awardCalculationId: id,
            totalPence: breakdown.totalPence,
            edition: breakdown.edition,
          },
          occurredAt: at,
        });
        return { id, breakdown };
      },
    );
  }
}
