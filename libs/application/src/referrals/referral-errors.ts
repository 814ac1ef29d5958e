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

/** A member of staff records a withdrawal of consent the victim never gave to that organisation. */
export class NoConsentToWithdrawError extends DomainError {
  constructor() {
    super(
      'referrals.consent-not-given',
      DomainErrorKind.Conflict,
      'The victim has not consented to share their details with this organisation: there is nothing to withdraw.',
    );
  }
}

/**
 * The withdrawal is dated before the consent that stands: the victim consented again after they withdrew, and
 * their newest wish stands (ask them again).
 */
export class WithdrawalBeforeConsentError extends DomainError {
  constructor(givenAt: Date) {
    super(
      'referrals.withdrawal-before-consent',
      DomainErrorKind.Conflict,
      'The victim gave the consent that stands after the time given for their withdrawal: check with them and record ' +
        'the withdrawal when they ask again.',
      [{ field: 'withdrawnAt', message: `the consent that stands was given at ${givenAt.toISOString()}` }],
    );
  }
}
