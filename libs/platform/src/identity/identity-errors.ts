import { ServiceUnavailableException } from '@nestjs/common';

/** A token this service does not accept (bad signature, wrong issuer, not the kind of token it wants...). */
export class TokenRefusedError extends Error {
  constructor(reason: string) {
    super(`token refused: ${reason}`);
    this.name = 'TokenRefusedError';
  }
}

/**
 * The identity provider could not be asked for its keys: the token may well be good, so the caller is told to
 * come back (503 with Retry-After), not that it is signed out. Logged at warn by the problem filter.
 */
export class IdentityProviderUnavailableError extends ServiceUnavailableException {
  readonly retryAfterSeconds: number;
  readonly expectedOutage = true;

  constructor(retryAfterSeconds = 5) {
    super('The sign-in service cannot be reached. Please try again shortly.');
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
