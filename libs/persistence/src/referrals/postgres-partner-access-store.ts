import {
  PartnerAccessStore,
  type PartnerCredentialRecord,
  type ReferralAuditEntry,
  type WebhookDeliveryRecord,
  type WebhookEndpointRecord,
} from '@redress/application';
import type { DataSource } from 'typeorm';
import { auditInput, type AuditAppend } from './audit-writer.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class PostgresPartnerAccessStore extends PartnerAccessStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auditAppend: AuditAppend,
  ) {
    super();
  }

  async organisationExists(organisationId: string) {
    if (!UUID.test(organisationId)) return false;
    const rows = await this.dataSource.query<unknown[]>(`SELECT 1 FROM directory_organization WHERE id = $1`, [
      organisationId,
    ]);
    return rows.length > 0;
  }

  async insertCredential(credential: PartnerCredentialRecord, audit: ReferralAuditEntry) {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO partner_credential (id, organization_id, key_id, secret_hash, created_at, expires_at, revoked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          credential.id,
          credential.organisationId,
          credential.keyId,
          credential.secretHash,
          credential.createdAt,
          credential.expiresAt,
          credential.revokedAt,
        ],
      );
      await this.auditAppend(manager, auditInput(audit));
    });
  }

  async expireCredentials(organisationId: string, at: Date, keepId: string, audit: ReferralAuditEntry) {
    return this.dataSource.transaction(async (manager) => {
      const [, count] = await manager.query<[unknown[], number]>(
        `UPDATE partner_credential SET expires_at = LEAST(COALESCE(expires_at, $2), $2)
         WHERE organization_id = $1 AND id <> $3 AND revoked_at IS NULL`,
        [organisationId, at, keepId],
      );
      await this.auditAppend(manager, auditInput(audit));
      return count;
    });
  }

  async revokeCredentials(organisationId: string, at: Date, audit: ReferralAuditEntry) {
    return this.dataSource.transaction(async (manager) => {
      const [, count] = await manager.query<[unknown[], number]>(
        `UPDATE partner_credential SET revoked_at = $2 WHERE organization_id = $1 AND revoked_at IS NULL`,
        [organisationId, at],
      );
      await this.auditAppend(manager, auditInput(audit));
      return count;
    });
  }

  async findCredentialByKeyId(keyId: string) {
    const [row] = await this.dataSource.query<
      Array<{
        id: string;
        organization_id: string;
        key_id: string;
        secret_hash: string;
        created_at: Date;
        expires_at: Date | null;
        revoked_at: Date | null;
      }>
    >(
      `SELECT id, organization_id, key_id, secret_hash, created_at, expires_at, revoked_at FROM partner_credential WHERE key_id = $1`,
      [keyId],
    );
    return row
      ? {
          id: row.id,
          organisationId: row.organization_id,
          keyId: row.key_id,
          secretHash: row.secret_hash,
          createdAt: row.created_at,
          expiresAt: row.expires_at,
          revokedAt: row.revoked_at,
        }
      : null;
  }

  async webhookEndpoint(organisationId: string): Promise<WebhookEndpointRecord | null> {
    const [row] = await this.dataSource.query<
      Array<{
        url: string;
        secret_encrypted: string;
        previous_secret_encrypted: string | null;
        previous_secret_valid_until: Date | null;
      }>
    >(
      `SELECT url, secret_encrypted, previous_secret_encrypted, previous_secret_valid_until
       FROM partner_webhook_endpoint WHERE organization_id = $1`,
      [organisationId],
    );
    return row
      ? {
          organisationId,
          url: row.url,
          secretEncrypted: row.secret_encrypted,
          previousSecretEncrypted: row.previous_secret_encrypted,
          previousSecretValidUntil: row.previous_secret_valid_until,
        }
      : null;
  }

  async saveWebhookEndpoint(endpoint: WebhookEndpointRecord, audit: ReferralAuditEntry) {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO partner_webhook_endpoint (organization_id, url, secret_encrypted, previous_secret_encrypted,
           previous_secret_valid_until, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (organization_id) DO UPDATE SET url = EXCLUDED.url, secret_encrypted = EXCLUDED.secret_encrypted,
           previous_secret_encrypted = EXCLUDED.previous_secret_encrypted,
           previous_secret_valid_until = EXCLUDED.previous_secret_valid_until, updated_at = EXCLUDED.updated_at`,
        [
          endpoint.organisationId,
          endpoint.url,
          endpoint.secretEncrypted,
          endpoint.previousSecretEncrypted,
          endpoint.previousSecretValidUntil,
          audit.occurredAt,
        ],
      );
      await this.auditAppend(manager, auditInput(audit));
    });
  }

  async findDelivery(deliveryId: string): Promise<WebhookDeliveryRecord | null> {
    if (!UUID.test(deliveryId)) return null;
    const [row] = await this.dataSource.query<
      Array<{
        id: string;
        organization_id: string;
        referral_id: string;
        event_type: string;
        occurred_at: Date;
        status: WebhookDeliveryRecord['status'];
        attempts: number;
        first_attempt_at: Date | null;
      }>
    >(
      `SELECT id, organization_id, referral_id, event_type, occurred_at, status, attempts, first_attempt_at
       FROM referral_webhook_delivery WHERE id = $1`,
      [deliveryId],
    );
    return row
      ? {
          id: row.id,
          organisationId: row.organization_id,
          referralId: row.referral_id,
          eventType: row.event_type,
          occurredAt: row.occurred_at,
          status: row.status,
          attempts: row.attempts,
          firstAttemptAt: row.first_attempt_at,
        }
      : null;
  }

  async recordDeliveryAttempt(
    deliveryId: string,
    attempt: { at: Date; status: WebhookDeliveryRecord['status']; statusCode: number | null; error: string | null },
  ) {
    await this.dataSource.query(
      `UPDATE referral_webhook_delivery SET status = $2, attempts = attempts + 1,
         first_attempt_at = COALESCE(first_attempt_at, $3), last_attempt_at = $3, last_status_code = $4, last_error = $5,
         delivered_at = CASE WHEN $2 = 'delivered' THEN $3 ELSE delivered_at END
       WHERE id = $1`,
      [deliveryId, attempt.status, attempt.at, attempt.statusCode, attempt.error],
    );
  }
}
