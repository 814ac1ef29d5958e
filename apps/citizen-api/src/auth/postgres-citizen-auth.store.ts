import { Injectable } from '@nestjs/common';
import {
  CitizenAuthStore,
  type AuthAuditEvent,
  type CitizenAuthTransaction,
  type NewCitizenAccount,
  type RefreshTokenRecord,
  type SessionRevokedReason,
  type SignInCodeClosedReason,
  type SignInCodeRecord,
} from '@redress/application';
import { AuditLog } from '@redress/platform';
import { DataSource, type EntityManager } from 'typeorm';

interface SignInCodeRow {
  id: string;
  email_blind_index: string;
  code_hash: string;
  code_salt: string;
  created_at: Date;
  expires_at: Date;
  failed_attempts: number;
  closed_at: Date | null;
  closed_reason: SignInCodeClosedReason | null;
}

interface RefreshTokenRow {
  id: string;
  session_id: string;
  citizen_id: string;
  expires_at: Date;
  used_at: Date | null;
  session_expires_at: Date;
  session_revoked_at: Date | null;
}

/** One transaction's reads and writes, in plain SQL (row locks and conditional updates read best as SQL). */
class PostgresCitizenAuthTransaction implements CitizenAuthTransaction {
  constructor(
    private readonly manager: EntityManager,
    private readonly auditLog: AuditLog,
  ) {}

