import { randomUUID } from 'node:crypto';
import { DomainError, DomainErrorKind } from '@redress/domain';
import type { Clock } from '../ports/clock.js';
import type { PartnerPrincipal } from '../referrals/authenticate-partner/authenticate-partner.use-case.js';
import type { ReferralAuditEntry } from '../referrals/referral-ports.js';

export type DirectoryAreaType = 'local-authority' | 'postcode-district' | 'country';

/** A service as the organisation keeps it from the portal (public directory information only). */
export interface OwnService {
  id: string;
  organisationId: string;
  name: string;
  description: string;
  email: string | null;
  url: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  acceptingReferrals: boolean;
  areas: Array<{ areaType: DirectoryAreaType; code: string; name: string }>;
  portalEditedAt: Date | null;
  lastChange: { at: Date; byType: string; byId: string | null } | null;
}

export type OwnServiceChanges = Partial<
  Pick<OwnService, 'description' | 'email' | 'url' | 'minimumAge' | 'maximumAge' | 'acceptingReferrals' | 'areas'>
>;

export interface ServiceChangeRecord {
  at: Date;
  byType: string;
  byId: string | null;
  fields: string[];
}

/** The organisation's own services in the directory, and their dated, attributed changes. */
export abstract class PartnerDirectoryStore {
  abstract listServices(organisationId: string): Promise<OwnService[]>;
  abstract findService(serviceId: string): Promise<OwnService | null>;
  /** Applies the changes, sets `portal_edited_at`, records the change and the audit entry, in one transaction. */
  abstract updateService(
    serviceId: string,
    changes: OwnServiceChanges,
    change: { id: string; organisationId: string; at: Date; byType: 'partner'; byId: string },
    audit: ReferralAuditEntry,
  ): Promise<void>;
  abstract changes(serviceId: string, limit: number): Promise<ServiceChangeRecord[]>;
  /** A refused look at another organisation's service (or none), in the audit log. */
  abstract recordRefused(audit: ReferralAuditEntry): Promise<void>;
}

export function serviceNotFound(): DomainError {
  return new DomainError('directory.service-not-found', DomainErrorKind.NotFound, 'There is no such service.');
}

function ageRangeInvalid(): DomainError {
  return new DomainError(
    'directory.age-range-invalid',
    DomainErrorKind.InvalidInput,
    'The youngest age must not be more than the oldest age.',
    [{ field: 'minimumAge', message: 'must not be more than maximumAge' }],
  );
}

/** The organisation's services; another organisation's service is 404, and the attempt is audited. */
export class OwnDirectoryEntry {
  constructor(
    private readonly store: PartnerDirectoryStore,
    private readonly clock: Clock,
  ) {}

  async list(partner: PartnerPrincipal): Promise<OwnService[]> {
    return this.store.listServices(partner.organisationId);
  }

  async get(partner: PartnerPrincipal, serviceId: string): Promise<OwnService & { history: ServiceChangeRecord[] }> {
    const service = await this.own(partner, serviceId, 'read');
    return { ...service, history: await this.store.changes(service.id, 50) };
  }

  /** Edits one of the organisation's services: dated, attributed, and newer than any import of an older record. */
  async update(partner: PartnerPrincipal, serviceId: string, changes: OwnServiceChanges): Promise<OwnService> {
    const service = await this.own(partner, serviceId, 'update');
    const minimumAge = changes.minimumAge !== undefined ? changes.minimumAge : service.minimumAge;
    const maximumAge = changes.maximumAge !== undefined ? changes.maximumAge : service.maximumAge;
    if (minimumAge !== null && maximumAge !== null && minimumAge > maximumAge) throw ageRangeInvalid();
    const fields = Object.keys(changes).filter((key) => changes[key as keyof OwnServiceChanges] !== undefined);
    if (fields.length === 0) return service;
    const now = this.clock.now();
    await this.store.updateService(
      service.id,
      changes,
      {
        id: randomUUID(),
        organisationId: partner.organisationId,
        at: now,
        byType: 'partner',
        byId: partner.credentialId,
      },
      {
        actor: { type: 'partner', id: partner.credentialId },
        action: 'support-directory.service-updated',
        targetType: 'support-directory',
        targetId: service.id,
        details: { organisationId: partner.organisationId, fields: fields.join(',') },
        occurredAt: now,
      },
    );
    return (await this.store.findService(service.id))!;
  }

  private async own(partner: PartnerPrincipal, serviceId: string, view: string): Promise<OwnService> {
    const service = await this.store.findService(serviceId);
    if (!service || service.organisationId !== partner.organisationId) {
      await this.store.recordRefused({
        actor: { type: 'partner', id: partner.credentialId },
        action: 'support-directory.access-refused',
        targetType: 'support-directory',
        targetId: serviceId,
        details: {
          organisationId: partner.organisationId,
          view,
          reason: service ? 'other-organisation' : 'no-such-service',
        },
        occurredAt: this.clock.now(),
      });
      throw serviceNotFound();
    }
    return service;
  }
}
