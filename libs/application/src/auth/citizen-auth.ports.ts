/** Why a sign-in code stopped being usable. */
export type SignInCodeClosedReason = 'used' | 'superseded' | 'too-many-attempts';

/** One emailed sign-in code. The code itself is never stored: only its keyed hash and the salt. */
export interface SignInCodeRecord {
  id: string;
  emailIndex: string;
  codeHash: string;
  codeSalt: string;
  createdAt: Date;
  expiresAt: Date;
  failedAttempts: number;
  closedAt: Date | null;
  closedReason: SignInCodeClosedReason | null;
}

/** Why a session (a refresh token family) was revoked. */
export type SessionRevokedReason = 'signed-out' | 'refresh-token-reuse';

/** One refresh token with the session (family) it belongs to. The token itself is never stored: only its hash. */
export interface RefreshTokenRecord {
  id: string;
  sessionId: string;
  citizenId: string;
  expiresAt: Date;
  /** Set when the token was exchanged for a new one; presenting it again is reuse. */
  usedAt: Date | null;
  sessionExpiresAt: Date;
  sessionRevokedAt: Date | null;
}

export interface NewCitizenAccount {
  id: string;
  emailIndex: string;
  emailEncrypted: string;
  createdAt: Date;
}

/** An audit log entry of a sign-in event: ids and codes only, never an email address or a code. */
export interface AuthAuditEvent {
  actorType: 'citizen' | 'anonymous';
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details?: Record<string, string | number | boolean>;
  occurredAt: Date;
}

/** The reads and writes of sign-in, all inside one database transaction (with the audit entries it records). */
export interface CitizenAuthTransaction {
  insertSignInCode(code: SignInCodeRecord): Promise<void>;
  /** Closes every open code of this email (a new code replaces them). */
  closeOpenSignInCodes(emailIndex: string, reason: SignInCodeClosedReason, at: Date): Promise<void>;
  /** The newest code of this email, locked until the transaction ends. */
  findLatestSignInCodeForUpdate(emailIndex: string): Promise<SignInCodeRecord | null>;
  /** Adds one failed attempt and returns the new count. */
  recordFailedSignInAttempt(codeId: string): Promise<number>;
  closeSignInCode(codeId: string, reason: SignInCodeClosedReason, at: Date): Promise<void>;

  findCitizenIdByEmailIndex(emailIndex: string): Promise<string | null>;
  createCitizen(account: NewCitizenAccount): Promise<void>;
  /**
   * The account linked to an external (OIDC) issuer and subject, created on first sight. With `adoptUnscoped`, an
   * account of the same subject made before accounts were keyed by issuer is claimed for this issuer.
   */
  ensureCitizenForExternalSubject(
    identity: { issuer: string; subject: string; adoptUnscoped: boolean },
    newId: string,
    at: Date,
  ): Promise<{ citizenId: string; created: boolean }>;
  /** Sets `last_signed_in_at` if `at` is later than it; answers whether it did (a new sign-in). */
  recordExternalSignIn(citizenId: string, at: Date): Promise<boolean>;
  recordSignIn(citizenId: string, at: Date): Promise<void>;

  insertSession(session: { id: string; citizenId: string; createdAt: Date; expiresAt: Date }): Promise<void>;
  revokeSession(sessionId: string, reason: SessionRevokedReason, at: Date): Promise<void>;
  insertRefreshToken(token: {
    id: string;
    sessionId: string;
    tokenHash: string;
    createdAt: Date;
    expiresAt: Date;
  }): Promise<void>;
  /** The refresh token with this hash and its session, locked until the transaction ends. */
  findRefreshTokenForUpdate(tokenHash: string): Promise<RefreshTokenRecord | null>;
  markRefreshTokenUsed(tokenId: string, at: Date): Promise<void>;

  audit(event: AuthAuditEvent): Promise<void>;
}

/** Storage of sign-in codes, accounts and sessions. */
export abstract class CitizenAuthStore {
  /** Runs the work in one transaction: it commits when the work resolves and rolls back when it throws. */
  abstract transaction<T>(work: (transaction: CitizenAuthTransaction) => Promise<T>): Promise<T>;
}

/** Protects email addresses at rest: a keyed hash to find an account, encryption bound to the account. */
export abstract class CitizenEmailProtector {
  abstract blindIndex(email: string): string;
  abstract encrypt(citizenId: string, email: string): string;
}

export interface AccessTokenGrant {
  accessToken: string;
  /** Seconds. */
  expiresIn: number;
  tokenType: 'Bearer';
}

/** Issues the short-lived access tokens (JWT) of local sign-in. */
export abstract class CitizenAccessTokenIssuer {
  abstract issue(citizenId: string): AccessTokenGrant;
}
