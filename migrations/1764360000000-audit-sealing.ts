import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log is chained by a sealer instead of inside each writer's transaction: writers only INSERT
 * (no log-wide lock, so transactions that record audit entries no longer commit one at a time), and the
 * sealer gives committed entries their chain position and hash in commit-safe order. The table stays
 * append-only: the one UPDATE allowed is sealing an unsealed entry, changing nothing else.
 */
export class AuditSealing1764360000000 implements MigrationInterface {
  name = 'AuditSealing1764360000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_log_append_only ON audit_log`);
    await queryRunner.query(`CREATE SEQUENCE audit_log_sequence_seq OWNED BY audit_log.sequence`);
    await queryRunner.query(
      `SELECT setval('audit_log_sequence_seq', GREATEST((SELECT max(sequence) FROM audit_log), 0) + 1, false)`,
    );
    await queryRunner.query(`
      ALTER TABLE audit_log
        ALTER COLUMN sequence SET DEFAULT nextval('audit_log_sequence_seq'),
        ALTER COLUMN previous_hash DROP NOT NULL,
        ALTER COLUMN hash DROP NOT NULL,
        ADD COLUMN chain_position bigint UNIQUE,
        ADD COLUMN writer_xid bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint)`);
    // Entries written before this migration were chained in sequence order: they keep that place.
    await queryRunner.query(`UPDATE audit_log SET chain_position = sequence, writer_xid = 0`);
    await queryRunner.query(`CREATE INDEX audit_log_unsealed_idx ON audit_log (sequence) WHERE chain_position IS NULL`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE'
           AND OLD.chain_position IS NULL AND OLD.hash IS NULL
           AND NEW.chain_position IS NOT NULL AND NEW.hash IS NOT NULL AND NEW.previous_hash IS NOT NULL
           AND NEW.sequence = OLD.sequence AND NEW.id = OLD.id AND NEW.occurred_at = OLD.occurred_at
           AND NEW.actor_type = OLD.actor_type AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
           AND NEW.action = OLD.action AND NEW.target_type = OLD.target_type
           AND NEW.target_id IS NOT DISTINCT FROM OLD.target_id AND NEW.details = OLD.details
           AND NEW.writer_xid = OLD.writer_xid THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_log_no_truncate ON audit_log`);
    await queryRunner.query(`DROP TRIGGER audit_log_append_only ON audit_log`);
    // Entries not yet sealed cannot be kept under the older schema, which needs a hash on every row.
    await queryRunner.query(`DELETE FROM audit_log WHERE chain_position IS NULL`);
    await queryRunner.query(`DROP INDEX audit_log_unsealed_idx`);
    await queryRunner.query(`
      ALTER TABLE audit_log
        DROP COLUMN writer_xid,
        DROP COLUMN chain_position,
        ALTER COLUMN hash SET NOT NULL,
        ALTER COLUMN previous_hash SET NOT NULL,
        ALTER COLUMN sequence DROP DEFAULT`);
    await queryRunner.query(`DROP SEQUENCE audit_log_sequence_seq`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
  }
}
