import { randomUUID } from 'node:crypto';
import type { Clock } from '../../ports/clock.js';
import { signInCodeAttemptsExceeded, signInCodeInvalid } from '../auth-errors.js';
import type { AuthSecrets } from '../auth-secrets.js';
import type { CitizenAccessTokenIssuer, CitizenAuthStore, CitizenEmailProtector } from '../citizen-auth.ports.js';
import type { CitizenAuthSettings } from '../citizen-auth.settings.js';
import { normaliseEmail } from '../normalise-email.js';
import { nextRefreshToken, type SessionTokens } from '../session-tokens.js';
import type { SignInWithCodeCommand } from './sign-in-with-code.command.js';

type Outcome =
  | { kind: 'invalid' }
  | { kind: 'locked' }
  | { kind: 'signed-in'; citizenId: string; refreshToken: string; refreshTokenExpiresIn: number };

// Compared against when there is no code, so that a wrong code costs the same whether or not one was sent.
const NO_CODE_SALT = 'no-code';
const NO_CODE_HASH = 'A'.repeat(43);

/**
 * Checks an emailed code and starts a session. The newest code of the address is the only one that
 * works; each wrong try is counted (and committed) and the fifth closes the code. The first good code
 * of a new address makes its account.
 */
export class SignInWithCodeUseCase {
  constructor(
    private readonly store: CitizenAuthStore,
    private readonly emails: CitizenEmailProtector,
    private readonly secrets: AuthSecrets,
    private readonly accessTokens: CitizenAccessTokenIssuer,
    private readonly clock: Clock,
    private readonly settings: CitizenAuthSettings,
  ) {}

  async execute(command: SignInWithCodeCommand): Promise<SessionTokens> {
    const email = normaliseEmail(command.email);
    const emailIndex = this.emails.blindIndex(email);
    const now = this.clock.now();
    // The transaction returns the outcome and errors are thrown after it, so a counted wrong try is kept.
    const outcome = await this.store.transaction<Outcome>(async (transaction) => {
      const code = await transaction.findLatestSignInCodeForUpdate(emailIndex);
      const usable = code !== null && code.closedAt === null && code.expiresAt.getTime() > now.getTime();
      const matches = this.secrets.signInCodeMatches(
        command.code,
        usable ? code.codeSalt : NO_CODE_SALT,
        usable ? code.codeHash : NO_CODE_HASH,
      );
      if (!code || !usable) {
        const locked = code?.closedReason === 'too-many-attempts' && code.expiresAt.getTime() > now.getTime();
        return { kind: locked ? 'locked' : 'invalid' };
      }
      if (!matches) {
        const attempts = await transaction.recordFailedSignInAttempt(code.id);
        if (attempts < this.settings.maxSignInCodeAttempts) return { kind: 'invalid' };
        await transaction.closeSignInCode(code.id, 'too-many-attempts', now);
        await transaction.audit({
          actorType: 'anonymous',
          actorId: null,
          action: 'citizen.sign-in-code.locked',
          targetType: 'citizen-sign-in-code',
          targetId: code.id,
          details: { failedAttempts: attempts },
          occurredAt: now,
        });
        return { kind: 'locked' };
      }

      await transaction.closeSignInCode(code.id, 'used', now);
      let citizenId = await transaction.findCitizenIdByEmailIndex(emailIndex);
      const accountCreated = citizenId === null;
      if (citizenId === null) {
        citizenId = randomUUID();
        await transaction.createCitizen({
          id: citizenId,
          emailIndex,
          emailEncrypted: this.emails.encrypt(citizenId, email),
          createdAt: now,
        });
        await transaction.audit({
          actorType: 'citizen',
          actorId: citizenId,
          action: 'citizen.account.created',
          targetType: 'citizen-account',
          targetId: citizenId,
          details: { method: 'email-code' },
          occurredAt: now,
        });
      }
      await transaction.recordSignIn(citizenId, now);
      const sessionId = randomUUID();
      const sessionExpiresAt = new Date(now.getTime() + this.settings.sessionMaxSeconds * 1000);
      await transaction.insertSession({ id: sessionId, citizenId, createdAt: now, expiresAt: sessionExpiresAt });
      const refreshToken = this.secrets.newRefreshToken();
      const next = nextRefreshToken(now, this.settings.refreshTokenTtlSeconds, sessionExpiresAt);
      await transaction.insertRefreshToken({
        id: next.id,
        sessionId,
        tokenHash: this.secrets.hashRefreshToken(refreshToken),
        createdAt: next.createdAt,
        expiresAt: next.expiresAt,
      });
      await transaction.audit({
        actorType: 'citizen',
        actorId: citizenId,
        action: 'citizen.signed-in',
        targetType: 'citizen-session',
        targetId: sessionId,
        details: { method: 'email-code', signInCodeId: code.id, accountCreated },
        occurredAt: now,
      });
      return { kind: 'signed-in', citizenId, refreshToken, refreshTokenExpiresIn: next.expiresIn };
    });

    switch (outcome.kind) {
      case 'invalid':
        throw signInCodeInvalid();
      case 'locked':
        throw signInCodeAttemptsExceeded();
      case 'signed-in':
        return {
          ...this.accessTokens.issue(outcome.citizenId),
          citizenId: outcome.citizenId,
          refreshToken: outcome.refreshToken,
          refreshTokenExpiresIn: outcome.refreshTokenExpiresIn,
        };
    }
  }
}
