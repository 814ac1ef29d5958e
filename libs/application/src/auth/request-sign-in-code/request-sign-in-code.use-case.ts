import { randomUUID } from 'node:crypto';
import type { Clock } from '../../ports/clock.js';
import type { Notifier } from '../../ports/notifier.js';
import type { AuthSecrets } from '../auth-secrets.js';
import type { CitizenAuthStore, CitizenEmailProtector } from '../citizen-auth.ports.js';
import type { CitizenAuthSettings } from '../citizen-auth.settings.js';
import { normaliseEmail } from '../normalise-email.js';
import type { RequestSignInCodeCommand } from './request-sign-in-code.command.js';

export interface SignInCodeSent {
  /** Seconds the code works for. */
  expiresIn: number;
}

/**
 * Emails a new six-digit code and replaces any earlier one. Known and unknown addresses take exactly the
 * same path (the account is made only when a code is used), so neither the answer nor its timing says
 * whether someone has an account. The code is sent from the request rather than through the outbox: it
 * exists in clear only in this process's memory, and a job payload would have to store it.
 */
export class RequestSignInCodeUseCase {
  constructor(
    private readonly store: CitizenAuthStore,
    private readonly emails: CitizenEmailProtector,
    private readonly secrets: AuthSecrets,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly settings: CitizenAuthSettings,
  ) {}

  async execute(command: RequestSignInCodeCommand): Promise<SignInCodeSent> {
    const email = normaliseEmail(command.email);
    const emailIndex = this.emails.blindIndex(email);
    const now = this.clock.now();
    const code = this.secrets.newSignInCode();
    const codeSalt = this.secrets.newSalt();
    const codeId = randomUUID();
    await this.store.transaction(async (transaction) => {
      await transaction.closeOpenSignInCodes(emailIndex, 'superseded', now);
      await transaction.insertSignInCode({
        id: codeId,
        emailIndex,
        codeHash: this.secrets.hashSignInCode(code, codeSalt),
        codeSalt,
        createdAt: now,
        expiresAt: new Date(now.getTime() + this.settings.signInCodeTtlSeconds * 1000),
        failedAttempts: 0,
        closedAt: null,
        closedReason: null,
      });
      await transaction.audit({
        actorType: 'anonymous',
        actorId: null,
        action: 'citizen.sign-in-code.issued',
        targetType: 'citizen-sign-in-code',
        targetId: codeId,
        occurredAt: now,
      });
    });
    await this.notifier.sendEmail({
      templateId: command.language === 'cy' ? this.settings.signInCodeTemplateIdCy : this.settings.signInCodeTemplateId,
      emailAddress: email,
      personalisation: { code, minutes: Math.round(this.settings.signInCodeTtlSeconds / 60) },
      reference: codeId,
    });
    return { expiresIn: this.settings.signInCodeTtlSeconds };
  }
}
