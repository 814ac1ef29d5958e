import { randomUUID } from 'node:crypto';
import type { Clock } from '../ports/clock.js';
import type { Notifier } from '../ports/notifier.js';
import { normaliseEmail } from '../auth/normalise-email.js';
import type { FieldEncryption } from '../referrals/referral-ports.js';
import { partnerSignInInvalid, partnerSignInLocked, partnerSignInWrongStep } from './partner-user-errors.js';
import type {
  PartnerAuthSecrets,
  PartnerAuthSettings,
  PartnerEmailProtector,
  PartnerSignInRecord,
  PartnerUserRecord,
  PartnerUserRole,
  PartnerUserStore,
  SecondFactor,
} from './partner-user-ports.js';

export interface PartnerSessionIssued {
  accessToken: string;
  /** Seconds the token works for without being used (each use extends it, up to the session's 12 hours). */
  expiresIn: number;
  user: { id: string; organisationId: string; role: PartnerUserRole };
}

const totpContext = (userId: string) => `partner-user:${userId}:totp`;

/** What every step of partner sign-in shares: finding the sign-in, counting wrong answers, starting the session. */
abstract class PartnerSignInStep {
  constructor(
    protected readonly store: PartnerUserStore,
    protected readonly secrets: PartnerAuthSecrets,
    protected readonly clock: Clock,
    protected readonly settings: PartnerAuthSettings,
  ) {}

  /** The open sign-in of this challenge at this stage, and its user, who must be neither removed nor locked. */
  protected async open(
    challenge: string,
    stage: PartnerSignInRecord['stage'],
  ): Promise<{ signIn: PartnerSignInRecord; user: PartnerUserRecord; now: Date }> {
    const now = this.clock.now();
    const signIn = await this.store.findSignInByChallengeHash(this.secrets.hashToken(challenge));
    if (!signIn) throw partnerSignInInvalid();
    const user = await this.store.findUserById(signIn.userId);
    if (!user || user.status === 'removed') throw partnerSignInInvalid();
    // A locked user hears that they are locked (the lock closed this sign-in too).
    if (user.lockedUntil && user.lockedUntil > now) throw partnerSignInLocked();
    if (signIn.stage === 'closed' || signIn.expiresAt <= now) throw partnerSignInInvalid();
    if (signIn.stage !== stage) throw partnerSignInWrongStep();
    return { signIn, user, now };
  }

  /** Counts a wrong code or second factor; the fifth locks sign-in for the user and closes this sign-in. */
  protected async wrongAnswer(user: PartnerUserRecord, signIn: PartnerSignInRecord, now: Date): Promise<never> {
    const { locked } = await this.store.recordFailedAttempt(
      user.id,
      this.settings.maxFailedAttempts,
      new Date(now.getTime() + this.settings.lockSeconds * 1000),
      {
        actor: { type: 'partner', id: user.id },
        action: 'partner-user.sign-in-locked',
        targetType: 'partner-user',
        targetId: user.id,
        details: { organisationId: user.organisationId, failedAttempts: this.settings.maxFailedAttempts },
        occurredAt: now,
      },
    );
    if (locked) {
      await this.store.updateSignIn(signIn.id, { stage: 'closed' });
      throw partnerSignInLocked();
    }
    throw partnerSignInInvalid();
  }

  protected async startSession(
    user: PartnerUserRecord,
    signIn: PartnerSignInRecord,
    now: Date,
    method: string,
  ): Promise<PartnerSessionIssued> {
    await this.store.updateSignIn(signIn.id, { stage: 'closed' });
    const accessToken = this.secrets.newToken('rpu_');
    const sessionId = randomUUID();
    await this.store.insertSession(
      {
        id: sessionId,
        userId: user.id,
        tokenHash: this.secrets.hashToken(accessToken),
        createdAt: now,
        expiresAt: new Date(now.getTime() + this.settings.sessionMaxSeconds * 1000),
        lastUsedAt: now,
        endedAt: null,
      },
      {
        actor: { type: 'partner', id: user.id },
        action: 'partner-user.signed-in',
        targetType: 'partner-session',
        targetId: sessionId,
        details: { organisationId: user.organisationId, secondFactor: method },
        occurredAt: now,
      },
    );
    return {
      accessToken,
      expiresIn: this.settings.sessionIdleSeconds,
      user: { id: user.id, organisationId: user.organisationId, role: user.role },
    };
  }
}

