import { EntitySchema } from 'typeorm';

/**
 * One entry of the append-only, hash-chained audit log. Entries carry ids and codes, never personal
 * data, so that erasing a person's data never breaks the chain.
 */
export interface AuditLogEntryRow {
  /** Position in the chain, from 1. */
  sequence: string;
  id: string;
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
  previousHash: string;
  hash: string;
}

export const AuditLogEntryEntity = new EntitySchema<AuditLogEntryRow>({
  name: 'AuditLogEntry',
  tableName: 'audit_log',
  columns: {
    sequence: { type: 'bigint', primary: true },
    id: { type: 'uuid', unique: true },
    occurredAt: { name: 'occurred_at', type: 'timestamptz' },
    actorType: { name: 'actor_type', type: 'text' },
    actorId: { name: 'actor_id', type: 'text', nullable: true },
    action: { type: 'text' },
    targetType: { name: 'target_type', type: 'text' },
    targetId: { name: 'target_id', type: 'text', nullable: true },
    details: { type: 'jsonb' },
    previousHash: { name: 'previous_hash', type: 'char', length: 64 },
    hash: { type: 'char', length: 64 },
  },
});
