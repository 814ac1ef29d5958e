import { createHash } from 'node:crypto';
import type { EmailNotification, NotificationReceipt, SmsNotification } from '../../ports/notifier.js';
import { Notifier } from '../../ports/notifier.js';
import {
  CitizenAccessTokenIssuer,
  CitizenAuthStore,
  CitizenEmailProtector,
  type AccessTokenGrant,
  type AuthAuditEvent,
  type CitizenAuthTransaction,
  type RefreshTokenRecord,
  type SessionRevokedReason,
  type SignInCodeClosedReason,
  type SignInCodeRecord,
} from '../citizen-auth.ports.js';

interface State {
  codes: SignInCodeRecord[];
  accounts: Array<{
    id: string;
    emailIndex: string | null;
    emailEncrypted: string | null;
    externalIssuer: string | null;
    externalSubject: string | null;
    lastSignedInAt: Date | null;
  }>;
  sessions: Array<{
    id: string;
    citizenId: string;
    createdAt: Date;
    expiresAt: Date;
    revokedAt: Date | null;
    revokedReason: SessionRevokedReason | null;
  }>;
  refreshTokens: Array<{
    id: string;
    sessionId: string;
    tokenHash: string;
    createdAt: Date;
    expiresAt: Date;
    usedAt: Date | null;
  }>;
  audit: AuthAuditEvent[];
}

/** An in-memory store for use-case tests: a transaction works on a copy that replaces the state only on success. */
export class InMemoryCitizenAuthStore extends CitizenAuthStore {
  state: State = { codes: [], accounts: [], sessions: [], refreshTokens: [], audit: [] };

  async transaction<T>(work: (transaction: CitizenAuthTransaction) => Promise<T>): Promise<T> {
    const draft = structuredClone(this.state);
    const result = await work(new InMemoryTransaction(draft));
    this.state = draft;
    return result;
  }
}

class InMemoryTransaction implements CitizenAuthTransaction {
  constructor(private readonly state: State) {}

  async insertSignInCode(code: SignInCodeRecord) {
    this.state.codes.push({ ...code });
  }
  async closeOpenSignInCodes(emailIndex: string, reason: SignInCodeClosedReason, at: Date) {
    for (const code of this.state.codes) {
      if (code.emailIndex === emailIndex && code.closedAt === null)
        Object.assign(code, { closedAt: at, closedReason: reason });
    }
  }
  async findLatestSignInCodeForUpdate(emailIndex: string) {
    const codes = this.state.codes.filter((code) => code.emailIndex === emailIndex);
    return codes.length ? { ...codes[codes.length - 1]! } : null;
  }
  async recordFailedSignInAttempt(codeId: string) {
    const code = this.state.codes.find((candidate) => candidate.id === codeId)!;
    code.failedAttempts += 1;
    return code.failedAttempts;
  }
  async closeSignInCode(codeId: string, reason: SignInCodeClosedReason, at: Date) {
    Object.assign(
      this.state.codes.find((code) => code.id === codeId)!,
      { closedAt: at, closedReason: reason },
    );
  }
  async findCitizenIdByEmailIndex(emailIndex: string) {
    return this.state.accounts.find((account) => account.emailIndex === emailIndex)?.id ?? null;
  }
  async createCitizen(account: { id: string; emailIndex: string; emailEncrypted: string }) {
    if (this.state.accounts.some((existing) => existing.emailIndex === account.emailIndex))
      throw new Error('duplicate');
    this.state.accounts.push({ ...account, externalIssuer: null, externalSubject: null, lastSignedInAt: null });
  }
  async ensureCitizenForExternalSubject(
    identity: { issuer: string; subject: string; adoptUnscoped: boolean },
    newId: string,
  ) {
    const existing = this.state.accounts.find(
      (account) => account.externalIssuer === identity.issuer && account.externalSubject === identity.subject,
    );
    if (existing) return { citizenId: existing.id, created: false };
    const unscoped = identity.adoptUnscoped
      ? this.state.accounts.find(
          (account) => account.externalIssuer === null && account.externalSubject === identity.subject,
        )
      : undefined;
    if (unscoped) {
      unscoped.externalIssuer = identity.issuer;
      return { citizenId: unscoped.id, created: false };
    }
    this.state.accounts.push({
      id: newId,
      emailIndex: null,
      emailEncrypted: null,
      externalIssuer: identity.issuer,
      externalSubject: identity.subject,
      lastSignedInAt: null,
    });
    return { citizenId: newId, created: true };
  }
  async recordExternalSignIn(citizenId: string, at: Date) {
    const account = this.state.accounts.find((candidate) => candidate.id === citizenId)!;
    if (account.lastSignedInAt && account.lastSignedInAt >= at) return false;
    account.lastSignedInAt = at;
    return true;
  }
  async recordSignIn(citizenId: string, at: Date) {
    this.state.accounts.find((account) => account.id === citizenId)!.lastSignedInAt = at;
  }
  async insertSession(session: { id: string; citizenId: string; createdAt: Date; expiresAt: Date }) {
    this.state.sessions.push({ ...session, revokedAt: null, revokedReason: null });
  }
  async revokeSession(sessionId: string, reason: SessionRevokedReason, at: Date) {
    const session = this.state.sessions.find((candidate) => candidate.id === sessionId)!;
    if (!session.revokedAt) Object.assign(session, { revokedAt: at, revokedReason: reason });
  }
  async insertRefreshToken(token: {
    id: string;
    sessionId: string;
    tokenHash: string;
    createdAt: Date;
    expiresAt: Date;
  }) {
    this.state.refreshTokens.push({ ...token, usedAt: null });
  }
  async findRefreshTokenForUpdate(tokenHash: string): Promise<RefreshTokenRecord | null> {
    const token = this.state.refreshTokens.find((candidate) => candidate.tokenHash === tokenHash);
    if (!token) return null;
    const session = this.state.sessions.find((candidate) => candidate.id === token.sessionId)!;
    return {
      id: token.id,
      sessionId: token.sessionId,
      citizenId: session.citizenId,
      expiresAt: token.expiresAt,
      usedAt: token.usedAt,
      sessionExpiresAt: session.expiresAt,
      sessionRevokedAt: session.revokedAt,
    };
  }
  async markRefreshTokenUsed(tokenId: string, at: Date) {
    this.state.refreshTokens.find((token) => token.id === tokenId)!.usedAt = at;
  }
  async audit(event: AuthAuditEvent) {
    this.state.audit.push(event);
  }
}

/** Reversible stand-ins: the "encryption" is tagged so tests can see what was stored. */
export class FakeEmailProtector extends CitizenEmailProtector {
  blindIndex(email: string): string {
    return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
  }
  encrypt(citizenId: string, email: string): string {
    return `encrypted(${citizenId}:${Buffer.from(email).toString('base64')})`;
  }
}

export class FakeAccessTokens extends CitizenAccessTokenIssuer {
  issue(citizenId: string): AccessTokenGrant {
    return { accessToken: `access-for-${citizenId}`, expiresIn: 900, tokenType: 'Bearer' };
  }
}

export class RecordingNotifier extends Notifier {
  readonly emails: EmailNotification[] = [];
  failNext = false;

  async sendEmail(notification: EmailNotification): Promise<NotificationReceipt> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('notify is down');
    }
    this.emails.push(notification);
    return { notificationId: `n-${this.emails.length}` };
  }
  async sendSms(_notification: SmsNotification): Promise<NotificationReceipt> {
    throw new Error('not used');
  }
  lastCode(): string {
    return String(this.emails[this.emails.length - 1]!.personalisation.code);
  }
}
