/**
 * Shapes of the award calculation contract (shared/domain/awards.md). All money is integer pence;
 * all dates are ISO calendar dates (YYYY-MM-DD).
 */

/** Part A: physical and mental injuries. Part B: sexual and physical abuse and the other payments of Annex E. */
export type TariffPart = 'A' | 'B';

/** One entry of the tariff of injuries (CICS 2012 Annex E), as `tariffFor()` returns it. */
export interface TariffEntry {
  readonly code: string;
  readonly description: string;
  readonly part: TariffPart;
  readonly bodyArea: string;
  readonly amountPence: number;
  /** Paid in full on top of the multiple-injury formula (pregnancy, loss of foetus, infection from a sexual assault). */
  readonly outsideMultipleInjuryFormula: boolean;
  /** Where the figure comes from, and what corroborates it. */
  readonly source: string;
  /** True only where the figure was checked against the scheme text or a near-primary source quoting it. */
  readonly verified: boolean;
}

export const SPECIAL_EXPENSE_KINDS = ['aids', 'care', 'equipment', 'adaptations', 'treatment', 'deputyship'] as const;
export type SpecialExpenseKind = (typeof SPECIAL_EXPENSE_KINDS)[number];

export interface AwardInput {
  /** Optional; by default the edition in force on `decidedOn`. */
  readonly edition?: string | null;
  readonly decidedOn: string;
  readonly injuries: readonly { readonly code: string }[];
  readonly lossOfEarnings?: { readonly weeksUnableToWork: number; readonly metWorkTest: boolean } | null;
  readonly specialExpenses?: readonly { readonly kind: SpecialExpenseKind; readonly amountPence: number }[];
  readonly fatal?: {
    readonly bereavement?: { readonly otherQualifyingRelatives: number } | null;
    readonly childPayment?: { readonly dateOfBirth: string; readonly dateOfDeath: string } | null;
    readonly funeral?: { readonly costsPence: number } | null;
  } | null;
  /** 0-100, decided by a caseworker (conduct, character, Annex D 4). */
  readonly reductionPercent?: number;
  /** Other compensation for the same injury. */
  readonly deductionsPence?: number;
  /** Interim payments already made. */
  readonly interimPaidPence?: number;
}

export interface InjuryLine {
  readonly kind: 'injury';
  readonly code: string;
  readonly description: string;
  readonly tariffPence: number;
  /** 100, 30 or 15 within the formula; 100 outside it; 0 for a fourth or later injury. */
  readonly percent: number;
  readonly amountPence: number;
}

export interface LossOfEarningsLine {
  readonly kind: 'loss-of-earnings';
  readonly weeksPaid: number;
  readonly firstWeekPaid: number;
  readonly lastWeekPaid: number;
  readonly weeklyRatePence: number;
  /** The date from which the statutory sick pay rate used was in force. */
  readonly rateEffectiveFrom: string;
  readonly amountPence: number;
}

export interface SpecialExpenseLine {
  readonly kind: 'special-expense';
  readonly expenseKind: SpecialExpenseKind;
  readonly amountPence: number;
}

export interface BereavementLine {
  readonly kind: 'bereavement';
  readonly otherQualifyingRelatives: number;
  readonly amountPence: number;
}

export interface ChildPaymentLine {
  readonly kind: 'child-payment';
  readonly dateOfDeath: string;
  /** The child's 18th birthday. */
  readonly untilDate: string;
  readonly wholeYears: number;
  readonly extraDays: number;
  readonly amountPence: number;
}

export interface FuneralLine {
  readonly kind: 'funeral';
  readonly costsPence: number;
  readonly standardPence: number;
  readonly additionalPence: number;
  readonly amountPence: number;
}

export type AwardLine =
  InjuryLine | LossOfEarningsLine | SpecialExpenseLine | BereavementLine | ChildPaymentLine | FuneralLine;

export interface AwardBreakdown {
  readonly edition: string;
  readonly lines: readonly AwardLine[];
  readonly grossPence: number;
  readonly capApplied: boolean;
  readonly reductionPence: number;
  readonly deductionsPence: number;
  readonly interimPaidPence: number;
  /** Payable now; never below zero. */
  readonly totalPence: number;
  /** Plain-English lines for the decision letter. */
  readonly explanation: readonly string[];
}
