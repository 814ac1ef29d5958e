/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-explicit-any -- raw SQL rows are mapped field by field into typed views right here */
import {
  CaseFileStore,
  type CaseFile,
  type CaseFileAppeal,
  type CaseFileAwardCalculation,
  type CaseFileDecision,
  type CaseFileDueDateChange,
  type CaseFileEligibilityRun,
  type CaseFileInformationRequest,
  type CaseFileJudgement,
  type CaseFileNote,
  type CaseFilePayment,
  type CaseFileReferral,
  type CaseFileReview,
  type StaffClaimRecord,
} from '@redress/application';
import type { ApplicationAnswers } from '@redress/domain';
import { isValidClaimReference } from '@redress/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { loadEvents } from '../claims/postgres-claims.js';
import type { CaseworkCipher } from './casework-ports.js';
import { STAFF_CLAIM_COLUMNS, toStaffClaimRecord, type StaffClaimRow } from './postgres-casework.js';

/** Contexts the casework columns are encrypted under: a value copied to another row or column fails to decrypt. */
export const caseworkContext = {
  note: (id: string) => `claim-note:${id}:body`,
  question: (id: string) => `information-request:${id}:question`,
  answer: (id: string) => `information-request:${id}:answer`,
  cancellationReason: (id: string) => `information-request:${id}:cancellation-reason`,
  dueDateChangeReason: (id: string) => `information-request-due-date-change:${id}:reason`,
  assessment: (id: string) => `eligibility-run:${id}:assessment`,
  judgement: (id: string) => `judgement:${id}:reason`,
  calculation: (id: string) => `award-calculation:${id}:calculation`,
  decisionReasons: (id: string) => `claim-decision:${id}:reasons`,
  reviewExtension: (id: string) => `claim-review:${id}:extension-reason`,
  payee: (id: string) => `claim-payment:${id}:payee`,
  payeeAccount: (id: string) => `claim-payee:${id}:account`,
  section: (applicationId: string, section: string) => `application:${applicationId}:${section}`,
};

type Query = Pick<EntityManager, 'query'>;

export async function loadAnswers(
  db: Query,
  cipher: CaseworkCipher,
  applicationId: string,
): Promise<ApplicationAnswers> {
  const rows = await db.query<Array<{ section: string; answers_encrypted: string }>>(
    `SELECT section, answers_encrypted FROM application_section WHERE application_id = $1 AND NOT set_aside`,
    [applicationId],
  );
  return Object.fromEntries(
    rows.map((row) => [
      row.section,
      cipher.decryptJson(row.answers_encrypted, caseworkContext.section(applicationId, row.section)),
    ]),
  );
}

const day = (value: Date | string | null): string | null =>
  value === null ? null : typeof value === 'string' ? value : value.toISOString().slice(0, 10);

