import { PartnerAccessLog, type PartnerPrincipal, type PartnerRefusalReason } from '@redress/application';
import type { AuditAppend } from './audit-writer.js';

/**
 * The audit log's `record` (AuditLog.record in @redress/platform: one entry in a transaction of its own), handed in
 * so persistence does not depend on the platform.
 */
export type RecordAudit = (entry: Parameters<AuditAppend>[1]) => Promise<unknown>;

/**
 * Partner reads of referrals in the hash-chained audit log, as `AuditLogAccessLog` does for staff reads of claims:
 * each in a transaction of its own, before the data is returned. The actor is the partner credential; the
 * organisation, the view and the referral ids go in the details. Ids and codes only: never a name or contact detail.
 */
export class AuditLogPartnerAccessLog extends PartnerAccessLog {
  constructor(private readonly record: RecordAudit) {
    super();
  }

  async recordRead(entry: {
    partner: PartnerPrincipal;
    view: 'referral' | 'list';
    referralIds: readonly string[];
    at: Date;
  }): Promise<void> {
    const one = entry.view === 'referral';
    await this.record({
      actorType: 'partner',
      actorId: entry.partner.credentialId,
      action: 'referral.read',
      targetType: 'referral',
      // One referral is the entry's target; a list names every referral it returned in its details.
      targetId: one ? (entry.referralIds[0] ?? null) : null,
      details: one
        ? { view: entry.view, organisationId: entry.partner.organisationId }
        : {
            view: entry.view,
            organisationId: entry.partner.organisationId,
            count: entry.referralIds.length,
            referralIds: [...entry.referralIds],
          },
      occurredAt: entry.at,
    });
  }

  async recordRefused(entry: {
    partner: PartnerPrincipal;
    referralId: string;
    reason: PartnerRefusalReason;
    at: Date;
  }): Promise<void> {
    await this.record({
      actorType: 'partner',
      actorId: entry.partner.credentialId,
      action: 'referral.access-refused',
      targetType: 'referral',
      targetId: entry.referralId,
      details: { view: 'referral', organisationId: entry.partner.organisationId, reason: entry.reason },
      occurredAt: entry.at,
    });
  }
}
