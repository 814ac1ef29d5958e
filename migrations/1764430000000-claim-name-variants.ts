import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Close name search (docs/caseworker.md, Search): keyed blind indexes (FieldCipher.blindIndex, purpose
 * `claim-search:name-variant`, never an exact term's purpose) of the deletion neighbourhood of every name token of a
 * claim, filled by the same catch-up as `claim_search_term`, in the same transaction. `exact` marks the variants that
 * are whole tokens of the claim (for ranking). Claims already indexed are queued again to get their variants.
 *
 * Anonymising a claim (`claim.anonymised_at` set by the retention job) now deletes its search terms and variants and
 * takes it off the queue: keyed hashes of a name, date of birth and postcode still find the person's claim, so they
 * go with the answers they were made from. Claims anonymised before this migration lose theirs here.
 */
export class ClaimNameVariants1764430000000 implements MigrationInterface {
  name = 'ClaimNameVariants1764430000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE claim_name_variant (
        claim_id uuid NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
        variant text NOT NULL,
        exact boolean NOT NULL,
        PRIMARY KEY (claim_id, variant)
      )`);
    // Look-ups by variant; claim_id in the key so that they need not visit the table.
    await queryRunner.query(`CREATE INDEX claim_name_variant_lookup_idx ON claim_name_variant (variant, claim_id)`);

    await queryRunner.query(`
      CREATE FUNCTION claim_search_forget() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM claim_search_term WHERE claim_id = NEW.id;
        DELETE FROM claim_name_variant WHERE claim_id = NEW.id;
        DELETE FROM claim_search_pending WHERE claim_id = NEW.id;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER claim_search_forget AFTER UPDATE OF anonymised_at ON claim FOR EACH ROW
        WHEN (OLD.anonymised_at IS NULL AND NEW.anonymised_at IS NOT NULL) EXECUTE FUNCTION claim_search_forget()`);
    await queryRunner.query(
      `DELETE FROM claim_search_term WHERE claim_id IN (SELECT id FROM claim WHERE anonymised_at IS NOT NULL)`,
    );

    // Indexing a claim again adds its variants; its exact terms are already there (ON CONFLICT DO NOTHING).
    await queryRunner.query(
      `INSERT INTO claim_search_pending (claim_id) SELECT id FROM claim WHERE anonymised_at IS NULL ON CONFLICT DO NOTHING`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER claim_search_forget ON claim`);
    await queryRunner.query(`DROP FUNCTION claim_search_forget()`);
    await queryRunner.query(`DROP TABLE claim_name_variant`);
  }
}
