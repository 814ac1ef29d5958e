import {
  PaymentInstructions,
  PaymentStore,
  type CaseworkTransaction,
  type NewPayee,
  type PaymentInstruction,
  type StoredPayee,
  type StoredPayment,
} from '@redress/application';
import type { ApplicantAnswers, IsoDate, PayeeKind, PaymentKind } from '@redress/domain';
import type { DataSource } from 'typeorm';
import { managerOf, type CaseworkCipher } from '../casework/casework-ports.js';
import { caseworkContext } from '../casework/postgres-case-file-store.js';

export class PostgresPaymentStore extends PaymentStore {
  constructor(private readonly cipher: CaseworkCipher) {
    super();
  }

  async awardInForce(tx: CaseworkTransaction, claimId: string): Promise<{ payablePence: number } | null> {
    const [row] = await managerOf(tx.handle).query<Array<{ kind: string; amount_pence: string | null }>>(
      `SELECT kind, amount_pence FROM claim_decision WHERE claim_id = $1 AND status = 'made'
       ORDER BY coalesce(approved_at, proposed_at) DESC, id DESC LIMIT 1`,
      [claimId],
    );
    if (!row) return null;
    return { payablePence: row.kind === 'award' || row.kind === 'reduced' ? Number(row.amount_pence ?? 0) : 0 };
  }

  async latestCalculationTotal(tx: CaseworkTransaction, claimId: string): Promise<number | null> {
    const [row] = await managerOf(tx.handle).query<Array<{ total_pence: string }>>(
      `SELECT total_pence FROM award_calculation WHERE claim_id = $1 ORDER BY calculated_at DESC, id DESC LIMIT 1`,
      [claimId],
    );
    return row ? Number(row.total_pence) : null;
  }

  async paidSoFar(tx: CaseworkTransaction, claimId: string, kind?: PaymentKind): Promise<number> {
    const [row] = await managerOf(tx.handle).query<Array<{ total: string }>>(
      `SELECT coalesce(sum(amount_pence), 0) AS total FROM claim_payment
       WHERE claim_id = $1 AND status <> 'failed' AND ($2::text IS NULL OR kind = $2)`,
      [claimId, kind ?? null],
    );
    return Number(row?.total ?? 0);
  }

  async calculators(tx: CaseworkTransaction, claimId: string): Promise<string[]> {
    const rows = await managerOf(tx.handle).query<Array<{ staff: string }>>(
      `(SELECT calculated_by_staff_id AS staff FROM award_calculation WHERE claim_id = $1
         ORDER BY calculated_at DESC, id DESC LIMIT 1)
       UNION
       (SELECT a.calculated_by_staff_id FROM claim_decision d JOIN award_calculation a ON a.id = d.award_calculation_id
         WHERE d.claim_id = $1 AND d.status = 'made' ORDER BY coalesce(d.approved_at, d.proposed_at) DESC LIMIT 1)`,
      [claimId],
    );
    return rows.map((row) => row.staff);
  }

  async payee(tx: CaseworkTransaction, claimId: string, payeeId: string): Promise<StoredPayee | null> {
    if (!UUID.test(payeeId)) return null;
    const [row] = await managerOf(tx.handle).query<
      Array<{
        id: string;
        payee_kind: PayeeKind;
        account_encrypted: string;
        source: 'citizen' | 'staff';
        recorded_by_actor_id: string;
        approved_by_staff_id: string | null;
      }>
    >(
      `SELECT id, payee_kind, account_encrypted, source, recorded_by_actor_id, approved_by_staff_id
         FROM claim_payee WHERE id = $1 AND claim_id = $2 FOR UPDATE`,
      [payeeId, claimId],
    );
    if (!row) return null;
    return {
      id: row.id,
      payeeKind: row.payee_kind,
      account: this.cipher.decrypt(row.account_encrypted, caseworkContext.payeeAccount(row.id)),
      source: row.source,
      recordedBy: row.recorded_by_actor_id,
      approvedBy: row.approved_by_staff_id,
    };
  }

  async insertPayee(tx: CaseworkTransaction, payee: NewPayee): Promise<void> {
    const insert = payeeInsert(this.cipher, payee);
    await managerOf(tx.handle).query(insert.sql, insert.parameters);
  }

  async approvePayee(tx: CaseworkTransaction, payeeId: string, by: string, at: Date): Promise<void> {
    await managerOf(tx.handle).query(
      `UPDATE claim_payee SET approved_by_staff_id = $2, approved_at = $3 WHERE id = $1 AND approved_by_staff_id IS NULL`,
      [payeeId, by, at],
    );
  }

  async lockPayment(tx: CaseworkTransaction, claimId: string, paymentId: string): Promise<StoredPayment | null> {
    if (!UUID.test(paymentId)) return null;
    const [row] = await managerOf(tx.handle).query<
      Array<{
        id: string;
        kind: PaymentKind;
        amount_pence: string;
        status: StoredPayment['status'];
        requested_by_staff_id: string;
        hold_until: string | null;
      }>
    >(
      `SELECT id, kind, amount_pence, status, requested_by_staff_id, hold_until::text AS hold_until
         FROM claim_payment WHERE id = $1 AND claim_id = $2 FOR UPDATE`,
      [paymentId, claimId],
    );
    if (!row) return null;
    return {
      id: row.id,
      kind: row.kind,
      amountPence: Number(row.amount_pence),
      status: row.status,
      proposedBy: row.requested_by_staff_id,
      holdUntil: row.hold_until,
    };
  }

