import { calendarDateInUk } from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { ReportQueries, reportPeriod, type ReportPeriod, type ServiceLevelFigures } from '../report-queries.js';
import type { ServiceLevelBreachesReportCommand } from './service-level-breaches.command.js';

/** Open claims past their service-level date now, and first decisions of the period made after it. */
export class ServiceLevelBreachesReport {
  constructor(
    private readonly queries: ReportQueries,
    private readonly clock: Clock,
  ) {}

  async execute(command: ServiceLevelBreachesReportCommand): Promise<{ period: ReportPeriod } & ServiceLevelFigures> {
    const now = this.clock.now();
    const period = reportPeriod(command.from, command.to, calendarDateInUk(now));
    return { period, ...(await this.queries.serviceLevel(period, now)) };
  }
}
