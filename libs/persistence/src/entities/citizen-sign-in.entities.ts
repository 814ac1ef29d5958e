import { EntitySchema } from 'typeorm';

export interface CitizenSignInCodeRow {
  id: string;
  /** Insertion order: the newest code of an address is the one that works. */
  position: string;
  /** FieldCipher.blindIndex('citizen-email', email) of the address the code was sent to. */
  emailBlindIndex: string;
  /** HMAC-SHA256 (server key) over the salt and the code: the code itself is never stored. */
  codeHash: string;
  codeSalt: string;
  createdAt: Date;
  expiresAt: Date;
  failedAttempts: number;
  closedAt: Date | null;
  closedReason: 'used' | 'superseded' | 'too-many-attempts' | null;
}

export const CitizenSignInCodeEntity = new EntitySchema<CitizenSignInCodeRow>({
  name: 'CitizenSignInCode',
  tableName: 'citizen_sign_in_code',
  columns: {
    id: { type: 'uuid', primary: true },
    position: { type: 'bigint', generated: 'increment', insert: false, update: false },
    emailBlindIndex: { name: 'email_blind_index', type: 'text' },
    codeHash: { name: 'code_hash', type: 'text' },
    codeSalt: { name: 'code_salt', type: 'text' },
    createdAt: { name: 'created_at', type: 'timestamptz' },
    expiresAt: { name: 'expires_at', type: 'timestamptz' },
    failedAttempts: { name: 'failed_attempts', type: 'integer', default: 0 },
    closedAt: { name: 'closed_at', type: 'timestamptz', nullable: true },
    closedReason: { name: 'closed_reason', type: 'text', nullable: true },
  },
});

/** A session: one family of rotating refresh tokens, revoked as a whole. */
export interface CitizenSessionRow {
  id: string;
  citizenId: string;
  createdAt: Date;
  /** The session's absolute end, however often it is refreshed. */
  expiresAt: Date;
  revokedAt: Date | null;
  revokedReason: 'signed-out' | 'refresh-token-reuse' | null;
}

export const CitizenSessionEntity = new EntitySchema<CitizenSessionRow>({
  name: 'CitizenSession',
  tableName: 'citizen_session',
  columns: {
    id: { type: 'uuid', primary: true },
    citizenId: { name: 'citizen_id', type: 'uuid' },
    createdAt: { name: 'created_at', type: 'timestamptz' },
    expiresAt: { name: 'expires_at', type: 'timestamptz' },
    revokedAt: { name: 'revoked_at', type: 'timestamptz', nullable: true },
    revokedReason: { name: 'revoked_reason', type: 'text', nullable: true },
  },
});

export interface CitizenRefreshTokenRow {
  id: string;
  sessionId: string;
  /** SHA-256 (hex) of the token: the token itself is never stored. */
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
  /** When it was exchanged for its successor; presenting it again revokes the session. */
  usedAt: Date | null;
}

export const CitizenRefreshTokenEntity = new EntitySchema<CitizenRefreshTokenRow>({
  name: 'CitizenRefreshToken',
  tableName: 'citizen_refresh_token',
  columns: {
    id: { type: 'uuid', primary: true },
    sessionId: { name: 'session_id', type: 'uuid' },
    tokenHash: { name: 'token_hash', type: 'char', length: 64, unique: true },
    createdAt: { name: 'created_at', type: 'timestamptz' },
    expiresAt: { name: 'expires_at', type: 'timestamptz' },
    usedAt: { name: 'used_at', type: 'timestamptz', nullable: true },
  },
});
