import {
  ReportQueries,
  type MonitoredDecision,
  type OutcomeFigures,
  type ReportPeriod,
  type ServiceLevelFigures,
  type TimeToDecision,
  type WeekCounts,
} from '@redress/application';
import type { ApplicantAnswers } from '@redress/domain';
import type { DataSource } from 'typeorm';
import type { CaseworkCipher } from '../casework/casework-ports.js';
import { caseworkContext } from '../casework/postgres-case-file-store.js';

// Instants of a UK-dated period: from the start of `from` to the start of the day after `to`, London time.
const RECEIVED_IN_PERIOD = `c.submitted_at >= ($1::date::timestamp AT TIME ZONE 'Europe/London')
  AND c.submitted_at < (($2::date + 1)::timestamp AT TIME ZONE 'Europe/London')`;
// A first decision that took effect (made, or since superseded on review) in the period.
const FIRST_DECISION_IN_PERIOD = `d.on_review = false AND d.status IN ('made', 'superseded') AND d.decided_on BETWEEN $1 AND $2`;

/** Management information over clear columns (ids, codes, amounts, dates); only fairness monitoring decrypts. */
export class PostgresReportQueries extends ReportQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: CaseworkCipher,
  ) {
    super();
  }

  async claimsPerWeek(period: ReportPeriod): Promise<WeekCounts[]> {
    const rows = await this.dataSource.query<Array<{ week: string; received: number; decided: number }>>(
      `WITH weeks AS (
         SELECT generate_series(date_trunc('week', $1::date), date_trunc('week', $2::date), interval '1 week')::date AS week),
       received AS (
         SELECT date_trunc('week', (c.submitted_at AT TIME ZONE 'Europe/London'))::date AS week, count(*)::int AS n
           FROM claim c WHERE ${RECEIVED_IN_PERIOD} GROUP BY 1),
       decided AS (
         SELECT date_trunc('week', d.decided_on)::date AS week, count(*)::int AS n
           FROM claim_decision d WHERE ${FIRST_DECISION_IN_PERIOD} GROUP BY 1)
       SELECT w.week::text AS week, coalesce(r.n, 0) AS received, coalesce(d.n, 0) AS decided
         FROM weeks w LEFT JOIN received r ON r.week = w.week LEFT JOIN decided d ON d.week = w.week ORDER BY w.week`,
      [period.from, period.to],
    );
    return rows.map((row) => ({ weekStarting: row.week, received: row.received, decided: row.decided }));
  }

  async timeToDecision(period: ReportPeriod): Promise<TimeToDecision> {
    const [row] = await this.dataSource.query<Array<{ n: number; median: number | null; p90: number | null }>>(
      `SELECT count(*)::int AS n,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS p90
         FROM (SELECT d.decided_on - (c.submitted_at AT TIME ZONE 'Europe/London')::date AS days
                 FROM claim_decision d JOIN claim c ON c.id = d.claim_id WHERE ${FIRST_DECISION_IN_PERIOD}) s`,
      [period.from, period.to],
    );
    return { decisions: row?.n ?? 0, medianDays: row?.median ?? null, p90Days: row?.p90 ?? null };
  }

  async serviceLevel(period: ReportPeriod, now: Date): Promise<ServiceLevelFigures> {
    const [open] = await this.dataSource.query<Array<{ total: number; breached: number }>>(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE service_level_due_at < $1 AND service_level_paused_since IS NULL)::int AS breached
         FROM claim WHERE status IN ('submitted', 'triaged', 'in_assessment', 'awaiting_information',
           'decision_pending_approval', 'reopened')`,
      [now],
    );
    const [decided] = await this.dataSource.query<Array<{ total: number; late: number }>>(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE coalesce(d.approved_at, d.proposed_at) > c.service_level_due_at)::int AS late
         FROM claim_decision d JOIN claim c ON c.id = d.claim_id WHERE ${FIRST_DECISION_IN_PERIOD}`,
      [period.from, period.to],
    );
    return {
      openClaims: open?.total ?? 0,
      openBreached: open?.breached ?? 0,
      decisions: decided?.total ?? 0,
      decidedLate: decided?.late ?? 0,
    };
  }

  async outcomes(period: ReportPeriod): Promise<OutcomeFigures> {
    const inPeriod = `d.status IN ('made', 'superseded') AND d.decided_on BETWEEN $1 AND $2`;
    const byKind = await this.dataSource.query<Array<{ kind: string; on_review: boolean; count: number }>>(
      `SELECT d.kind, d.on_review, count(*)::int AS count FROM claim_decision d WHERE ${inPeriod}
        GROUP BY d.kind, d.on_review ORDER BY d.on_review, d.kind`,
      [period.from, period.to],
    );
    const grounds = await this.dataSource.query<Array<{ ground: string; count: number }>>(
      `SELECT g.ground, count(*)::int AS count FROM claim_decision d, unnest(d.grounds) AS g(ground)
        WHERE ${inPeriod} AND d.kind = 'refusal' GROUP BY g.ground ORDER BY count DESC, g.ground`,
      [period.from, period.to],
    );
    return {
      byKind: byKind.map((row) => ({ kind: row.kind, onReview: row.on_review, count: row.count })),
      refusalGrounds: grounds,
    };
  }

  async monitoredDecisions(period: ReportPeriod): Promise<MonitoredDecision[]> {
    const rows = await this.dataSource.query<
      Array<{ kind: string; grounds: string[]; application_id: string; answers_encrypted: string | null }>
    >(
      `SELECT d.kind, d.grounds, c.application_id, s.answers_encrypted
         FROM claim_decision d JOIN claim c ON c.id = d.claim_id
         LEFT JOIN application_section s ON s.application_id = c.application_id AND s.section = 'applicant' AND NOT s.set_aside
        WHERE ${FIRST_DECISION_IN_PERIOD}`,
      [period.from, period.to],
    );
    return rows.map((row) => {
      const given = row.answers_encrypted
        ? this.cipher.decryptJson<ApplicantAnswers>(
            row.answers_encrypted,
            caseworkContext.section(row.application_id, 'applicant'),
          ).protectedCharacteristics
        : undefined;
      const characteristics: Record<string, string> = {};
      for (const [name, value] of Object.entries(given ?? {})) {
        if (typeof value === 'string' && value.trim()) characteristics[name] = value.trim().toLowerCase();
        if (typeof value === 'boolean') characteristics[name] = value ? 'yes' : 'no';
      }
      return { kind: row.kind, grounds: row.grounds, characteristics };
    });
  }
}
