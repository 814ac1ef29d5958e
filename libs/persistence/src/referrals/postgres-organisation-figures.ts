import { OrganisationFiguresStore } from '@redress/application';
import type { DataSource } from 'typeorm';

/** Referrals received and accepted, and the median time from sending to first contact, from the referral table. */
export class PostgresOrganisationFigures extends OrganisationFiguresStore {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async figures(organisationId: string) {
    const [row] = await this.dataSource.query<
      Array<{ received: number; accepted: number; median_seconds: number | null }>
    >(
      `SELECT count(*)::int AS received,
              count(*) FILTER (WHERE decided_at IS NOT NULL AND decline_reason IS NULL
                               AND status IN ('accepted', 'in_progress', 'closed'))::int AS accepted,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM started_at - sent_at))
                FILTER (WHERE started_at IS NOT NULL) AS median_seconds
         FROM referral WHERE organization_id = $1 AND sent_at IS NOT NULL`,
      [organisationId],
    );
    return {
      received: row?.received ?? 0,
      accepted: row?.accepted ?? 0,
      medianHoursToFirstContact:
        row?.median_seconds === null || row?.median_seconds === undefined
          ? null
          : Math.round((Number(row.median_seconds) / 3600) * 10) / 10,
    };
  }
}
