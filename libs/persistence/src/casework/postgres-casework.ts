import { randomUUID } from 'node:crypto';
import {
  AccessLog,
  CaseworkUnitOfWork,
  type AuditRecord,
  type CaseworkTransaction,
  type StaffActor,
  type StaffClaimRecord,
} from '@redress/application';
import type { ClaimDecision, ClaimEvent, ClaimSnapshot, ClaimStatus, ProposedDecision } from '@redress/domain';
import { isValidClaimReference } from '@redress/domain';
import { isJobName, parseJobPayload } from '@redress/jobs';
import type { DataSource, EntityManager } from 'typeorm';
import type { CaseworkAuditLog } from './casework-ports.js';
import { claimEventRow, updateClaimState } from '../claims/claim-event-writer.js';
import { auditLogRow, DeferredWrites } from '../support/deferred-writes.js';

export interface StaffClaimRow {
  id: string;
  reference: string;
  application_id: string;
  owner_citizen_id: string;
  status: ClaimStatus;
  version: number;
  status_changed_at: Date;
  submitted_at: Date | null;
  pending_decision: ProposedDecision | null;
  decision: ClaimDecision | null;
  team: string | null;
  priority: number;
  assigned_staff_id: string | null;
  restricted: boolean;
  named_staff: string[] | null;
  service_level_due_at: Date | null;
  service_level_paused_since: Date | null;
}

export const STAFF_CLAIM_COLUMNS = `c.id, c.reference, c.application_id, c.owner_citizen_id, c.status, c.version,
  c.status_changed_at, c.submitted_at, c.pending_decision, c.decision, c.team, c.priority, c.assigned_staff_id,
  c.restricted, c.service_level_due_at, c.service_level_paused_since,
  (SELECT array_agg(r.staff_id ORDER BY r.staff_id) FROM claim_restricted_staff r WHERE r.claim_id = c.id) AS named_staff`;

export function toStaffClaimRecord(row: StaffClaimRow): StaffClaimRecord {
  return {
    snapshot: {
      id: row.id,
      reference: row.reference,
      applicationId: row.application_id,
      ownerCitizenId: row.owner_citizen_id,
      status: row.status,
      version: row.version,
      statusChangedAt: row.status_changed_at,
      submittedAt: row.submitted_at,
      pendingDecision: row.pending_decision,
      decision: row.decision,
    },
    team: row.team ?? 'general',
    priority: row.priority,
    assignedStaffId: row.assigned_staff_id,
    restricted: row.restricted,
    namedStaff: row.named_staff ?? [],
    serviceLevelDueAt: row.service_level_due_at,
    serviceLevelPausedSince: row.service_level_paused_since,
  };
}

/**
 * A staff use case's transaction. Its own writes (the claim row, events, audit entries, outbox rows) are held back
 * and sent as one statement before the next read or the commit (DeferredWrites): taking work from the queue costs
 * four round trips (BEGIN, the locking SELECT, the writes, COMMIT) where it cost thirteen. The versions of claims
 * locked here are known, so moving a version on needs no round trip of its own. Feature stores' own queries go
 * through `handle`, which sends what is held back first, so they always see the transaction's writes.
 */
export class PostgresCaseworkTransaction implements CaseworkTransaction {
  private readonly writes: DeferredWrites;
  /** The version each claim locked in this transaction has, counting the writes held back. */
  private readonly versions = new Map<string, number>();
  readonly handle: EntityManager;

  constructor(private readonly manager: EntityManager) {
    this.writes = new DeferredWrites(manager);
    const flushing = Object.create(manager) as EntityManager;
    flushing.query = (async (sql: string, parameters?: unknown[]) => {
      await this.flush();
      return manager.query(sql, parameters);
    }) as EntityManager['query'];
    this.handle = flushing;
  }

  /** Sends the held-back writes (before a read that must see them, and before the commit). */
  flush(): Promise<unknown> {
    return this.writes.pending ? this.writes.flush() : Promise.resolve();
  }

  async lockClaim(reference: string): Promise<StaffClaimRecord | null> {
    if (!isValidClaimReference(reference)) return null;
    return this.lockClaimWhere(`c.reference = $1 AND c.status <> 'draft'`, [reference]);
  }

  /** Locks (FOR UPDATE OF c, plus `lockSuffix`) and reads the one claim the condition picks; remembers its version. */
  async lockClaimWhere(
    condition: string,
    parameters: unknown[],
    tail = 'FOR UPDATE OF c',
  ): Promise<StaffClaimRecord | null> {
    const [row] = await this.handle.query<StaffClaimRow[]>(
      `SELECT ${STAFF_CLAIM_COLUMNS} FROM claim c WHERE ${condition} ${tail}`,
      parameters,
    );
    if (!row) return null;
    this.versions.set(row.id, row.version);
    return toStaffClaimRecord(row);
  }

