import type { MigrationInterface, QueryRunner } from 'typeorm';

const payeeKinds = `('victim', 'representative', 'parent-or-guardian', 'deputy', 'trust', 'child-trust-fund')`;

/**
 * Payments under four eyes: who may be paid is a payee record of the claim (given by the victim through the
 * citizen service, or recorded by a caseworker and approved by a second person), and a payment is first
 * `proposed` and instructed only once a senior caseworker who neither proposed it nor calculated the award
 * approves it.
 */
export class PaymentsFourEyes1764470000100 implements MigrationInterface {
  name = 'PaymentsFourEyes1764470000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE claim_payee (
        id uuid PRIMARY KEY,
        claim_id uuid NOT NULL REFERENCES claim (id),
        payee_kind text NOT NULL CHECK (payee_kind IN ${payeeKinds}),
        account_encrypted text NOT NULL,
        source text NOT NULL CHECK (source IN ('citizen', 'staff')),
        recorded_by_actor_id text NOT NULL,
        recorded_at timestamptz NOT NULL,
        approved_by_staff_id text,
        approved_at timestamptz,
        CHECK ((approved_by_staff_id IS NULL) = (approved_at IS NULL)),
        CHECK (approved_by_staff_id IS NULL OR approved_by_staff_id <> recorded_by_actor_id)
      )`);
    await queryRunner.query(`CREATE INDEX claim_payee_claim_idx ON claim_payee (claim_id, recorded_at)`);
    await queryRunner.query(`ALTER TABLE claim_payment DROP CONSTRAINT claim_payment_status_check`);
    await queryRunner.query(`
      ALTER TABLE claim_payment
        ADD CONSTRAINT claim_payment_status_check
          CHECK (status IN ('proposed', 'held', 'instructing', 'instructed', 'failed')),
        ADD COLUMN payee_id uuid REFERENCES claim_payee (id),
        ADD COLUMN approved_by_staff_id text,
        ADD COLUMN approved_at timestamptz,
        ADD CONSTRAINT claim_payment_four_eyes_check
          CHECK (approved_by_staff_id IS NULL OR approved_by_staff_id <> requested_by_staff_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM claim_payment WHERE status = 'proposed'`);
    await queryRunner.query(`
      ALTER TABLE claim_payment
        DROP CONSTRAINT claim_payment_four_eyes_check,
        DROP COLUMN approved_at,
        DROP COLUMN approved_by_staff_id,
        DROP COLUMN payee_id,
        DROP CONSTRAINT claim_payment_status_check,
        ADD CONSTRAINT claim_payment_status_check CHECK (status IN ('held', 'instructing', 'instructed', 'failed'))`);
    await queryRunner.query(`DROP TABLE claim_payee`);
  }
}
