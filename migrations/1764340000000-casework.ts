import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Casework for the caseworker API (docs/caseworker.md): work-queue columns on `claim`, restriction to named staff,
 * the service-level clock and its pause intervals, recipients of information requests, notes, eligibility re-runs
 * and judgements, award calculations, decisions with four-eyes approval, reviews, appeals and payments.
 * Free text and anything that reveals health (tariff codes, findings) is FieldCipher-encrypted; amounts, codes and
 * ids stay in clear for queues and reports.
 */
export class Casework1764340000000 implements MigrationInterface {
  name = 'Casework1764340000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // ---- work queue columns on the claims engineer's table ----
    // Unrouted claims land in the general team, so that every submitted claim is in some queue.
    await queryRunner.query(`UPDATE claim SET team = 'general' WHERE team IS NULL`);
    await queryRunner.query(`ALTER TABLE claim ALTER COLUMN team SET DEFAULT 'general'`);
    await queryRunner.query(`
      ALTER TABLE claim
        ADD COLUMN priority smallint NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),
        ADD COLUMN assigned_at timestamptz,
        ADD COLUMN service_level_days integer NOT NULL DEFAULT 112 CHECK (service_level_days > 0),
        ADD COLUMN service_level_paused_seconds bigint NOT NULL DEFAULT 0,
        ADD COLUMN service_level_paused_since timestamptz,
        ADD COLUMN service_level_due_at timestamptz`);
    // The due date is derived (submission + target + closed pauses); kept as a column so queues can sort by it.
    await queryRunner.query(`
      CREATE FUNCTION claim_service_level_due() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.service_level_due_at := CASE WHEN NEW.submitted_at IS NULL THEN NULL ELSE
          NEW.submitted_at + make_interval(days => NEW.service_level_days)
          + make_interval(secs => NEW.service_level_paused_seconds) END;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER claim_service_level_due BEFORE INSERT OR UPDATE OF submitted_at, service_level_days,
        service_level_paused_seconds ON claim FOR EACH ROW EXECUTE FUNCTION claim_service_level_due()`);
    await queryRunner.query(`UPDATE claim SET service_level_days = service_level_days`);
    // work/next: the highest-priority, oldest unassigned claim of a team that a caseworker can pick up.
    await queryRunner.query(`
      CREATE INDEX claim_unassigned_work_idx ON claim (team, priority, submitted_at, id)
      WHERE assigned_staff_id IS NULL AND status IN ('submitted', 'triaged', 'in_assessment', 'reopened', 'review_requested')`);
    // GET /v1/work: keyset pages by team, status, priority and due date.
    await queryRunner.query(
      `CREATE INDEX claim_work_queue_idx ON claim (team, status, priority, service_level_due_at, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX claim_work_queue_team_idx ON claim (team, priority, service_level_due_at, id)`,
    );

    // ---- restricted claims: visible only to the staff named here ----
    await queryRunner.query(`
      CREATE TABLE claim_restricted_staff (
        claim_id uuid NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
        staff_id text NOT NULL,
        granted_by_staff_id text NOT NULL,
        granted_at timestamptz NOT NULL,
        PRIMARY KEY (claim_id, staff_id)
      )`);

    // ---- information requests: who is asked; the service-level clock pauses while the applicant is ----
    await queryRunner.query(`
      ALTER TABLE information_request
        ADD COLUMN recipient text NOT NULL DEFAULT 'applicant' CHECK (recipient IN ('applicant', 'police', 'gp', 'hospital')),
        ADD COLUMN working_days integer`);
    await queryRunner.query(`
      CREATE TABLE service_level_pause (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        claim_id uuid NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
        started_at timestamptz NOT NULL,
        ended_at timestamptz,
        CHECK (ended_at IS NULL OR ended_at >= started_at)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX service_level_pause_open_idx ON service_level_pause (claim_id) WHERE ended_at IS NULL`,
    );
    // One pause at a time per claim: open while any request to the applicant is open, closed when none is, by
    // whichever path answers or cancels it (the citizen API answers them). Pauses never overlap, so they add up.
    await queryRunner.query(`
      CREATE FUNCTION information_request_service_level() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        open_requests integer;
        pause service_level_pause%ROWTYPE;
        ended timestamptz;
      BEGIN
        IF NEW.recipient <> 'applicant' THEN RETURN NEW; END IF;
        SELECT count(*) INTO open_requests FROM information_request
          WHERE claim_id = NEW.claim_id AND recipient = 'applicant' AND status = 'open';
        SELECT * INTO pause FROM service_level_pause WHERE claim_id = NEW.claim_id AND ended_at IS NULL FOR UPDATE;
        IF open_requests > 0 AND pause.id IS NULL THEN
          INSERT INTO service_level_pause (claim_id, started_at) VALUES (NEW.claim_id, NEW.requested_at);
          UPDATE claim SET service_level_paused_since = NEW.requested_at WHERE id = NEW.claim_id;
        ELSIF open_requests = 0 AND pause.id IS NOT NULL THEN
          ended := greatest(pause.started_at, coalesce(NEW.answered_at, now()));
          UPDATE service_level_pause SET ended_at = ended WHERE id = pause.id;
          UPDATE claim SET service_level_paused_since = NULL,
            service_level_paused_seconds = service_level_paused_seconds + floor(extract(epoch FROM ended - pause.started_at))::bigint
            WHERE id = NEW.claim_id;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER information_request_service_level AFTER INSERT OR UPDATE OF status ON information_request
      FOR EACH ROW EXECUTE FUNCTION information_request_service_level()`);

