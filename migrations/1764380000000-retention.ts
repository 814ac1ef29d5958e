import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention (docs/security.md, Retention): legal holds that stop erasure of the record they cover, and
 * append-only tombstones saying what the retention job erased or anonymised, under which rule, as field names
 * only. Also lets key rotation re-encrypt the append-only answer history: the one UPDATE allowed replaces a
 * FieldCipher value with one under a different key, changing nothing else (docs/security.md, Key handling).
 */
export class Retention1764380000000 implements MigrationInterface {
  name = 'Retention1764380000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE legal_hold (
        id uuid PRIMARY KEY,
        record_type text NOT NULL CHECK (record_type IN ('application', 'claim', 'referral')),
        record_id uuid NOT NULL,
        reason text NOT NULL CHECK (reason IN ('litigation', 'complaint', 'police-request', 'ombudsman', 'other')),
        placed_by text NOT NULL,
        placed_at timestamptz NOT NULL,
        lifted_at timestamptz,
        lifted_by text,
        CHECK ((lifted_at IS NULL) = (lifted_by IS NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX legal_hold_active_idx ON legal_hold (record_type, record_id) WHERE lifted_at IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE retention_tombstone (
        id uuid PRIMARY KEY,
        record_type text NOT NULL,
        record_id uuid NOT NULL,
        record_class text NOT NULL,
        rule_from text NOT NULL,
        action text NOT NULL CHECK (action IN ('erase', 'anonymise')),
        due_on date NOT NULL,
        erased_at timestamptz NOT NULL,
        erased_fields text[] NOT NULL,
        files_deleted integer NOT NULL DEFAULT 0
      )`);
    await queryRunner.query(
      `CREATE INDEX retention_tombstone_record_idx ON retention_tombstone (record_type, record_id)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION retention_tombstone_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'retention_tombstone is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER retention_tombstone_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON retention_tombstone
      FOR EACH STATEMENT EXECUTE FUNCTION retention_tombstone_append_only()`);
    // Anonymised claims are marked so that the job (and reports) can tell them apart.
    await queryRunner.query(`ALTER TABLE claim ADD COLUMN anonymised_at timestamptz`);

    // Key rotation may re-encrypt answer history rows; nothing else about a row may change.
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION application_answer_history_no_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_LEVEL = 'ROW'
           AND NEW.id = OLD.id AND NEW.application_id = OLD.application_id AND NEW.section = OLD.section
           AND NEW.revision = OLD.revision AND NEW.change = OLD.change
           AND NEW.actor_citizen_id IS NOT DISTINCT FROM OLD.actor_citizen_id AND NEW.recorded_at = OLD.recorded_at
           AND OLD.answers_encrypted LIKE 'f1.%' AND NEW.answers_encrypted LIKE 'f1.%'
           AND split_part(NEW.answers_encrypted, '.', 2) <> split_part(OLD.answers_encrypted, '.', 2) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'application_answer_history is append-only';
      END $$`);
    await queryRunner.query(`DROP TRIGGER application_answer_history_no_update ON application_answer_history`);
    await queryRunner.query(`
      CREATE TRIGGER application_answer_history_no_update BEFORE UPDATE ON application_answer_history
      FOR EACH ROW EXECUTE FUNCTION application_answer_history_no_update()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER application_answer_history_no_update ON application_answer_history`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION application_answer_history_no_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'application_answer_history is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER application_answer_history_no_update BEFORE UPDATE ON application_answer_history
      FOR EACH STATEMENT EXECUTE FUNCTION application_answer_history_no_update()`);
    await queryRunner.query(`ALTER TABLE claim DROP COLUMN anonymised_at`);
    await queryRunner.query(`DROP TABLE retention_tombstone`);
    await queryRunner.query(`DROP FUNCTION retention_tombstone_append_only()`);
    await queryRunner.query(`DROP TABLE legal_hold`);
  }
}
