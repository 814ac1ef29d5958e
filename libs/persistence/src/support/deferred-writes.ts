import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** One write to send later; `exactlyOne` makes the flush fail with that message unless it touched one row. */
export interface DeferredWrite {
  sql: string;
  parameters: unknown[];
  exactlyOne?: string;
}

/** What an audit entry holds (the platform's AuditEntryInput, typed structurally). */
export interface AuditRowInput {
  readonly actorType: string;
  readonly actorId: string | null;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string | null;
  readonly details?: Record<string, unknown>;
  readonly occurredAt?: Date;
}

export const AUDIT_LOG_COLUMNS = 'id, occurred_at, actor_type, actor_id, action, target_type, target_id, details';

/**
 * The values of one audit_log row, in AUDIT_LOG_COLUMNS order: the one definition used by AuditLog.append and by
 * the deferred writers. Millisecond precision, so the value read back from PostgreSQL hashes the same.
 */
export function auditLogRow(input: AuditRowInput, id: string = randomUUID()): unknown[] {
  return [
    id,
    new Date((input.occurredAt ?? new Date()).getTime()),
    input.actorType,
    input.actorId,
    input.action,
    input.targetType,
    input.targetId,
    JSON.stringify(input.details ?? {}),
  ];
}

/** The append-only tables written row by row; each is sent as ONE multi-row INSERT, so rows keep their order. */
const APPENDED = {
  audit_log: { columns: AUDIT_LOG_COLUMNS, casts: ['', '', '', '', '', '', '', '::jsonb'] },
  claim_event: {
    columns: 'id, claim_id, version, type, from_status, to_status, actor_kind, actor_id, occurred_at, data',
    casts: ['', '', '', '', '', '', '', '', '::timestamptz', '::jsonb'],
  },
  outbox_message: {
    columns: 'id, job_name, payload, ordering_key, not_before',
    casts: ['', '', '::jsonb', '', '::timestamptz'],
  },
} as const;
export type AppendedTable = keyof typeof APPENDED;

export type ClaimGuard = { kind: 'version'; equals: number } | { kind: 'below'; version: number } | { kind: 'none' };

/** Column changes to one claim row, merged into one UPDATE (a statement may not update a row twice). */
interface ClaimPatch {
  id: string;
  guard: ClaimGuard;
  columns: Map<string, { value: unknown; cast: string }>;
}

const renumber = (sql: string, offset: number): string =>
  offset ? sql.replace(/\$(\d+)/g, (_match, position: string) => `$${Number(position) + offset}`) : sql;

/**
 * Writes held back and sent together as ONE statement (data-modifying CTEs) before the next read or the commit.
 * Profiling the APIs showed the round trip (a socket write and a wake-up on both sides) to be the largest cost of
 * a write path, far above the statements themselves. Foreign keys are checked at the end of that statement, so a
 * row and the rows that refer to it can go together. Sub-statements of one statement share a snapshot: anything
 * that reads what was written must flush first (the transactions do so before every read they send).
 */
export class DeferredWrites {
  private writes: DeferredWrite[] = [];
  private readonly rows = new Map<AppendedTable, unknown[][]>();
  private claims = new Map<string, ClaimPatch>();

  constructor(private readonly manager: Pick<EntityManager, 'query'>) {}

  get pending(): boolean {
    return this.writes.length > 0 || this.rows.size > 0 || this.claims.size > 0;
  }

  defer(write: DeferredWrite): void {
    this.writes.push(write);
  }

  append(table: AppendedTable, row: unknown[]): void {
    const rows = this.rows.get(table);
    if (rows) rows.push(row);
    else this.rows.set(table, [row]);
  }

  /**
   * Sets columns of a claim row. The first patch of a claim sets its guard (the version it must still have, or be
   * below); later patches add or overwrite columns of the same UPDATE.
   */
  patchClaim(id: string, guard: ClaimGuard, columns: Record<string, unknown>, casts: Record<string, string> = {}) {
    let patch = this.claims.get(id);
    if (!patch) {
      patch = { id, guard, columns: new Map() };
      this.claims.set(id, patch);
    }
    for (const [name, value] of Object.entries(columns)) patch.columns.set(name, { value, cast: casts[name] ?? '' });
  }

  /**
   * Sends everything held back. With `last`, that statement rides in the same round trip (as the final CTE) and its
   * rows are answered as if it had been sent alone; it must not need to see the held-back writes.
   */
  async flush(last: { sql: string; parameters: unknown[] } | null = null): Promise<unknown[]> {
    const writes = this.drain();
    if (!writes.length) return last ? this.manager.query(last.sql, last.parameters) : [];
    const parameters: unknown[] = [];
    const parts = writes.map((write, index) => {
      const sql = renumber(write.sql, parameters.length);
      parameters.push(...write.parameters);
      return `w${index} AS (${sql}${write.exactlyOne ? ' RETURNING 1' : ''})`;
    });
    const counted = writes
      .map((write, index) => `${write.exactlyOne ? `(SELECT count(*) FROM w${index})` : '1'} AS __c${index}`)
      .join(', ');
    let sql = `WITH ${parts.join(', ')} SELECT ${counted}`;
    if (last) {
      const lastSql = renumber(last.sql, parameters.length);
      parameters.push(...last.parameters);
      // One row of checks, joined to the last statement's rows (none of them: one row without `__present`).
      sql =
        `WITH ${parts.join(', ')}, __last AS (${lastSql}) SELECT __rows.*, ${counted} ` +
        `FROM (SELECT true AS __present, __last.* FROM __last) AS __rows RIGHT JOIN (SELECT 1) AS __one ON true`;
    }
    const rows = await this.manager.query<Array<Record<string, unknown>>>(sql, parameters);
    writes.forEach((write, index) => {
      if (write.exactlyOne && Number(rows[0]?.[`__c${index}`]) !== 1) throw new Error(write.exactlyOne);
    });
    if (!last) return [];
    return rows
      .filter((row) => row.__present)
      .map((row) => Object.fromEntries(Object.entries(row).filter(([name]) => !name.startsWith('__'))));
  }

  /** Everything held back as statements, in the order they were asked for; the holder is emptied. */
  private drain(): DeferredWrite[] {
    const writes = [...this.claimUpdates(), ...this.writes];
    for (const [table, rows] of this.rows) {
      const { columns, casts } = APPENDED[table];
      const width = casts.length;
      const values = rows
        .map((_, row) => `(${casts.map((cast, column) => `$${row * width + column + 1}${cast}`).join(', ')})`)
        .join(', ');
      writes.push({ sql: `INSERT INTO ${table} (${columns}) VALUES ${values}`, parameters: rows.flat() });
    }
    this.writes = [];
    this.rows.clear();
    this.claims = new Map();
    return writes;
  }

  private claimUpdates(): DeferredWrite[] {
    return [...this.claims.values()]
      .filter((patch) => patch.columns.size > 0)
      .map((patch) => {
        const parameters: unknown[] = [patch.id];
        const sets = [...patch.columns].map(([name, { value, cast }]) => {
          parameters.push(value);
          return `${name} = $${parameters.length}${cast}`;
        });
        let where = 'id = $1';
        if (patch.guard.kind !== 'none') {
          parameters.push(patch.guard.kind === 'version' ? patch.guard.equals : patch.guard.version);
          where += ` AND version ${patch.guard.kind === 'version' ? '=' : '<'} $${parameters.length}`;
        }
        return {
          sql: `UPDATE claim SET ${sets.join(', ')} WHERE ${where}`,
          parameters,
          exactlyOne: `claim ${patch.id} changed under a lock`,
        };
      });
  }
}
