import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The staff side of an information request's life (docs/caseworker.md, Information requests): a reply from the
 * police, a GP or a hospital recorded by a caseworker (answered by staff, never for a request to the applicant), a
 * cancellation with its reason, and every move of a due date with the old and new date and the reason. Reasons are
 * FieldCipher values bound to their row (information-request:<id>:cancellation-reason,
 * information-request-due-date-change:<id>:reason).
 */
export class InformationRequestLifecycle1764400000000 implements MigrationInterface {
  name = 'InformationRequestLifecycle1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE information_request
        ADD COLUMN answered_by_staff_id text,
        ADD COLUMN cancelled_at timestamptz,
        ADD COLUMN cancelled_by_staff_id text,
        ADD COLUMN cancellation_reason_encrypted text,
        ADD CONSTRAINT information_request_one_answerer
          CHECK (answered_by_staff_id IS NULL OR answered_by_citizen_id IS NULL),
        ADD CONSTRAINT information_request_staff_answers_third_parties
          CHECK (answered_by_staff_id IS NULL OR (status = 'answered' AND recipient <> 'applicant')),
        ADD CONSTRAINT information_request_cancellation
          CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)
            AND (cancelled_at IS NULL) = (cancelled_by_staff_id IS NULL)
            AND (cancelled_at IS NULL) = (cancellation_reason_encrypted IS NULL))`);

    await queryRunner.query(`
      CREATE TABLE information_request_due_date_change (
        id uuid PRIMARY KEY,
        information_request_id uuid NOT NULL REFERENCES information_request (id),
        claim_id uuid NOT NULL REFERENCES claim (id),
        previous_due_on date NOT NULL,
        due_on date NOT NULL CHECK (due_on <> previous_due_on),
        reason_encrypted text NOT NULL,
        changed_by_staff_id text NOT NULL,
        changed_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX information_request_due_date_change_claim_idx
         ON information_request_due_date_change (claim_id, changed_at, id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE information_request_due_date_change`);
    await queryRunner.query(`
      ALTER TABLE information_request
        DROP CONSTRAINT information_request_cancellation,
        DROP CONSTRAINT information_request_staff_answers_third_parties,
        DROP CONSTRAINT information_request_one_answerer,
        DROP COLUMN cancellation_reason_encrypted,
        DROP COLUMN cancelled_by_staff_id,
        DROP COLUMN cancelled_at,
        DROP COLUMN answered_by_staff_id`);
  }
}
