import { randomUUID } from 'node:crypto';
import { Claim, isValidClaimReference, normaliseClaimReference, type PayeeKind } from '@redress/domain';
import { claimNotFound, persistClaimChange } from '../../claims/claim-changes.js';
import { ClaimsUnitOfWork } from '../../claims/claim-store.js';
import { Clock } from '../../ports/clock.js';

export interface GivePaymentDetailsCommand {
  readonly citizenId: string;
  readonly reference: string;
  readonly payeeKind: PayeeKind;
  readonly account: string;
}

/**
 * The victim (or the person applying for them) gives the account their award is to be paid into, through the
 * citizen service. A payee given this way may be paid without a second approval: it came from the person
 * themselves, signed in. Each one is a new payee on the claim's timeline; earlier ones stay as they were.
 */
export class GivePaymentDetails {
  constructor(
    private readonly unitOfWork: ClaimsUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: GivePaymentDetailsCommand): Promise<{ payeeId: string }> {
    if (!isValidClaimReference(command.reference)) throw claimNotFound();
    const now = this.clock.now();
    return this.unitOfWork.run(async (tx) => {
      const snapshot = await tx.lockOwnedClaim(normaliseClaimReference(command.reference), command.citizenId);
      if (!snapshot) throw claimNotFound();
      const payeeId = randomUUID();
      await tx.insertPayee({
        id: payeeId,
        claimId: snapshot.id,
        payeeKind: command.payeeKind,
        account: command.account,
        source: 'citizen',
        recordedBy: command.citizenId,
        at: now,
      });
      const claim = Claim.rehydrate(snapshot);
      claim.recordPaymentStep('recordPayee', { kind: 'citizen', id: command.citizenId }, now, {
        payeeId,
        payeeKind: command.payeeKind,
        source: 'citizen',
      });
      await persistClaimChange(tx, claim, now, []);
      return { payeeId };
    });
  }
}
