import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Who has seen my claim" (GET /v1/me/access-history, docs/applications.md) reads a citizen's claims' and referrals'
 * read entries from the audit log. Staff `claim.read` and a partner's `referral.read` of one referral have the claim
 * or referral as target: `audit_log_target_idx` (target_type, target_id) already finds them. A partner's list read
 * has no target and names the referrals it returned in `details.referralIds`: without an index on those ids,
 * finding a citizen's referrals there reads every list read in the log (EXPLAIN in
 * test/citizen-access-history.e2e-spec.ts: a bitmap scan of all `referral` entries with no target, every one but
 * the citizen's removed by the filter). A GIN index on the ids of list reads only.
 */
export class AuditLogReferralListReadsIndex1764460000000 implements MigrationInterface {
  name = 'AuditLogReferralListReadsIndex1764460000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX audit_log_referral_list_reads_idx ON audit_log USING gin ((details->'referralIds'))
       WHERE action = 'referral.read' AND target_id IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX audit_log_referral_list_reads_idx`);
  }
}
