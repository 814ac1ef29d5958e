import { DomainError, DomainErrorKind, addDays, daysBetween, isAfter, type IsoDate } from '@redress/domain';

/** Days from and to, both included, in UK dates. */
export interface ReportPeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export interface WeekCounts {
  /** The Monday the week starts on. */
  readonly weekStarting: IsoDate;
  readonly received: number;
  readonly decided: number;
}

export interface TimeToDecision {
  readonly decisions: number;
  /** Days from submission to the decision taking effect; `null` when there were none. */
  readonly medianDays: number | null;
  readonly p90Days: number | null;
}

export interface ServiceLevelFigures {
  /** Claims without a decision now, and those of them past their service-level date with the clock running. */
  readonly openClaims: number;
  readonly openBreached: number;
  /** First decisions made in the period, and those made after the service-level date. */
  readonly decisions: number;
  readonly decidedLate: number;
}

export interface OutcomeFigures {
  readonly byKind: ReadonlyArray<{ kind: string; onReview: boolean; count: number }>;
  readonly refusalGrounds: ReadonlyArray<{ ground: string; count: number }>;
}

/** One decision made in the period with what the victim chose to tell about themselves (decrypted by the adapter). */
export interface MonitoredDecision {
  readonly kind: string;
  readonly grounds: readonly string[];
  /** Only what was given: an unanswered characteristic is absent. */
  readonly characteristics: Readonly<Record<string, string>>;
}

export abstract class ReportQueries {
  abstract claimsPerWeek(period: ReportPeriod): Promise<WeekCounts[]>;
  abstract timeToDecision(period: ReportPeriod): Promise<TimeToDecision>;
  abstract serviceLevel(period: ReportPeriod, now: Date): Promise<ServiceLevelFigures>;
  abstract outcomes(period: ReportPeriod): Promise<OutcomeFigures>;
  abstract monitoredDecisions(period: ReportPeriod): Promise<MonitoredDecision[]>;
}

export const MAX_REPORT_DAYS = 731;

/** The period asked for, or the last 12 weeks to `today`; at most two years, `from` not after `to`. */
export function reportPeriod(from: IsoDate | undefined, to: IsoDate | undefined, today: IsoDate): ReportPeriod {
  const end = to ?? today;
  const start = from ?? addDays(end, -83);
  if (isAfter(start, end) || daysBetween(start, end) > MAX_REPORT_DAYS) {
    throw new DomainError('report.invalid-period', DomainErrorKind.InvalidInput, 'The period is not valid.', [
      { field: 'from', message: `from must be on or before to, and at most ${MAX_REPORT_DAYS} days before it` },
    ]);
  }
  return { from: start, to: end };
}

/** Small counts could single a person out: counts under 5 (but above 0) are withheld (see `suppressTable`). */
export const SUPPRESS_BELOW = 5;
