import { DomainError, DomainErrorKind } from '@redress/domain';

/**
 * The claim version a write is based on: `If-Match: "7"` (the ETag of GET /v1/claims/{reference}) or a `version`
 * field in the body. Required: a write without it is refused with 428 (a lost update is worse than a retry).
 */
export function claimVersionFrom(ifMatch: string | undefined, bodyVersion: number | undefined): number {
  const fromHeader = ifMatch?.trim().match(/^(?:W\/)?"(\d{1,9})"$/);
  if (ifMatch !== undefined && !fromHeader) {
    throw new DomainError(
      'claim.bad-if-match',
      DomainErrorKind.InvalidInput,
      'If-Match must be the claim’s ETag, e.g. "7".',
      [{ field: 'if-match', message: 'If-Match must be the claim’s ETag' }],
    );
  }
  const version = fromHeader ? Number(fromHeader[1]) : bodyVersion;
  if (version === undefined) {
    throw new DomainError(
      'claim.version-required',
      DomainErrorKind.PreconditionRequired,
      'Send the claim version you are working from: If-Match with its ETag, or a version field.',
    );
  }
  if (bodyVersion !== undefined && fromHeader && bodyVersion !== version) {
    throw new DomainError('claim.version-mismatch', DomainErrorKind.InvalidInput, 'If-Match and version disagree.', [
      { field: 'version', message: 'version must match If-Match' },
    ]);
  }
  return version;
}

export const etagOf = (version: number): string => `"${version}"`;
