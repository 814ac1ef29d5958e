import { ReviewStore, type CaseworkTransaction, type OpenReview, type StoredAppeal } from '@redress/application';
import type { ReviewOutcome, TribunalOutcome } from '@redress/domain';
import { managerOf, type CaseworkCipher } from '../casework/casework-ports.js';
import { caseworkContext } from '../casework/postgres-case-file-store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `claim_review`, `tribunal_appeal`, and the status of the citizen's `review_request` rows. */
export class PostgresReviewStore extends ReviewStore {
  constructor(private readonly cipher: CaseworkCipher) {
    super();
  }

  async insertReview(
    tx: CaseworkTransaction,
    review: {
      id: string;
      claimId: string;
      originalDecisionId: string;
      requestedOn: string;
      late: boolean;
      extensionReason: string | null;
      extensionGrantedBy: string | null;
    },
  ): Promise<void> {
    await managerOf(tx.handle).query(
      `INSERT INTO claim_review (id, claim_id, original_decision_id, requested_on, late, extension_reason_encrypted,
         extension_granted_by_staff_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        review.id,
        review.claimId,
        review.originalDecisionId,
        review.requestedOn,
        review.late,
        review.extensionReason === null
          ? null
          : this.cipher.encrypt(review.extensionReason, caseworkContext.reviewExtension(review.id)),
        review.extensionGrantedBy,
      ],
    );
  }

  async openReview(tx: CaseworkTransaction, claimId: string): Promise<OpenReview | null> {
    const [row] = await managerOf(tx.handle).query<Array<{ id: string; original_decision_id: string }>>(
      `SELECT id, original_decision_id FROM claim_review WHERE claim_id = $1 AND review_decision_id IS NULL
       ORDER BY requested_on DESC, id DESC LIMIT 1`,
      [claimId],
    );
    return row ? { id: row.id, originalDecisionId: row.original_decision_id } : null;
  }

  async citizenRequestReceivedAt(tx: CaseworkTransaction, claimId: string): Promise<Date | null> {
    const [row] = await managerOf(tx.handle).query<Array<{ requested_at: Date }>>(
      `SELECT requested_at FROM review_request WHERE claim_id = $1 AND status IN ('open', 'started')
       ORDER BY requested_at DESC LIMIT 1`,
      [claimId],
    );
    return row?.requested_at ?? null;
  }

  async decideReview(
    tx: CaseworkTransaction,
    review: { id: string; reviewDecisionId: string; reviewer: string; outcome: ReviewOutcome; at: Date },
  ): Promise<void> {
    await managerOf(tx.handle).query(
      `UPDATE claim_review SET review_decision_id = $2, reviewer_staff_id = $3, outcome = $4, decided_at = $5 WHERE id = $1`,
      [review.id, review.reviewDecisionId, review.reviewer, review.outcome, review.at],
    );
  }

  async closeCitizenRequests(tx: CaseworkTransaction, claimId: string): Promise<void> {
    await managerOf(tx.handle).query(
      `UPDATE review_request SET status = 'decided' WHERE claim_id = $1 AND status IN ('open', 'started')`,
      [claimId],
    );
  }

  async latestDecidedReview(tx: CaseworkTransaction, claimId: string): Promise<{ id: string } | null> {
    const [row] = await managerOf(tx.handle).query<Array<{ id: string }>>(
      `SELECT id FROM claim_review WHERE claim_id = $1 AND review_decision_id IS NOT NULL ORDER BY decided_at DESC LIMIT 1`,
      [claimId],
    );
    return row ?? null;
  }

  async insertAppeal(
    tx: CaseworkTransaction,
    appeal: {
      id: string;
      claimId: string;
      reviewId: string;
      lodgedOn: string;
      tribunalReference: string | null;
      by: string;
      at: Date;
    },
  ): Promise<void> {
    await managerOf(tx.handle).query(
      `INSERT INTO tribunal_appeal (id, claim_id, review_id, lodged_on, tribunal_reference, recorded_by_staff_id, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [appeal.id, appeal.claimId, appeal.reviewId, appeal.lodgedOn, appeal.tribunalReference, appeal.by, appeal.at],
    );
  }

  async appeals(tx: CaseworkTransaction, claimId: string): Promise<StoredAppeal[]> {
    const rows = await managerOf(tx.handle).query<
      Array<{ id: string; review_id: string; lodged_on: string; outcome: TribunalOutcome | null }>
    >(`SELECT id, review_id, lodged_on::text AS lodged_on, outcome FROM tribunal_appeal WHERE claim_id = $1`, [
      claimId,
    ]);
    return rows.map((row) => ({ id: row.id, reviewId: row.review_id, lodgedOn: row.lodged_on, outcome: row.outcome }));
  }

  async recordAppealOutcome(
    tx: CaseworkTransaction,
    appeal: { id: string; outcome: TribunalOutcome; outcomeOn: string; by: string },
  ): Promise<void> {
    if (!UUID.test(appeal.id)) return;
    await managerOf(tx.handle).query(
      `UPDATE tribunal_appeal SET outcome = $2, outcome_on = $3, outcome_recorded_by_staff_id = $4 WHERE id = $1`,
      [appeal.id, appeal.outcome, appeal.outcomeOn, appeal.by],
    );
  }
}
