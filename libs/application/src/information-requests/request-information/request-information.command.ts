import type { InformationRequestTopic } from '../../claims/claim-store.js';
import type { StaffActor } from '../../staff/staff-actor.js';

export const informationRecipients = ['applicant', 'police', 'gp', 'hospital'] as const;
export type InformationRecipient = (typeof informationRecipients)[number];

export interface RequestInformationCommand {
  readonly actor: StaffActor;
  readonly reference: string;
  readonly expectedVersion: number;
  readonly recipient: InformationRecipient;
  readonly topic: InformationRequestTopic;
  readonly question: string;
  /** The reply is due this many working days (England and Wales) from today. */
  readonly workingDays: number;
}
