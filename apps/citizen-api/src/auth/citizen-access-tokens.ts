import { Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { CitizenApiConfig } from '../config.js';

export const CITIZEN_TOKEN_ISSUER = 'redress-citizen-api';
export const CITIZEN_TOKEN_AUDIENCE = 'redress-citizen';
/** Pinned: a token signed with any other algorithm (or `none`) is refused (ASVS 9.1.2). */
export const CITIZEN_TOKEN_ALGORITHM = 'HS256';

/** Issues the short-lived access tokens of local mode. */
@Injectable()
export class CitizenAccessTokens {
  constructor(private readonly config: CitizenApiConfig) {}

  issue(citizenId: string): { accessToken: string; expiresIn: number; tokenType: 'Bearer' } {
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
