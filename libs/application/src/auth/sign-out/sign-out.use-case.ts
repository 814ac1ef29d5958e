import type { Clock } from '../../ports/clock.js';
import type { AuthSecrets } from '../auth-secrets.js';
import type { CitizenAuthStore } from '../citizen-auth.ports.js';
import type { SignOutCommand } from './sign-out.command.js';

/**
 * Revokes the session (the whole refresh token family) of the caller's refresh token. Access tokens already
 * issued live on for their few minutes. Signing out always succeeds: a token that is unknown, already
 * revoked or another citizen's changes nothing, and the answer is the same, so it reveals nothing either.
 */
export class SignOutUseCase {
  constructor(
    private readonly store: CitizenAuthStore,
    private readonly secrets: AuthSecrets,
    private readonly clock: Clock,
  ) {}

  async execute(command: SignOutCommand): Promise<void> {
    const now = this.clock.now();
    const tokenHash = this.secrets.hashRefreshToken(command.refreshToken);
    await this.store.transaction(async (transaction) => {
      const token = await transaction.findRefreshTokenForUpdate(tokenHash);
      if (!token || token.citizenId !== command.citizenId || token.sessionRevokedAt !== null) return;
      await transaction.revokeSession(token.sessionId, 'signed-out', now);
      await transaction.audit({
        actorType: 'citizen',
        actorId: command.citizenId,
        action: 'citizen.signed-out',
        targetType: 'citizen-session',
        targetId: token.sessionId,
        occurredAt: now,
      });
    });
  }
}
