import type { Circumstance, SupportNeed } from '@redress/domain';
import type { StaffActor } from '../../staff/staff-actor.js';

/** How the victim gave consent to a member of staff. */
export const consentMethods = ['phone', 'in-person', 'in-writing'] as const;
export type ConsentMethod = (typeof consentMethods)[number];

/** The victim's consent as the caseworker records it. */
export interface RecordedConsent {
  /** Must be true: without the victim's consent nothing is referred. */
  readonly given: boolean;
  readonly method: ConsentMethod;
  /** The version of the consent words read or shown to the victim. */
  readonly wordingVersion: string;
  /** When the victim gave it (the right 4 clock runs from then). */
  readonly givenAt: Date;
  /** The organisation the victim agreed to share their details with (consent is per organisation). */
  readonly organisationId: string;
}

export interface ReferOnBehalfCommand {
  readonly actor: StaffActor;
  readonly reference: string;
  /** A named service; null to take the matcher's best service of the consented organisation. */
  readonly serviceId: string | null;
  /** Used only when the application's support-needs section names none. */
  readonly needs: SupportNeed[] | null;
  readonly circumstances: Circumstance[] | null;
  /** A few words for the organisation, agreed with the victim. */
  readonly summary: string | null;
  readonly consent: RecordedConsent | null;
}