    // ---- notes ----
    await queryRunner.query(`
      CREATE TABLE claim_note (
        id uuid PRIMARY KEY,
        claim_id uuid NOT NULL REFERENCES claim (id),
        author_staff_id text NOT NULL,
        body_encrypted text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX claim_note_claim_idx ON claim_note (claim_id, created_at, id)`);

    // ---- eligibility re-runs with the caseworker's judgements ----
    await queryRunner.query(`
      CREATE TABLE eligibility_run (
        id uuid PRIMARY KEY,
        claim_id uuid NOT NULL REFERENCES claim (id),
        outcome text NOT NULL CHECK (outcome IN ('eligible', 'ineligible', 'refer', 'incomplete')),
        edition text NOT NULL,
        assessment_encrypted text NOT NULL,
        run_by_staff_id text NOT NULL,
        ran_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX eligibility_run_claim_idx ON eligibility_run (claim_id, ran_at DESC)`);
    await queryRunner.query(`
      CREATE TABLE judgement (
        id uuid PRIMARY KEY,
        claim_id uuid NOT NULL REFERENCES claim (id),
        kind text NOT NULL CHECK (kind IN ('late-application-accepted', 'late-application-refused',
          'reported-as-soon-as-reasonably-practicable', 'not-reported-as-soon-as-reasonably-practicable', 'conduct')),
        paragraph text NOT NULL,
        conduct_effect text CHECK (conduct_effect IN ('none', 'reduce', 'refuse')),
        reduction_percent integer CHECK (reduction_percent BETWEEN 0 AND 100),
        reason_encrypted text NOT NULL,
        eligibility_run_id uuid NOT NULL REFERENCES eligibility_run (id),
        recorded_by_staff_id text NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX judgement_claim_idx ON judgement (claim_id, recorded_at)`);

    // ---- award calculations and decisions ----
    await queryRunner.query(`
      CREATE TABLE award_calculation (
        id uuid PRIMARY KEY,
        claim_id uuid NOT NULL REFERENCES claim (id),
        edition text NOT NULL,
        total_pence bigint NOT NULL CHECK (total_pence >= 0),
        gross_pence bigint NOT NULL CHECK (gross_pence >= 0),
        calculation_encrypted text NOT NULL,
        calculated_by_staff_id text NOT NULL,
        calculated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX award_calculation_claim_idx ON award_calculation (claim_id, calculated_at DESC)`,
    );
    await queryRunner.query(`
      CREATE TABLE claim_decision (
        id uuid PRIMARY KEY,
        claim_id uuid NOT NULL REFERENCES claim (id),
        kind text NOT NULL CHECK (kind IN ('award', 'refusal', 'withheld', 'reduced')),
        award_calculation_id uuid REFERENCES award_calculation (id),
        amount_pence bigint CHECK (amount_pence >= 0),
        grounds text[] NOT NULL DEFAULT '{}',
        paragraphs text[] NOT NULL DEFAULT '{}',
        reasons_encrypted text NOT NULL,
        needs_approval boolean NOT NULL,
        approval_reasons text[] NOT NULL DEFAULT '{}',
        status text NOT NULL CHECK (status IN ('pending-approval', 'made', 'returned', 'superseded')),
        on_review boolean NOT NULL DEFAULT false,
        proposed_by_staff_id text NOT NULL,
        proposed_at timestamptz NOT NULL,
        approved_by_staff_id text,
        approved_at timestamptz,
        decided_on date,
        CHECK (approved_by_staff_id IS NULL OR approved_by_staff_id <> proposed_by_staff_id)
      )`);
    await queryRunner.query(`CREATE INDEX claim_decision_claim_idx ON claim_decision (claim_id, proposed_at)`);
    await queryRunner.query(
      `CREATE INDEX claim_decision_decided_idx ON claim_decision (decided_on) WHERE status = 'made'`,
    );

