import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The consent ledger answers on its own how and when the victim gave (or withdrew) consent, and who recorded it
 * (docs/referrals.md, Consent): `method` (`online` by the victim themselves; `phone`, `in-person` or `in-writing`
 * to a member of staff), `given_at` (when the victim gave it, which for staff may be before `recorded_at`) and
 * `recorded_by_staff_id` (the member of staff who recorded it; null when the victim did).
 *
 * Existing entries are filled once:
 * - recorded by the citizen: `online`, given when recorded, no member of staff;
 * - recorded by staff: the method and time from the hash-chained audit log (`referral-consent.given`, details
 *   `referralId`, `method`, `givenAt`, by the same member of staff), else from the referral's own
 *   `referral.consented` event; where neither has them, `unknown` with no `given_at`.
 * The ledger is append-only (a trigger refuses UPDATE): the trigger is set aside for this one fill, inside this
 * migration's transaction, under the ACCESS EXCLUSIVE lock ALTER TABLE holds until commit, so nothing else can
 * write meanwhile. `unknown` is refused for every entry written afterwards (a NOT VALID check: it holds for new
 * rows, not for the rows filled here).
 */
export class ReferralConsentMethod1764440000000 implements MigrationInterface {
  name = 'ReferralConsentMethod1764440000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE referral_consent
        ADD COLUMN method text,
        ADD COLUMN given_at timestamptz,
        ADD COLUMN recorded_by_staff_id text`);

    await queryRunner.query(`ALTER TABLE referral_consent DISABLE TRIGGER referral_consent_append_only`);
    await queryRunner.query(`
      UPDATE referral_consent SET method = 'online', given_at = recorded_at, recorded_by_staff_id = NULL
      WHERE actor_type = 'citizen'`);
    await queryRunner.query(`
      UPDATE referral_consent c
      SET recorded_by_staff_id = c.actor_id,
          (method, given_at) = (
            SELECT found.method, found.given_at::timestamptz
            FROM (
              SELECT 1 AS preference, a.sequence AS position, a.details->>'method' AS method,
                     a.details->>'givenAt' AS given_at
              FROM audit_log a
              WHERE a.action = 'referral-consent.given' AND a.actor_type = 'staff' AND a.actor_id = c.actor_id
                AND a.details->>'referralId' = c.referral_id::text
              UNION ALL
              SELECT 2, 0, e.details->>'method', e.details->>'givenAt'
              FROM referral_event e
              WHERE e.type = 'referral.consented' AND e.actor_type = 'staff' AND e.actor_id = c.actor_id
                AND e.referral_id = c.referral_id
            ) found
            WHERE found.method IN ('phone', 'in-person', 'in-writing')
              AND found.given_at ~ '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$'
            ORDER BY found.preference, found.position
            LIMIT 1
          )
      WHERE c.actor_type = 'staff' AND c.action = 'given' AND c.referral_id IS NOT NULL`);
    await queryRunner.query(`
      UPDATE referral_consent SET method = 'unknown', given_at = NULL, recorded_by_staff_id = actor_id
      WHERE actor_type = 'staff' AND method IS NULL`);
    await queryRunner.query(`ALTER TABLE referral_consent ENABLE TRIGGER referral_consent_append_only`);

    await queryRunner.query(`
      ALTER TABLE referral_consent
        ALTER COLUMN method SET NOT NULL,
        ADD CONSTRAINT referral_consent_method
          CHECK (method IN ('online', 'phone', 'in-person', 'in-writing', 'unknown')),
        ADD CONSTRAINT referral_consent_recorder
          CHECK ((actor_type = 'citizen' AND method = 'online' AND recorded_by_staff_id IS NULL)
              OR (actor_type = 'staff' AND method <> 'online' AND recorded_by_staff_id = actor_id)),
        ADD CONSTRAINT referral_consent_given_at
          CHECK ((given_at IS NULL) = (method = 'unknown') AND given_at <= recorded_at + interval '5 minutes')`);
    // Only entries filled above may say unknown: every new entry says how and when.
    await queryRunner.query(`
      ALTER TABLE referral_consent
        ADD CONSTRAINT referral_consent_method_known CHECK (method <> 'unknown') NOT VALID`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE referral_consent
        DROP CONSTRAINT referral_consent_method_known,
        DROP CONSTRAINT referral_consent_given_at,
        DROP CONSTRAINT referral_consent_recorder,
        DROP CONSTRAINT referral_consent_method,
        DROP COLUMN recorded_by_staff_id,
        DROP COLUMN given_at,
        DROP COLUMN method`);
  }
}
