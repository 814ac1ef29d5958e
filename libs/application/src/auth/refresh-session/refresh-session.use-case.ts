import type { Clock } from '../../ports/clock.js';
import { refreshTokenInvalid } from '../auth-errors.js';
import type { AuthSecrets } from '../auth-secrets.js';
import type { CitizenAccessTokenIssuer, CitizenAuthStore } from '../citizen-auth.ports.js';
import type { CitizenAuthSettings } from '../citizen-auth.settings.js';
import { nextRefreshToken, type SessionTokens } from '../session-tokens.js';
import type { RefreshSessionCommand } from './refresh-session.command.js';

type Outcome =
  { kind: 'invalid' } | { kind: 'refreshed'; citizenId: string; refreshToken: string; refreshTokenExpiresIn: number };

/**
 * Rotates a refresh token: each one works once and is replaced by a new one in the same session (family).
 * A token presented a second time has been copied, by an attacker or from a stolen store, and we cannot
 * tell which copy is the victim's: the whole session is revoked, so both must sign in again
 * (OAuth 2.0 Security BCP, RFC 9700 section 4.14.2).
 */
export class RefreshSessionUseCase {
  constructor(
    private readonly store: CitizenAuthStore,
    private readonly secrets: AuthSecrets,
    private readonly accessTokens: CitizenAccessTokenIssuer,
    private readonly clock: Clock,
    private readonly settings: CitizenAuthSettings,
  ) {}

  async execute(command: RefreshSessionCommand): Promise<SessionTokens> {
    const now = this.clock.now();
    const tokenHash = this.secrets.hashRefreshToken(command.refreshToken);
    // The revocation on reuse must commit, so the transaction returns the outcome and the error is thrown after.
    const outcome = await this.store.transaction<Outcome>(async (transaction) => {
      const token = await transaction.findRefreshTokenForUpdate(tokenHash);
      if (!token || token.sessionRevokedAt !== null) return { kind: 'invalid' };
      if (token.usedAt !== null) {
        await transaction.revokeSession(token.sessionId, 'refresh-token-reuse', now);
        await transaction.audit({
          actorType: 'anonymous',
          actorId: null,
          action: 'citizen.refresh-token.reused',
          targetType: 'citizen-session',
          targetId: token.sessionId,
          details: { refreshTokenId: token.id, citizenId: token.citizenId },
          occurredAt: now,
        });
        return { kind: 'invalid' };
      }
      if (token.expiresAt.getTime() <= now.getTime() || token.sessionExpiresAt.getTime() <= now.getTime()) {
        return { kind: 'invalid' };
      }
      await transaction.markRefreshTokenUsed(token.id, now);
      const refreshToken = this.secrets.newRefreshToken();
      const next = nextRefreshToken(now, this.settings.refreshTokenTtlSeconds, token.sessionExpiresAt);
      await transaction.insertRefreshToken({
        id: next.id,
        sessionId: token.sessionId,
        tokenHash: this.secrets.hashRefreshToken(refreshToken),
        createdAt: next.createdAt,
        expiresAt: next.expiresAt,
      });
      return {
        kind: 'refreshed',
        citizenId: token.citizenId,
        refreshToken,
        refreshTokenExpiresIn: next.expiresIn,
      };
    });

    if (outcome.kind === 'invalid') throw refreshTokenInvalid();
    return {
      ...this.accessTokens.issue(outcome.citizenId),
      citizenId: outcome.citizenId,
      refreshToken: outcome.refreshToken,
      refreshTokenExpiresIn: outcome.refreshTokenExpiresIn,
    };
  }
}
