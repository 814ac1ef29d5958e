import { randomUUID } from 'node:crypto';
import { DomainError, DomainErrorKind } from '@redress/domain';
import { Clock } from '../../ports/clock.js';
import { PartnerAccessStore } from '../partner-access-ports.js';
import type { ReferralActor } from '../referral-ports.js';
import { PartnerKeyHasher } from './partner-key-hasher.js';

export class OrganisationNotFoundError extends DomainError {
  constructor() {
    super(
      'partners.organisation-not-found',
      DomainErrorKind.NotFound,
      'There is no such organisation in the directory.',
    );
  }
}

export interface IssuedPartnerKey {
  credentialId: string;
  organisationId: string;
  keyId: string;
  /** `<key id>.<secret>`: shown once, never stored. */
  apiKey: string;
  /** When older credentials stop working (rotation only). */
  previousKeysExpireAt: Date | null;
}

export interface PartnerCredentialCommand {
  organisationId: string;
  /** The administrator (or, until staff sign-in exists, the operator's CLI). */
  actor: ReferralActor;
}

/** Creates a new API credential for an organisation; other credentials keep working. */
export class CreatePartnerCredential {
  constructor(
    private readonly store: PartnerAccessStore,
    private readonly hasher: PartnerKeyHasher,
    private readonly clock: Clock,
  ) {}

  async execute(command: PartnerCredentialCommand): Promise<IssuedPartnerKey> {
    if (!(await this.store.organisationExists(command.organisationId))) throw new OrganisationNotFoundError();
    const now = this.clock.now();
    const key = this.hasher.newKey();
    const id = randomUUID();
    await this.store.insertCredential(
      {
        id,
        organisationId: command.organisationId,
        keyId: key.keyId,
        secretHash: this.hasher.hash(key.keyId, key.secret),
        createdAt: now,
        expiresAt: null,
        revokedAt: null,
      },
      {
        actor: command.actor,
        action: 'partner-credential.created',
        targetType: 'partner-credential',
        targetId: id,
        details: { organisationId: command.organisationId, keyId: key.keyId },
        occurredAt: now,
      },
    );
    return {
      credentialId: id,
      organisationId: command.organisationId,
      keyId: key.keyId,
      apiKey: key.presented,
      previousKeysExpireAt: null,
    };
  }
}

/**
 * Rotates: issues a new credential and lets the organisation's older ones work for a grace period only,
 * so the partner can switch without an outage.
 */
export class RotatePartnerCredentials {
  constructor(
    private readonly create: CreatePartnerCredential,
    private readonly store: PartnerAccessStore,
    private readonly clock: Clock,
    private readonly graceMilliseconds: number,
  ) {}

  async execute(command: PartnerCredentialCommand): Promise<IssuedPartnerKey> {
    const issued = await this.create.execute(command);
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.graceMilliseconds);
    await this.store.expireCredentials(command.organisationId, expiresAt, issued.credentialId, {
      actor: command.actor,
      action: 'partner-credential.rotated',
      targetType: 'partner-credential',
      targetId: issued.credentialId,
      details: { organisationId: command.organisationId, previousExpireAt: expiresAt.toISOString() },
      occurredAt: now,
    });
    return { ...issued, previousKeysExpireAt: expiresAt };
  }
}

/** Revokes every credential of the organisation at once (a leaked key, or the partnership ended). */
export class RevokePartnerCredentials {
  constructor(
    private readonly store: PartnerAccessStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: PartnerCredentialCommand): Promise<{ revoked: number }> {
    if (!(await this.store.organisationExists(command.organisationId))) throw new OrganisationNotFoundError();
    const now = this.clock.now();
    const revoked = await this.store.revokeCredentials(command.organisationId, now, {
      actor: command.actor,
      action: 'partner-credential.revoked',
      targetType: 'partner-credential',
      targetId: null,
      details: { organisationId: command.organisationId },
      occurredAt: now,
    });
    return { revoked };
  }
}
