import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the worker's jobs record (docs/worker.md): each notification sent about a claim (at most once per claim
 * and event), the police's answer about a crime reference, the automatic eligibility assessment made at
 * triage, and the decision letters rendered. Ids, codes and dates in clear; anything that could reveal health or
 * the crime (the assessment's facts and reasons) is FieldCipher-encrypted.
 */
export class WorkerRecords1764320000100 implements MigrationInterface {
  name = 'WorkerRecords1764320000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Claimed ('sending') before the message goes to Notify, 'sent' after: a retry finds the row and sends nothing.
    // A row left 'sending' (the worker died mid-send) is never sent again automatically: at most once.
    await queryRunner.query(`
      CREATE TABLE notification_delivery (
        claim_id uuid NOT NULL REFERENCES claim (id),
        event text NOT NULL,
        status text NOT NULL CHECK (status IN ('sending', 'sent', 'failed', 'rejected', 'skipped')),
        channel text CHECK (channel IN ('email', 'sms')),
        notification_id text,
        attempts integer NOT NULL DEFAULT 1,
        last_error text,
        claimed_at timestamptz NOT NULL,
        sent_at timestamptz,
        PRIMARY KEY (claim_id, event)
      )`);
    await queryRunner.query(`
      CREATE TABLE crime_reference_check (
        claim_id uuid PRIMARY KEY REFERENCES claim (id),
        outcome text NOT NULL CHECK (outcome IN ('confirmed', 'report-date-differs', 'not-found')),
        police_force text,
        reported_on_by_police date,
        checked_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE claim_automatic_assessment (
        claim_id uuid PRIMARY KEY REFERENCES claim (id),
        outcome text NOT NULL CHECK (outcome IN ('eligible', 'ineligible', 'refer', 'incomplete')),
        edition text NOT NULL,
        assessment_encrypted text NOT NULL,
        team text NOT NULL,
        priority smallint NOT NULL,
        priority_reasons text[] NOT NULL DEFAULT '{}',
        assessed_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE claim_letter (
        id uuid PRIMARY KEY,
        claim_id uuid NOT NULL REFERENCES claim (id),
        kind text NOT NULL CHECK (kind IN ('decision')),
        decision_id text NOT NULL,
        storage_key text NOT NULL,
        content_type text NOT NULL,
        size_bytes integer NOT NULL,
        pages integer NOT NULL,
        created_at timestamptz NOT NULL,
        UNIQUE (claim_id, kind, decision_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE claim_letter`);
    await queryRunner.query(`DROP TABLE claim_automatic_assessment`);
    await queryRunner.query(`DROP TABLE crime_reference_check`);
    await queryRunner.query(`DROP TABLE notification_delivery`);
  }
}
