import { Injectable } from '@nestjs/common';
import { CitizenAccessTokenIssuer, type AccessTokenGrant } from '@redress/application';
import jwt from 'jsonwebtoken';
import { CitizenApiConfig } from '../config.js';

export const CITIZEN_TOKEN_ISSUER = 'redress-citizen-api';
export const CITIZEN_TOKEN_AUDIENCE = 'redress-citizen';
/** Pinned: a token signed with any other algorithm (or `none`) is refused (ASVS 9.1.2). */
export const CITIZEN_TOKEN_ALGORITHM = 'HS256';

/** Issues the short-lived access tokens of local mode. */
@Injectable()
export class CitizenAccessTokens extends CitizenAccessTokenIssuer {
  constructor(private readonly config: CitizenApiConfig) {
    super();
  }

  issue(citizenId: string): AccessTokenGrant {
    const expiresIn = this.config.CITIZEN_ACCESS_TOKEN_TTL_SECONDS;
    const accessToken = jwt.sign({ typ: 'access' }, this.config.CITIZEN_TOKEN_SECRET, {
      algorithm: CITIZEN_TOKEN_ALGORITHM,
      subject: citizenId,
      issuer: CITIZEN_TOKEN_ISSUER,
      audience: CITIZEN_TOKEN_AUDIENCE,
      expiresIn,
    });
    return { accessToken, expiresIn, tokenType: 'Bearer' };
  }
}
