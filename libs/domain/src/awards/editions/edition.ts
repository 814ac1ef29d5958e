import type { TariffEntry } from '../award-types.js';

/** A fixed figure of an edition, with where it comes from and whether it was checked against the scheme text. */
export interface AwardFigure {
  readonly value: number;
  readonly source: string;
  readonly verified: boolean;
}

/** A weekly statutory sick pay rate and the date from which it was in force. */
export interface StatutorySickPayRate {
  readonly effectiveFrom: string;
  readonly weeklyPence: number;
  readonly source: string;
  readonly verified: boolean;
}

/** The adjustments made to the gross award, in the order the edition applies them. */
export type AdjustmentStep = 'cap' | 'reduction' | 'deductions' | 'interim';

/** Everything an award calculation needs from one edition of the scheme. No amount lives in code. */
export interface AwardEdition {
  readonly name: string;
  /** First day on which the edition applies (to decisions made on or after it). */
  readonly inForceFrom: string;
  readonly source: string;
  readonly tariff: readonly TariffEntry[];
  /** Percentages paid on the highest, second and third injury; later injuries get nothing. */
  readonly multipleInjuryPercents: AwardFigure & { readonly percents: readonly number[] };
  readonly amounts: {
    readonly minimumInjuryPence: AwardFigure;
    readonly maximumAwardPence: AwardFigure;
    readonly bereavementSolePence: AwardFigure;
    readonly bereavementSharedPence: AwardFigure;
    readonly childPaymentPerYearPence: AwardFigure;
    readonly funeralStandardPence: AwardFigure;
    readonly funeralMaximumPence: AwardFigure;
  };
  readonly periods: {
    /** Loss of earnings and special expenses need incapacity for more than this many weeks; LoE is paid from the next week. */
    readonly incapacityQualifyingWeeks: AwardFigure;
    readonly childPaymentUntilAge: AwardFigure;
    /** Days in a year for the pro rata part year of the child's payment. */
    readonly childPaymentDaysInYear: AwardFigure;
  };
  readonly statutorySickPayRates: readonly StatutorySickPayRate[];
  readonly adjustmentOrder: {
    readonly steps: readonly AdjustmentStep[];
    readonly source: string;
    readonly verified: boolean;
  };
}
