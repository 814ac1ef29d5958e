import {
  WorkStore,
  type CaseworkTransaction,
  type StaffClaimRecord,
  type WorkFilter,
  type WorkItem,
  type WorkPosition,
} from '@redress/application';
import { workableClaimStatuses, type ClaimStatus } from '@redress/domain';
import type { DataSource } from 'typeorm';
import { postgresCasework } from './postgres-casework.js';

const WORKABLE = workableClaimStatuses.map((status) => `'${status}'`).join(', ');

// Restricted claims appear only to the staff named on them.
const VISIBLE = (staffParameter: string) =>
  `(NOT c.restricted OR EXISTS (SELECT 1 FROM claim_restricted_staff r WHERE r.claim_id = c.id AND r.staff_id = ${staffParameter}))`;

/** Work queues over the claim table, by keyset on (priority, service_level_due_at, id): never OFFSET. */
export class PostgresWorkStore extends WorkStore {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async page(filter: WorkFilter, after: WorkPosition | null, limit: number): Promise<WorkItem[]> {
    const parameters: unknown[] = [filter.team, filter.viewerStaffId];
    const where = [`c.team = $1`, `c.status <> 'draft'`, `c.service_level_due_at IS NOT NULL`, VISIBLE('$2')];
    const add = (sql: (p: string) => string, value: unknown) => {
      parameters.push(value);
      where.push(sql(`$${parameters.length}`));
    };
    if (filter.status) add((p) => `c.status = ${p}`, filter.status);
    if (filter.priority) add((p) => `c.priority = ${p}`, filter.priority);
    if (filter.dueBefore) add((p) => `c.service_level_due_at < ${p}`, filter.dueBefore);
    if (filter.assigned?.kind === 'me') add((p) => `c.assigned_staff_id = ${p}`, filter.assigned.staffId);
    if (filter.assigned?.kind === 'unassigned') where.push(`c.assigned_staff_id IS NULL`);
    if (after) {
      parameters.push(after.priority, after.dueAt, after.id);
      const n = parameters.length;
      where.push(`(c.priority, c.service_level_due_at, c.id) > ($${n - 2}, $${n - 1}, $${n}::uuid)`);
    }
    parameters.push(limit);
    const rows = await this.dataSource.query<
      Array<{
        id: string;
        reference: string;
        status: ClaimStatus;
        team: string;
        priority: number;
        submitted_at: Date;
        service_level_due_at: Date;
        service_level_paused_since: Date | null;
        assigned_staff_id: string | null;
        version: number;
      }>
    >(
      `SELECT c.id, c.reference, c.status, c.team, c.priority, c.submitted_at, c.service_level_due_at,
         c.service_level_paused_since, c.assigned_staff_id, c.version
       FROM claim c WHERE ${where.join(' AND ')}
       ORDER BY c.priority, c.service_level_due_at, c.id LIMIT $${parameters.length}`,
      parameters,
    );
    return rows.map((row) => ({
      claimId: row.id,
      reference: row.reference,
      status: row.status,
      team: row.team,
      priority: row.priority,
      submittedAt: row.submitted_at,
      serviceLevelDueAt: row.service_level_due_at,
      serviceLevelPaused: row.service_level_paused_since !== null,
      assignedStaffId: row.assigned_staff_id,
      version: row.version,
    }));
  }

  async lockNextUnassigned(tx: CaseworkTransaction, team: string, staffId: string): Promise<StaffClaimRecord | null> {
    // The predicate repeats claim_unassigned_work_idx's, so the planner walks that index in order and stops at
    // the first row no other transaction holds. A review goes to someone who took no part in the decision.
    // The whole record is read by the same statement that locks it: one round trip.
    return postgresCasework(tx).lockClaimWhere(
      `c.team = $1 AND c.assigned_staff_id IS NULL AND c.status IN (${WORKABLE})
         AND ${VISIBLE('$2')}
         AND NOT (c.status = 'review_requested' AND $2 IN (coalesce(c.decision->>'decidedBy', ''), coalesce(c.decision->>'proposedBy', '')))
       ORDER BY c.priority, c.submitted_at, c.id
       LIMIT 1`,
      [team, staffId],
      'FOR UPDATE OF c SKIP LOCKED',
    );
  }

  assign(tx: CaseworkTransaction, claimId: string, staffId: string | null, team: string, at: Date): Promise<void> {
    postgresCasework(tx).setClaimColumns(
      claimId,
      { assigned_staff_id: staffId, assigned_at: staffId === null ? null : at, team },
      { assigned_at: '::timestamptz' },
    );
    return Promise.resolve();
  }

  setPriority(tx: CaseworkTransaction, claimId: string, priority: number): Promise<void> {
    postgresCasework(tx).setClaimColumns(claimId, { priority });
    return Promise.resolve();
  }
}
