import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An external subject is unique only at its issuer (OpenID Connect Core 1.0, 2): accounts are keyed by issuer and
 * subject together, so a second trusted issuer's subject can never land in another person's account. Rows made
 * before have no issuer (NULL); the first sign-in of that subject from the primary configured issuer (OIDC_ISSUER)
 * claims its row, and no other issuer can (docs/authentication.md).
 */
export class CitizenExternalIssuer1764470000000 implements MigrationInterface {
  name = 'CitizenExternalIssuer1764470000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE citizen_account ADD COLUMN external_issuer text`);
    await queryRunner.query(`ALTER TABLE citizen_account DROP CONSTRAINT citizen_account_external_subject_key`);
    await queryRunner.query(
      `ALTER TABLE citizen_account ADD CONSTRAINT citizen_account_external_identity_key
         UNIQUE (external_issuer, external_subject)`,
    );
    await queryRunner.query(
      `ALTER TABLE citizen_account ADD CONSTRAINT citizen_account_external_issuer_needs_subject
         CHECK (external_issuer IS NULL OR external_subject IS NOT NULL)`,
    );
    // Finding a row made before this migration by its subject alone.
    await queryRunner.query(
      `CREATE UNIQUE INDEX citizen_account_unscoped_subject_idx ON citizen_account (external_subject)
       WHERE external_issuer IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX citizen_account_unscoped_subject_idx`);
    await queryRunner.query(
      `ALTER TABLE citizen_account DROP CONSTRAINT citizen_account_external_issuer_needs_subject`,
    );
    await queryRunner.query(`ALTER TABLE citizen_account DROP CONSTRAINT citizen_account_external_identity_key`);
    await queryRunner.query(`ALTER TABLE citizen_account DROP COLUMN external_issuer`);
    await queryRunner.query(
      `ALTER TABLE citizen_account ADD CONSTRAINT citizen_account_external_subject_key UNIQUE (external_subject)`,
    );
  }
}
