import {
  AccessHistoryQueries,
  type AccessHistoryPosition,
  type AccessReader,
  type AccessReadGroup,
  type StaffRoleName,
} from '@redress/application';
import type { DataSource } from 'typeorm';

interface GroupRow {
  hour: Date;
  first_sequence: string;
  target_type: 'claim' | 'referral';
  target_id: string;
  claim_reference: string | null;
  reader_kind: 'staff' | 'support-organisation';
  role: string | null;
  team: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
  purpose: string;
  views: string[];
  count: string;
  first_at: Date;
  last_at: Date;
}

/**
 * The role a staff read was made in, from the roles the token carried: an auditor's audit read is the auditor's;
 * otherwise the most senior casework role. Caseworkers, senior caseworkers and team leaders are named with their
 * team; auditors and administrators work across teams and are not.
 */
const STAFF_ROLE = `CASE
    WHEN a.details->>'purpose' = 'audit' AND a.details->'roles' ? 'auditor' THEN 'auditor'
    WHEN a.details->'roles' ? 'team-leader' THEN 'team-leader'
    WHEN a.details->'roles' ? 'senior-caseworker' THEN 'senior-caseworker'
    WHEN a.details->'roles' ? 'caseworker' THEN 'caseworker'
    WHEN a.details->'roles' ? 'auditor' THEN 'auditor'
    WHEN a.details->'roles' ? 'administrator' THEN 'administrator'
    ELSE 'staff' END`;

/** The query and its parameters (exported for the EXPLAIN check in test/citizen-access-history.e2e-spec.ts). */
export function accessHistoryQuery(
  citizenId: string,
  options: { readonly after: AccessHistoryPosition | null; readonly limit: number },
): { sql: string; parameters: unknown[] } {
  const { after } = options;
  return {
    sql: `WITH my_claims AS (
     SELECT id::text AS id, reference FROM claim WHERE owner_citizen_id = $1
   ),
   my_referrals AS (
     SELECT r.id::text AS id, c.reference AS claim_reference
     FROM referral r LEFT JOIN claim c ON c.id = r.claim_id AND c.owner_citizen_id = $1
     WHERE r.citizen_id = $1
   ),
   reads AS (
     SELECT a.sequence, a.occurred_at, 'claim' AS target_type, c.id AS target_id, c.reference AS claim_reference,
            'staff' AS reader_kind, ${STAFF_ROLE} AS role, a.details AS details, NULL::text AS organisation_id,
            coalesce(a.details->>'purpose', 'casework') AS purpose
     FROM my_claims c
     JOIN audit_log a ON a.target_type = 'claim' AND a.target_id = c.id
     WHERE a.action = 'claim.read' AND a.actor_type = 'staff' AND ($2::timestamptz IS NULL OR a.occurred_at < $2)
     UNION ALL
     SELECT a.sequence, a.occurred_at, 'referral', r.id, r.claim_reference,
            'support-organisation', NULL, a.details, a.details->>'organisationId', 'support-referral'
     FROM my_referrals r
     JOIN audit_log a ON a.target_type = 'referral' AND a.target_id = r.id
     WHERE a.action = 'referral.read' AND a.actor_type = 'partner' AND ($2::timestamptz IS NULL OR a.occurred_at < $2)
     UNION ALL
     SELECT a.sequence, a.occurred_at, 'referral', r.id, r.claim_reference,
            'support-organisation', NULL, a.details, a.details->>'organisationId', 'support-referral'
     FROM audit_log a
     CROSS JOIN LATERAL jsonb_array_elements_text(a.details->'referralIds') AS listed(id)
     JOIN my_referrals r ON r.id = listed.id
     WHERE a.action = 'referral.read' AND a.actor_type = 'partner' AND a.target_type = 'referral'
       AND a.target_id IS NULL
       AND a.details->'referralIds' ?| (SELECT coalesce(array_agg(id), '{}') FROM my_referrals)
       AND ($2::timestamptz IS NULL OR a.occurred_at < $2)
   ),
   named AS (
     SELECT sequence, occurred_at, target_type, target_id, claim_reference, reader_kind, role,
            CASE WHEN role IN ('caseworker', 'senior-caseworker', 'team-leader') THEN details->>'team' END AS team,
            organisation_id, purpose, coalesce(details->>'view', 'claim') AS view,
            date_trunc('hour', occurred_at, 'UTC') AS hour
     FROM reads
   ),
   groups AS (
     SELECT hour, min(sequence) AS first_sequence, target_type, target_id, claim_reference, reader_kind, role, team,
            organisation_id, purpose, array_agg(DISTINCT view ORDER BY view) AS views, count(*) AS count,
            min(occurred_at) AS first_at, max(occurred_at) AS last_at
     FROM named
     GROUP BY hour, target_type, target_id, claim_reference, reader_kind, role, team, organisation_id, purpose
   )
   SELECT g.*, o.name AS organisation_name
   FROM groups g
   LEFT JOIN directory_organization o ON o.id::text = g.organisation_id
   WHERE $3::timestamptz IS NULL OR (g.hour, g.first_sequence, g.target_id) < ($3, $4::bigint, $5::text)
   ORDER BY g.hour DESC, g.first_sequence DESC, g.target_id DESC
   LIMIT $6`,
    parameters: [
      citizenId,
      // Rows of the cursor's hour and older: groups of later hours came before it.
      after ? new Date(after.hour.getTime() + 3_600_000) : null,
      after?.hour ?? null,
      after?.firstSequence ?? null,
      after?.targetId ?? null,
      options.limit,
    ],
  };
}

/**
 * Reads of a citizen's claims and referrals from the audit log (never the citizen's own: staff `claim.read` and
 * partner `referral.read` only), grouped per clock hour (UTC), claim or referral, reader and purpose, in one query.
 *
 * - staff reads of a claim: `claim.read`, target the claim (audit_log_target_idx);
 * - a partner's read of one referral: `referral.read`, target the referral (same index);
 * - a partner's list read names every referral it returned in `details.referralIds`, target null
 *   (audit_log_referral_list_reads_idx, a GIN index on those ids).
 *
 * Rows newer than the cursor's hour are left out before grouping; the groups are then compared with the cursor whole.
 * Restricted claims are included: the reads are of the owner's own data.
 */
export class PostgresAccessHistoryQueries extends AccessHistoryQueries {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async page(
    citizenId: string,
    options: { readonly after: AccessHistoryPosition | null; readonly limit: number },
  ): Promise<AccessReadGroup[]> {
    const { sql, parameters } = accessHistoryQuery(citizenId, options);
    const rows = await this.dataSource.query<GroupRow[]>(sql, parameters);
    return rows.map(toGroup);
  }
}

function toGroup(row: GroupRow): AccessReadGroup {
  const reader: AccessReader =
    row.reader_kind === 'staff'
      ? { kind: 'staff', role: (row.role ?? 'staff') as StaffRoleName | 'staff', team: row.team }
      : {
          kind: 'support-organisation',
          organisationId: row.organisation_id ?? '',
          organisationName: row.organisation_name,
        };
  return {
    position: { hour: row.hour, firstSequence: Number(row.first_sequence), targetId: row.target_id },
    target:
      row.target_type === 'claim'
        ? { type: 'claim', claimId: row.target_id, claimReference: row.claim_reference ?? '' }
        : { type: 'referral', referralId: row.target_id, claimReference: row.claim_reference },
    reader,
    purpose: row.purpose,
    views: row.views,
    count: Number(row.count),
    firstAt: row.first_at,
    lastAt: row.last_at,
  };
}
