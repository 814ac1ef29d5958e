import { randomUUID } from 'node:crypto';
import type { ClaimEvent, ClaimSnapshot } from '@redress/domain';
import type { EntityManager } from 'typeorm';
import type { ClaimGuard, DeferredWrites } from '../support/deferred-writes.js';

/** The values of one claim_event row (DeferredWrites' `claim_event` column order). */
export function claimEventRow(event: ClaimEvent): unknown[] {
  return [
    randomUUID(),
    event.claimId,
    event.version,
    event.type,
    event.fromStatus,
    event.toStatus,
    event.actor.kind,
    event.actor.id,
    event.occurredAt,
    JSON.stringify(event.data),
  ];
}

/** Appends one domain event to a claim's append-only event table, in the caller's transaction. */
export async function insertClaimEvent(manager: EntityManager, event: ClaimEvent): Promise<void> {
  await manager.query(
    `INSERT INTO claim_event (id, claim_id, version, type, from_status, to_status, actor_kind, actor_id, occurred_at, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    claimEventRow(event),
  );
}

/**
 * The aggregate's state into the claim row, held back in `writes` with the guard the caller knows (the version it
 * locked, or "below the new version"): the one definition of that UPDATE for every claim writer. `submitted_at` is
 * set once, by the INSERT of submission, and never here: naming it in an UPDATE fires claim_service_level_due.
 */
export function updateClaimState(writes: DeferredWrites, claim: ClaimSnapshot, at: Date, guard: ClaimGuard): void {
  writes.patchClaim(
    claim.id,
    guard,
    {
      status: claim.status,
      version: claim.version,
      status_changed_at: claim.statusChangedAt,
      pending_decision: claim.pendingDecision ? JSON.stringify(claim.pendingDecision) : null,
      decision: claim.decision ? JSON.stringify(claim.decision) : null,
      updated_at: at,
    },
    {
      status_changed_at: '::timestamptz',
      pending_decision: '::jsonb',
      decision: '::jsonb',
      updated_at: '::timestamptz',
    },
  );
}
