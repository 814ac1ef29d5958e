import type { EntityManager } from 'typeorm';
import type { ReferralAuditEntry } from '@redress/application';

/** The audit log's append (AuditLog.append in @redress/platform), handed in so persistence does not depend on it. */
export type AuditAppend = (
  manager: EntityManager,
  entry: {
    actorType: 'citizen' | 'staff' | 'partner' | 'system';
    actorId: string | null;
    action: string;
    targetType: string;
    targetId: string | null;
    details?: Record<string, unknown>;
    occurredAt?: Date;
  },
) => Promise<unknown>;

export function auditInput(entry: ReferralAuditEntry): Parameters<AuditAppend>[1] {
  return {
    actorType: entry.actor.type,
    actorId: entry.actor.id,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    details: entry.details ?? {},
    occurredAt: entry.occurredAt,
  };
}
