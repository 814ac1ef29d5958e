import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import {
  BearerTokenPassportStrategy,
  BearerTokenVerifier,
  claimValues,
  DependencyHealth,
  listSetting,
  parseValueMapping,
  RemoteKeySet,
} from '@redress/platform';
import { CaseworkerApiConfig } from '../config.js';
import {
  DEVELOPMENT_ONLY_STAFF_PUBLIC_KEY,
  DEVELOPMENT_ONLY_STAFF_TOKEN_AUDIENCE,
  DEVELOPMENT_ONLY_STAFF_TOKEN_ISSUER,
  DEVELOPMENT_ONLY_STAFF_TOKEN_KEY_ID,
} from './development-only-staff-keys.js';
import { isStaffRole, type StaffPrincipal, type StaffRole } from './staff-principal.js';

/** The passport name of the staff token strategy (the guard and the queue dashboard both authenticate with it). */
import { STAFF_JWT_STRATEGY } from './staff-auth.constants.js';

export { STAFF_JWT_STRATEGY };

const STAFF_ID = /^[A-Za-z0-9._:@|-]{1,128}$/;
const TEAM = /^[a-z0-9-]{1,64}$/;

function verifierFor(config: CaseworkerApiConfig, health: DependencyHealth): BearerTokenVerifier {
  const key =
    config.STAFF_TOKEN_KEY_SOURCE === 'jwks'
      ? new RemoteKeySet({
          url: config.STAFF_TOKEN_JWKS_URL!,
          cacheMaxAgeMs: config.STAFF_TOKEN_JWKS_CACHE_SECONDS * 1000,
          onStatus: (up, message) => health.report('staff-identity-provider', up, message),
        })
      : { publicKeyPem: config.STAFF_TOKEN_PUBLIC_KEY };
  return new BearerTokenVerifier(key, {
    issuers: listSetting(config.STAFF_TOKEN_ISSUER),
    audiences: listSetting(config.STAFF_TOKEN_AUDIENCE),
    // One algorithm only: `none`, HMAC with the public key as secret, and every other alg are refused.
    algorithms: [config.STAFF_TOKEN_ALGORITHM],
    clockToleranceSeconds: config.STAFF_TOKEN_CLOCK_TOLERANCE_SECONDS,
  });
}

/** The `kid` of a token's header, read without trusting it (it only chooses which key checks the signature). */
function keyIdOf(token: string): unknown {
  try {
    return (JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as { kid?: unknown }).kid;
  } catch {
    return undefined;
  }
}

/** Provider values through a mapping (only mapped values count), or as they are when there is no mapping. */
function mapped(values: string[], mapping: Map<string, string>): string[] {
  if (!mapping.size) return values;
  return values.flatMap((value) => {
    const target = mapping.get(value);
    return target === undefined ? [] : [target];
  });
}

/**
 * Verifies staff bearer tokens issued by the organisation's OIDC provider: signature (a configured public key or
 * the provider's JWKS), algorithm, issuers, audiences and lifetime (with a clock tolerance) are all pinned; `exp`
 * and `iat` are required and a token issued more than STAFF_TOKEN_MAX_AGE_SECONDS ago is refused. The staff id,
 * roles and team come from claims named in config (nested paths, arrays, values mapped to ours); a token without
 * a staff id or without any role this API knows is refused.
 */
@Injectable()
export class StaffJwtStrategy extends PassportStrategy(BearerTokenPassportStrategy, STAFF_JWT_STRATEGY) {
  private readonly verifier: BearerTokenVerifier;
  /** Development only (refused in production): `npm run token`'s key, only with its own key id and issuer. */
  private readonly developmentVerifier?: BearerTokenVerifier;
  private readonly roleMapping: Map<string, string>;
  private readonly teamMapping: Map<string, string>;

  constructor(
    private readonly config: CaseworkerApiConfig,
    health: DependencyHealth,
  ) {
    super();
    this.verifier = verifierFor(config, health);
    if (config.STAFF_TOKEN_ALSO_DEVELOPMENT_KEY === 'true') {
      this.developmentVerifier = new BearerTokenVerifier(
        { publicKeyPem: DEVELOPMENT_ONLY_STAFF_PUBLIC_KEY },
        {
          issuers: [DEVELOPMENT_ONLY_STAFF_TOKEN_ISSUER],
          audiences: [DEVELOPMENT_ONLY_STAFF_TOKEN_AUDIENCE],
          algorithms: ['RS256'],
          clockToleranceSeconds: config.STAFF_TOKEN_CLOCK_TOLERANCE_SECONDS,
        },
      );
    }
    this.roleMapping = parseValueMapping(config.STAFF_ROLE_MAPPING);
    this.teamMapping = parseValueMapping(config.STAFF_TEAM_MAPPING);
  }

  async validate(token: string): Promise<StaffPrincipal> {
    const verifier =
      this.developmentVerifier && keyIdOf(token) === DEVELOPMENT_ONLY_STAFF_TOKEN_KEY_ID
        ? this.developmentVerifier
        : this.verifier;
    const { claims } = await verifier.verify(token);
    // A token that never expires, or was issued too long ago (whatever its `exp` says), is refused.
    if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number') throw new UnauthorizedException();
    if (Date.now() / 1000 - claims.iat > this.config.STAFF_TOKEN_MAX_AGE_SECONDS) throw new UnauthorizedException();
    const [staffId] = claimValues(claims, this.config.STAFF_ID_CLAIM);
    if (typeof staffId !== 'string' || !STAFF_ID.test(staffId)) throw new UnauthorizedException();
    const provided = claimValues(claims, this.config.STAFF_ROLES_CLAIM);
    const roles = [...new Set(mapped(provided, this.roleMapping).filter(isStaffRole))] as StaffRole[];
    if (!roles.length) throw new UnauthorizedException();
    const teams = mapped(claimValues(claims, this.config.STAFF_TEAM_CLAIM), this.teamMapping);
    return { staffId, roles, team: teams.find((team) => TEAM.test(team)) ?? null };
  }
}
