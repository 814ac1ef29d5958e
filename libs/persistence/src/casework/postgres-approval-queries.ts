import { ApprovalQueries, type ApprovalKind, type ApprovalPosition, type AwaitingApproval } from '@redress/application';
import type { DataSource } from 'typeorm';

// Restricted claims appear only to the staff named on them (as in the work queues).
const VISIBLE = `(NOT c.restricted OR EXISTS (SELECT 1 FROM claim_restricted_staff r WHERE r.claim_id = c.id AND r.staff_id = $1))`;

// The calculators a payment's approver must not be: as PostgresPaymentStore.calculators, per claim.
const NOT_CALCULATOR = `
  $1 IS DISTINCT FROM (SELECT a.calculated_by_staff_id FROM award_calculation a WHERE a.claim_id = c.id
    ORDER BY a.calculated_at DESC, a.id DESC LIMIT 1)
  AND $1 IS DISTINCT FROM (SELECT a.calculated_by_staff_id FROM claim_decision m
    JOIN award_calculation a ON a.id = m.award_calculation_id
    WHERE m.claim_id = c.id AND m.status = 'made' ORDER BY coalesce(m.approved_at, m.proposed_at) DESC LIMIT 1)`;

/** The four-eyes queue over claim_decision and claim_payment, by keyset on (proposed at, id): never OFFSET. */
export class PostgresApprovalQueries extends ApprovalQueries {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async page(approverStaffId: string, after: ApprovalPosition | null, limit: number): Promise<AwaitingApproval[]> {
    const rows = await this.dataSource.query<
      Array<{
        kind: ApprovalKind;
        id: string;
        reference: string;
        what: string;
        amount_pence: string | null;
        proposed_by: string;
        at: Date;
      }>
    >(
      `SELECT q.* FROM (
         SELECT 'decision' AS kind, d.id, c.reference, d.kind AS what, d.amount_pence,
                d.proposed_by_staff_id AS proposed_by, d.proposed_at AS at
           FROM claim_decision d JOIN claim c ON c.id = d.claim_id
          WHERE d.status = 'pending-approval' AND d.proposed_by_staff_id <> $1 AND ${VISIBLE}
         UNION ALL
         SELECT 'payment', p.id, c.reference, p.kind, p.amount_pence, p.requested_by_staff_id, p.requested_at
           FROM claim_payment p JOIN claim c ON c.id = p.claim_id
          WHERE p.status = 'proposed' AND p.requested_by_staff_id <> $1 AND ${VISIBLE} AND ${NOT_CALCULATOR}
       ) q
       WHERE $2::timestamptz IS NULL OR (q.at, q.id) > ($2::timestamptz, $3::uuid)
       ORDER BY q.at, q.id LIMIT $4`,
      [approverStaffId, after?.at ?? null, after?.id ?? null, limit],
    );
    return rows.map((row) => ({
      kind: row.kind,
      id: row.id,
      reference: row.reference,
      what: row.what,
      amountPence: row.amount_pence === null ? null : Number(row.amount_pence),
      proposedBy: row.proposed_by,
      proposedAt: row.at,
    }));
  }
}
