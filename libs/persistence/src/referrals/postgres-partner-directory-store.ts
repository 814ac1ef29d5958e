import {
  PartnerDirectoryStore,
  type OwnService,
  type OwnServiceChanges,
  type ReferralAuditEntry,
  type ServiceChangeRecord,
} from '@redress/application';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { auditInput, type AuditAppend } from './audit-writer.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ServiceRow {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  email: string | null;
  url: string | null;
  minimum_age: number | null;
  maximum_age: number | null;
  accepting_referrals: boolean;
  portal_edited_at: Date | null;
  areas: Array<{ areaType: OwnService['areas'][number]['areaType']; code: string; name: string }> | null;
  last_change: { at: string; byType: string; byId: string | null } | null;
}

const SELECT = `
  SELECT s.id, s.organization_id, s.name, s.description, s.email, s.url, s.minimum_age, s.maximum_age,
         s.accepting_referrals, s.portal_edited_at,
         (SELECT json_agg(json_build_object('areaType', a.area_type, 'code', a.code, 'name', a.name) ORDER BY a.code)
            FROM directory_service_area a WHERE a.service_id = s.id) AS areas,
         (SELECT json_build_object('at', c.changed_at, 'byType', c.changed_by_type, 'byId', c.changed_by_id)
            FROM directory_service_change c WHERE c.service_id = s.id ORDER BY c.changed_at DESC LIMIT 1) AS last_change
    FROM directory_service s`;

const toService = (row: ServiceRow): OwnService => ({
  id: row.id,
  organisationId: row.organization_id,
  name: row.name,
  description: row.description,
  email: row.email,
  url: row.url,
  minimumAge: row.minimum_age,
  maximumAge: row.maximum_age,
  acceptingReferrals: row.accepting_referrals,
  areas: row.areas ?? [],
  portalEditedAt: row.portal_edited_at,
  lastChange: row.last_change
    ? { at: new Date(row.last_change.at), byType: row.last_change.byType, byId: row.last_change.byId }
    : null,
});

const COLUMNS: Record<string, string> = {
  description: 'description',
  email: 'email',
  url: 'url',
  minimumAge: 'minimum_age',
  maximumAge: 'maximum_age',
  acceptingReferrals: 'accepting_referrals',
};

/** An organisation's own directory entry, edited from the partner portal. */
export class PostgresPartnerDirectoryStore extends PartnerDirectoryStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auditAppend: AuditAppend,
  ) {
    super();
  }

  async listServices(organisationId: string) {
    const rows = await this.dataSource.query<ServiceRow[]>(`${SELECT} WHERE s.organization_id = $1 ORDER BY s.name`, [
      organisationId,
    ]);
    return rows.map(toService);
  }

  async findService(serviceId: string) {
    if (!UUID.test(serviceId)) return null;
    const [row] = await this.dataSource.query<ServiceRow[]>(`${SELECT} WHERE s.id = $1`, [serviceId]);
    return row ? toService(row) : null;
  }

  async updateService(
    serviceId: string,
    changes: OwnServiceChanges,
    change: { id: string; organisationId: string; at: Date; byType: 'partner'; byId: string },
    audit: ReferralAuditEntry,
  ) {
    await this.dataSource.transaction(async (manager) => {
      const entries = Object.entries(changes).filter(([key, value]) => value !== undefined && key in COLUMNS);
      const set = [...entries.map(([key], index) => `${COLUMNS[key]} = $${index + 3}`), 'portal_edited_at = $2'];
      await manager.query(`UPDATE directory_service SET ${set.join(', ')}, updated_at = $2 WHERE id = $1`, [
        serviceId,
        change.at,
        ...entries.map(([, value]) => value),
      ]);
      if (changes.areas) {
        await manager.query(`DELETE FROM directory_service_area WHERE service_id = $1`, [serviceId]);
        for (const area of changes.areas) {
          await manager.query(
            `INSERT INTO directory_service_area (id, service_id, name, area_type, code) VALUES ($1, $2, $3, $4, $5)`,
            [randomUUID(), serviceId, area.name, area.areaType, area.code],
          );
        }
      }
      await manager.query(
        `INSERT INTO directory_service_change (id, service_id, organization_id, changed_at, changed_by_type,
           changed_by_id, changes) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [change.id, serviceId, change.organisationId, change.at, change.byType, change.byId, JSON.stringify(changes)],
      );
      await this.auditAppend(manager, auditInput(audit));
    });
  }

  async changes(serviceId: string, limit: number): Promise<ServiceChangeRecord[]> {
    const rows = await this.dataSource.query<
      Array<{ changed_at: Date; changed_by_type: string; changed_by_id: string | null; changes: object }>
    >(
      `SELECT changed_at, changed_by_type, changed_by_id, changes FROM directory_service_change
        WHERE service_id = $1 ORDER BY changed_at DESC LIMIT $2`,
      [serviceId, limit],
    );
    return rows.map((row) => ({
      at: row.changed_at,
      byType: row.changed_by_type,
      byId: row.changed_by_id,
      fields: Object.keys(row.changes),
    }));
  }

  async recordRefused(audit: ReferralAuditEntry) {
    await this.dataSource.transaction((manager) => this.auditAppend(manager, auditInput(audit)));
  }
}
