import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { PartnerAuthSecrets } from './partner-user-ports.js';

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * node:crypto secrets of partner sign-in. As for citizens (auth-secrets.ts), a six-digit code is hashed with an HMAC
 * under a server key; tokens and recovery codes carry enough random bits (256 and 60) for a plain SHA-256.
 */
export class CryptoPartnerAuthSecrets extends PartnerAuthSecrets {
  constructor(private readonly codeKey: Buffer) {
    super();
    if (codeKey.length < 32) throw new Error('the partner sign-in code key must be at least 32 bytes');
  }

  newSignInCode(): string {
    return randomInt(0, 1_000_000).toString().padStart(6, '0');
  }

  newSalt(): string {
    return randomBytes(16).toString('base64url');
  }

  hashSignInCode(code: string, salt: string): string {
    return createHmac('sha256', this.codeKey).update(`${salt}\u0000${code}`).digest('base64url');
  }

  signInCodeMatches(code: string, salt: string, expectedHash: string): boolean {
    const actual = Buffer.from(this.hashSignInCode(code, salt), 'base64url');
    const expected = Buffer.from(expectedHash, 'base64url');
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  newToken(prefix: string): string {
    return `${prefix}${randomBytes(32).toString('base64url')}`;
  }

  hashToken(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  newRecoveryCodes(): string[] {
    return Array.from({ length: 10 }, () => {
      const chars = Array.from({ length: 12 }, () => RECOVERY_ALPHABET[randomInt(0, RECOVERY_ALPHABET.length)]);
      return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((part) => part.join('')).join('-');
    });
  }

  hashRecoveryCode(code: string): string {
    return createHash('sha256').update(`partner-recovery\u0000${code.trim().toLowerCase()}`).digest('hex');
  }
}
