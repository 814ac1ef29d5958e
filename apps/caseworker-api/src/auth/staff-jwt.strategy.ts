import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import jwksRsa from 'jwks-rsa';
import { ExtractJwt, Strategy, type StrategyOptionsWithoutRequest } from 'passport-jwt';
import { CaseworkerApiConfig } from '../config.js';
import {
  DEVELOPMENT_ONLY_STAFF_PUBLIC_KEY,
  DEVELOPMENT_ONLY_STAFF_TOKEN_ISSUER,
  DEVELOPMENT_ONLY_STAFF_TOKEN_KEY_ID,
} from './development-only-staff-keys.js';
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
  };
  if (config.STAFF_TOKEN_KEY_SOURCE === 'jwks') {
    const jwks = jwksRsa.passportJwtSecret({
      jwksUri: config.STAFF_TOKEN_JWKS_URL!,
      cache: true,
      cacheMaxAge: 10 * 60 * 1000,
      rateLimit: true,
      jwksRequestsPerMinute: 10,
    });
    if (config.STAFF_TOKEN_ALSO_DEVELOPMENT_KEY !== 'true') return { ...pinned, secretOrKeyProvider: jwks };
    // Development only (the config refuses it in production): the development key, only with the development
    // issuer; every other token goes to the provider's JWKS, only with the provider's issuer.
    return {
      ...pinned,
      issuer: [config.STAFF_TOKEN_ISSUER, DEVELOPMENT_ONLY_STAFF_TOKEN_ISSUER],
      secretOrKeyProvider: (request, rawToken: string, done: (error: unknown, key?: string) => void) => {
        const [header, payload] = rawToken
          .split('.')
          .slice(0, 2)
          .map((part) => {
            try {
              return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
            } catch {
              return {};
            }
          });
        const development = header?.kid === DEVELOPMENT_ONLY_STAFF_TOKEN_KEY_ID;
        if (development !== (payload?.iss === DEVELOPMENT_ONLY_STAFF_TOKEN_ISSUER)) {
          return done(new UnauthorizedException());
        }
        if (development) return done(null, DEVELOPMENT_ONLY_STAFF_PUBLIC_KEY);
        return jwks(request, rawToken, done as never);
      },
    };
  }
  return { ...pinned, secretOrKey: config.STAFF_TOKEN_PUBLIC_KEY };
}

/**
 * Verifies staff bearer tokens issued by the organisation's OIDC provider: signature (a configured public key or
 * the provider's JWKS), algorithm, issuer, audience and expiry are all pinned. Roles and team come from claims
 * named in config; a token without a subject or without any role this API knows is refused.
 */
@Injectable()
export class StaffJwtStrategy extends PassportStrategy(Strategy, STAFF_JWT_STRATEGY) {
  constructor(private readonly config: CaseworkerApiConfig) {
    super(strategyOptions(config));
  }

  validate(payload: Record<string, unknown>): StaffPrincipal {
    const staffId = payload.sub;
    if (typeof staffId !== 'string' || !STAFF_ID.test(staffId)) throw new UnauthorizedException();
    const claimed = payload[this.config.STAFF_ROLES_CLAIM];
    const roles = Array.isArray(claimed) ? [...new Set(claimed.filter(isStaffRole))] : [];
    if (!roles.length) throw new UnauthorizedException();
    const team = payload[this.config.STAFF_TEAM_CLAIM];
    return { staffId, roles, team: typeof team === 'string' && TEAM.test(team) ? team : null };
  }
}
