import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Caseworker API, issue 7 items 8-12 (docs/caseworker.md): who returned a proposed decision and why; exact search
 * on encrypted fields through keyed blind indexes (one row per claim, field and index value), with a queue of
 * claims still to index filled by a trigger on `claim`; an index for the reports' date ranges.
 */
export class CaseworkerDecisionsAndSearch1764350000000 implements MigrationInterface {
  name = 'CaseworkerDecisionsAndSearch1764350000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE claim_decision
        ADD COLUMN returned_by_staff_id text,
        ADD COLUMN returned_at timestamptz,
        ADD COLUMN return_reason_code text`);

    // HMAC-SHA256 blind indexes (FieldCipher.blindIndex, a purpose per field) of normalised values: equality only.
    await queryRunner.query(`
      CREATE TABLE claim_search_term (
        claim_id uuid NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
        field text NOT NULL CHECK (field IN ('fullName', 'lastName', 'dateOfBirth', 'postcode', 'crimeReference')),
        blind_index text NOT NULL,
        PRIMARY KEY (claim_id, field, blind_index)
      )`);
    await queryRunner.query(`CREATE INDEX claim_search_term_lookup_idx ON claim_search_term (blind_index, field)`);
    // Answers are frozen at submission, so a claim is indexed once: the trigger queues it, a search drains the queue.
    await queryRunner.query(
      `CREATE TABLE claim_search_pending (claim_id uuid PRIMARY KEY REFERENCES claim (id) ON DELETE CASCADE)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION claim_search_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO claim_search_pending (claim_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER claim_search_enqueue AFTER INSERT ON claim FOR EACH ROW EXECUTE FUNCTION claim_search_enqueue()`);
    await queryRunner.query(`INSERT INTO claim_search_pending (claim_id) SELECT id FROM claim ON CONFLICT DO NOTHING`);

    await queryRunner.query(
      `CREATE INDEX claim_submitted_at_idx ON claim (submitted_at) WHERE submitted_at IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX claim_submitted_at_idx`);
    await queryRunner.query(`DROP TRIGGER claim_search_enqueue ON claim`);
    await queryRunner.query(`DROP FUNCTION claim_search_enqueue()`);
    await queryRunner.query(`DROP TABLE claim_search_pending`);
    await queryRunner.query(`DROP TABLE claim_search_term`);
    await queryRunner.query(`
      ALTER TABLE claim_decision DROP COLUMN returned_by_staff_id, DROP COLUMN returned_at, DROP COLUMN return_reason_code`);
  }
}