/** Reads the whole case file of a claim for staff, decrypting what they may see. */
export class PostgresCaseFileStore extends CaseFileStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: CaseworkCipher,
  ) {
    super();
  }

  async findClaim(reference: string): Promise<StaffClaimRecord | null> {
    if (!isValidClaimReference(reference)) return null;
    const [row] = await this.dataSource.query<StaffClaimRow[]>(
      `SELECT ${STAFF_CLAIM_COLUMNS} FROM claim c WHERE c.reference = $1 AND c.status <> 'draft'`,
      [reference],
    );
    return row ? toStaffClaimRecord(row) : null;
  }

  answers(applicationId: string): Promise<ApplicationAnswers> {
    return loadAnswers(this.dataSource, this.cipher, applicationId);
  }

  async load(record: StaffClaimRecord): Promise<CaseFile> {
    const db = this.dataSource;
    const claimId = record.snapshot.id;
    const c = this.cipher;
    const ctx = caseworkContext;
    const [
      answers,
      events,
      requests,
      dueDateChanges,
      notes,
      runs,
      judgements,
      calculations,
      decisions,
      reviews,
      appeals,
      payments,
      referrals,
      pauses,
    ] = await Promise.all([
      loadAnswers(db, c, record.snapshot.applicationId),
      loadEvents(db, claimId),
      db.query<any[]>(
        `SELECT id, recipient, topic, question_encrypted, requested_by_staff_id, requested_at, due_on::text, status,
             answered_at, answer_encrypted, answered_by_citizen_id, answered_by_staff_id, document_ids, cancelled_at,
             cancelled_by_staff_id, cancellation_reason_encrypted
           FROM information_request WHERE claim_id = $1 ORDER BY requested_at, id`,
        [claimId],
      ),
      db.query<any[]>(
        `SELECT id, information_request_id, previous_due_on::text, due_on::text, reason_encrypted, changed_by_staff_id,
             changed_at FROM information_request_due_date_change WHERE claim_id = $1 ORDER BY changed_at, id`,
        [claimId],
      ),
      db.query<any[]>(
        `SELECT id, author_staff_id, body_encrypted, created_at FROM claim_note WHERE claim_id = $1 ORDER BY created_at, id`,
        [claimId],
      ),
      db.query<any[]>(
        `SELECT id, assessment_encrypted, run_by_staff_id, ran_at FROM eligibility_run WHERE claim_id = $1 ORDER BY ran_at DESC, id`,
        [claimId],
      ),
      db.query<any[]>(`SELECT * FROM judgement WHERE claim_id = $1 ORDER BY recorded_at, id`, [claimId]),
      db.query<any[]>(`SELECT * FROM award_calculation WHERE claim_id = $1 ORDER BY calculated_at DESC, id`, [claimId]),
      db.query<any[]>(
        `SELECT *, decided_on::text AS decided_on FROM claim_decision WHERE claim_id = $1 ORDER BY proposed_at, id`,
        [claimId],
      ),
      db.query<any[]>(
        `SELECT *, requested_on::text AS requested_on FROM claim_review WHERE claim_id = $1 ORDER BY claim_review.requested_on, claim_review.id`,
        [claimId],
      ),
      db.query<any[]>(
        `SELECT id, review_id, lodged_on::text, tribunal_reference, outcome, outcome_on::text FROM tribunal_appeal
           WHERE claim_id = $1 ORDER BY lodged_on, id`,
        [claimId],
      ),
      db.query<any[]>(
        `SELECT *, hold_until::text AS hold_until FROM claim_payment WHERE claim_id = $1 ORDER BY requested_at, id`,
        [claimId],
      ),
      db.query<any[]>(
        `SELECT id, status, organization_id, consented_at FROM referral WHERE claim_id = $1 ORDER BY rank, id`,
        [claimId],
      ),
      db.query<any[]>(`SELECT started_at, ended_at FROM service_level_pause WHERE claim_id = $1 ORDER BY started_at`, [
        claimId,
      ]),
    ]);
    return {
      claim: record,
      answers,
      events,
      informationRequests: requests.map((r): CaseFileInformationRequest => ({
        id: r.id,
        recipient: r.recipient,
        topic: r.topic,
        question: c.decrypt(r.question_encrypted, ctx.question(r.id)),
        requestedBy: r.requested_by_staff_id,
        requestedAt: r.requested_at,
        dueOn: r.due_on,
        status: r.status,
        answeredAt: r.answered_at,
        answeredBy: r.answered_by_staff_id
          ? { kind: 'staff', id: r.answered_by_staff_id }
          : r.answered_by_citizen_id
            ? { kind: 'citizen', id: r.answered_by_citizen_id }
            : null,
        answer: r.answer_encrypted ? c.decrypt(r.answer_encrypted, ctx.answer(r.id)) : null,
        documentIds: r.document_ids ?? [],
        dueDateChanges: dueDateChanges
          .filter((change) => change.information_request_id === r.id)
          .map((change): CaseFileDueDateChange => ({
            previousDueOn: change.previous_due_on,
            dueOn: change.due_on,
            reason: c.decrypt(change.reason_encrypted, ctx.dueDateChangeReason(change.id)),
            changedBy: change.changed_by_staff_id,
            changedAt: change.changed_at,
          })),
        cancelledAt: r.cancelled_at,
        cancelledBy: r.cancelled_by_staff_id,
        cancellationReason: r.cancellation_reason_encrypted
          ? c.decrypt(r.cancellation_reason_encrypted, ctx.cancellationReason(r.id))
          : null,
      })),
      notes: notes.map((n): CaseFileNote => ({
        id: n.id,
        author: n.author_staff_id,
        body: c.decrypt(n.body_encrypted, ctx.note(n.id)),
        createdAt: n.created_at,
      })),
      eligibilityRuns: runs.map((r): CaseFileEligibilityRun => ({
        id: r.id,
        assessment: c.decryptJson(r.assessment_encrypted, ctx.assessment(r.id)),
        runBy: r.run_by_staff_id,
        ranAt: r.ran_at,
      })),
      judgements: judgements.map((j): CaseFileJudgement => ({
        id: j.id,
        kind: j.kind,
        paragraph: j.paragraph,
        reductionPercent: j.reduction_percent,
        reason: c.decrypt(j.reason_encrypted, ctx.judgement(j.id)),
        eligibilityRunId: j.eligibility_run_id,
        recordedBy: j.recorded_by_staff_id,
        recordedAt: j.recorded_at,
      })),
      awardCalculations: calculations.map((a): CaseFileAwardCalculation => {
        const { input, breakdown } = c.decryptJson<Pick<CaseFileAwardCalculation, 'input' | 'breakdown'>>(
          a.calculation_encrypted,
          ctx.calculation(a.id),
        );
        return { id: a.id, input, breakdown, calculatedBy: a.calculated_by_staff_id, calculatedAt: a.calculated_at };
      }),
      decisions: decisions.map((d): CaseFileDecision => ({
        id: d.id,
        kind: d.kind,
        amountPence: d.amount_pence === null ? null : Number(d.amount_pence),
        awardCalculationId: d.award_calculation_id,
        grounds: d.grounds,
        paragraphs: d.paragraphs,
        reasons: c.decrypt(d.reasons_encrypted, ctx.decisionReasons(d.id)),
        needsApproval: d.needs_approval,
        approvalReasons: d.approval_reasons,
        status: d.status,
        onReview: d.on_review,
        proposedBy: d.proposed_by_staff_id,
        proposedAt: d.proposed_at,
        approvedBy: d.approved_by_staff_id,
        approvedAt: d.approved_at,
        decidedOn: d.decided_on,
      })),
      reviews: reviews.map((r): CaseFileReview => ({
        id: r.id,
        originalDecisionId: r.original_decision_id,
        reviewDecisionId: r.review_decision_id,
        requestedOn: r.requested_on,
        late: r.late,
        extensionReason: r.extension_reason_encrypted
          ? c.decrypt(r.extension_reason_encrypted, ctx.reviewExtension(r.id))
          : null,
        reviewerStaffId: r.reviewer_staff_id,
        outcome: r.outcome,
        decidedAt: r.decided_at,
      })),
      appeals: appeals.map((a): CaseFileAppeal => ({
        id: a.id,
        reviewId: a.review_id,
        lodgedOn: a.lodged_on,
        tribunalReference: a.tribunal_reference,
        outcome: a.outcome,
        outcomeOn: a.outcome_on,
      })),
      payments: payments.map((p): CaseFilePayment => ({
        id: p.id,
        kind: p.kind,
        amountPence: Number(p.amount_pence),
        payeeKind: p.payee_kind,
        payeeReference: c.decrypt(p.payee_reference_encrypted, ctx.payee(p.id)),
        holdUntil: day(p.hold_until),
        status: p.status,
        financeReference: p.finance_reference,
        requestedBy: p.requested_by_staff_id,
        requestedAt: p.requested_at,
      })),
      referrals: referrals.map((r): CaseFileReferral => ({
        id: r.id,
        status: r.status,
        organisationId: r.organization_id,
        createdAt: r.consented_at,
      })),
      servicePauses: pauses.map((p) => ({ startedAt: p.started_at, endedAt: p.ended_at })),
    };
  }
}

/** Restriction to named staff. */
export async function writeRestriction(
  manager: EntityManager,
  claimId: string,
  restriction: { restricted: boolean; staffIds: readonly string[]; by: string; at: Date },
): Promise<void> {
  await manager.query(`DELETE FROM claim_restricted_staff WHERE claim_id = $1`, [claimId]);
  for (const staffId of restriction.staffIds) {
    await manager.query(
      `INSERT INTO claim_restricted_staff (claim_id, staff_id, granted_by_staff_id, granted_at) VALUES ($1, $2, $3, $4)`,
      [claimId, staffId, restriction.by, restriction.at],
    );
  }
  await manager.query(`UPDATE claim SET restricted = $2 WHERE id = $1`, [claimId, restriction.restricted]);
}
