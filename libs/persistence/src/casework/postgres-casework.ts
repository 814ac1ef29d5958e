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
import { insertClaimEvent } from '../claims/claim-event-writer.js';

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

/** A claim reference is `YY-NNNNNN-C`; anything else cannot exist, so PostgreSQL is not asked. */

class PostgresCaseworkTransaction implements CaseworkTransaction {
  constructor(
    private readonly manager: EntityManager,
    private readonly auditLog: CaseworkAuditLog,
  ) {}

  get handle(): unknown {
    return this.manager;
  }

  async lockClaim(reference: string): Promise<StaffClaimRecord | null> {
    if (!isValidClaimReference(reference)) return null;
    const [row] = await this.manager.query<StaffClaimRow[]>(
      `SELECT ${STAFF_CLAIM_COLUMNS} FROM claim c WHERE c.reference = $1 AND c.status <> 'draft' FOR UPDATE OF c`,
      [reference],
    );
    return row ? toStaffClaimRecord(row) : null;
  }

  async saveClaim(snapshot: ClaimSnapshot, events: readonly ClaimEvent[], at: Date): Promise<void> {
    if (!events.length) return;
    const result = await this.manager.query<[unknown[], number]>(
      `UPDATE claim SET status = $2, version = $3, status_changed_at = $4, pending_decision = $5,
         decision = $6, updated_at = $7 WHERE id = $1 AND version < $3`,
      [
        snapshot.id,
        snapshot.status,
        snapshot.version,
        snapshot.statusChangedAt,
        snapshot.pendingDecision ? JSON.stringify(snapshot.pendingDecision) : null,
        snapshot.decision ? JSON.stringify(snapshot.decision) : null,
        at,
      ],
    );
    // The claim is locked and the aggregate counted from the loaded version; call touchClaim only after this.
    if (result[1] !== 1) throw new Error(`claim ${snapshot.id} changed under a lock`);
    for (const event of events) {
      await insertClaimEvent(this.manager, event);
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
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows] = await this.manager.query<[Array<{ version: number }>, number]>(
      `UPDATE claim SET version = version + 1, updated_at = $2 WHERE id = $1 RETURNING version`,
      [claimId, at],
    );
    return rows[0]!.version;
  }

  async audit(entry: AuditRecord): Promise<void> {
    await this.auditLog.append(this.manager, entry);
  }

  async enqueue(
    jobName: string,
    payload: Record<string, string>,
    orderingKey: string,
    options: { notBefore?: Date } = {},
  ): Promise<void> {
    // A payload that breaks its job's contract fails the use case now, not the worker later.
    if (!isJobName(jobName)) throw new Error(`unknown job ${jobName}`);
    parseJobPayload(jobName, payload);
    await this.manager.query(
      `INSERT INTO outbox_message (id, job_name, payload, ordering_key, not_before) VALUES ($1, $2, $3::jsonb, $4, $5)`,
      [randomUUID(), jobName, JSON.stringify(payload), orderingKey, options.notBefore ?? null],
    );
  }
}

/** One PostgreSQL transaction per staff use case. */
export class PostgresCaseworkUnitOfWork extends CaseworkUnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auditLog: CaseworkAuditLog,
  ) {
    super();
  }

  run<T>(work: (transaction: CaseworkTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new PostgresCaseworkTransaction(manager, this.auditLog)));
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
    at: Date;
  }): Promise<void> {
    await this.auditLog.record({
      actorType: 'staff',
      actorId: entry.actor.staffId,
      action: 'claim.read',
      targetType: 'claim',
      targetId: entry.claimId,
      details: { view: entry.view, purpose: entry.purpose, roles: [...entry.actor.roles], team: entry.actor.team },
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
