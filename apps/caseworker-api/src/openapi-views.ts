// The bodies of the caseworker API's answers that no DTO class describes, as TypeScript types over the use cases'
// own results. `npm run openapi` turns each exported type into a schema in the document's `components`
// (ts-json-schema-generator), and the routes refer to them by name with `@ApiView`.
import type {
  RefusalsByCharacteristicAnswer,
  ReportPeriod,
  SearchHit,
  ServiceLevelFigures,
  TimeToDecision,
  WeekCounts,
} from '@redress/application';
import type { AwardBreakdown, JudgedAssessment } from '@redress/domain';

/** Who may see a restricted claim, and the claim's new version. */
export interface ClaimRestriction {
  version: number;
  staffIds: string[];
}

/** A stored eligibility re-run with the findings it judged. */
export interface JudgementsRecorded {
  /** @format uuid */
  eligibilityRunId: string;
  assessment: JudgedAssessment;
  version: number;
}

/** A stored award calculation. */
export interface AwardCalculation {
  /** @format uuid */
  id: string;
  breakdown: AwardBreakdown;
}

/** A decision sent back by the senior caseworker. */
export interface DecisionReturned {
  /** @format uuid */
  id: string;
  status: 'returned';
  version: number;
}

/** A review request recorded for the victim. */
export interface ReviewRecorded {
  /** @format uuid */
  id: string;
  late: boolean;
  version: number;
}

/** An appeal, or its outcome, recorded. */
export interface AppealRecorded {
  /** @format uuid */
  id: string;
  version: number;
}

/** Claims matching a search. */
export interface ClaimSearchResults {
  claims: SearchHit[];
}

export interface ClaimsPerWeek {
  period: ReportPeriod;
  weeks: WeekCounts[];
}

export type TimeToDecisionFigures = { period: ReportPeriod } & TimeToDecision;

export type ServiceLevelReport = { period: ReportPeriod } & ServiceLevelFigures;

export interface DecisionOutcomes {
  period: ReportPeriod;
  byKind: Array<{ kind: string; onReview: boolean; count: number }>;
  refusalGrounds: Array<{ ground: string; paragraphs: string[]; count: number }>;
}

export type RefusalsByCharacteristic = RefusalsByCharacteristicAnswer;
