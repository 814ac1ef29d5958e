import { Claim, isValidClaimReference, normaliseClaimReference, type ClaimStatus } from '@redress/domain';
import { Clock } from '../../ports/clock.js';
import { claimNotFound, persistClaimChange } from '../claim-changes.js';
import { ClaimsUnitOfWork } from '../claim-store.js';
import type { WithdrawClaimCommand } from './withdraw-claim.command.js';

/** The citizen withdraws their claim, at any point before a decision (PR-07). */
export class WithdrawClaim {
  constructor(
    private readonly unitOfWork: ClaimsUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: WithdrawClaimCommand): Promise<{ reference: string; status: ClaimStatus }> {
    if (!isValidClaimReference(command.reference)) throw claimNotFound();
    const now = this.clock.now();
    return this.unitOfWork.run(async (tx) => {
      const snapshot = await tx.lockOwnedClaim(normaliseClaimReference(command.reference), command.citizenId);
      if (!snapshot) throw claimNotFound();
      const claim = Claim.rehydrate(snapshot);
      claim.withdraw({ kind: 'citizen', id: command.citizenId }, now, { reason: command.reason });
      await persistClaimChange(tx, claim, now, ['claim.withdrawn']);
      return { reference: snapshot.reference, status: claim.status };
    });
  }
}