  async saveClaim(snapshot: ClaimSnapshot, events: readonly ClaimEvent[], at: Date): Promise<void> {
    if (!events.length) return;
    // The claim is locked and the aggregate counted from the loaded version; call touchClaim only after this.
    const known = this.versions.get(snapshot.id);
    updateClaimState(
      this.writes,
      snapshot,
      at,
      known === undefined ? { kind: 'below', version: snapshot.version } : { kind: 'version', equals: known },
    );
    this.versions.set(snapshot.id, snapshot.version);
    for (const event of events) {
      this.writes.append('claim_event', claimEventRow(event));
      await this.audit({
        actorType: event.actor.kind === 'system' ? 'system' : event.actor.kind === 'citizen' ? 'citizen' : 'staff',
        actorId: event.actor.id,
        action: event.type,
        targetType: 'claim',
        targetId: snapshot.id,
        details: { reference: snapshot.reference, from: event.fromStatus, to: event.toStatus, ...event.data },
        occurredAt: at,
      });
    }
  }

  async touchClaim(claimId: string, at: Date): Promise<number> {
    const known = this.versions.get(claimId);
    if (known !== undefined) {
      this.writes.patchClaim(
        claimId,
        { kind: 'version', equals: known },
        { version: known + 1, updated_at: at },
        { updated_at: '::timestamptz' },
      );
      this.versions.set(claimId, known + 1);
      return known + 1;
    }
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows] = await this.handle.query<[Array<{ version: number }>, number]>(
      `UPDATE claim SET version = version + 1, updated_at = $2 WHERE id = $1 RETURNING version`,
      [claimId, at],
    );
    return rows[0]!.version;
  }

  /** Sets casework columns of a claim (assignment, team, priority) in the claim's one UPDATE. */
  setClaimColumns(claimId: string, columns: Record<string, unknown>, casts: Record<string, string> = {}): void {
    const known = this.versions.get(claimId);
    this.writes.patchClaim(
      claimId,
      known === undefined ? { kind: 'none' } : { kind: 'version', equals: known },
      columns,
      casts,
    );
  }

  audit(entry: AuditRecord): Promise<void> {
    this.writes.append('audit_log', auditLogRow(entry));
    return Promise.resolve();
  }

  enqueue(
    jobName: string,
    payload: Record<string, string>,
    orderingKey: string,
    options: { notBefore?: Date } = {},
  ): Promise<void> {
    // A payload that breaks its job's contract fails the use case now, not the worker later.
    if (!isJobName(jobName)) throw new Error(`unknown job ${jobName}`);
    parseJobPayload(jobName, payload);
    this.writes.append('outbox_message', [
      randomUUID(),
      jobName,
      JSON.stringify(payload),
      orderingKey,
      options.notBefore ?? null,
    ]);
    return Promise.resolve();
  }
}

/** The PostgreSQL transaction behind a casework transaction handed to a feature store of this library. */
export function postgresCasework(tx: CaseworkTransaction): PostgresCaseworkTransaction {
  if (!(tx instanceof PostgresCaseworkTransaction)) throw new Error('not a PostgreSQL casework transaction');
  return tx;
}

/** One PostgreSQL transaction per staff use case. */
export class PostgresCaseworkUnitOfWork extends CaseworkUnitOfWork {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  run<T>(work: (transaction: CaseworkTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const transaction = new PostgresCaseworkTransaction(manager);
      const result = await work(transaction);
      await transaction.flush();
      return result;
    });
  }
}

/** Staff reads go to the hash-chained audit log, each in a transaction of its own: ids and codes only. */
export class AuditLogAccessLog extends AccessLog {
  constructor(private readonly auditLog: CaseworkAuditLog) {
    super();
  }

  async recordRead(entry: {
    actor: StaffActor;
    claimId: string;
    view: string;
    purpose: string;
    breakGlass?: { reason: string; claimTeam: string } | null;
    at: Date;
  }): Promise<void> {
    await this.auditLog.record({
      actorType: 'staff',
      actorId: entry.actor.staffId,
      action: 'claim.read',
      targetType: 'claim',
      targetId: entry.claimId,
      details: {
        view: entry.view,
        purpose: entry.purpose,
        roles: [...entry.actor.roles],
        team: entry.actor.team,
        // Break the glass: the reader's own words, for the claim's team leaders (the out-of-team reads report).
        ...(entry.breakGlass
          ? { breakGlass: true, claimTeam: entry.breakGlass.claimTeam, reason: entry.breakGlass.reason }
          : {}),
      },
      occurredAt: entry.at,
    });
  }

  async recordRefused(entry: { actor: StaffActor; claimId: string; view: string; at: Date }): Promise<void> {
    await this.auditLog.record({
      actorType: 'staff',
      actorId: entry.actor.staffId,
      action: 'claim.access-refused',
      targetType: 'claim',
      targetId: entry.claimId,
      details: { view: entry.view, reason: 'restricted', roles: [...entry.actor.roles], team: entry.actor.team },
      occurredAt: entry.at,
    });
  }
}
