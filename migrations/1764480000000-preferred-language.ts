import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The language a victim chose (docs/welsh.md): `preferred_language` (`en` or `cy`) on the citizen's account and on
 * each claim, and `bilingual_letters` where they asked for letters in both languages. A claim takes the account's
 * choice when it is submitted; changing the account's choice changes it on the citizen's claims too. Existing rows
 * are English, as everything was until now.
 */
export class PreferredLanguage1764480000000 implements MigrationInterface {
  name = 'PreferredLanguage1764480000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['citizen_account', 'claim']) {
      await queryRunner.query(`
        ALTER TABLE ${table}
          ADD COLUMN preferred_language text NOT NULL DEFAULT 'en',
          ADD COLUMN bilingual_letters boolean NOT NULL DEFAULT false,
          ADD CONSTRAINT ${table}_preferred_language CHECK (preferred_language IN ('en', 'cy'))`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['claim', 'citizen_account']) {
      await queryRunner.query(`
        ALTER TABLE ${table}
          DROP CONSTRAINT ${table}_preferred_language,
          DROP COLUMN bilingual_letters,
          DROP COLUMN preferred_language`);
    }
  }
}
