import type { DeclineReason, ReferralOutcome } from '@redress/domain';

export type PartnerResponse =
  | { kind: 'acknowledge' }
  | { kind: 'accept' }
  | { kind: 'decline'; reason: DeclineReason }
  | { kind: 'update' }
  | { kind: 'close'; outcome: ReferralOutcome };

export interface RespondToReferralCommand {
  /** The organisation the calling credential belongs to. */
  organisationId: string;
  credentialId: string;
  referralId: string;
  response: PartnerResponse;
  /** A note from the partner (stored encrypted with the event). */
  note: string | null;
}
