import type { StaffActor } from '../../staff/staff-actor.js';
import type { ConsentMethod } from '../refer-on-behalf/refer-on-behalf.command.js';

/** Why the victim withdrew, when they said (coded: the ledger and the audit log keep codes, never words). */
export const consentWithdrawalReasons = [
  'no-longer-wanted',
  'support-found-elsewhere',
  'privacy',
  'safety',
  'other',
] as const;
export type ConsentWithdrawalReason = (typeof consentWithdrawalReasons)[number];

/** The victim's withdrawal of consent, as the caseworker records it. */
export interface RecordedWithdrawal {
  /** How the victim told staff: by phone, in person or in writing (online they withdraw themselves). */
  readonly method: ConsentMethod;
  /** When the victim withdrew (it may be days before it is recorded; never ahead of our clock beyond the skew). */
  readonly withdrawnAt: Date;
  readonly reasonCode: ConsentWithdrawalReason | null;
}

export interface WithdrawConsentOnBehalfCommand {
  readonly actor: StaffActor;
  readonly reference: string;
  /** A referral of the claim: the consent withdrawn is the victim's consent to share with its organisation. */
  readonly referralId: string;
  readonly withdrawal: RecordedWithdrawal;
}
