import type { ReferralAuditEntry } from './referral-ports.js';

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
