import {
  PartnerUserStore,
  type PartnerSessionRecord,
  type PartnerSignInRecord,
  type PartnerUserRecord,
  type ReferralAuditEntry,
} from '@redress/application';
import type { DataSource } from 'typeorm';
import { auditInput, type AuditAppend } from './audit-writer.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface UserRow {
  id: string;
  organization_id: string;
  email_blind_index: string;
  email_encrypted: string;
  role: PartnerUserRecord['role'];
  status: PartnerUserRecord['status'];
  totp_secret_encrypted: string | null;
  recovery_code_hashes: string[];
  failed_attempts: number;
  locked_until: Date | null;
  invited_by: string;
  created_at: Date;
  removed_at: Date | null;
}

const toUser = (row: UserRow): PartnerUserRecord => ({
  id: row.id,
  organisationId: row.organization_id,
  emailIndex: row.email_blind_index,
  emailEncrypted: row.email_encrypted,
  role: row.role,
  status: row.status,
  totpSecretEncrypted: row.totp_secret_encrypted,
  recoveryCodeHashes: row.recovery_code_hashes,
  failedAttempts: row.failed_attempts,
  lockedUntil: row.locked_until,
  invitedBy: row.invited_by,
  createdAt: row.created_at,
  removedAt: row.removed_at,
});

const USER_COLUMNS: Record<string, string> = {
  status: 'status',
  totpSecretEncrypted: 'totp_secret_encrypted',
  recoveryCodeHashes: 'recovery_code_hashes',
  failedAttempts: 'failed_attempts',
  lockedUntil: 'locked_until',
};
const SIGN_IN_COLUMNS: Record<string, string> = {
  stage: 'stage',
  pendingTotpSecretEncrypted: 'pending_totp_secret_encrypted',
};

/** The rows of an UPDATE ... RETURNING (TypeORM's PostgreSQL driver answers `[rows, affected]` for an UPDATE). */
function returned<T>(result: unknown): T[] {
  const [first] = result as unknown[];
  return (Array.isArray(first) ? first : result) as T[];
}

/** SET clauses for the given changes, from a fixed column map (never from input). */
function setClause(changes: Record<string, unknown>, columns: Record<string, string>, offset: number) {
  const entries = Object.entries(changes).filter(([key, value]) => value !== undefined && key in columns);
  return {
    sql: entries.map(([key], index) => `${columns[key]} = $${index + offset}`).join(', '),
    values: entries.map(([, value]) => value),
  };
}

