import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import jwksRsa from 'jwks-rsa';
import { ExtractJwt, Strategy, type StrategyOptionsWithoutRequest } from 'passport-jwt';
import { CaseworkerApiConfig } from '../config.js';
import { isStaffRole, type StaffPrincipal } from './staff-principal.js';

/** The passport name of the staff token strategy (the guard and the queue dashboard both authenticate with it). */
import { STAFF_JWT_STRATEGY } from './staff-auth.constants.js';

export { STAFF_JWT_STRATEGY };

const STAFF_ID = /^[A-Za-z0-9._:@|-]{1,128}$/;
const TEAM = /^[a-z0-9-]{1,64}$/;

function strategyOptions(config: CaseworkerApiConfig): StrategyOptionsWithoutRequest {
  const pinned = {
    jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
    ignoreExpiration: false,
    issuer: config.STAFF_TOKEN_ISSUER,
    audience: config.STAFF_TOKEN_AUDIENCE,
    // One algorithm only: `none`, HMAC with the public key as secret, and every other alg are refused.
    algorithms: [config.STAFF_TOKEN_ALGORITHM],
    // jsonwebtoken refuses a token without `iat` once maxAge is set, and one older than it.
    jsonWebTokenOptions: { maxAge: config.STAFF_TOKEN_MAX_AGE_SECONDS },
  };
  if (config.STAFF_TOKEN_KEY_SOURCE === 'jwks') {
    return {
      ...pinned,
      secretOrKeyProvider: jwksRsa.passportJwtSecret({
        jwksUri: config.STAFF_TOKEN_JWKS_URL!,
        cache: true,
        cacheMaxAge: 10 * 60 * 1000,
        rateLimit: true,
        jwksRequestsPerMinute: 10,
      }),
    };
  }
  return { ...pinned, secretOrKey: config.STAFF_TOKEN_PUBLIC_KEY };
}

/**
 * Verifies staff bearer tokens issued by the organisation's OIDC provider: signature (a configured public key or
 * the provider's JWKS), algorithm, issuer, audience and expiry are all pinned; `exp` is required and a token
 * issued more than STAFF_TOKEN_MAX_AGE_SECONDS ago is refused. Roles and team come from claims
 * named in config; a token without a subject or without any role this API knows is refused.
 */
@Injectable()
export class StaffJwtStrategy extends PassportStrategy(Strategy, STAFF_JWT_STRATEGY) {
  constructor(private readonly config: CaseworkerApiConfig) {
    super(strategyOptions(config));
  }

  validate(payload: Record<string, unknown>): StaffPrincipal {
    // A token that never expires is refused, whatever else it carries.
    if (typeof payload.exp !== 'number') throw new UnauthorizedException();
    const staffId = payload.sub;
    if (typeof staffId !== 'string' || !STAFF_ID.test(staffId)) throw new UnauthorizedException();
    const claimed = payload[this.config.STAFF_ROLES_CLAIM];
    const roles = Array.isArray(claimed) ? [...new Set(claimed.filter(isStaffRole))] : [];
    if (!roles.length) throw new UnauthorizedException();
    const team = payload[this.config.STAFF_TEAM_CLAIM];
    return { staffId, roles, team: typeof team === 'string' && TEAM.test(team) ? team : null };
  }
}
