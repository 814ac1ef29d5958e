import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** Makes and checks the secrets of sign-in: one-time codes and refresh tokens. */
export abstract class AuthSecrets {
  /** Six random digits. */
  abstract newSignInCode(): string;
  /** A fresh random salt for one code. */
  abstract newSalt(): string;
  abstract hashSignInCode(code: string, salt: string): string;
  /** Compares in constant time. */
  abstract signInCodeMatches(code: string, salt: string, expectedHash: string): boolean;
  /** An opaque random refresh token (256 bits, base64url). */
  abstract newRefreshToken(): string;
  abstract hashRefreshToken(token: string): string;
}

/**
 * node:crypto secrets. A six-digit code has only a million values, so a plain salted hash would fall to a
 * brute force in a second once a database dump leaked; the code hash is therefore an HMAC under a server
 * key (never stored in the database) over a per-code salt and the code. Refresh tokens carry 256 random
 * bits, so a plain SHA-256 is enough for them and lets the database find a token by its hash.
 */
export class CryptoAuthSecrets extends AuthSecrets {
  constructor(private readonly codeKey: Buffer) {
    super();
    if (codeKey.length < 32) throw new Error('the sign-in code key must be at least 32 bytes');
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

  newRefreshToken(): string {
    return randomBytes(32).toString('base64url');
  }

  hashRefreshToken(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}