  async approvePayment(tx: CaseworkTransaction, paymentId: string, by: string, at: Date): Promise<void> {
    await managerOf(tx.handle).query(
      `UPDATE claim_payment SET status = 'instructing', approved_by_staff_id = $2, approved_at = $3
       WHERE id = $1 AND status = 'proposed'`,
      [paymentId, by, at],
    );
  }

  async victimDateOfBirth(tx: CaseworkTransaction, applicationId: string): Promise<IsoDate | null> {
    const [row] = await managerOf(tx.handle).query<Array<{ answers_encrypted: string }>>(
      `SELECT answers_encrypted FROM application_section WHERE application_id = $1 AND section = 'applicant' AND NOT set_aside`,
      [applicationId],
    );
    if (!row) return null;
    const applicant = this.cipher.decryptJson<ApplicantAnswers>(
      row.answers_encrypted,
      caseworkContext.section(applicationId, 'applicant'),
    );
    return applicant.dateOfBirth ?? null;
  }

  async insert(
    tx: CaseworkTransaction,
    payment: {
      id: string;
      claimId: string;
      kind: PaymentKind;
      amountPence: number;
      payeeId: string;
      payeeKind: PayeeKind;
      payeeReference: string;
      holdUntil: IsoDate | null;
      by: string;
      at: Date;
    },
  ): Promise<void> {
    await managerOf(tx.handle).query(
      `INSERT INTO claim_payment (id, claim_id, kind, amount_pence, payee_kind, payee_reference_encrypted, hold_until,
         status, requested_by_staff_id, requested_at, payee_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'proposed', $8, $9, $10)`,
      [
        payment.id,
        payment.claimId,
        payment.kind,
        payment.amountPence,
        payment.payeeKind,
        this.cipher.encrypt(payment.payeeReference, caseworkContext.payee(payment.id)),
        payment.holdUntil,
        payment.by,
        payment.at,
        payment.payeeId,
      ],
    );
  }
}

/** The INSERT of one payee (the staff side runs it at once; the citizen side defers it with its other writes). */
export function payeeInsert(
  cipher: Pick<CaseworkCipher, 'encrypt'>,
  payee: NewPayee,
): { sql: string; parameters: unknown[] } {
  return {
    sql: `INSERT INTO claim_payee (id, claim_id, payee_kind, account_encrypted, source, recorded_by_actor_id, recorded_at)
          VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    parameters: [
      payee.id,
      payee.claimId,
      payee.payeeKind,
      cipher.encrypt(payee.account, caseworkContext.payeeAccount(payee.id)),
      payee.source,
      payee.recordedBy,
      payee.at,
    ],
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The worker's side of `claim_payment`: what to send to the finance system, and what it answered. */
export class PostgresPaymentInstructions extends PaymentInstructions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: CaseworkCipher,
  ) {
    super();
  }

  async load(
    paymentId: string,
  ): Promise<(PaymentInstruction & { status: 'proposed' | 'held' | 'instructing' | 'instructed' | 'failed' }) | null> {
    if (!UUID.test(paymentId)) return null;
    const [row] = await this.dataSource.query<
      Array<{
        id: string;
        reference: string;
        kind: PaymentKind;
        amount_pence: string;
        payee_kind: PayeeKind;
        payee_reference_encrypted: string;
        hold_until: string | null;
        status: 'proposed' | 'held' | 'instructing' | 'instructed' | 'failed';
      }>
    >(
      `SELECT p.id, c.reference, p.kind, p.amount_pence, p.payee_kind, p.payee_reference_encrypted,
              p.hold_until::text AS hold_until, p.status
         FROM claim_payment p JOIN claim c ON c.id = p.claim_id WHERE p.id = $1`,
      [paymentId],
    );
    if (!row) return null;
    return {
      paymentId: row.id,
      claimReference: row.reference,
      kind: row.kind,
      amountPence: Number(row.amount_pence),
      payeeKind: row.payee_kind,
      payeeReference: this.cipher.decrypt(row.payee_reference_encrypted, caseworkContext.payee(row.id)),
      holdUntil: row.hold_until,
      status: row.status,
    };
  }

  async markInstructed(paymentId: string, financeReference: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE claim_payment SET status = 'instructed', finance_reference = $2, instructed_at = $3
       WHERE id = $1 AND status = 'instructing'`,
      [paymentId, financeReference, at],
    );
  }

  async markFailed(paymentId: string, _at: Date): Promise<void> {
    await this.dataSource.query(`UPDATE claim_payment SET status = 'failed' WHERE id = $1 AND status = 'instructing'`, [
      paymentId,
    ]);
  }
}
