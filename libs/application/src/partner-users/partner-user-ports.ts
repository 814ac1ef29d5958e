import type { ReferralAuditEntry } from '../referrals/referral-ports.js';

export type PartnerUserRole = 'administrator' | 'caseworker';
export type PartnerUserStatus = 'invited' | 'active' | 'removed';

/** A named person of a support organisation. Their email is kept as a blind index and encrypted. */
export interface PartnerUserRecord {
  id: string;
  organisationId: string;
  emailIndex: string;
  emailEncrypted: string;
  role: PartnerUserRole;
  status: PartnerUserStatus;
  /** The confirmed TOTP secret, encrypted; null until the second factor is set up. */
  totpSecretEncrypted: string | null;
  /** Hashes of the recovery codes not yet used. */
  recoveryCodeHashes: string[];
  failedAttempts: number;
  lockedUntil: Date | null;
  invitedBy: string;
  createdAt: Date;
  removedAt: Date | null;
}

/** One sign-in in progress: the emailed code, then the second factor. Only hashes are stored. */
export interface PartnerSignInRecord {
  id: string;
  userId: string;
  challengeHash: string;
  codeHash: string;
  codeSalt: string;
  stage: 'code' | 'second-factor' | 'closed';
  /** A TOTP secret being set up at first sign-in, encrypted, until it is confirmed. */
  pendingTotpSecretEncrypted: string | null;
  createdAt: Date;
  expiresAt: Date;
}

export interface PartnerSessionRecord {
  id: string;
  userId: string;
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date;
  endedAt: Date | null;
}

/** Storage of partner users, their sign-ins and sessions. Each write records its audit entry in its transaction. */
export abstract class PartnerUserStore {
  abstract findUserById(userId: string): Promise<PartnerUserRecord | null>;
  /** The user with this email who has not been removed. */
  abstract findLiveUserByEmailIndex(emailIndex: string): Promise<PartnerUserRecord | null>;
  abstract listUsers(organisationId: string): Promise<PartnerUserRecord[]>;
  abstract insertUser(user: PartnerUserRecord, audit: ReferralAuditEntry): Promise<void>;
  /** Marks the user removed and ends every session of theirs, in one transaction. */
  abstract removeUser(userId: string, at: Date, audit: ReferralAuditEntry): Promise<void>;
  abstract updateUser(
    userId: string,
    changes: Partial<
      Pick<
        PartnerUserRecord,
        'status' | 'totpSecretEncrypted' | 'recoveryCodeHashes' | 'failedAttempts' | 'lockedUntil'
      >
    >,
    audit: ReferralAuditEntry | null,
  ): Promise<void>;

  /**
   * Adds one failed attempt, atomically; the attempt that reaches `maxAttempts` sets `lockedUntil`, resets the count
   * and records the audit entry.
   */
  abstract recordFailedAttempt(
    userId: string,
    maxAttempts: number,
    lockedUntil: Date,
    audit: ReferralAuditEntry,
  ): Promise<{ locked: boolean }>;
  /** Removes the recovery code's hash if the user still has it (atomically: a code works once); the codes left. */
  abstract consumeRecoveryCode(userId: string, codeHash: string, audit: ReferralAuditEntry): Promise<number | null>;
  /** Records the TOTP step as used, atomically; false when that step or a later one was used already (a replay). */
  abstract useTotpStep(userId: string, step: number): Promise<boolean>;
  abstract organisationName(organisationId: string): Promise<string | null>;

  /** Closes the user's open sign-ins and opens this one. */
  abstract startSignIn(signIn: PartnerSignInRecord, audit: ReferralAuditEntry): Promise<void>;
  abstract findSignInByChallengeHash(challengeHash: string): Promise<PartnerSignInRecord | null>;
  abstract updateSignIn(
    signInId: string,
    changes: Partial<Pick<PartnerSignInRecord, 'stage' | 'pendingTotpSecretEncrypted'>>,
  ): Promise<void>;

  abstract insertSession(session: PartnerSessionRecord, audit: ReferralAuditEntry): Promise<void>;
  abstract findSessionByTokenHash(tokenHash: string): Promise<PartnerSessionRecord | null>;
  abstract touchSession(sessionId: string, at: Date): Promise<void>;
  abstract endSession(sessionId: string, at: Date): Promise<void>;
}

/** Time-based one-time passwords (RFC 6238) and the QR code that carries a new secret to an authenticator app. */
export abstract class SecondFactor {
  /** A new random secret, base32. */
  abstract newSecret(): string;
  /** The `otpauth://` URI and an SVG QR code of it. */
  abstract enrolment(secret: string, accountLabel: string): Promise<{ uri: string; qrSvg: string }>;
  /**
   * The 30-second time step the code belongs to when it is the secret's code now (one step either side allowed for
   * clock drift); null otherwise. A step is used once: the caller refuses a step not later than the last one used.
   */
  abstract matchingStep(secret: string, code: string, at: Date): number | null;
}

/** Secrets of partner sign-in: codes, challenges, session tokens and recovery codes. */
export abstract class PartnerAuthSecrets {
  abstract newSignInCode(): string;
  abstract newSalt(): string;
  abstract hashSignInCode(code: string, salt: string): string;
  abstract signInCodeMatches(code: string, salt: string, expectedHash: string): boolean;
  /** An opaque random token (challenge or session token), and its hash. */
  abstract newToken(prefix: string): string;
  abstract hashToken(token: string): string;
  /** Ten recovery codes in the form `xxxx-xxxx-xxxx`. */
  abstract newRecoveryCodes(): string[];
  abstract hashRecoveryCode(code: string): string;
}

export interface PartnerAuthSettings {
  signInCodeTtlSeconds: number;
  signInCodeTemplateId: string;
  invitationTemplateId: string;
  /** Where the invitation email sends people (the portal's start page). */
  portalUrl: string;
  maxFailedAttempts: number;
  lockSeconds: number;
  sessionIdleSeconds: number;
  sessionMaxSeconds: number;
}

export const defaultPartnerAuthSettings: Omit<
  PartnerAuthSettings,
  'signInCodeTemplateId' | 'invitationTemplateId' | 'portalUrl'
> = {
  signInCodeTtlSeconds: 15 * 60,
  maxFailedAttempts: 5,
  lockSeconds: 15 * 60,
  sessionIdleSeconds: 30 * 60,
  sessionMaxSeconds: 12 * 3600,
};

/** Protects partner users' email addresses at rest: a keyed hash to find the user, encryption bound to the user. */
export abstract class PartnerEmailProtector {
  abstract blindIndex(email: string): string;
  abstract encrypt(userId: string, email: string): string;
  abstract decrypt(userId: string, value: string): string;
}