/**
 * Emails a six-digit code to a partner user. Known and unknown addresses get the same answer (a challenge that
 * only works if a code was sent), so the answer does not say whether someone has an account; a locked or removed
 * user gets no email.
 */
export class RequestPartnerSignInCode {
  constructor(
    private readonly store: PartnerUserStore,
    private readonly emails: PartnerEmailProtector,
    private readonly secrets: PartnerAuthSecrets,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly settings: PartnerAuthSettings,
  ) {}

  async execute(command: { email: string }): Promise<{ challenge: string; expiresIn: number }> {
    const email = normaliseEmail(command.email);
    const now = this.clock.now();
    const challenge = this.secrets.newToken('rpc_');
    const user = await this.store.findLiveUserByEmailIndex(this.emails.blindIndex(email));
    if (user && !(user.lockedUntil && user.lockedUntil > now)) {
      const code = this.secrets.newSignInCode();
      const codeSalt = this.secrets.newSalt();
      const signInId = randomUUID();
      await this.store.startSignIn(
        {
          id: signInId,
          userId: user.id,
          challengeHash: this.secrets.hashToken(challenge),
          codeHash: this.secrets.hashSignInCode(code, codeSalt),
          codeSalt,
          stage: 'code',
          pendingTotpSecretEncrypted: null,
          createdAt: now,
          expiresAt: new Date(now.getTime() + this.settings.signInCodeTtlSeconds * 1000),
        },
        {
          actor: { type: 'partner', id: user.id },
          action: 'partner-user.sign-in-code.issued',
          targetType: 'partner-user',
          targetId: user.id,
          details: { organisationId: user.organisationId, signInId },
          occurredAt: now,
        },
      );
      await this.notifier.sendEmail({
        templateId: this.settings.signInCodeTemplateId,
        emailAddress: email,
        personalisation: { code, minutes: Math.round(this.settings.signInCodeTtlSeconds / 60) },
        reference: signInId,
      });
    }
    return { challenge, expiresIn: this.settings.signInCodeTtlSeconds };
  }
}

/** Checks the emailed code; says which second factor comes next (set one up, or enter one). */
export class VerifyPartnerSignInCode extends PartnerSignInStep {
  async execute(command: { challenge: string; code: string }): Promise<{ next: 'totp-setup' | 'totp' }> {
    const { signIn, user, now } = await this.open(command.challenge, 'code');
    if (!this.secrets.signInCodeMatches(command.code.trim(), signIn.codeSalt, signIn.codeHash)) {
      return this.wrongAnswer(user, signIn, now);
    }
    await this.store.updateSignIn(signIn.id, { stage: 'second-factor' });
    return { next: user.totpSecretEncrypted ? 'totp' : 'totp-setup' };
  }
}

/** At first sign-in: a new TOTP secret (the same one until it is confirmed) with its QR code. */
export class StartPartnerTotpSetup extends PartnerSignInStep {
  constructor(
    store: PartnerUserStore,
    secrets: PartnerAuthSecrets,
    clock: Clock,
    settings: PartnerAuthSettings,
    private readonly secondFactor: SecondFactor,
    private readonly encryption: FieldEncryption,
    private readonly emails: PartnerEmailProtector,
  ) {
    super(store, secrets, clock, settings);
  }

  async execute(command: { challenge: string }): Promise<{ secret: string; uri: string; qrSvg: string }> {
    const { signIn, user } = await this.open(command.challenge, 'second-factor');
    if (user.totpSecretEncrypted) throw partnerSignInWrongStep();
    let secret: string;
    if (signIn.pendingTotpSecretEncrypted) {
      secret = this.encryption.decrypt(signIn.pendingTotpSecretEncrypted, totpContext(user.id));
    } else {
      secret = this.secondFactor.newSecret();
      const pendingTotpSecretEncrypted = this.encryption.encrypt(secret, totpContext(user.id));
      await this.store.updateSignIn(signIn.id, { pendingTotpSecretEncrypted });
    }
    const label = this.emails.decrypt(user.id, user.emailEncrypted);
    return { secret, ...(await this.secondFactor.enrolment(secret, label)) };
  }
}

