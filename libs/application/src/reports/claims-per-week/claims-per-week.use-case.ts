import { calendarDateInUk } from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { ReportQueries, reportPeriod, type ReportPeriod, type WeekCounts } from '../report-queries.js';
import type { ClaimsPerWeekReportCommand } from './claims-per-week.command.js';

/** Claims received and first decisions made, per week (Monday to Sunday, UK time). */
export class ClaimsPerWeekReport {
  constructor(
    private readonly queries: ReportQueries,
    private readonly clock: Clock,
  ) {}

  async execute(command: ClaimsPerWeekReportCommand): Promise<{ period: ReportPeriod; weeks: WeekCounts[] }> {
    const period = reportPeriod(command.from, command.to, calendarDateInUk(this.clock.now()));
    return { period, weeks: await this.queries.claimsPerWeek(period) };
  }
}
