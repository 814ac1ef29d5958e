import type { DeclineReason, ReferralOutcome } from '@redress/domain';

export type PartnerResponse =
  | { kind: 'acknowledge' }
  | { kind: 'accept' }
  | { kind: 'decline'; reason: DeclineReason; note: string | null }
  | { kind: 'update'; note: string | null }
  | { kind: 'close'; outcome: ReferralOutcome; note: string | null };

export interface RespondToReferralCommand {
  /** The organisation the calling credential belongs to. */
  organisationId: string;
  credentialId: string;
  referralId: string;
  response: PartnerResponse;
}
