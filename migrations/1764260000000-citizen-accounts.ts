import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Citizen accounts: found by a keyed hash of the email; the email itself is stored encrypted. */
export class CitizenAccounts1764260000000 implements MigrationInterface {
  name = 'CitizenAccounts1764260000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE citizen_account (
        id uuid PRIMARY KEY,
        email_blind_index text NOT NULL UNIQUE,
        email_encrypted text NOT NULL,
        external_subject text UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_signed_in_at timestamptz
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE citizen_account`);
  }
}
