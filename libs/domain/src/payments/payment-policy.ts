import { ageOn, dateOfAttainingAge, type IsoDate } from '../shared/calendar-date.js';
import { DomainError, DomainErrorKind } from '../shared/domain-error.js';

export const paymentKinds = ['interim', 'final'] as const;
export type PaymentKind = (typeof paymentKinds)[number];

export const payeeKinds = [
  'victim',
  'representative',
  'parent-or-guardian',
  'deputy',
  'trust',
  'child-trust-fund',
] as const;
export type PayeeKind = (typeof payeeKinds)[number];

/** The age at which a child's award is released to them. */
export const AGE_OF_RELEASE = 18;

/**
 * A child's award is held (in an interest-bearing account or trust) until they turn 18, unless a caseworker
 * decides it should be paid for the child's benefit now (para 92 and the CICA's practice): the date it is held to.
 */
export function holdUntilForChild(dateOfBirth: IsoDate | null, on: IsoDate): IsoDate | null {
  if (!dateOfBirth) return null;
  return ageOn(dateOfBirth, on) < AGE_OF_RELEASE ? dateOfAttainingAge(dateOfBirth, AGE_OF_RELEASE) : null;
}

export interface PaymentPlan {
  readonly kind: PaymentKind;
  readonly amountPence: number;
  /** The award decided (total payable before interim payments), pence. */
  readonly awardPence: number;
  /** Payments already made or instructed on this claim, pence. */
  readonly alreadyPaidPence: number;
  /** Whether the victim has accepted the award (the claim is `accepted`). */
  readonly accepted: boolean;
}

function refuse(code: string, message: string): DomainError {
  return new DomainError(code, DomainErrorKind.Unprocessable, message);
}

/**
 * Interim payments may be made before the award is final (para 96 ff.), never beyond it; the final payment is
 * the balance, made only once the victim has accepted the award.
 */
export function checkPayment(plan: PaymentPlan): void {
  if (!Number.isSafeInteger(plan.amountPence) || plan.amountPence <= 0) {
    throw new DomainError(
      'payment.invalid-amount',
      DomainErrorKind.InvalidInput,
      'A payment is a positive amount in pence.',
    );
  }
  const balance = plan.awardPence - plan.alreadyPaidPence;
  if (plan.kind === 'final') {
    if (!plan.accepted)
      throw refuse('payment.not-accepted', 'The final payment is made only after the victim accepts the award.');
    if (plan.amountPence !== balance) {
      throw refuse('payment.final-not-balance', `The final payment is the balance of the award: ${balance} pence.`);
    }
  } else if (plan.amountPence > balance) {
    throw refuse(
      'payment.interim-exceeds-award',
      `An interim payment cannot exceed the balance of the award (${balance} pence).`,
    );
  }
}

/**
 * Before the award is final, interim payments together may reach only a share of the latest award calculation
 * (the sum a senior caseworker approves in principle when approving the first payment on it): a payment proposed
 * in error or in bad faith stays well short of the whole award.
 */
export function checkInterimShare(plan: {
  amountPence: number;
  calculationPence: number;
  /** Interim payments proposed, approved or made on the claim (not failed), pence. */
  interimSoFarPence: number;
  maxPercent: number;
}): void {
  const cap = Math.floor((plan.calculationPence * plan.maxPercent) / 100);
  if (plan.interimSoFarPence + plan.amountPence > cap) {
    throw refuse(
      'payment.interim-exceeds-share',
      `Interim payments may come to at most ${plan.maxPercent}% of the latest award calculation ` +
        `(${cap} pence; ${plan.interimSoFarPence} pence is already paid or proposed).`,
    );
  }
}

/**
 * Four eyes on money: a payment is approved by a senior caseworker who neither proposed it nor calculated the
 * award it is paid from.
 */
export function checkPaymentApproval(approval: {
  approverId: string;
  approverIsSenior: boolean;
  proposerId: string;
  calculatorIds: readonly string[];
}): void {
  const forbidden = (code: string, message: string) => new DomainError(code, DomainErrorKind.Forbidden, message);
  if (!approval.approverIsSenior) {
    throw forbidden('payment.approver-not-senior', 'A payment is approved by a senior caseworker.');
  }
  if (approval.approverId === approval.proposerId) {
    throw forbidden('payment.own-proposal', 'You proposed this payment: another senior caseworker must approve it.');
  }
  if (approval.calculatorIds.includes(approval.approverId)) {
    throw forbidden(
      'payment.own-calculation',
      'You calculated the award this payment comes from: another senior caseworker must approve it.',
    );
  }
}
