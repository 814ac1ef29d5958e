import { DomainError, DomainErrorKind } from '@redress/domain';
import type { WorkPosition } from './work-store.js';

/** An opaque cursor: the last position of a page, base64url JSON. The caller must not build or read it. */
export function encodeWorkCursor(position: WorkPosition): string {
  return Buffer.from(JSON.stringify([position.priority, position.dueAt.toISOString(), position.id])).toString(
    'base64url',
  );
}

export function decodeWorkCursor(cursor: string): WorkPosition {
  const invalid = new DomainError(
    'work.invalid-cursor',
    DomainErrorKind.InvalidInput,
    'The cursor is not one this API gave.',
    [{ field: 'cursor', message: 'cursor is not one this API gave' }],
  );
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalid;
  const [priority, dueAt, id] = parsed as unknown[];
  if (
    typeof priority !== 'number' ||
    !Number.isInteger(priority) ||
    typeof dueAt !== 'string' ||
    typeof id !== 'string'
  ) {
    throw invalid;
  }
  const due = new Date(dueAt);
  if (Number.isNaN(due.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) throw invalid;
  return { priority, dueAt: due, id };
}
