import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Named users of support organisations (docs/partner-portal.md): each signs in to the partner portal with an emailed
 * code and a TOTP second factor. The email is kept as a blind index and encrypted (as citizen accounts' are), the TOTP
 * secret encrypted, the recovery codes hashed. `partner_sign_in` holds a sign-in in progress (hashes only);
 * `partner_session` the session behind each partner-user access token (its SHA-256 only).
 */
export class PartnerUsers1764480000000 implements MigrationInterface {
  name = 'PartnerUsers1764480000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE partner_user (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES directory_organization (id) ON DELETE CASCADE,
        email_blind_index text NOT NULL,
        email_encrypted text NOT NULL,
        role text NOT NULL CHECK (role IN ('administrator', 'caseworker')),
        status text NOT NULL CHECK (status IN ('invited', 'active', 'removed')),
        totp_secret_encrypted text,
        recovery_code_hashes text[] NOT NULL DEFAULT '{}',
        failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        locked_until timestamptz,
        totp_last_step bigint,
        invited_by text NOT NULL,
        created_at timestamptz NOT NULL,
        removed_at timestamptz,
        CHECK ((status = 'removed') = (removed_at IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX partner_user_live_email_idx ON partner_user (email_blind_index) WHERE status <> 'removed'`,
    );
    await queryRunner.query(`CREATE INDEX partner_user_organization_idx ON partner_user (organization_id)`);
    await queryRunner.query(`
      CREATE TABLE partner_sign_in (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES partner_user (id) ON DELETE CASCADE,
        challenge_hash text NOT NULL UNIQUE,
        code_hash text NOT NULL,
        code_salt text NOT NULL,
        stage text NOT NULL CHECK (stage IN ('code', 'second-factor', 'closed')),
        pending_totp_secret_encrypted text,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX partner_sign_in_user_idx ON partner_sign_in (user_id) WHERE stage <> 'closed'`,
    );
    await queryRunner.query(`
      CREATE TABLE partner_session (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES partner_user (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        last_used_at timestamptz NOT NULL,
        ended_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX partner_session_user_idx ON partner_session (user_id) WHERE ended_at IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE directory_service ADD COLUMN portal_edited_at timestamptz`);
    await queryRunner.query(`
      CREATE TABLE directory_service_change (
        id uuid PRIMARY KEY,
        service_id uuid NOT NULL REFERENCES directory_service (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL,
        changed_at timestamptz NOT NULL,
        changed_by_type text NOT NULL CHECK (changed_by_type IN ('partner', 'staff', 'import')),
        changed_by_id text,
        changes jsonb NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX directory_service_change_service_idx ON directory_service_change (service_id, changed_at DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE directory_service_change`);
    await queryRunner.query(`ALTER TABLE directory_service DROP COLUMN portal_edited_at`);
    await queryRunner.query(`DROP TABLE partner_session`);
    await queryRunner.query(`DROP TABLE partner_sign_in`);
    await queryRunner.query(`DROP TABLE partner_user`);
  }
}
