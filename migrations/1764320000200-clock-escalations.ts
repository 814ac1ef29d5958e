import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per escalation a clock made (an information request overdue, a claim past its service-level target),
 * so that a clock job run twice escalates once.
 */
export class ClockEscalations1764320000200 implements MigrationInterface {
  name = 'ClockEscalations1764320000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE clock_escalation (
        kind text NOT NULL CHECK (kind IN ('information-request-overdue', 'service-level-breached')),
        subject_id uuid NOT NULL,
        claim_id uuid NOT NULL REFERENCES claim (id),
        escalated_at timestamptz NOT NULL,
        PRIMARY KEY (kind, subject_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE clock_escalation`);
  }
}
