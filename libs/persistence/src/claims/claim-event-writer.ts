import { randomUUID } from 'node:crypto';
import type { ClaimEvent } from '@redress/domain';
import type { EntityManager } from 'typeorm';

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
