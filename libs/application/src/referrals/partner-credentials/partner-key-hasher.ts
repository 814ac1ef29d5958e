import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a partner presents: `<key id>.<secret>`. The key id finds the credential; the secret proves it. */
export const PARTNER_KEY_PATTERN = /^(rpk_[a-z0-9]{20})\.([A-Za-z0-9_-]{43})$/;

/**
 * Partner API secrets are 256 random bits, so a keyed hash (HMAC-SHA256 with a server-side pepper) is as
 * strong as a slow hash here and cheap enough to check on every request; a stolen table without the
 * pepper is useless (ASVS 11.4.2).
 */
export class PartnerKeyHasher {
  constructor(private readonly pepper: string) {}

  newKey(): { keyId: string; secret: string; presented: string } {
    const keyId = `rpk_${randomBytes(16).toString('hex').slice(0, 20)}`;
    const secret = randomBytes(32).toString('base64url');
    return { keyId, secret, presented: `${keyId}.${secret}` };
  }

  hash(keyId: string, secret: string): string {
    return createHmac('sha256', this.pepper).update(`${keyId}.${secret}`).digest('hex');
  }

  matches(keyId: string, secret: string, storedHash: string): boolean {
    const given = Buffer.from(this.hash(keyId, secret), 'hex');
    const stored = Buffer.from(storedHash, 'hex');
    return given.length === stored.length && timingSafeEqual(given, stored);
  }
}
