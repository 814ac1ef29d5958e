import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { Strategy } from 'passport-strategy';
import type { FastifyRequest } from 'fastify';
import { IdentityProviderUnavailableError, TokenRefusedError } from './identity-errors.js';
import type { RemoteKeySet } from './remote-key-set.js';

export interface BearerTokenChecks {
  /** Any one of these issuers (`iss`) is accepted (a provider may have two token versions). */
  issuers: readonly string[];
  /** Any one of these audiences (`aud`) is accepted. */
  audiences: readonly string[];
  /** Pinned algorithms: `none`, HMAC and anything else are refused. */
  algorithms: readonly string[];
  /** Seconds of clock difference allowed on `exp`, `nbf` and `iat`. */
  clockToleranceSeconds: number;
  /** The token type (`typ` header) required, such as `at+jwt`; none required when absent. */
  tokenType?: string;
}

/** The provider's JWKS, a pinned public key (PEM), or a shared HMAC secret (tokens this service issued itself). */
export type VerificationKey = RemoteKeySet | { publicKeyPem: string } | { secret: string };

export interface VerifiedToken {
  header: Record<string, unknown>;
  claims: JWTPayload & Record<string, unknown>;
}

/** Verifies a JWT's signature, algorithm, issuer, audience, lifetime and type; nothing else. */
export class BearerTokenVerifier {
  private readonly key: JWTVerifyGetKey | KeyObject;

  constructor(
    key: VerificationKey,
    private readonly checks: BearerTokenChecks,
  ) {
    if ('publicKeyPem' in key) this.key = createPublicKey(key.publicKeyPem);
    else if ('secret' in key) this.key = createSecretKey(Buffer.from(key.secret, 'utf8'));
    else this.key = key.resolve;
  }

  async verify(token: string): Promise<VerifiedToken> {
    try {
      const { payload, protectedHeader } = await jwtVerify(token, this.key as JWTVerifyGetKey, {
        issuer: [...this.checks.issuers],
        audience: [...this.checks.audiences],
        algorithms: [...this.checks.algorithms],
        clockTolerance: this.checks.clockToleranceSeconds,
        requiredClaims: ['exp'],
        ...(this.checks.tokenType ? { typ: this.checks.tokenType } : {}),
      });
      return { header: protectedHeader, claims: payload };
    } catch (error) {
      if (error instanceof IdentityProviderUnavailableError || error instanceof TokenRefusedError) throw error;
      if (error instanceof errors.JOSEError || error instanceof TypeError) {
        throw new TokenRefusedError(error instanceof errors.JOSEError ? error.code : 'malformed');
      }
      throw error;
    }
  }
}

const BEARER = /^Bearer ([A-Za-z0-9_.~+/=-]+)$/;

/** The bearer token of a request's Authorization header, or null. */
export function bearerTokenOf(request: { headers: FastifyRequest['headers'] }): string | null {
  const header = request.headers.authorization;
  return typeof header === 'string' ? (BEARER.exec(header)?.[1] ?? null) : null;
}

type Verify = (token: string, done: (error: unknown, user?: unknown) => void) => void;

/**
 * A passport strategy for bearer tokens whose checks live in the subclass's `validate(token)` (Nest's
 * PassportStrategy passes it as `verify`). An unreachable identity provider is passed on as an error (the guard
 * answers 503); any other failure is a plain refusal.
 */
export class BearerTokenPassportStrategy extends Strategy {
  constructor(private readonly verifyToken: Verify) {
    super();
  }

  override authenticate(request: Parameters<Strategy['authenticate']>[0]): void {
    const token = bearerTokenOf(request);
    if (!token) return this.fail(401);
    this.verifyToken(token, (error, user) => {
      if (error instanceof IdentityProviderUnavailableError) return this.error(error);
      if (error || !user) return this.fail(401);
      return this.success(user);
    });
  }
}
