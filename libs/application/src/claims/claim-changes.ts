import { DomainError, DomainErrorKind, type Claim, type ClaimActor } from '@redress/domain';
import type { ClaimTransaction } from './claim-store.js';

export function claimNotFound(): DomainError {
  return new DomainError('claim.not-found', DomainErrorKind.NotFound, 'There is no such claim.');
}

const auditActorType = (actor: ClaimActor): 'citizen' | 'staff' | 'system' =>
  actor.kind === 'citizen' ? 'citizen' : actor.kind === 'system' ? 'system' : 'staff';

/**
 * Persists what a transition did, in the caller's transaction: the claim's new state, its events, one audit
 * entry per event, and a notification job per event the people on the claim must hear about.
 */
export async function persistClaimChange(
  tx: ClaimTransaction,
  claim: Claim,
  at: Date,
  notify: readonly string[],
): Promise<void> {
  const snapshot = claim.snapshot();
  const events = claim.pullEvents();
  await tx.updateClaim(snapshot, at);
  await tx.appendEvents(events);
  for (const event of events) {
    await tx.audit({
      actorType: auditActorType(event.actor),
      actorId: event.actor.id,
      action: event.type,
      targetType: 'claim',
      targetId: snapshot.id,
      details: { reference: snapshot.reference, from: event.fromStatus, to: event.toStatus, ...event.data },
      occurredAt: at,
    });
    if (notify.includes(event.type)) {
      await tx.enqueue('notifications.send', { claimId: snapshot.id, event: event.type }, `claim:${snapshot.id}`);
    }
  }
}
