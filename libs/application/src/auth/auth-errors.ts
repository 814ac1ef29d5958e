import { DomainError, DomainErrorKind } from '@redress/domain';

/** Error codes of citizen sign-in. */
export const AuthErrorCode = {
  /** The code is wrong, expired, already used or replaced: one answer for all, so nothing is learned. */
  SignInCodeInvalid: 'auth.sign-in-code-invalid',
  /** Five wrong tries: this code no longer works, ask for a new one. */
  SignInCodeAttemptsExceeded: 'auth.sign-in-code-attempts-exceeded',
  /** The refresh token is unknown, expired, revoked or was already used. */
  RefreshTokenInvalid: 'auth.refresh-token-invalid',
} as const;

// Invalid grants answer 400, as an OAuth 2.0 token endpoint does (RFC 6749 section 5.2, invalid_grant).
export function signInCodeInvalid(): DomainError {
  return new DomainError(
    AuthErrorCode.SignInCodeInvalid,
    DomainErrorKind.InvalidInput,
    'The code is not correct or has expired. Check the code in the latest email, or ask for a new code.',
  );
}

export function signInCodeAttemptsExceeded(): DomainError {
  return new DomainError(
    AuthErrorCode.SignInCodeAttemptsExceeded,
    DomainErrorKind.TooManyAttempts,
    'You have entered the wrong code too many times. Ask for a new code.',
  );
}

export function refreshTokenInvalid(): DomainError {
  return new DomainError(
    AuthErrorCode.RefreshTokenInvalid,
    DomainErrorKind.InvalidInput,
    'Your session has ended. Sign in again.',
  );
}
