import { calendarDateInUk, decisionGrounds, isDecisionGround } from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { ReportQueries, reportPeriod, type ReportPeriod } from '../report-queries.js';
import type { DecisionOutcomesReportCommand } from './decision-outcomes.command.js';

/** Decisions made in the period by kind (first and on review), and the grounds of refusals with their paragraphs. */
export class DecisionOutcomesReport {
  constructor(
    private readonly queries: ReportQueries,
    private readonly clock: Clock,
  ) {}

  async execute(command: DecisionOutcomesReportCommand): Promise<{
    period: ReportPeriod;
    byKind: ReadonlyArray<{ kind: string; onReview: boolean; count: number }>;
    refusalGrounds: Array<{ ground: string; paragraphs: readonly string[]; count: number }>;
  }> {
    const period = reportPeriod(command.from, command.to, calendarDateInUk(this.clock.now()));
    const figures = await this.queries.outcomes(period);
    return {
      period,
      byKind: figures.byKind,
      refusalGrounds: figures.refusalGrounds.map((row) => ({
        ...row,
        paragraphs: isDecisionGround(row.ground) ? decisionGrounds[row.ground].paragraphs : [],
      })),
    };
  }
}
