import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Referrals made from a claim point at it (the claim table came with the applications work). */
export class ReferralClaimLink1764330300000 implements MigrationInterface {
  name = 'ReferralClaimLink1764330300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE referral_request ADD CONSTRAINT referral_request_claim_fk
       FOREIGN KEY (claim_id) REFERENCES claim (id) ON DELETE SET NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE referral ADD CONSTRAINT referral_claim_fk FOREIGN KEY (claim_id) REFERENCES claim (id) ON DELETE SET NULL`,
    );
    await queryRunner.query(`CREATE INDEX referral_claim_idx ON referral (claim_id) WHERE claim_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX referral_claim_idx`);
    await queryRunner.query(`ALTER TABLE referral DROP CONSTRAINT referral_claim_fk`);
    await queryRunner.query(`ALTER TABLE referral_request DROP CONSTRAINT referral_request_claim_fk`);
  }
}
