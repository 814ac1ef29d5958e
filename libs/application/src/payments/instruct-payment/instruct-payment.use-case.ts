import { Clock } from '../../ports/clock.js';
import { FinanceRejectedError, FinanceSystem, PaymentInstructions } from '../payment-ports.js';
import type { InstructPaymentCommand } from './instruct-payment.command.js';

export type InstructPaymentResult =
  'instructed' | 'already-instructed' | 'not-found' | 'not-approved' | 'rejected' | 'failed-before';

/**
 * `payments.instruct`: tells the finance system of one payment. Safe to run any number of times: a payment already
 * instructed is not sent again, and the payment id is the finance system's idempotency key, so a retry after a
 * lost answer (the finance system may have taken it) is recognised there as the same payment, never a second one.
 * A refusal (4xx) marks the payment failed for a caseworker to look at; anything else is thrown for the retry.
 */
export class InstructPayment {
  constructor(
    private readonly instructions: PaymentInstructions,
    private readonly finance: FinanceSystem,
    private readonly clock: Clock,
  ) {}

  async execute(command: InstructPaymentCommand): Promise<InstructPaymentResult> {
    const payment = await this.instructions.load(command.paymentId);
    if (!payment) return 'not-found';
    if (payment.status === 'instructed') return 'already-instructed';
    if (payment.status === 'failed') return 'failed-before';
    // Only an approved payment is ever sent (four eyes): a job for a proposal is refused, whatever queued it.
    if (payment.status === 'proposed') return 'not-approved';
    const { status: _status, ...instruction } = payment;
    try {
      const { financeReference } = await this.finance.instruct(instruction);
      await this.instructions.markInstructed(payment.paymentId, financeReference, this.clock.now());
      return 'instructed';
    } catch (error) {
      if (!(error instanceof FinanceRejectedError)) throw error;
      await this.instructions.markFailed(payment.paymentId, this.clock.now());
      return 'rejected';
    }
  }
}
