import {
  DirectoryImportStore,
  type DirectoryImportCounts,
  type DirectoryImportOptions,
  type HsdsDocument,
} from '@redress/application';
import type { DataSource } from 'typeorm';

/** Upserts an HSDS document by id in one transaction; a service's areas and attributes become exactly the file's. */
export class PostgresDirectoryImportStore extends DirectoryImportStore {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async knownTermIds(): Promise<ReadonlySet<string>> {
    const rows = await this.dataSource.query<Array<{ id: string }>>(`SELECT id FROM directory_taxonomy_term`);
    return new Set(rows.map((row) => row.id));
  }

  async upsert(document: HsdsDocument, options: DirectoryImportOptions = {}): Promise<DirectoryImportCounts> {
    const counts: DirectoryImportCounts = {
      taxonomyTerms: 0,
      organizations: 0,
      services: 0,
      serviceAreas: 0,
      attributes: 0,
      keptPortalEdits: 0,
    };
    const importedAt = new Date();
    await this.dataSource.transaction(async (manager) => {
      // Parents before children, so a term may name a parent that appears later in the file.
      for (const term of document.taxonomy_terms) {
        await manager.query(
          `INSERT INTO directory_taxonomy_term (id, taxonomy, code, name, description, updated_at)
           VALUES ($1, $2, $3, $4, $5, now())
           ON CONFLICT (id) DO UPDATE SET taxonomy = EXCLUDED.taxonomy, code = EXCLUDED.code, name = EXCLUDED.name,
             description = EXCLUDED.description, updated_at = now()`,
          [term.id, term.taxonomy, term.code, term.name, term.description ?? null],
        );
        counts.taxonomyTerms += 1;
      }
      for (const term of document.taxonomy_terms) {
        await manager.query(`UPDATE directory_taxonomy_term SET parent_id = $2 WHERE id = $1`, [
          term.id,
          term.parent_id ?? null,
        ]);
      }
      for (const organization of document.organizations) {
        await manager.query(
          `INSERT INTO directory_organization (id, name, alternate_name, description, email, website, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, now())
           ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, alternate_name = EXCLUDED.alternate_name,
             description = EXCLUDED.description, email = EXCLUDED.email, website = EXCLUDED.website, updated_at = now()`,
          [
            organization.id,
            organization.name,
            organization.alternate_name ?? null,
            organization.description ?? '',
            organization.email ?? null,
            organization.website ?? null,
          ],
        );
        counts.organizations += 1;
        for (const service of organization.services) {
          // A portal edit is newer than any record made before it (docs/partner-portal.md).
          const recordDate = service.last_modified
            ? new Date(service.last_modified)
            : (options.recordsAsOf ?? importedAt);
          const [edited] = await manager.query<Array<{ portal_edited_at: Date | null }>>(
            `SELECT portal_edited_at FROM directory_service WHERE id = $1 FOR UPDATE`,
            [service.id],
          );
          if (edited?.portal_edited_at && edited.portal_edited_at > recordDate) {
            counts.keptPortalEdits += 1;
            continue;
          }
          await manager.query(
            `INSERT INTO directory_service (id, organization_id, name, alternate_name, description, url, email, status,
               eligibility_description, minimum_age, maximum_age, intake_method, intake_description, accepting_referrals, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now())
             ON CONFLICT (id) DO UPDATE SET organization_id = EXCLUDED.organization_id, name = EXCLUDED.name,
               alternate_name = EXCLUDED.alternate_name, description = EXCLUDED.description, url = EXCLUDED.url,
               email = EXCLUDED.email, status = EXCLUDED.status, eligibility_description = EXCLUDED.eligibility_description,
               minimum_age = EXCLUDED.minimum_age, maximum_age = EXCLUDED.maximum_age,
               intake_method = EXCLUDED.intake_method, intake_description = EXCLUDED.intake_description,
               accepting_referrals = EXCLUDED.accepting_referrals, updated_at = now()`,
            [
              service.id,
              organization.id,
              service.name,
              service.alternate_name ?? null,
              service.description ?? '',
              service.url ?? null,
              service.email ?? null,
              service.status,
              service.eligibility_description ?? null,
              service.minimum_age ?? null,
              service.maximum_age ?? null,
              service.redress.intake_method,
              service.redress.intake_description ?? null,
              service.redress.accepting_referrals,
            ],
          );
          counts.services += 1;
          await manager.query(
            `DELETE FROM directory_service_area WHERE service_id = $1 AND NOT (id = ANY($2::uuid[]))`,
            [service.id, service.service_areas.map((area) => area.id)],
          );
          for (const area of service.service_areas) {
            await manager.query(
              `INSERT INTO directory_service_area (id, service_id, name, description, area_type, code)
               VALUES ($1, $2, $3, $4, $5, $6)
               ON CONFLICT (id) DO UPDATE SET service_id = EXCLUDED.service_id, name = EXCLUDED.name,
                 description = EXCLUDED.description, area_type = EXCLUDED.area_type, code = EXCLUDED.code`,
              [area.id, service.id, area.name, area.description ?? null, area.redress.area_type, area.redress.code],
            );
            counts.serviceAreas += 1;
          }
          await manager.query(
            `DELETE FROM directory_service_attribute WHERE service_id = $1 AND NOT (id = ANY($2::uuid[]))`,
            [service.id, service.attributes.map((attribute) => attribute.id)],
          );
          for (const attribute of service.attributes) {
            await manager.query(
              `INSERT INTO directory_service_attribute (id, service_id, taxonomy_term_id) VALUES ($1, $2, $3)
               ON CONFLICT (id) DO UPDATE SET service_id = EXCLUDED.service_id, taxonomy_term_id = EXCLUDED.taxonomy_term_id`,
              [attribute.id, service.id, attribute.taxonomy_term_id],
            );
            counts.attributes += 1;
          }
        }
      }
    });
    return counts;
  }
}
