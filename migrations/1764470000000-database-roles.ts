import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The login role the apps connect as (citizen API, caseworker API, worker, and the operational scripts). */
export const APP_ROLE = 'redress_app';

/** Append-only tables: the apps may add rows and read them, never change or remove them. */
const APPEND_ONLY = ['audit_log', 'retention_tombstone', 'referral_consent', 'claim_event'];

/**
 * Two roles: the role running migrations owns the schema; the apps connect as `redress_app`, which may read
 * and write rows but owns nothing (so it cannot `ALTER TABLE ... DISABLE TRIGGER`, drop or truncate a table)
 * and has only INSERT and SELECT on the append-only tables. The audit log's sealer needs one more right: to fill
 * in an entry's chain position and hashes (column-level UPDATE on those three columns; the append-only trigger
 * still refuses any other change and any change to a sealed entry). Default privileges grant the same
 * row rights on every table a later migration creates; a later append-only table must revoke them itself.
 * The role is created (without a password) if missing: the migration role needs CREATEROLE for that, or the
 * role is made beforehand by the platform, which also sets its password.
 */
export class DatabaseRoles1764470000000 implements MigrationInterface {
  name = 'DatabaseRoles1764470000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; -- another database's migration made it
      END $$`);
    // PostgreSQL 14 and older let every role create objects in the public schema.
    await queryRunner.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`);
    await queryRunner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`);
    await queryRunner.query(`REVOKE ALL ON migrations FROM ${APP_ROLE}`);
    await queryRunner.query(`GRANT SELECT ON migrations TO ${APP_ROLE}`);
    await queryRunner.query(`REVOKE UPDATE, DELETE ON ${APPEND_ONLY.join(', ')} FROM ${APP_ROLE}`);
    await queryRunner.query(`GRANT UPDATE (chain_position, previous_hash, hash) ON audit_log TO ${APP_ROLE}`);
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE}`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM ${APP_ROLE}`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM ${APP_ROLE}`);
    await queryRunner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${APP_ROLE}`);
    await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APP_ROLE}`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM ${APP_ROLE}`);
    // The role itself is shared by every database on the server: it is left in place.
  }
}
