import { calendarDateInUk } from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { ReportQueries, reportPeriod, type ReportPeriod, type TimeToDecision } from '../report-queries.js';
import type { TimeToDecisionReportCommand } from './time-to-decision.command.js';

/** Days from submission to the first decision taking effect, for decisions made in the period: median and 90th percentile. */
export class TimeToDecisionReport {
  constructor(
    private readonly queries: ReportQueries,
    private readonly clock: Clock,
  ) {}

  async execute(command: TimeToDecisionReportCommand): Promise<{ period: ReportPeriod } & TimeToDecision> {
    const period = reportPeriod(command.from, command.to, calendarDateInUk(this.clock.now()));
    return { period, ...(await this.queries.timeToDecision(period)) };
  }
}
