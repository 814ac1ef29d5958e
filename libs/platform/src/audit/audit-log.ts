import { createHash, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AUDIT_LOG_COLUMNS, auditLogRow } from '@redress/persistence';
import { canonicalJson } from './canonical-json.js';

/** What happened, by whom, to what. Ids and codes only: never personal data (erasure must not break the chain). */
export interface AuditEntryInput {
  actorType: 'citizen' | 'staff' | 'partner' | 'system' | 'anonymous';
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details?: Record<string, unknown>;
  /** Defaults to now; injectable for tests with a frozen clock. */
  occurredAt?: Date;
}

/** An entry as written: it joins the chain (position and hash) when the sealer reaches it. */
export interface AuditEntry extends Required<Omit<AuditEntryInput, 'occurredAt'>> {
  sequence: number;
  id: string;
  occurredAt: Date;
}

export interface SealedAuditEntry extends AuditEntry {
  chainPosition: number;
  previousHash: string;
  hash: string;
}

export type AuditVerification =
  | { ok: true; entries: number; headHash: string; unsealed: number }
  | { ok: false; entries: number; brokenAt: number; reason: string; unsealed: number };

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);
// One sealer at a time across every worker replica (taken with pg_try_advisory_xact_lock).
const SEALER_LOCK_KEY = 0x5eed_a0d1;

interface AuditRow {
  sequence: string;
  id: string;
  occurred_at: Date;
  actor_type: string;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  details: Record<string, unknown>;
  chain_position: string | null;
  previous_hash: string | null;
  hash: string | null;
}

function hashEntry(previousHash: string, chainPosition: number, entry: AuditEntry): string {
  const body = canonicalJson({
    chainPosition,
    sequence: entry.sequence,
    id: entry.id,
    occurredAt: entry.occurredAt.toISOString(),
    actorType: entry.actorType,
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    details: entry.details,
  });
  return createHash('sha256').update(previousHash).update(body).digest('hex');
}

function fromRow(row: AuditRow): AuditEntry {
  return {
    sequence: Number(row.sequence),
    id: row.id,
    occurredAt: row.occurred_at,
    actorType: row.actor_type as AuditEntry['actorType'],
    actorId: row.actor_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    details: row.details,
  };
}

/**
 * The append-only, tamper-evident audit log.
 *
 * Writers `append` an entry inside the transaction of the change it records, so the entry commits or rolls
 * back with it, and take no log-wide lock: recording audit entries never serialises the system's writes.
 * The sealer (`seal`, run continuously by the worker) then chains committed entries: each gets the next
 * chain position and `hash = SHA-256(previous hash ‖ canonical JSON of the entry and its position)`.
 * It seals only entries written by transactions older than every transaction still running, so an entry
 * that commits late is never skipped: it is sealed, later, at the next position. The database refuses any
 * UPDATE but sealing an unsealed entry, and any DELETE.
 */