/** Partner users, sign-ins and sessions in PostgreSQL; each write with its audit entry in one transaction. */
export class PostgresPartnerUserStore extends PartnerUserStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auditAppend: AuditAppend,
  ) {
    super();
  }

  async organisationName(organisationId: string) {
    if (!UUID.test(organisationId)) return null;
    const [row] = await this.dataSource.query<Array<{ name: string }>>(
      `SELECT name FROM directory_organization WHERE id = $1`,
      [organisationId],
    );
    return row?.name ?? null;
  }

  async findUserById(userId: string) {
    if (!UUID.test(userId)) return null;
    const [row] = await this.dataSource.query<UserRow[]>(`SELECT * FROM partner_user WHERE id = $1`, [userId]);
    return row ? toUser(row) : null;
  }

  async findLiveUserByEmailIndex(emailIndex: string) {
    const [row] = await this.dataSource.query<UserRow[]>(
      `SELECT * FROM partner_user WHERE email_blind_index = $1 AND status <> 'removed'`,
      [emailIndex],
    );
    return row ? toUser(row) : null;
  }

  async listUsers(organisationId: string) {
    const rows = await this.dataSource.query<UserRow[]>(
      `SELECT * FROM partner_user WHERE organization_id = $1 ORDER BY status = 'removed', created_at, id`,
      [organisationId],
    );
    return rows.map(toUser);
  }

  async insertUser(user: PartnerUserRecord, audit: ReferralAuditEntry) {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO partner_user (id, organization_id, email_blind_index, email_encrypted, role, status,
           totp_secret_encrypted, recovery_code_hashes, failed_attempts, locked_until, invited_by, created_at, removed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          user.id,
          user.organisationId,
          user.emailIndex,
          user.emailEncrypted,
          user.role,
          user.status,
          user.totpSecretEncrypted,
          user.recoveryCodeHashes,
          user.failedAttempts,
          user.lockedUntil,
          user.invitedBy,
          user.createdAt,
          user.removedAt,
        ],
      );
      await this.auditAppend(manager, auditInput(audit));
    });
  }

  async removeUser(userId: string, at: Date, audit: ReferralAuditEntry) {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE partner_user SET status = 'removed', removed_at = $2 WHERE id = $1`, [userId, at]);
      await manager.query(`UPDATE partner_session SET ended_at = $2 WHERE user_id = $1 AND ended_at IS NULL`, [
        userId,
        at,
      ]);
      await manager.query(`UPDATE partner_sign_in SET stage = 'closed' WHERE user_id = $1 AND stage <> 'closed'`, [
        userId,
      ]);
      await this.auditAppend(manager, auditInput(audit));
    });
  }

  async updateUser(
    userId: string,
    changes: Parameters<PartnerUserStore['updateUser']>[1],
    audit: ReferralAuditEntry | null,
  ) {
    const set = setClause(changes, USER_COLUMNS, 2);
    if (!set.sql) return;
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE partner_user SET ${set.sql} WHERE id = $1`, [userId, ...set.values]);
      if (audit) await this.auditAppend(manager, auditInput(audit));
    });
  }

  async recordFailedAttempt(userId: string, maxAttempts: number, lockedUntil: Date, audit: ReferralAuditEntry) {
    return this.dataSource.transaction(async (manager) => {
      const [row] = returned<{ failed_attempts: number }>(
        await manager.query(
          `UPDATE partner_user SET failed_attempts = failed_attempts + 1 WHERE id = $1 RETURNING failed_attempts`,
          [userId],
        ),
      );
      if (!row || row.failed_attempts < maxAttempts) return { locked: false };
      await manager.query(`UPDATE partner_user SET failed_attempts = 0, locked_until = $2 WHERE id = $1`, [
        userId,
        lockedUntil,
      ]);
      await this.auditAppend(manager, auditInput(audit));
      return { locked: true };
    });
  }

  async consumeRecoveryCode(userId: string, codeHash: string, audit: ReferralAuditEntry) {
    return this.dataSource.transaction(async (manager) => {
      const [row] = returned<{ left: number }>(
        await manager.query(
          `UPDATE partner_user SET recovery_code_hashes = array_remove(recovery_code_hashes, $2)
           WHERE id = $1 AND $2 = ANY (recovery_code_hashes)
           RETURNING cardinality(recovery_code_hashes) AS left`,
          [userId, codeHash],
        ),
      );
      if (!row) return null;
      await this.auditAppend(manager, auditInput({ ...audit, details: { ...audit.details, left: row.left } }));
      return row.left;
    });
  }

  async useTotpStep(userId: string, step: number) {
    const rows = returned<{ id: string }>(
      await this.dataSource.query(
        `UPDATE partner_user SET totp_last_step = $2
          WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id`,
        [userId, step],
      ),
    );
    return rows.length === 1;
  }

  async startSignIn(signIn: PartnerSignInRecord, audit: ReferralAuditEntry) {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE partner_sign_in SET stage = 'closed' WHERE user_id = $1 AND stage <> 'closed'`, [
        signIn.userId,
      ]);
      await manager.query(
        `INSERT INTO partner_sign_in (id, user_id, challenge_hash, code_hash, code_salt, stage,
           pending_totp_secret_encrypted, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          signIn.id,
          signIn.userId,
          signIn.challengeHash,
          signIn.codeHash,
          signIn.codeSalt,
          signIn.stage,
          signIn.pendingTotpSecretEncrypted,
          signIn.createdAt,
          signIn.expiresAt,
        ],
      );
      await this.auditAppend(manager, auditInput(audit));
    });
  }

  async findSignInByChallengeHash(challengeHash: string) {
    const [row] = await this.dataSource.query<
      Array<{
        id: string;
        user_id: string;
        challenge_hash: string;
        code_hash: string;
        code_salt: string;
        stage: PartnerSignInRecord['stage'];
        pending_totp_secret_encrypted: string | null;
        created_at: Date;
        expires_at: Date;
      }>
    >(`SELECT * FROM partner_sign_in WHERE challenge_hash = $1`, [challengeHash]);
    if (!row) return null;
    return {
      id: row.id,
      userId: row.user_id,
      challengeHash: row.challenge_hash,
      codeHash: row.code_hash,
      codeSalt: row.code_salt,
      stage: row.stage,
      pendingTotpSecretEncrypted: row.pending_totp_secret_encrypted,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
    };
  }

  async updateSignIn(signInId: string, changes: Parameters<PartnerUserStore['updateSignIn']>[1]) {
    const set = setClause(changes, SIGN_IN_COLUMNS, 2);
    if (!set.sql) return;
    await this.dataSource.query(`UPDATE partner_sign_in SET ${set.sql} WHERE id = $1`, [signInId, ...set.values]);
  }

  async insertSession(session: PartnerSessionRecord, audit: ReferralAuditEntry) {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO partner_session (id, user_id, token_hash, created_at, expires_at, last_used_at, ended_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          session.id,
          session.userId,
          session.tokenHash,
          session.createdAt,
          session.expiresAt,
          session.lastUsedAt,
          session.endedAt,
        ],
      );
      await this.auditAppend(manager, auditInput(audit));
    });
  }

  async findSessionByTokenHash(tokenHash: string) {
    const [row] = await this.dataSource.query<
      Array<{
        id: string;
        user_id: string;
        token_hash: string;
        created_at: Date;
        expires_at: Date;
        last_used_at: Date;
        ended_at: Date | null;
      }>
    >(`SELECT * FROM partner_session WHERE token_hash = $1`, [tokenHash]);
    if (!row) return null;
    return {
      id: row.id,
      userId: row.user_id,
      tokenHash: row.token_hash,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      lastUsedAt: row.last_used_at,
      endedAt: row.ended_at,
    };
  }

  async touchSession(sessionId: string, at: Date) {
    await this.dataSource.query(`UPDATE partner_session SET last_used_at = GREATEST(last_used_at, $2) WHERE id = $1`, [
      sessionId,
      at,
    ]);
  }

  async endSession(sessionId: string, at: Date) {
    await this.dataSource.query(`UPDATE partner_session SET ended_at = $2 WHERE id = $1 AND ended_at IS NULL`, [
      sessionId,
      at,
    ]);
  }
}
