import type { IsoDate, PayeeKind, PaymentKind } from '@redress/domain';
import type { CaseworkTransaction } from '../staff/casework-store.js';

export abstract class PaymentStore {
  /** The amount the award in force makes payable: `null` when no decision is in force; 0 for a refusal or a withheld award. */
  abstract awardInForce(tx: CaseworkTransaction, claimId: string): Promise<{ payablePence: number } | null>;
  /** Before any decision, interim payments are capped by the latest stored award calculation. */
  abstract latestCalculationTotal(tx: CaseworkTransaction, claimId: string): Promise<number | null>;
  /** Payments made or on their way (every one not failed). */
  abstract paidSoFar(tx: CaseworkTransaction, claimId: string): Promise<number>;
  /** The victim's date of birth from the application, for holding a child's award. */
  abstract victimDateOfBirth(tx: CaseworkTransaction, applicationId: string): Promise<IsoDate | null>;
  abstract insert(
    tx: CaseworkTransaction,
    payment: {
      id: string;
      claimId: string;
      kind: PaymentKind;
      amountPence: number;
      payeeKind: PayeeKind;
      payeeReference: string;
      holdUntil: IsoDate | null;
      by: string;
      at: Date;
    },
  ): Promise<void>;
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
  ): Promise<(PaymentInstruction & { status: 'held' | 'instructing' | 'instructed' | 'failed' }) | null>;
  abstract markInstructed(paymentId: string, financeReference: string, at: Date): Promise<void>;
  abstract markFailed(paymentId: string, at: Date): Promise<void>;
}
