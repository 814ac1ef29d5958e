import { Clock } from '../../ports/clock.js';
import { PartnerAccessStore } from '../partner-access-ports.js';
import { PARTNER_KEY_PATTERN, PartnerKeyHasher } from '../partner-credentials/partner-key-hasher.js';

/** The organisation a request acts for, once its API key checked out. */
export interface PartnerPrincipal {
  organisationId: string;
  /** Who acts, as the audit log records it: the API credential's id, or the signed-in partner user's id. */
  credentialId: string;
  /** Set when a named user signed in to the portal (rather than an API key) makes the request. */
  user?: { id: string; role: 'administrator' | 'caseworker'; sessionId: string };
}

/** Checks a presented API key: known key id, matching secret, neither revoked nor expired. Null otherwise. */
export class AuthenticatePartner {
  constructor(
    private readonly store: PartnerAccessStore,
    private readonly hasher: PartnerKeyHasher,
    private readonly clock: Clock,
  ) {}

  async execute(command: { apiKey: string }): Promise<PartnerPrincipal | null> {
    const parts = PARTNER_KEY_PATTERN.exec(command.apiKey);
    if (!parts) return null;
    const [, keyId, secret] = parts as unknown as [string, string, string];
    const credential = await this.store.findCredentialByKeyId(keyId);
    if (!credential || !this.hasher.matches(keyId, secret, credential.secretHash)) return null;
    const now = this.clock.now();
    if (credential.revokedAt && credential.revokedAt <= now) return null;
    if (credential.expiresAt && credential.expiresAt <= now) return null;
    return { organisationId: credential.organisationId, credentialId: credential.id };
  }
}
