import type { AuditRecord } from '@redress/application';
import type { EntityManager } from 'typeorm';

/** The platform's FieldCipher, typed structurally (libs/platform depends on this lib, not the reverse). */
export interface CaseworkCipher {
  encrypt(plaintext: string, context?: string): string;
  decrypt(value: string, context?: string): string;
  encryptJson(value: unknown, context?: string): string;
  decryptJson<T>(value: string, context?: string): T;
  blindIndex(purpose: string, value: string): string;
}

/** The platform's AuditLog, typed structurally. */
export interface CaseworkAuditLog {
  append(manager: EntityManager, entry: AuditRecord): Promise<unknown>;
  record(entry: AuditRecord): Promise<unknown>;
}

export function managerOf(handle: unknown): EntityManager {
  return handle as EntityManager;
}
