import type { IsoDate, PayeeKind, PaymentKind } from '@redress/domain';
import type { CaseworkTransaction } from '../staff/casework-store.js';

export abstract class PaymentStore {
  /** The amount the award in force makes payable: `null` when no decision is in force; 0 for a refusal or a withheld award. */
  abstract awardInForce(tx: CaseworkTransaction, claimId: string): Promise<{ payablePence: number } | null>;
  /** Before any decision, interim payments are capped by the latest stored award calculation. */
  abstract latestCalculationTotal(tx: CaseworkTransaction, claimId: string): Promise<number | null>;
  /** Payments made, on their way or proposed (every one not failed); `kind` counts only that kind. */
  abstract paidSoFar(tx: CaseworkTransaction, claimId: string, kind?: PaymentKind): Promise<number>;
  /** Who calculated the award a payment on the claim comes from: the latest calculation's and the decision's. */
  abstract calculators(tx: CaseworkTransaction, claimId: string): Promise<string[]>;
  /** One payee of the claim, decrypted; `null` when the claim has no such payee. */
  abstract payee(tx: CaseworkTransaction, claimId: string, payeeId: string): Promise<StoredPayee | null>;
  abstract insertPayee(tx: CaseworkTransaction, payee: NewPayee): Promise<void>;
  abstract approvePayee(tx: CaseworkTransaction, payeeId: string, by: string, at: Date): Promise<void>;
  /** One payment of the claim (locked); `null` when the claim has no such payment. */
  abstract lockPayment(tx: CaseworkTransaction, claimId: string, paymentId: string): Promise<StoredPayment | null>;
  /** A proposed payment approved: from now on the finance system is to be told of it. */
  abstract approvePayment(tx: CaseworkTransaction, paymentId: string, by: string, at: Date): Promise<void>;
  /** The victim's date of birth from the application, for holding a child's award. */
  abstract victimDateOfBirth(tx: CaseworkTransaction, applicationId: string): Promise<IsoDate | null>;
  abstract insert(
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
  ): Promise<void>;
}

export type PayeeSource = 'citizen' | 'staff';

export interface NewPayee {
  readonly id: string;
  readonly claimId: string;
  readonly payeeKind: PayeeKind;
  /** Bank or account reference (stored encrypted). */
  readonly account: string;
  readonly source: PayeeSource;
  /** The citizen's or the staff member's id. */
  readonly recordedBy: string;
  readonly at: Date;
}

export interface StoredPayee {
  readonly id: string;
  readonly payeeKind: PayeeKind;
  readonly account: string;
  readonly source: PayeeSource;
  readonly recordedBy: string;
  readonly approvedBy: string | null;
}

export interface StoredPayment {
  readonly id: string;
  readonly kind: PaymentKind;
  readonly amountPence: number;
  readonly status: 'proposed' | 'held' | 'instructing' | 'instructed' | 'failed';
  readonly proposedBy: string;
  readonly holdUntil: IsoDate | null;
}

/** Payment settings (the caseworker API's configuration). */
export class PaymentSettings {
  /** Interim payments together reach at most this share (per cent) of the latest award calculation. */
  interimMaxPercent = 50;
}

/** A payment as the finance system is told of it. */
export interface PaymentInstruction {
  /** Our payment id: the finance system's idempotency key, so a retried instruction is one payment. */
  readonly paymentId: string;
  readonly claimReference: string;
  readonly kind: PaymentKind;
  readonly amountPence: number;
  readonly payeeKind: PayeeKind;
  /** Bank or account reference of the payee (decrypted only to be sent). */
  readonly payeeReference: string;
  /** A child's award is held until this day (their 18th birthday). */
  readonly holdUntil: IsoDate | null;
}

export class FinanceRejectedError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The finance system (HTTP adapter in the worker; a stub in libs/testing). */
export abstract class FinanceSystem {
  /**
   * Instructs one payment. The same paymentId always means the same payment: the finance system answers a
   * repeat with the first answer. Throws FinanceRejectedError when it refuses the payment for good (4xx), any
   * other error when the outcome is unknown (retry).
   */
  abstract instruct(instruction: PaymentInstruction): Promise<{ financeReference: string }>;
}

export abstract class PaymentInstructions {
  /** The payment to instruct, decrypted; `null` when there is none. */
  abstract load(
    paymentId: string,
  ): Promise<(PaymentInstruction & { status: 'proposed' | 'held' | 'instructing' | 'instructed' | 'failed' }) | null>;
  abstract markInstructed(paymentId: string, financeReference: string, at: Date): Promise<void>;
  abstract markFailed(paymentId: string, at: Date): Promise<void>;
}
