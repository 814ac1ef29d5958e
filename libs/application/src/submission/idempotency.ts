import { createHash } from 'node:crypto';
import { DomainError, DomainErrorKind } from '@redress/domain';

/** How long a key is remembered (published in docs/applications.md, as draft-ietf-httpapi-idempotency-key-header asks). */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

// A UUID is recommended; any 8 to 255 visible characters of this set are accepted (optionally sent as an sf-string).
const KEY_PATTERN = /^[A-Za-z0-9._~:+/=-]{8,255}$/;

/** Reads the header: 428 when missing, 400 when malformed. */
export function readIdempotencyKey(header: string | null | undefined): string {
  if (header === undefined || header === null || header === '') {
    throw new DomainError(
      'idempotency.key-required',
      DomainErrorKind.PreconditionRequired,
      'Send an Idempotency-Key header (a new UUID for each application you send), so that a retry never sends it twice.',
    );
  }
  const key = header.length >= 2 && header.startsWith('"') && header.endsWith('"') ? header.slice(1, -1) : header;
  if (!KEY_PATTERN.test(key)) {
    throw new DomainError(
      'idempotency.key-invalid',
      DomainErrorKind.InvalidInput,
      'The Idempotency-Key header must be 8 to 255 letters, digits or . _ ~ : + / = - (a UUID is best).',
      [{ field: 'Idempotency-Key', message: 'must be 8 to 255 letters, digits or . _ ~ : + / = -' }],
    );
  }
  return key;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The request's fingerprint: the same operation on the same target with the same body, whatever the key order. */
export function requestFingerprint(operation: string, target: string, body: unknown): string {
  return createHash('sha256')
    .update(`${operation}\u0000${target}\u0000${canonical(body ?? {})}`)
    .digest('hex');
}

export function keyReusedWithDifferentRequest(): DomainError {
  return new DomainError(
    'idempotency.key-reused',
    DomainErrorKind.Unprocessable,
    'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
  );
}
