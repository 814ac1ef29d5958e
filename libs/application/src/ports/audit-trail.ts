/** One audit entry: ids and codes only, never personal data (the audit log outlives every erasure). */
export interface AuditRecord {
  readonly actorType: 'citizen' | 'staff' | 'partner' | 'system' | 'anonymous';
  readonly actorId: string | null;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string | null;
  readonly details?: Record<string, unknown>;
  readonly occurredAt?: Date;
}
