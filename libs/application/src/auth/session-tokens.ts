import { randomUUID } from 'node:crypto';
import type { AccessTokenGrant } from './citizen-auth.ports.js';

/** What a successful sign-in or refresh gives: a short-lived access token and a single-use refresh token. */
export interface SessionTokens extends AccessTokenGrant {
  citizenId: string;
  refreshToken: string;
  /** Seconds the refresh token works for if unused. */
  refreshTokenExpiresIn: number;
}

/** A new refresh token for a session: it never outlives the session. */
export function nextRefreshToken(
  now: Date,
  ttlSeconds: number,
  sessionExpiresAt: Date,
): { id: string; createdAt: Date; expiresAt: Date; expiresIn: number } {
  const expiresAt = new Date(Math.min(now.getTime() + ttlSeconds * 1000, sessionExpiresAt.getTime()));
  return {
    id: randomUUID(),
    createdAt: now,
    expiresAt,
    expiresIn: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  };
}
