import { Claim, isValidClaimReference, normaliseClaimReference, type ClaimStatus } from '@redress/domain';
import { Clock } from '../../ports/clock.js';
import { claimNotFound, persistClaimChange } from '../../claims/claim-changes.js';
import { ClaimsUnitOfWork } from '../../claims/claim-store.js';
import type { AcceptAwardCommand } from './accept-award.command.js';

/** The victim accepts the award in force; the final payment can then be made. Only an award can be accepted. */
export class AcceptAward {
  constructor(
    private readonly unitOfWork: ClaimsUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: AcceptAwardCommand): Promise<{ reference: string; status: ClaimStatus }> {
    if (!isValidClaimReference(command.reference)) throw claimNotFound();
    const now = this.clock.now();
    return this.unitOfWork.run(async (tx) => {
      const snapshot = await tx.lockOwnedClaim(normaliseClaimReference(command.reference), command.citizenId);
      if (!snapshot) throw claimNotFound();
      const claim = Claim.rehydrate(snapshot);
      claim.acceptAward({ kind: 'citizen', id: command.citizenId }, now);
      await persistClaimChange(tx, claim, now, []);
      return { reference: snapshot.reference, status: claim.status };
    });
  }
}