/** Confirms the new TOTP secret with a code from the app; gives the recovery codes (once) and signs in. */
export class ConfirmPartnerTotpSetup extends PartnerSignInStep {
  constructor(
    store: PartnerUserStore,
    secrets: PartnerAuthSecrets,
    clock: Clock,
    settings: PartnerAuthSettings,
    private readonly secondFactor: SecondFactor,
    private readonly encryption: FieldEncryption,
  ) {
    super(store, secrets, clock, settings);
  }

  async execute(command: {
    challenge: string;
    code: string;
  }): Promise<PartnerSessionIssued & { recoveryCodes: string[] }> {
    const { signIn, user, now } = await this.open(command.challenge, 'second-factor');
    if (user.totpSecretEncrypted || !signIn.pendingTotpSecretEncrypted) throw partnerSignInWrongStep();
    const secret = this.encryption.decrypt(signIn.pendingTotpSecretEncrypted, totpContext(user.id));
    const step = this.secondFactor.matchingStep(secret, command.code.trim(), now);
    if (step === null || !(await this.store.useTotpStep(user.id, step))) return this.wrongAnswer(user, signIn, now);
    const recoveryCodes = this.secrets.newRecoveryCodes();
    await this.store.updateUser(
      user.id,
      {
        status: 'active',
        totpSecretEncrypted: signIn.pendingTotpSecretEncrypted,
        recoveryCodeHashes: recoveryCodes.map((code) => this.secrets.hashRecoveryCode(code)),
        failedAttempts: 0,
        lockedUntil: null,
      },
      {
        actor: { type: 'partner', id: user.id },
        action: 'partner-user.second-factor-set-up',
        targetType: 'partner-user',
        targetId: user.id,
        details: { organisationId: user.organisationId, recoveryCodes: recoveryCodes.length },
        occurredAt: now,
      },
    );
    return { ...(await this.startSession(user, signIn, now, 'totp-setup')), recoveryCodes };
  }
}

/** The second factor of a user who has one: a TOTP code, or one of their single-use recovery codes. */
export class VerifyPartnerSecondFactor extends PartnerSignInStep {
  constructor(
    store: PartnerUserStore,
    secrets: PartnerAuthSecrets,
    clock: Clock,
    settings: PartnerAuthSettings,
    private readonly secondFactor: SecondFactor,
    private readonly encryption: FieldEncryption,
  ) {
    super(store, secrets, clock, settings);
  }

  async execute(command: {
    challenge: string;
    method: 'totp' | 'recovery-code';
    code: string;
  }): Promise<PartnerSessionIssued & { recoveryCodesLeft: number }> {
    const { signIn, user, now } = await this.open(command.challenge, 'second-factor');
    if (!user.totpSecretEncrypted) throw partnerSignInWrongStep();
    const code = command.code.trim().toLowerCase();
    let left = user.recoveryCodeHashes.length;
    if (command.method === 'totp') {
      const secret = this.encryption.decrypt(user.totpSecretEncrypted, totpContext(user.id));
      // A code works once: a step already used (a replayed or shoulder-surfed code) is a wrong answer.
      const step = this.secondFactor.matchingStep(secret, code, now);
      if (step === null || !(await this.store.useTotpStep(user.id, step))) return this.wrongAnswer(user, signIn, now);
    } else {
      const remaining = await this.store.consumeRecoveryCode(user.id, this.secrets.hashRecoveryCode(code), {
        actor: { type: 'partner', id: user.id },
        action: 'partner-user.recovery-code-used',
        targetType: 'partner-user',
        targetId: user.id,
        details: { organisationId: user.organisationId },
        occurredAt: now,
      });
      if (remaining === null) return this.wrongAnswer(user, signIn, now);
      left = remaining;
    }
    await this.store.updateUser(user.id, { failedAttempts: 0, lockedUntil: null }, null);
    return { ...(await this.startSession(user, signIn, now, command.method)), recoveryCodesLeft: left };
  }
}
