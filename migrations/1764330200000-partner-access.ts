import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partner organisations' access: API credentials (secret stored as a keyed hash, found by key id), the
 * webhook endpoint with its signing secrets (encrypted, two valid while rotating), and webhook deliveries.
 */
export class PartnerAccess1764330200000 implements MigrationInterface {
  name = 'PartnerAccess1764330200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE partner_credential (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES directory_organization (id) ON DELETE CASCADE,
        key_id text NOT NULL UNIQUE,
        secret_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        revoked_at timestamptz,
        last_used_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX partner_credential_organization_idx ON partner_credential (organization_id)`);
    await queryRunner.query(`
      CREATE TABLE partner_webhook_endpoint (
        organization_id uuid PRIMARY KEY REFERENCES directory_organization (id) ON DELETE CASCADE,
        url text NOT NULL,
        secret_encrypted text NOT NULL,
        previous_secret_encrypted text,
        previous_secret_valid_until timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE referral_webhook_delivery (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES directory_organization (id) ON DELETE CASCADE,
        referral_id uuid NOT NULL REFERENCES referral (id) ON DELETE CASCADE,
        event_type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed', 'skipped')),
        attempts integer NOT NULL DEFAULT 0,
        first_attempt_at timestamptz,
        last_attempt_at timestamptz,
        last_status_code integer,
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX referral_webhook_delivery_status_idx ON referral_webhook_delivery (organization_id, status, created_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE referral_webhook_delivery`);
    await queryRunner.query(`DROP TABLE partner_webhook_endpoint`);
    await queryRunner.query(`DROP TABLE partner_credential`);
  }
}