    // ---- reviews and appeals ----
    await queryRunner.query(`
      CREATE TABLE claim_review (
        id uuid PRIMARY KEY,
        claim_id uuid NOT NULL REFERENCES claim (id),
        original_decision_id uuid NOT NULL REFERENCES claim_decision (id),
        review_decision_id uuid REFERENCES claim_decision (id),
        requested_on date NOT NULL,
        late boolean NOT NULL,
        extension_reason_encrypted text,
        extension_granted_by_staff_id text,
        reviewer_staff_id text,
        outcome text CHECK (outcome IN ('raised', 'lowered', 'upheld')),
        decided_at timestamptz,
        CHECK (NOT late OR extension_reason_encrypted IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX claim_review_claim_idx ON claim_review (claim_id)`);
    await queryRunner.query(`
      CREATE TABLE tribunal_appeal (
        id uuid PRIMARY KEY,
        claim_id uuid NOT NULL REFERENCES claim (id),
        review_id uuid NOT NULL REFERENCES claim_review (id),
        lodged_on date NOT NULL,
        tribunal_reference text,
        recorded_by_staff_id text NOT NULL,
        recorded_at timestamptz NOT NULL,
        outcome text CHECK (outcome IN ('upheld', 'varied', 'remitted', 'dismissed')),
        outcome_on date,
        outcome_recorded_by_staff_id text
      )`);
    await queryRunner.query(`CREATE INDEX tribunal_appeal_claim_idx ON tribunal_appeal (claim_id)`);

    // ---- payments ----
    await queryRunner.query(`
      CREATE TABLE claim_payment (
        id uuid PRIMARY KEY,
        claim_id uuid NOT NULL REFERENCES claim (id),
        kind text NOT NULL CHECK (kind IN ('interim', 'final')),
        amount_pence bigint NOT NULL CHECK (amount_pence > 0),
        payee_kind text NOT NULL CHECK (payee_kind IN ('victim', 'representative', 'parent-or-guardian', 'deputy', 'trust', 'child-trust-fund')),
        payee_reference_encrypted text NOT NULL,
        hold_until date,
        status text NOT NULL CHECK (status IN ('held', 'instructing', 'instructed', 'failed')),
        finance_reference text,
        requested_by_staff_id text NOT NULL,
        requested_at timestamptz NOT NULL,
        instructed_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX claim_payment_claim_idx ON claim_payment (claim_id, requested_at)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX claim_payment_one_final_idx ON claim_payment (claim_id) WHERE kind = 'final'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE claim_payment`);
    await queryRunner.query(`DROP TABLE tribunal_appeal`);
    await queryRunner.query(`DROP TABLE claim_review`);
    await queryRunner.query(`DROP TABLE claim_decision`);
    await queryRunner.query(`DROP TABLE award_calculation`);
    await queryRunner.query(`DROP TABLE judgement`);
    await queryRunner.query(`DROP TABLE eligibility_run`);
    await queryRunner.query(`DROP TABLE claim_note`);
    await queryRunner.query(`DROP TRIGGER information_request_service_level ON information_request`);
    await queryRunner.query(`DROP FUNCTION information_request_service_level()`);
    await queryRunner.query(`DROP TABLE service_level_pause`);
    await queryRunner.query(`ALTER TABLE information_request DROP COLUMN recipient, DROP COLUMN working_days`);
    await queryRunner.query(`DROP TABLE claim_restricted_staff`);
    await queryRunner.query(`DROP INDEX claim_work_queue_team_idx`);
    await queryRunner.query(`DROP INDEX claim_work_queue_idx`);
    await queryRunner.query(`DROP INDEX claim_unassigned_work_idx`);
    await queryRunner.query(`DROP TRIGGER claim_service_level_due ON claim`);
    await queryRunner.query(`DROP FUNCTION claim_service_level_due()`);
    await queryRunner.query(`
      ALTER TABLE claim DROP COLUMN priority, DROP COLUMN assigned_at, DROP COLUMN service_level_days,
        DROP COLUMN service_level_paused_seconds, DROP COLUMN service_level_paused_since, DROP COLUMN service_level_due_at`);
    await queryRunner.query(`ALTER TABLE claim ALTER COLUMN team DROP DEFAULT`);
  }
}