  async insertSignInCode(code: SignInCodeRecord): Promise<void> {
    await this.manager.query(
      `INSERT INTO citizen_sign_in_code
         (id, email_blind_index, code_hash, code_salt, created_at, expires_at, failed_attempts, closed_at, closed_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        code.id,
        code.emailIndex,
        code.codeHash,
        code.codeSalt,
        code.createdAt,
        code.expiresAt,
        code.failedAttempts,
        code.closedAt,
        code.closedReason,
      ],
    );
  }

  async closeOpenSignInCodes(emailIndex: string, reason: SignInCodeClosedReason, at: Date): Promise<void> {
    await this.manager.query(
      `UPDATE citizen_sign_in_code SET closed_at = $2, closed_reason = $3
       WHERE email_blind_index = $1 AND closed_at IS NULL`,
      [emailIndex, at, reason],
    );
  }

  async findLatestSignInCodeForUpdate(emailIndex: string): Promise<SignInCodeRecord | null> {
    const [row] = await this.manager.query<SignInCodeRow[]>(
      `SELECT * FROM citizen_sign_in_code WHERE email_blind_index = $1
       ORDER BY position DESC LIMIT 1 FOR UPDATE`,
      [emailIndex],
    );
    if (!row) return null;
    return {
      id: row.id,
      emailIndex: row.email_blind_index,
      codeHash: row.code_hash,
      codeSalt: row.code_salt,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      failedAttempts: row.failed_attempts,
      closedAt: row.closed_at,
      closedReason: row.closed_reason,
    };
  }

  async recordFailedSignInAttempt(codeId: string): Promise<number> {
    const [rows] = await this.manager.query<[Array<{ failed_attempts: number }>, number]>(
      `UPDATE citizen_sign_in_code SET failed_attempts = failed_attempts + 1 WHERE id = $1 RETURNING failed_attempts`,
      [codeId],
    );
    const row = rows[0];
    if (!row) throw new Error('sign-in code vanished while locked');
    return row.failed_attempts;
  }

  async closeSignInCode(codeId: string, reason: SignInCodeClosedReason, at: Date): Promise<void> {
    await this.manager.query(`UPDATE citizen_sign_in_code SET closed_at = $2, closed_reason = $3 WHERE id = $1`, [
      codeId,
      at,
      reason,
    ]);
  }

  async findCitizenIdByEmailIndex(emailIndex: string): Promise<string | null> {
    const [row] = await this.manager.query<Array<{ id: string }>>(
      `SELECT id FROM citizen_account WHERE email_blind_index = $1`,
      [emailIndex],
    );
    return row?.id ?? null;
  }

  async createCitizen(account: NewCitizenAccount): Promise<void> {
    await this.manager.query(
      `INSERT INTO citizen_account (id, email_blind_index, email_encrypted, created_at) VALUES ($1, $2, $3, $4)`,
      [account.id, account.emailIndex, account.emailEncrypted, account.createdAt],
    );
  }

  async ensureCitizenForExternalSubject(
    identity: { issuer: string; subject: string; adoptUnscoped: boolean },
    newId: string,
    at: Date,
  ): Promise<{ citizenId: string; created: boolean }> {
    // Every request of a signed-in citizen comes here: the account that exists is one indexed read.
    const known = await this.findExternalAccount(identity.issuer, identity.subject);
    if (known) return { citizenId: known, created: false };
    if (identity.adoptUnscoped) {
      // A row made before issuers were kept: claimed once (a concurrent claim waits on the row lock, then misses).
      const [adopted] = await this.manager.query<[Array<{ id: string }>, number]>(
        `UPDATE citizen_account SET external_issuer = $1
         WHERE external_issuer IS NULL AND external_subject = $2 RETURNING id`,
        [identity.issuer, identity.subject],
      );
      if (adopted[0]) return { citizenId: adopted[0].id, created: false };
    }
    // ON CONFLICT makes two first requests of the same new identity agree on one account.
    const inserted = await this.manager.query<Array<{ id: string }>>(
      `INSERT INTO citizen_account (id, external_issuer, external_subject, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (external_issuer, external_subject) DO NOTHING RETURNING id`,
      [newId, identity.issuer, identity.subject, at],
    );
    if (inserted[0]) return { citizenId: inserted[0].id, created: true };
    const existing = await this.findExternalAccount(identity.issuer, identity.subject);
    if (!existing) throw new Error('citizen account for an external identity vanished');
    return { citizenId: existing, created: false };
  }

  private async findExternalAccount(issuer: string, subject: string): Promise<string | null> {
    const [row] = await this.manager.query<Array<{ id: string }>>(
      `SELECT id FROM citizen_account WHERE external_issuer = $1 AND external_subject = $2`,
      [issuer, subject],
    );
    return row?.id ?? null;
  }

  async recordExternalSignIn(citizenId: string, at: Date): Promise<boolean> {
    const [rows] = await this.manager.query<[Array<{ id: string }>, number]>(
      `UPDATE citizen_account SET last_signed_in_at = $2
       WHERE id = $1 AND (last_signed_in_at IS NULL OR last_signed_in_at < $2) RETURNING id`,
      [citizenId, at],
    );
    return rows.length > 0;
  }

  async recordSignIn(citizenId: string, at: Date): Promise<void> {
    await this.manager.query(`UPDATE citizen_account SET last_signed_in_at = $2 WHERE id = $1`, [citizenId, at]);
  }

  async insertSession(session: { id: string; citizenId: string; createdAt: Date; expiresAt: Date }): Promise<void> {
    await this.manager.query(
      `INSERT INTO citizen_session (id, citizen_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
      [session.id, session.citizenId, session.createdAt, session.expiresAt],
    );
  }

  async revokeSession(sessionId: string, reason: SessionRevokedReason, at: Date): Promise<void> {
    await this.manager.query(
      `UPDATE citizen_session SET revoked_at = $2, revoked_reason = $3 WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId, at, reason],
    );
  }

  async insertRefreshToken(token: {
    id: string;
    sessionId: string;
    tokenHash: string;
    createdAt: Date;
    expiresAt: Date;
  }): Promise<void> {
    await this.manager.query(
      `INSERT INTO citizen_refresh_token (id, session_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [token.id, token.sessionId, token.tokenHash, token.createdAt, token.expiresAt],
    );
  }

  async findRefreshTokenForUpdate(tokenHash: string): Promise<RefreshTokenRecord | null> {
    // Locks the session too: a refresh and a reuse of the same family wait for each other.
    const [row] = await this.manager.query<RefreshTokenRow[]>(
      `SELECT t.id, t.session_id, s.citizen_id, t.expires_at, t.used_at,
              s.expires_at AS session_expires_at, s.revoked_at AS session_revoked_at
       FROM citizen_refresh_token t JOIN citizen_session s ON s.id = t.session_id
       WHERE t.token_hash = $1 FOR UPDATE OF t, s`,
      [tokenHash],
    );
    if (!row) return null;
    return {
      id: row.id,
      sessionId: row.session_id,
      citizenId: row.citizen_id,
      expiresAt: row.expires_at,
      usedAt: row.used_at,
      sessionExpiresAt: row.session_expires_at,
      sessionRevokedAt: row.session_revoked_at,
    };
  }

  async markRefreshTokenUsed(tokenId: string, at: Date): Promise<void> {
    await this.manager.query(`UPDATE citizen_refresh_token SET used_at = $2 WHERE id = $1`, [tokenId, at]);
  }

  async audit(event: AuthAuditEvent): Promise<void> {
    await this.auditLog.append(this.manager, { ...event, details: event.details ?? {} });
  }
}

/** Sign-in storage on PostgreSQL; each unit of work is one transaction, audit entries included. */
@Injectable()
export class PostgresCitizenAuthStore extends CitizenAuthStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auditLog: AuditLog,
  ) {
    super();
  }

  transaction<T>(work: (transaction: CitizenAuthTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new PostgresCitizenAuthTransaction(manager, this.auditLog)));
  }
}
