import type { AuditRecord } from '@redress/application';
import type { EntityManager } from 'typeorm';

/** The platform's FieldCipher, typed structurally (libs/platform depends on this lib, not the reverse). */
export interface FieldCipherLike {
  encrypt(plaintext: string, context?: string): string;
  decrypt(value: string, context?: string): string;
  encryptJson(value: unknown, context?: string): string;
  decryptJson<T>(value: string, context?: string): T;
}

/** The platform's AuditLog, typed structurally: appends inside the caller's transaction. */
export interface TransactionalAuditLog {
  append(manager: EntityManager, entry: AuditRecord): Promise<unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids that are not UUIDs cannot exist: answer "not found" without asking PostgreSQL (which would refuse them). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export const sectionContext = (applicationId: string, section: string): string =>
  `application:${applicationId}:${section}`;

/**
 * The rows of an UPDATE or DELETE ... RETURNING: TypeORM's postgres driver answers those as `[rows, rowCount]`
 * (and INSERT or SELECT as the rows alone).
 */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
