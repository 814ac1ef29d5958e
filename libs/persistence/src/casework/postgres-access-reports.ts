import { AccessReports, type OutOfTeamRead, type ReportPeriod } from '@redress/application';
import type { DataSource } from 'typeorm';

/** Break-the-glass reads from the access log (audit_log `claim.read` entries marked `breakGlass`). */
export class PostgresAccessReports extends AccessReports {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async outOfTeamReads(team: string, period: ReportPeriod, limit: number): Promise<OutOfTeamRead[]> {
    const rows = await this.dataSource.query<
      Array<{ occurred_at: Date; reference: string; actor_id: string; details: Record<string, unknown> }>
    >(
      `SELECT a.occurred_at, c.reference, a.actor_id, a.details
         FROM audit_log a JOIN claim c ON c.id::text = a.target_id
        WHERE a.action = 'claim.read' AND a.details->>'breakGlass' = 'true' AND a.details->>'claimTeam' = $1
          AND (a.occurred_at AT TIME ZONE 'Europe/London')::date BETWEEN $2::date AND $3::date
        ORDER BY a.occurred_at DESC, a.sequence DESC LIMIT $4`,
      [team, period.from, period.to, limit],
    );
    return rows.map((row) => ({
      at: row.occurred_at,
      reference: row.reference,
      staffId: row.actor_id,
      staffTeam: typeof row.details.team === 'string' ? row.details.team : null,
      purpose: String(row.details.purpose),
      reason: String(row.details.reason),
    }));
  }
}
