import {
  COUNTRY_CODES,
  REFERRAL_CIRCUMSTANCES_TAXONOMY,
  REFERRAL_NEEDS_TAXONOMY,
  type DirectoryService,
  type MatchLocation,
  type ServiceArea,
} from '@redress/domain';
import { SupportDirectory } from '@redress/application';
import type { DataSource } from 'typeorm';

interface CandidateRow {
  id: string;
  organization_id: string;
  name: string;
  organization_name: string;
  minimum_age: number | null;
  maximum_age: number | null;
  accepting_referrals: boolean;
  service_terms: string[];
  circumstance_terms: string[];
  areas: ServiceArea[];
  decided: string;
  accepted: string;
  median_hours: number | null;
}

/**
 * Active services that work where the person lives, with their record of answering referrals (decided,
 * accepted, median hours from sending to the first answer), computed from the referral table itself.
 */
export const CANDIDATE_SERVICES_SQL = `
  SELECT s.id, s.organization_id, s.name, o.name AS organization_name, s.minimum_age, s.maximum_age,
         s.accepting_referrals,
         COALESCE(terms.service_terms, '{}') AS service_terms,
         COALESCE(terms.circumstance_terms, '{}') AS circumstance_terms,
         areas.areas,
         COALESCE(record.decided, 0) AS decided,
         COALESCE(record.accepted, 0) AS accepted,
         record.median_hours
  FROM directory_service s
  JOIN directory_organization o ON o.id = s.organization_id
  JOIN LATERAL (
    SELECT json_agg(json_build_object('type', a.area_type, 'code', a.code, 'name', a.name)) AS areas
    FROM directory_service_area a WHERE a.service_id = s.id
  ) areas ON true
  LEFT JOIN LATERAL (
    SELECT array_agg(t.code) FILTER (WHERE t.taxonomy = $4) AS service_terms,
           array_agg(t.code) FILTER (WHERE t.taxonomy = $5) AS circumstance_terms
    FROM directory_service_attribute at JOIN directory_taxonomy_term t ON t.id = at.taxonomy_term_id
    WHERE at.service_id = s.id
  ) terms ON true
  LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE r.decided_at IS NOT NULL) AS decided,
           count(*) FILTER (WHERE r.decided_at IS NOT NULL AND r.decline_reason IS NULL) AS accepted,
           percentile_cont(0.5) WITHIN GROUP (
             ORDER BY extract(epoch FROM COALESCE(r.acknowledged_at, r.decided_at) - r.sent_at) / 3600
           ) FILTER (WHERE r.sent_at IS NOT NULL AND COALESCE(r.acknowledged_at, r.decided_at) IS NOT NULL) AS median_hours
    FROM referral r WHERE r.service_id = s.id
  ) record ON true
  WHERE s.status = 'active'
    AND EXISTS (
      SELECT 1 FROM directory_service_area a
      WHERE a.service_id = s.id
        AND ((a.area_type = 'local-authority' AND a.code = $1)
          OR (a.area_type = 'postcode-district' AND a.code = $2)
          OR (a.area_type = 'country' AND a.code = ANY($3)))
    )`;

export class PostgresSupportDirectory extends SupportDirectory {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async candidateServices(location: MatchLocation): Promise<DirectoryService[]> {
    const localAuthority = location.localAuthorityCode ?? null;
    const countries: string[] = [COUNTRY_CODES.englandAndWales];
    if (localAuthority?.startsWith('E')) countries.push(COUNTRY_CODES.england);
    if (localAuthority?.startsWith('W')) countries.push(COUNTRY_CODES.wales);
    const rows = await this.dataSource.query<CandidateRow[]>(CANDIDATE_SERVICES_SQL, [
      localAuthority,
      location.postcodeDistrict ?? null,
      countries,
      REFERRAL_NEEDS_TAXONOMY,
      REFERRAL_CIRCUMSTANCES_TAXONOMY,
    ]);
    return rows.map((row) => ({
      serviceId: row.id,
      organisationId: row.organization_id,
      serviceName: row.name,
      organisationName: row.organization_name,
      serviceTerms: row.service_terms,
      circumstanceTerms: row.circumstance_terms,
      minimumAge: row.minimum_age,
      maximumAge: row.maximum_age,
      areas: row.areas,
      acceptingReferrals: row.accepting_referrals,
      record: {
        decided: Number(row.decided),
        accepted: Number(row.accepted),
        medianResponseHours: row.median_hours === null ? null : Number(row.median_hours),
      },
    }));
  }
}
