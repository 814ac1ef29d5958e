import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables the platform needs: the transactional outbox and the hash-chained audit log. */
export class PlatformTables1764250000000 implements MigrationInterface {
  name = 'PlatformTables1764250000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox_message (
        id uuid PRIMARY KEY,
        position bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        job_name text NOT NULL,
        payload jsonb NOT NULL,
        ordering_key text,
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz,
        dispatch_attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    // The relay only ever scans undispatched rows, in commit order.
    await queryRunner.query(
      `CREATE INDEX outbox_message_pending_idx ON outbox_message (position) WHERE dispatched_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE audit_log (
        sequence bigint PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        occurred_at timestamptz NOT NULL,
        actor_type text NOT NULL,
        actor_id text,
        action text NOT NULL,
        target_type text NOT NULL,
        target_id text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        previous_hash char(64) NOT NULL,
        hash char(64) NOT NULL UNIQUE
      )`);
    await queryRunner.query(`CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id)`);
    // Append-only: the database itself refuses to change or delete an entry (ASVS 16.4.2).
    await queryRunner.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_log`);
    await queryRunner.query(`DROP FUNCTION audit_log_append_only()`);
    await queryRunner.query(`DROP TABLE outbox_message`);
  }
}
