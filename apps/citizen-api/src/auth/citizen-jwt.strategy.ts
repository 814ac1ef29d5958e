import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ResolveExternalCitizenCommand, ResolveExternalCitizenUseCase } from '@redress/application';
import jwksRsa from 'jwks-rsa';
import { ExtractJwt, Strategy, type StrategyOptionsWithoutRequest } from 'passport-jwt';
import { CitizenApiConfig } from '../config.js';
import { CITIZEN_TOKEN_ALGORITHM, CITIZEN_TOKEN_AUDIENCE, CITIZEN_TOKEN_ISSUER } from './citizen-access-tokens.js';
import type { CitizenPrincipal } from './citizen-principal.js';

const MAX_SUBJECT_LENGTH = 255;

function strategyOptions(config: CitizenApiConfig): StrategyOptionsWithoutRequest {
  const common = { jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), ignoreExpiration: false };
  if (config.CITIZEN_AUTH_MODE === 'oidc') {
    return {
      ...common,
      secretOrKeyProvider: jwksRsa.passportJwtSecret({
        jwksUri: config.OIDC_JWKS_URL!,
        cache: true,
        rateLimit: true,
        jwksRequestsPerMinute: 10,
      }),
      issuer: config.OIDC_ISSUER!,
      audience: config.OIDC_AUDIENCE!,
      algorithms: [config.OIDC_ALGORITHM],
    };
  }
  return {
    ...common,
    secretOrKey: config.CITIZEN_TOKEN_SECRET,
    issuer: CITIZEN_TOKEN_ISSUER,
    audience: CITIZEN_TOKEN_AUDIENCE,
    algorithms: [CITIZEN_TOKEN_ALGORITHM],
  };
}

/**
 * Verifies citizen bearer tokens: signature, algorithm, issuer, audience and expiry are all pinned.
 * In local mode `sub` is the citizen's account id; in OIDC mode `sub` is the provider's subject, mapped
 * to an account (made on first sight).
 */
@Injectable()
export class CitizenJwtStrategy extends PassportStrategy(Strategy, 'citizen-jwt') {
  constructor(
    private readonly config: CitizenApiConfig,
    private readonly resolveExternalCitizen: ResolveExternalCitizenUseCase,
  ) {
    super(strategyOptions(config));
  }

  async validate(payload: { sub?: unknown; typ?: unknown }): Promise<CitizenPrincipal> {
    if (typeof payload.sub !== 'string' || !payload.sub || payload.sub.length > MAX_SUBJECT_LENGTH) {
      throw new UnauthorizedException();
    }
    if (this.config.CITIZEN_AUTH_MODE === 'oidc') {
      return this.resolveExternalCitizen.execute(new ResolveExternalCitizenCommand(payload.sub));
    }
    if (payload.typ !== 'access') throw new UnauthorizedException();
    return { citizenId: payload.sub };
  }
}
