import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Citizen sign-in: emailed one-time codes (hashed, never in clear), sessions (refresh token families) and
 * their rotating refresh tokens (hashed). Accounts made through an external OIDC issuer have no email, so
 * the email columns of citizen_account become optional; an account still needs an email or a subject.
 */
export class CitizenSignIn1764300000000 implements MigrationInterface {
  name = 'CitizenSignIn1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE citizen_sign_in_code (
        id uuid PRIMARY KEY,
        -- Orders codes of one address even when two are made in the same millisecond.
        position bigint GENERATED ALWAYS AS IDENTITY,
        email_blind_index text NOT NULL,
        code_hash text NOT NULL,
        code_salt text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        closed_at timestamptz,
        closed_reason text CHECK (closed_reason IN ('used', 'superseded', 'too-many-attempts')),
        CHECK ((closed_at IS NULL) = (closed_reason IS NULL))
      )`);
    // Sign-in reads the newest code of an address.
    await queryRunner.query(
      `CREATE INDEX citizen_sign_in_code_email_idx ON citizen_sign_in_code (email_blind_index, position DESC)`,
    );
    await queryRunner.query(`CREATE INDEX citizen_sign_in_code_expiry_idx ON citizen_sign_in_code (expires_at)`);
    await queryRunner.query(`
      CREATE TABLE citizen_session (
        id uuid PRIMARY KEY,
        citizen_id uuid NOT NULL REFERENCES citizen_account (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text CHECK (revoked_reason IN ('signed-out', 'refresh-token-reuse')),
        CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX citizen_session_citizen_idx ON citizen_session (citizen_id)`);
    await queryRunner.query(`
      CREATE TABLE citizen_refresh_token (
        id uuid PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES citizen_session (id) ON DELETE CASCADE,
        token_hash char(64) NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX citizen_refresh_token_session_idx ON citizen_refresh_token (session_id)`);
    await queryRunner.query(`ALTER TABLE citizen_account ALTER COLUMN email_blind_index DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE citizen_account ALTER COLUMN email_encrypted DROP NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE citizen_account ADD CONSTRAINT citizen_account_identified CHECK (
        (email_blind_index IS NOT NULL AND email_encrypted IS NOT NULL) OR external_subject IS NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE citizen_account DROP CONSTRAINT citizen_account_identified`);
    // Fails, rather than deleting anyone, while accounts known only by an external subject exist.
    await queryRunner.query(`ALTER TABLE citizen_account ALTER COLUMN email_encrypted SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE citizen_account ALTER COLUMN email_blind_index SET NOT NULL`);
    await queryRunner.query(`DROP TABLE citizen_refresh_token`);
    await queryRunner.query(`DROP TABLE citizen_session`);
    await queryRunner.query(`DROP TABLE citizen_sign_in_code`);
  }
}
