import { calendarDateInUk, type IsoDate } from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { forbidden, type StaffActor } from '../../staff/staff-actor.js';
import { reportPeriod, type ReportPeriod } from '../report-queries.js';

/** One read of a team's claim by someone outside the team (break the glass), as the access log holds it. */
export interface OutOfTeamRead {
  readonly at: Date;
  readonly reference: string;
  readonly staffId: string;
  readonly staffTeam: string | null;
  readonly purpose: string;
  readonly reason: string;
}

export abstract class AccessReports {
  /** Break-the-glass reads of `team`'s claims in the period (UK dates), newest first, at most `limit`. */
  abstract outOfTeamReads(team: string, period: ReportPeriod, limit: number): Promise<OutOfTeamRead[]>;
}

export const OUT_OF_TEAM_READS_LIMIT = 1000;

/**
 * A team leader's report of who opened their team's claims from outside the team, when, and why (the purpose and
 * the reason they gave). Only for the leader's own team.
 */
export class OutOfTeamReadsReport {
  constructor(
    private readonly reports: AccessReports,
    private readonly clock: Clock,
  ) {}

  async execute(command: {
    actor: StaffActor;
    from?: IsoDate;
    to?: IsoDate;
  }): Promise<{ period: ReportPeriod; team: string; reads: OutOfTeamRead[]; truncated: boolean }> {
    const team = command.actor.team;
    if (!team) throw forbidden('report.no-team', 'This report is for the leader of a team; you have none.');
    const period = reportPeriod(command.from, command.to, calendarDateInUk(this.clock.now()));
    const reads = await this.reports.outOfTeamReads(team, period, OUT_OF_TEAM_READS_LIMIT + 1);
    return {
      period,
      team,
      reads: reads.slice(0, OUT_OF_TEAM_READS_LIMIT),
      truncated: reads.length > OUT_OF_TEAM_READS_LIMIT,
    };
  }
}
