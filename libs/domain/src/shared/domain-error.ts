/**
 * The kinds of domain error. Each app's problem+json filter maps a kind to one HTTP status;
 * the domain itself knows nothing of HTTP.
 */
export const DomainErrorKind = {
  /** The input cannot be true (for example, an incident after the date the application was received). */
  InvalidInput: 'invalid-input',
  /** A state transition that the current state does not allow. */
  IllegalTransition: 'illegal-transition',
  /** The thing asked for does not exist, or the caller may not know that it exists. */
  NotFound: 'not-found',
  /** The caller may not do this. */
  Forbidden: 'forbidden',
  /** A write based on a stale version. */
  Conflict: 'conflict',
  /** The request is well formed but cannot be carried out as it stands (for example, incomplete sections). */
  Unprocessable: 'unprocessable',
  /** A conditional write (If-Match) named a version that is no longer current. */
  PreconditionFailed: 'precondition-failed',
  /** A write that must be conditional came without its condition (If-Match, Idempotency-Key). */
  PreconditionRequired: 'precondition-required',
  /** Too many attempts (for example, wrong one-time codes). */
  TooManyAttempts: 'too-many-attempts',
} as const;
export type DomainErrorKind = (typeof DomainErrorKind)[keyof typeof DomainErrorKind];

export interface DomainErrorDetail {
  /** A dotted path to the field concerned, where there is one. */
  readonly field?: string;
  readonly message: string;
}

/**
 * Base of every error the domain and the use cases raise: a stable code (`<context>.<what>`),
 * a kind for the HTTP mapping, a message safe to show the caller, and optional details.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    readonly details: readonly DomainErrorDetail[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}
