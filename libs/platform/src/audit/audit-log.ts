import { createHash, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
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

export interface AuditEntry extends Required<Omit<AuditEntryInput, 'occurredAt'>> {
  sequence: number;
  id: string;
  occurredAt: Date;
  previousHash: string;
  hash: string;
}

export type AuditVerification =
  { ok: true; entries: number; headHash: string } | { ok: false; entries: number; brokenAt: number; reason: string };

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);
// Serialises appends so that each entry links to the one before it (one chain for the whole log).
const CHAIN_LOCK_KEY = 0x5eed_a0d1;

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
  previous_hash: string;
  hash: string;
}

function hashEntry(previousHash: string, entry: Omit<AuditEntry, 'hash' | 'previousHash'>): string {
  const body = canonicalJson({
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
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}

/**
 * The append-only audit log, each entry chained to the one before by SHA-256 of the previous hash and
 * the entry's canonical JSON. `append` writes in the caller's transaction, so the entry commits or
 * rolls back with the change it records.
 */
export class AuditLog {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends one entry using the caller's transaction (the manager of an open transaction). */
  async append(manager: EntityManager, input: AuditEntryInput): Promise<AuditEntry> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('AuditLog.append must run inside the transaction of the change it records');
    }
    await manager.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK_KEY]);
    const [head] = await manager.query<Array<{ sequence: string; hash: string }>>(
      'SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1',
    );
    // Millisecond precision, so the value read back from PostgreSQL hashes the same.
    const occurredAt = new Date((input.occurredAt ?? new Date()).getTime());
    const entry = {
      sequence: head ? Number(head.sequence) + 1 : 1,
      id: randomUUID(),
      occurredAt,
      actorType: input.actorType,
      actorId: input.actorId,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId,
      details: input.details ?? {},
    };
    const previousHash = head?.hash ?? GENESIS_HASH;
    const hash = hashEntry(previousHash, entry);
    await manager.query(
      `INSERT INTO audit_log (sequence, id, occurred_at, actor_type, actor_id, action, target_type, target_id, details, previous_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        entry.sequence,
        entry.id,
        entry.occurredAt,
        entry.actorType,
        entry.actorId,
        entry.action,
        entry.targetType,
        entry.targetId,
        JSON.stringify(entry.details),
        previousHash,
        hash,
      ],
    );
    return { ...entry, previousHash, hash };
  }

  /** Appends one entry in a transaction of its own (for events that change no other state, such as reads). */
  async record(input: AuditEntryInput): Promise<AuditEntry> {
    return this.dataSource.transaction((manager) => this.append(manager, input));
  }

  /**
   * Recomputes the chain from the start and reports the first broken link: a changed entry, a deleted
   * one (a gap in the sequence or a previous hash that does not match), or an inserted one.
   * Pass the head hash anchored elsewhere to detect the loss of the newest entries too.
   */
  async verify(options: { batchSize?: number; expectedHeadHash?: string } = {}): Promise<AuditVerification> {
    const batchSize = options.batchSize ?? 1000;
    let previousHash = GENESIS_HASH;
    let expectedSequence = 1;
    let entries = 0;
    for (;;) {
      const rows = await this.dataSource.query<AuditRow[]>(
        'SELECT * FROM audit_log WHERE sequence >= $1 ORDER BY sequence LIMIT $2',
        [expectedSequence, batchSize],
      );
      for (const row of rows) {
        const entry = fromRow(row);
        if (entry.sequence !== expectedSequence) {
          return { ok: false, entries, brokenAt: expectedSequence, reason: `entry ${expectedSequence} is missing` };
        }
        if (entry.previousHash !== previousHash) {
          return { ok: false, entries, brokenAt: entry.sequence, reason: 'does not link to the entry before it' };
        }
        if (hashEntry(previousHash, entry) !== entry.hash) {
          return { ok: false, entries, brokenAt: entry.sequence, reason: 'content does not match its hash' };
        }
        previousHash = entry.hash;
        expectedSequence += 1;
        entries += 1;
      }
      if (rows.length < batchSize) break;
    }
    if (options.expectedHeadHash && options.expectedHeadHash !== previousHash) {
      return { ok: false, entries, brokenAt: expectedSequence, reason: 'the newest entries are missing' };
    }
    return { ok: true, entries, headHash: previousHash };
  }
}
