import { DomainError, DomainErrorKind } from '@redress/domain';

/** The referral does not exist, or the caller may not know that it does (never 403: that would confirm it). */
export class ReferralNotFoundError extends DomainError {
  constructor() {
    super('referrals.not-found', DomainErrorKind.NotFound, 'There is no such referral.');
  }
}

export class ConsentWordingOutdatedError extends DomainError {
  constructor(current: string) {
    super(
      'referrals.consent-wording-outdated',
      DomainErrorKind.Conflict,
      'The consent wording has changed since it was shown. Read the new wording and agree to it again.',
      [{ field: 'wordingVersion', message: `the current version is ${current}` }],
    );
  }
}

export class NoLiveConsentError extends DomainError {
  constructor() {
    super(
      'referrals.no-live-consent',
      DomainErrorKind.NotFound,
      'There is no consent to withdraw for this organisation.',
    );
  }
}

export class ClaimNotFoundError extends DomainError {
  constructor() {
    super('referrals.claim-not-found', DomainErrorKind.NotFound, 'There is no such claim.');
  }
}

export class StaleReferralError extends DomainError {
  constructor() {
    super('referrals.stale', DomainErrorKind.Conflict, 'The referral changed while this was being done. Try again.');
  }
}
