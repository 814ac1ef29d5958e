import { DomainError, DomainErrorKind } from '@redress/domain';
import type { AccessHistoryPosition } from './access-history-queries.js';

/** An opaque cursor: the last group of a page, base64url JSON. The caller must not build or read it. */
export function encodeAccessHistoryCursor(position: AccessHistoryPosition): string {
  return Buffer.from(JSON.stringify([position.hour.toISOString(), position.firstSequence, position.targetId])).toString(
    'base64url',
  );
}

export function decodeAccessHistoryCursor(cursor: string): AccessHistoryPosition {
  const invalid = new DomainError(
    'access-history.invalid-cursor',
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
  const [hour, firstSequence, targetId] = parsed as unknown[];
  if (typeof hour !== 'string' || typeof targetId !== 'string' || typeof firstSequence !== 'number') throw invalid;
  const at = new Date(hour);
  if (
    Number.isNaN(at.getTime()) ||
    !Number.isSafeInteger(firstSequence) ||
    firstSequence < 1 ||
    !/^[0-9a-f-]{36}$/i.test(targetId)
  ) {
    throw invalid;
  }
  return { hour: at, firstSequence, targetId };
}
