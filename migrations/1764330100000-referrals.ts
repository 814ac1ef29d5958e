import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Linked support referrals: the victim's request (needs, place, contact: encrypted), one referral per
 * service offered, the referral's event history, and the append-only consent ledger.
 */
export class Referrals1764330100000 implements MigrationInterface {
  name = 'Referrals1764330100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE referral_request (
        id uuid PRIMARY KEY,
        citizen_id uuid NOT NULL REFERENCES citizen_account (id) ON DELETE CASCADE,
        claim_id uuid,
        profile_encrypted text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX referral_request_citizen_idx ON referral_request (citizen_id)`);
    await queryRunner.query(`
      CREATE TABLE referral (
        id uuid PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES referral_request (id) ON DELETE CASCADE,
        citizen_id uuid NOT NULL REFERENCES citizen_account (id) ON DELETE CASCADE,
        claim_id uuid,
        organization_id uuid NOT NULL REFERENCES directory_organization (id),
        service_id uuid NOT NULL REFERENCES directory_service (id),
        replaces_referral_id uuid REFERENCES referral (id),
        status text NOT NULL CHECK (status IN ('proposed', 'consented', 'sent', 'acknowledged', 'accepted',
          'declined', 'in_progress', 'closed', 'withdrawn', 'expired')),
        rank integer NOT NULL,
        score integer NOT NULL,
        match_encrypted text NOT NULL,
        consented_at timestamptz,
        send_due_on date,
        sent_at timestamptz,
        send_breached_at timestamptz,
        acknowledge_due_on date,
        acknowledged_at timestamptz,
        decided_at timestamptz,
        decline_reason text CHECK (decline_reason IN ('out-of-area', 'no-capacity', 'not-eligible',
          'could-not-contact', 'declined-by-person', 'other')),
        started_at timestamptz,
        closed_at timestamptz,
        outcome text CHECK (outcome IN ('support-given', 'partly-given', 'could-not-contact', 'no-longer-wanted')),
        withdrawn_at timestamptz,
        expired_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (request_id, service_id)
      )`);
    await queryRunner.query(`CREATE INDEX referral_citizen_idx ON referral (citizen_id, created_at)`);
    await queryRunner.query(`CREATE INDEX referral_organization_idx ON referral (organization_id, status, sent_at)`);
    // The clock sweep reads only referrals whose clocks run.
    await queryRunner.query(
      `CREATE INDEX referral_clock_idx ON referral (status) WHERE status IN ('consented', 'sent')`,
    );
    await queryRunner.query(`
      CREATE TABLE referral_event (
        id uuid PRIMARY KEY,
        referral_id uuid NOT NULL REFERENCES referral (id) ON DELETE CASCADE,
        type text NOT NULL,
        actor_type text NOT NULL,
        actor_id text,
        occurred_at timestamptz NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        note_encrypted text
      )`);
    await queryRunner.query(`CREATE INDEX referral_event_referral_idx ON referral_event (referral_id, occurred_at)`);
    await queryRunner.query(`
      CREATE TABLE referral_consent (
        id uuid PRIMARY KEY,
        position bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        citizen_id uuid NOT NULL REFERENCES citizen_account (id),
        organization_id uuid NOT NULL REFERENCES directory_organization (id),
        purpose text NOT NULL CHECK (purpose IN ('support-referral')),
        action text NOT NULL CHECK (action IN ('given', 'withdrawn')),
        wording_version text NOT NULL,
        referral_id uuid REFERENCES referral (id),
        actor_type text NOT NULL CHECK (actor_type IN ('citizen', 'staff')),
        actor_id text NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX referral_consent_live_idx ON referral_consent (citizen_id, organization_id, purpose, position DESC)`,
    );
    // The ledger is evidence: once written, an entry is never changed or removed; withdrawal is a new entry.
    await queryRunner.query(`
      CREATE FUNCTION referral_consent_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'referral_consent is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER referral_consent_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON referral_consent
      FOR EACH STATEMENT EXECUTE FUNCTION referral_consent_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE referral_consent`);
    await queryRunner.query(`DROP FUNCTION referral_consent_append_only()`);
    await queryRunner.query(`DROP TABLE referral_event`);
    await queryRunner.query(`DROP TABLE referral`);
    await queryRunner.query(`DROP TABLE referral_request`);
  }
}
