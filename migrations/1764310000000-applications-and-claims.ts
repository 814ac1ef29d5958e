import type { MigrationInterface, QueryRunner } from 'typeorm';

const claimStatuses = [
  'draft',
  'submitted',
  'triaged',
  'in_assessment',
  'awaiting_information',
  'decision_pending_approval',
  'decided',
  'accepted',
  'paid',
  'closed',
  'review_requested',
  'under_review',
  'appealed',
  'withdrawn',
  'reopened',
];
const statusList = claimStatuses.map((status) => `'${status}'`).join(', ');

/**
 * Applications (drafts, saved a section at a time, every answer encrypted, every change kept), claims with
 * their events, information requests, review requests and idempotency records (docs/applications.md).
 */
export class ApplicationsAndClaims1764310000000 implements MigrationInterface {
  name = 'ApplicationsAndClaims1764310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE application (
        id uuid PRIMARY KEY,
        owner_citizen_id uuid NOT NULL REFERENCES citizen_account (id),
        status text NOT NULL CHECK (status IN ('draft', 'submitted')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        expires_at timestamptz,
        submitted_at timestamptz,
        CHECK ((status = 'draft') = (expires_at IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX application_owner_idx ON application (owner_citizen_id, updated_at DESC, id)`,
    );
    // The housekeeping job that erases expired drafts scans this.
    await queryRunner.query(`CREATE INDEX application_expiry_idx ON application (expires_at) WHERE status = 'draft'`);

    // One row per saved section; `answers_encrypted` is FieldCipher JSON bound to `application:<id>:<section>`.
    await queryRunner.query(`
      CREATE TABLE application_section (
        application_id uuid NOT NULL REFERENCES application (id) ON DELETE CASCADE,
        section text NOT NULL,
        answers_encrypted text NOT NULL,
        set_aside boolean NOT NULL DEFAULT false,
        revision integer NOT NULL,
        saved_at_version integer NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (application_id, section)
      )`);

    // Every change to every section, in order. Rows are never changed; they go only when the draft is erased.
    await queryRunner.query(`
      CREATE TABLE application_answer_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES application (id) ON DELETE CASCADE,
        section text NOT NULL,
        revision integer NOT NULL,
        change text NOT NULL CHECK (change IN ('saved', 'set-aside', 'restored')),
        answers_encrypted text,
        actor_citizen_id uuid,
        recorded_at timestamptz NOT NULL,
        CHECK ((change = 'saved') = (answers_encrypted IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX application_answer_history_idx ON application_answer_history (application_id, section, id)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION application_answer_history_no_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'application_answer_history is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER application_answer_history_no_update BEFORE UPDATE ON application_answer_history
      FOR EACH STATEMENT EXECUTE FUNCTION application_answer_history_no_update()`);

    // References: YY-NNNNNN-C, NNNNNN from this sequence (never restarts), C by ISO/IEC 7064 MOD 11-2.
    await queryRunner.query(`CREATE SEQUENCE claim_reference_seq AS bigint START 1`);
    await queryRunner.query(`
      CREATE TABLE claim (
        id uuid PRIMARY KEY,
        reference text NOT NULL UNIQUE,
        application_id uuid NOT NULL UNIQUE REFERENCES application (id),
        owner_citizen_id uuid NOT NULL REFERENCES citizen_account (id),
        status text NOT NULL CHECK (status IN (${statusList})),
        version integer NOT NULL,
        status_changed_at timestamptz NOT NULL,
        submitted_at timestamptz,
        pending_decision jsonb,
        decision jsonb,
        applicant_role text NOT NULL,
        representative_type text,
        crime_reference_given boolean NOT NULL DEFAULT false,
        declaration_version text NOT NULL,
        declared_at timestamptz NOT NULL,
        declared_by_citizen_id uuid NOT NULL,
        assigned_staff_id text,
        team text,
        restricted boolean NOT NULL DEFAULT false,
        eligibility_outcome text CHECK (eligibility_outcome IN ('eligible', 'ineligible', 'refer', 'incomplete')),
        eligibility_assessed_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX claim_owner_idx ON claim (owner_citizen_id, submitted_at DESC, id)`);
    // Caseworker queues page by keyset over (status, status_changed_at, id).
    await queryRunner.query(`CREATE INDEX claim_queue_idx ON claim (status, status_changed_at, id)`);
    await queryRunner.query(
      `CREATE INDEX claim_assigned_idx ON claim (assigned_staff_id, status) WHERE assigned_staff_id IS NOT NULL`,
    );

    // The claim's domain events: its timeline. Codes and ids only in data.
    await queryRunner.query(`
      CREATE TABLE claim_event (
        id uuid PRIMARY KEY,
        claim_id uuid NOT NULL REFERENCES claim (id),
        version integer NOT NULL,
        type text NOT NULL,
        from_status text NOT NULL,
        to_status text NOT NULL,
        actor_kind text NOT NULL CHECK (actor_kind IN ('citizen', 'caseworker', 'senior-caseworker', 'system')),
        actor_id text,
        occurred_at timestamptz NOT NULL,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        UNIQUE (claim_id, version)
      )`);
    await queryRunner.query(`
      CREATE FUNCTION claim_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'claim_event is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER claim_event_append_only BEFORE UPDATE OR DELETE ON claim_event
      FOR EACH STATEMENT EXECUTE FUNCTION claim_event_append_only()`);

    // Asked by a caseworker (caseworker API), answered by the citizen. Question and answer are encrypted,
    // bound to information-request:<id>:question and :answer.
    await queryRunner.query(`
      CREATE TABLE information_request (
        id uuid PRIMARY KEY,
        claim_id uuid NOT NULL REFERENCES claim (id),
        topic text NOT NULL CHECK (topic IN ('medical-evidence', 'police-evidence', 'financial-loss', 'identity', 'residence', 'other')),
        question_encrypted text NOT NULL,
        requested_by_staff_id text NOT NULL,
        requested_at timestamptz NOT NULL,
        due_on date NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'cancelled', 'lapsed')),
        answered_at timestamptz,
        answer_encrypted text,
        answered_by_citizen_id uuid,
        document_ids uuid[] NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        CHECK ((status = 'answered') = (answered_at IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX information_request_claim_idx ON information_request (claim_id, status)`);
    await queryRunner.query(
      `CREATE INDEX information_request_due_idx ON information_request (due_on) WHERE status = 'open'`,
    );

    // The citizen's written reasons (PR-04), encrypted, bound to review-request:<id>:reasons.
    await queryRunner.query(`
      CREATE TABLE review_request (
        id uuid PRIMARY KEY,
        claim_id uuid NOT NULL REFERENCES claim (id),
        requested_by_citizen_id uuid NOT NULL,
        requested_at timestamptz NOT NULL,
        reasons_encrypted text NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'started', 'decided'))
      )`);
    await queryRunner.query(`CREATE INDEX review_request_claim_idx ON review_request (claim_id)`);

    // Idempotency-Key records (draft-ietf-httpapi-idempotency-key-header): one per citizen and key, written in
    // the same transaction as the work, holding the fingerprint of the request and the response to replay.
    await queryRunner.query(`
      CREATE TABLE idempotency_record (
        citizen_id uuid NOT NULL,
        key text NOT NULL,
        operation text NOT NULL,
        fingerprint text NOT NULL,
        -- Filled before the transaction commits; no other transaction ever sees the row without them.
        response_status integer,
        response_body jsonb,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (citizen_id, key)
      )`);
    await queryRunner.query(`CREATE INDEX idempotency_record_expiry_idx ON idempotency_record (expires_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE idempotency_record`);
    await queryRunner.query(`DROP TABLE review_request`);
    await queryRunner.query(`DROP TABLE information_request`);
    await queryRunner.query(`DROP TABLE claim_event`);
    await queryRunner.query(`DROP FUNCTION claim_event_append_only()`);
    await queryRunner.query(`DROP TABLE claim`);
    await queryRunner.query(`DROP SEQUENCE claim_reference_seq`);
    await queryRunner.query(`DROP TABLE application_answer_history`);
    await queryRunner.query(`DROP FUNCTION application_answer_history_no_update()`);
    await queryRunner.query(`DROP TABLE application_section`);
    await queryRunner.query(`DROP TABLE application`);
  }
}
