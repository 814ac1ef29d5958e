import type { ClaimEvent, ClaimSnapshot } from '@redress/domain';
import type { AuditRecord } from '../ports/audit-trail.js';
import type { StaffActor } from './staff-actor.js';

/** A claim as staff work on it: the aggregate's state plus the casework columns. */
export interface StaffClaimRecord {
  readonly snapshot: ClaimSnapshot;
  readonly team: string;
  readonly priority: number;
  readonly assignedStaffId: string | null;
  readonly restricted: boolean;
  /** Staff named on a restricted claim: only they may see it. */
  readonly namedStaff: readonly string[];
  readonly serviceLevelDueAt: Date | null;
  readonly serviceLevelPausedSince: Date | null;
}

/** Whether the staff member may see the claim at all: a restricted claim only by the staff named on it. */
export function canSee(record: Pick<StaffClaimRecord, 'restricted' | 'namedStaff'>, actor: StaffActor): boolean {
  return !record.restricted || record.namedStaff.includes(actor.staffId);
}

/** What every casework transaction can do; each feature's store adds its own writes on the same transaction. */
export interface CaseworkTransaction {
  /** Locks the claim (FOR UPDATE); `null` when there is no such reference. Visibility is the caller's check. */
  lockClaim(reference: string): Promise<StaffClaimRecord | null>;
  /** Writes the aggregate's new state (version moves on) and its events. */
  saveClaim(snapshot: ClaimSnapshot, events: readonly ClaimEvent[], at: Date): Promise<void>;
  /** Moves the version on for a change outside the aggregate (a note, a request, an assignment). */
  touchClaim(claimId: string, at: Date): Promise<number>;
  audit(entry: AuditRecord): Promise<void>;
  /** A job through the transactional outbox: ids only. `notBefore` delays it (a clock). */
  enqueue(
    jobName: string,
    payload: Record<string, string>,
    orderingKey: string,
    options?: { notBefore?: Date },
  ): Promise<void>;
  /** The raw transaction, for a feature store's own writes (an EntityManager in the PostgreSQL adapter). */
  readonly handle: unknown;
}

export abstract class CaseworkUnitOfWork {
  abstract run<T>(work: (transaction: CaseworkTransaction) => Promise<T>): Promise<T>;
}

/** Every staff read of a claim, and every refused attempt, each in a transaction of its own (it changes nothing else). */
export abstract class AccessLog {
  abstract recordRead(entry: {
    actor: StaffActor;
    claimId: string;
    view: string;
    purpose: string;
    /** A read outside the reader's own work (break the glass): their reason and the claim's team. */
    breakGlass?: { reason: string; claimTeam: string } | null;
    at: Date;
  }): Promise<void>;
  abstract recordRefused(entry: { actor: StaffActor; claimId: string; view: string; at: Date }): Promise<void>;
}
