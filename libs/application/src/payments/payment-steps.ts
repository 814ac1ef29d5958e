import { Claim, DomainError, DomainErrorKind, type ClaimEventData } from '@redress/domain';
import type { CaseworkTransaction, StaffClaimRecord } from '../staff/casework-store.js';
import { claimActorOf, type StaffActor } from '../staff/staff-actor.js';

/**
 * Puts one step of a payment under four eyes on the claim's timeline and (through the timeline) in the audit log,
 * in the caller's transaction. Answers the claim's new version.
 */
export async function recordPaymentStep(
  tx: CaseworkTransaction,
  record: StaffClaimRecord,
  actor: StaffActor,
  step: 'recordPayee' | 'approvePayee' | 'proposePayment' | 'approvePayment',
  data: ClaimEventData,
  at: Date,
  change?: (claim: Claim) => void,
): Promise<number> {
  const claim = Claim.rehydrate(record.snapshot);
  claim.recordPaymentStep(step, claimActorOf(actor), at, data);
  change?.(claim);
  await tx.saveClaim(claim.snapshot(), claim.pullEvents(), at);
  return claim.version;
}

export function payeeNotFound(): DomainError {
  return new DomainError('payee.not-found', DomainErrorKind.NotFound, 'There is no such payee on this claim.');
}

export function paymentNotFound(): DomainError {
  return new DomainError('payment.not-found', DomainErrorKind.NotFound, 'There is no such payment on this claim.');
}
