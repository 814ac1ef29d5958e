import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ResolveExternalCitizenCommand, ResolveExternalCitizenUseCase } from '@redress/application';
import {
  BearerTokenPassportStrategy,
  BearerTokenVerifier,
  claimValues,
  DependencyHealth,
  RemoteKeySet,
  TokenRefusedError,
} from '@redress/platform';
import { CitizenApiConfig } from '../config.js';
import { CITIZEN_TOKEN_ALGORITHM, CITIZEN_TOKEN_AUDIENCE, CITIZEN_TOKEN_ISSUER } from './citizen-access-tokens.js';
import type { CitizenPrincipal } from './citizen-principal.js';

const MAX_SUBJECT_LENGTH = 255;

function verifierFor(config: CitizenApiConfig, health: DependencyHealth): BearerTokenVerifier {
  if (config.CITIZEN_AUTH_MODE === 'oidc') {
    const keys = new RemoteKeySet({
      url: config.OIDC_JWKS_URL!,
      cacheMaxAgeMs: config.OIDC_JWKS_CACHE_SECONDS * 1000,
      onStatus: (up, message) => health.report('citizen-identity-provider', up, message),
    });
    return new BearerTokenVerifier(keys, {
      issuers: [config.OIDC_ISSUER!],
      audiences: [config.OIDC_AUDIENCE!],
      algorithms: [config.OIDC_ALGORITHM],
      clockToleranceSeconds: config.OIDC_CLOCK_TOLERANCE_SECONDS,
      // An ID token (typ JWT or none) is refused here: it says who signed in to the web service, not what it may do.
      tokenType: config.OIDC_ACCESS_TOKEN_TYPE,
    });
  }
  return new BearerTokenVerifier(
    { secret: config.CITIZEN_TOKEN_SECRET },
    {
      issuers: [CITIZEN_TOKEN_ISSUER],
      audiences: [CITIZEN_TOKEN_AUDIENCE],
      algorithms: [CITIZEN_TOKEN_ALGORITHM],
      clockToleranceSeconds: 0,
    },
  );
}

const refuse = (reason: string): never => {
  throw new TokenRefusedError(reason);
};

/**
 * Verifies citizen bearer tokens: signature, algorithm, issuer, audience and expiry are all pinned. In local mode
 * `sub` is the citizen's account id. In OIDC mode the token must be the provider's access token (`typ`), issued to
 * our client or for our scope, with a person as subject (not a client's own client-credentials token) and a
 * confidence level at least the configured minimum; the issuer and subject together map to an account (made on
 * first sight, each new sign-in audited).
 */
@Injectable()
export class CitizenJwtStrategy extends PassportStrategy(BearerTokenPassportStrategy, 'citizen-jwt') {
  private readonly verifier: BearerTokenVerifier;
  private readonly levels: string[];

  constructor(
    private readonly config: CitizenApiConfig,
    private readonly resolveExternalCitizen: ResolveExternalCitizenUseCase,
    health: DependencyHealth,
  ) {
    super();
    this.verifier = verifierFor(config, health);
    this.levels = config.OIDC_CONFIDENCE_LEVELS.split(',');
  }

  async validate(token: string): Promise<CitizenPrincipal> {
    const { claims } = await this.verifier.verify(token);
    const subject = claims.sub;
    if (typeof subject !== 'string' || !subject || subject.length > MAX_SUBJECT_LENGTH) return refuse('subject');
    if (this.config.CITIZEN_AUTH_MODE !== 'oidc') {
      if (claims.typ !== 'access') return refuse('type');
      return { citizenId: subject };
    }
    this.checkAccessToken(claims, subject);
    const signedInAt = typeof claims.auth_time === 'number' ? claims.auth_time : claims.iat;
    return this.resolveExternalCitizen.execute(
      new ResolveExternalCitizenCommand(
        claims.iss!,
        subject,
        new Date((typeof signedInAt === 'number' ? signedInAt : Date.now() / 1000) * 1000),
        claims.iss === (this.config.OIDC_UNSCOPED_ACCOUNTS_ISSUER || this.config.OIDC_ISSUER),
      ),
    );
  }

  private checkAccessToken(claims: Record<string, unknown>, subject: string): void {
    // Client credentials: the client is its own subject (RFC 9068 2.2); no person signed in.
    if (subject === claims.client_id || subject === claims.azp) refuse('no person');
    if (this.config.OIDC_CLIENT_ID && claims.client_id !== this.config.OIDC_CLIENT_ID) refuse('client');
    const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
    if (this.config.OIDC_REQUIRED_SCOPE && !scopes.includes(this.config.OIDC_REQUIRED_SCOPE)) refuse('scope');
    if (this.config.OIDC_MIN_CONFIDENCE !== 'none') {
      const [level] = claimValues(claims, this.config.OIDC_CONFIDENCE_CLAIM);
      const rank = level === undefined ? -1 : this.levels.indexOf(level);
      if (rank < this.levels.indexOf(this.config.OIDC_MIN_CONFIDENCE)) refuse('confidence');
    }
  }
}