export class AuditLog {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends one entry using the caller's transaction (the manager of an open transaction). */
  async append(manager: EntityManager, input: AuditEntryInput): Promise<AuditEntry> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('AuditLog.append must run inside the transaction of the change it records');
    }
    const id = randomUUID();
    const values = auditLogRow(input, id);
    const occurredAt = values[1] as Date;
    const details = input.details ?? {};
    const [row] = await manager.query<Array<{ sequence: string }>>(
      `INSERT INTO audit_log (${AUDIT_LOG_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING sequence`,
      values,
    );
    return {
      sequence: Number(row!.sequence),
      id,
      occurredAt,
      actorType: input.actorType,
      actorId: input.actorId,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId,
      details,
    };
  }

  /** Appends one entry in a transaction of its own (for events that change no other state, such as reads). */
  async record(input: AuditEntryInput): Promise<AuditEntry> {
    return this.dataSource.transaction((manager) => this.append(manager, input));
  }

  /**
   * Chains up to `batchSize` committed, unsealed entries. Answers how many it sealed (0 when another
   * sealer holds the lock, or there is nothing to seal).
   */
  async seal(batchSize = 1000): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [lock] = await manager.query<Array<{ locked: boolean }>>('SELECT pg_try_advisory_xact_lock($1) AS locked', [
        SEALER_LOCK_KEY,
      ]);
      if (!lock?.locked) return 0;
      // Transactions older than the oldest one still running have all committed or rolled back: their
      // entries can be sealed now without a late commit ever landing behind the chain's head.
      const rows = await manager.query<AuditRow[]>(
        `SELECT * FROM audit_log
         WHERE chain_position IS NULL
           AND writer_xid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
         ORDER BY sequence LIMIT $1`,
        [batchSize],
      );
      if (!rows.length) return 0;
      const [head] = await manager.query<Array<{ chain_position: string; hash: string }>>(
        'SELECT chain_position, hash FROM audit_log WHERE chain_position IS NOT NULL ORDER BY chain_position DESC LIMIT 1',
      );
      let position = head ? Number(head.chain_position) : 0;
      let previousHash = head?.hash ?? GENESIS_HASH;
      const sequences: string[] = [];
      const positions: number[] = [];
      const previousHashes: string[] = [];
      const hashes: string[] = [];
      for (const row of rows) {
        position += 1;
        const hash = hashEntry(previousHash, position, fromRow(row));
        sequences.push(row.sequence);
        positions.push(position);
        previousHashes.push(previousHash);
        hashes.push(hash);
        previousHash = hash;
      }
      await manager.query(
        `UPDATE audit_log SET chain_position = sealed.position, previous_hash = sealed.previous_hash, hash = sealed.hash
         FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS sealed(sequence, position, previous_hash, hash)
         WHERE audit_log.sequence = sealed.sequence`,
        [sequences, positions, previousHashes, hashes],
      );
      return rows.length;
    });
  }

  /** Seals until nothing committed is left unsealed (for tests and the verification job). */
  async sealAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const sealed = await this.seal();
      total += sealed;
      if (sealed === 0) return total;
    }
  }

  /**
   * Recomputes the chain from the start and reports the first broken link: a changed entry, a deleted
   * one (a gap in the positions or a previous hash that does not match), or an inserted one. Entries not
   * sealed yet are counted, not verified. Pass the head hash anchored elsewhere to detect the loss of the
   * newest entries too.
   */
  async verify(options: { batchSize?: number; expectedHeadHash?: string } = {}): Promise<AuditVerification> {
    const batchSize = options.batchSize ?? 1000;
    const [counts] = await this.dataSource.query<Array<{ unsealed: number }>>(
      'SELECT count(*)::int AS unsealed FROM audit_log WHERE chain_position IS NULL',
    );
    const unsealed = counts?.unsealed ?? 0;
    let previousHash = GENESIS_HASH;
    let expectedPosition = 1;
    let entries = 0;
    for (;;) {
      const rows = await this.dataSource.query<AuditRow[]>(
        'SELECT * FROM audit_log WHERE chain_position >= $1 ORDER BY chain_position LIMIT $2',
        [expectedPosition, batchSize],
      );
      for (const row of rows) {
        const position = Number(row.chain_position);
        if (position !== expectedPosition) {
          return {
            ok: false,
            entries,
            brokenAt: expectedPosition,
            reason: `entry ${expectedPosition} is missing`,
            unsealed,
          };
        }
        if (row.previous_hash !== previousHash) {
          return { ok: false, entries, brokenAt: position, reason: 'does not link to the entry before it', unsealed };
        }
        if (hashEntry(previousHash, position, fromRow(row)) !== row.hash) {
          return { ok: false, entries, brokenAt: position, reason: 'content does not match its hash', unsealed };
        }
        previousHash = row.hash;
        expectedPosition += 1;
        entries += 1;
      }
      if (rows.length < batchSize) break;
    }
    if (options.expectedHeadHash && options.expectedHeadHash !== previousHash) {
      return { ok: false, entries, brokenAt: expectedPosition, reason: 'the newest entries are missing', unsealed };
    }
    return { ok: true, entries, headHash: previousHash, unsealed };
  }
}
