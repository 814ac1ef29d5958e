import { DomainError, DomainErrorKind } from '@redress/domain';

/** The code or second factor is wrong, expired or already used: one answer for all, so nothing is learned. */
export function partnerSignInInvalid(): DomainError {
  return new DomainError(
    'partner-auth.code-invalid',
    DomainErrorKind.InvalidInput,
    'The code is not correct or has expired. Check it and try again, or start signing in again.',
  );
}

/** Five wrong codes or second factors: sign-in is locked for this user for a while. */
export function partnerSignInLocked(): DomainError {
  return new DomainError(
    'partner-auth.locked',
    DomainErrorKind.TooManyAttempts,
    'There have been too many wrong codes. Wait 15 minutes, then sign in again.',
  );
}

/** The sign-in is not at the step asked for (for example, the second factor before the emailed code). */
export function partnerSignInWrongStep(): DomainError {
  return new DomainError(
    'partner-auth.wrong-step',
    DomainErrorKind.Conflict,
    'This sign-in is not at that step. Start signing in again.',
  );
}

export function partnerUserNotFound(): DomainError {
  return new DomainError('partner-users.not-found', DomainErrorKind.NotFound, 'There is no such user.');
}

export function partnerUserAlreadyExists(): DomainError {
  return new DomainError(
    'partner-users.already-exists',
    DomainErrorKind.Conflict,
    'Someone with this email address already has an account.',
  );
}

export function partnerUserCannotRemoveSelf(): DomainError {
  return new DomainError(
    'partner-users.cannot-remove-self',
    DomainErrorKind.Conflict,
    'You cannot remove yourself. Ask another administrator.',
  );
}

export function partnerOrganisationNotFound(): DomainError {
  return new DomainError(
    'partner-users.organisation-not-found',
    DomainErrorKind.NotFound,
    'There is no such organisation.',
  );
}
