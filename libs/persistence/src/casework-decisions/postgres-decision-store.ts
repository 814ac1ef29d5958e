import { DecisionStore, type CaseworkTransaction, type NewDecision, type StoredDecision } from '@redress/application';
import type { AwardInput } from '@redress/domain';
import { managerOf, type CaseworkCipher } from '../casework/casework-ports.js';
import { caseworkContext } from '../casework/postgres-case-file-store.js';

interface DecisionRow {
  id: string;
  claim_id: string;
  kind: StoredDecision['kind'];
  amount_pence: string | null;
  status: StoredDecision['status'];
  on_review: boolean;
  proposed_by_staff_id: string;
  decided_on: string | null;
}

const COLUMNS = `id, claim_id, kind, amount_pence, status, on_review, proposed_by_staff_id, decided_on::text AS decided_on`;

function toDecision(row: DecisionRow): StoredDecision {
  return {
    id: row.id,
    claimId: row.claim_id,
    kind: row.kind,
    amountPence: row.amount_pence === null ? null : Number(row.amount_pence),
    status: row.status,
    onReview: row.on_review,
    proposedBy: row.proposed_by_staff_id,
    decidedOn: row.decided_on,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `claim_decision` and the award calculations decisions rest on; reasons encrypted under the row's context. */
export class PostgresDecisionStore extends DecisionStore {
  constructor(private readonly cipher: CaseworkCipher) {
    super();
  }

  async awardCalculation(
    tx: CaseworkTransaction,
    claimId: string,
    id: string,
  ): Promise<{ id: string; totalPence: number; reductionPercent: number } | null> {
    if (!UUID.test(id)) return null;
    const [row] = await managerOf(tx.handle).query<Array<{ id: string; calculation_encrypted: string }>>(
      `SELECT id, calculation_encrypted FROM award_calculation WHERE id = $1 AND claim_id = $2`,
      [id, claimId],
    );
    if (!row) return null;
    const { input, breakdown } = this.cipher.decryptJson<{ input: AwardInput; breakdown: { totalPence: number } }>(
      row.calculation_encrypted,
      caseworkContext.calculation(row.id),
    );
    return { id: row.id, totalPence: breakdown.totalPence, reductionPercent: input.reductionPercent ?? 0 };
  }

  async insert(tx: CaseworkTransaction, decision: NewDecision): Promise<void> {
    await managerOf(tx.handle).query(
      `INSERT INTO claim_decision (id, claim_id, kind, award_calculation_id, amount_pence, grounds, paragraphs,
         reasons_encrypted, needs_approval, approval_reasons, status, on_review, proposed_by_staff_id, proposed_at,
         decided_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        decision.id,
        decision.claimId,
        decision.kind,
        decision.awardCalculationId,
        decision.amountPence,
        decision.grounds,
        decision.paragraphs,
        this.cipher.encrypt(decision.reasons, caseworkContext.decisionReasons(decision.id)),
        decision.approvalReasons.length > 0,
        decision.approvalReasons,
        decision.status,
        decision.onReview,
        decision.proposedBy,
        decision.at,
        decision.decidedOn,
      ],
    );
  }

  async find(tx: CaseworkTransaction, claimId: string, id: string): Promise<StoredDecision | null> {
    if (!UUID.test(id)) return null;
    const [row] = await managerOf(tx.handle).query<DecisionRow[]>(
      `SELECT ${COLUMNS} FROM claim_decision WHERE id = $1 AND claim_id = $2`,
      [id, claimId],
    );
    return row ? toDecision(row) : null;
  }

  async current(tx: CaseworkTransaction, claimId: string): Promise<StoredDecision | null> {
    const [row] = await managerOf(tx.handle).query<DecisionRow[]>(
      `SELECT ${COLUMNS} FROM claim_decision WHERE claim_id = $1 AND status = 'made'
       ORDER BY coalesce(approved_at, proposed_at) DESC, id DESC LIMIT 1`,
      [claimId],
    );
    return row ? toDecision(row) : null;
  }

  async markMade(
    tx: CaseworkTransaction,
    id: string,
    approval: { approvedBy: string; at: Date; decidedOn: string },
  ): Promise<void> {
    await managerOf(tx.handle).query(
      `UPDATE claim_decision SET status = 'made', approved_by_staff_id = $2, approved_at = $3, decided_on = $4
       WHERE id = $1 AND status = 'pending-approval'`,
      [id, approval.approvedBy, approval.at, approval.decidedOn],
    );
  }

  async markReturned(
    tx: CaseworkTransaction,
    id: string,
    returned: { by: string; at: Date; reasonCode: string },
  ): Promise<void> {
    await managerOf(tx.handle).query(
      `UPDATE claim_decision SET status = 'returned', returned_by_staff_id = $2, returned_at = $3, return_reason_code = $4
       WHERE id = $1 AND status = 'pending-approval'`,
      [id, returned.by, returned.at, returned.reasonCode],
    );
  }

  async supersede(tx: CaseworkTransaction, id: string): Promise<void> {
    await managerOf(tx.handle).query(
      `UPDATE claim_decision SET status = 'superseded' WHERE id = $1 AND status = 'made'`,
      [id],
    );
  }
}
