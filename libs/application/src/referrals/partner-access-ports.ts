import type { PartnerPrincipal } from './authenticate-partner/authenticate-partner.use-case.js';
import type { PartnerRefusalReason, ReferralAuditEntry } from './referral-ports.js';

export interface PartnerCredentialRecord {
  id: string;
  organisationId: string;
  keyId: string;
  secretHash: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export interface WebhookEndpointRecord {
  organisationId: string;
  url: string;
  secretEncrypted: string;
  previousSecretEncrypted: string | null;
  previousSecretValidUntil: Date | null;
}

export interface WebhookDeliveryRecord {
  id: string;
  organisationId: string;
  referralId: string;
  eventType: string;
  occurredAt: Date;
  status: 'pending' | 'delivered' | 'failed' | 'skipped';
  attempts: number;
  firstAttemptAt: Date | null;
}

/** Partner organisations' credentials, webhook endpoints and webhook deliveries. */
export abstract class PartnerAccessStore {
  abstract organisationExists(organisationId: string): Promise<boolean>;
  abstract insertCredential(credential: PartnerCredentialRecord, audit: ReferralAuditEntry): Promise<void>;
  /** Sets every live credential of the organisation (but `keepId`) to expire at `at` at the latest. */
  abstract expireCredentials(
    organisationId: string,
    at: Date,
    keepId: string,
    audit: ReferralAuditEntry,
  ): Promise<number>;
  abstract revokeCredentials(organisationId: string, at: Date, audit: ReferralAuditEntry): Promise<number>;
  abstract findCredentialByKeyId(keyId: string): Promise<PartnerCredentialRecord | null>;
  abstract webhookEndpoint(organisationId: string): Promise<WebhookEndpointRecord | null>;
  abstract saveWebhookEndpoint(endpoint: WebhookEndpointRecord, audit: ReferralAuditEntry): Promise<void>;
  abstract findDelivery(deliveryId: string): Promise<WebhookDeliveryRecord | null>;
  abstract recordDeliveryAttempt(
    deliveryId: string,
    attempt: {
      at: Date;
      status: 'pending' | 'delivered' | 'failed' | 'skipped';
      statusCode: number | null;
      error: string | null;
    },
  ): Promise<void>;
}

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Posts a webhook; answers the HTTP status, or throws when no answer came (network error, timeout). */
export abstract class WebhookSender {
  abstract post(request: WebhookRequest): Promise<{ status: number }>;
}

/**
 * Partner reads of referrals, in the hash-chained audit log like every staff read of a claim: each written in a
 * transaction of its own (a read changes nothing else) before any data is returned. Ids and codes only: never the
 * person's name or contact details.
 */
export abstract class PartnerAccessLog {
  /** A read of referrals: one (`view` `referral`) or the list (`view` `list`, with the ids it returned). */
  abstract recordRead(entry: {
    partner: PartnerPrincipal;
    view: 'referral' | 'list';
    referralIds: readonly string[];
    at: Date;
  }): Promise<void>;
  /** A read refused with "not found": not the organisation's referral, consent withdrawn, not sent, or none. */
  abstract recordRefused(entry: {
    partner: PartnerPrincipal;
    referralId: string;
    reason: PartnerRefusalReason;
    at: Date;
  }): Promise<void>;
}
