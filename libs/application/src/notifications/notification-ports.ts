import type { ContactPreferencesAnswers } from '@redress/domain';

/** How to reach the people on a claim: the contact section of its application and the account's own email. */
export interface ClaimContact {
  readonly claimReference: string;
  /** The application's contact-preferences section, or null when it was never answered. */
  readonly preferences: ContactPreferencesAnswers | null;
  /** The email the citizen signs in with. */
  readonly accountEmail: string | null;
}

export abstract class ClaimContacts {
  /** `null` when the claim does not exist (any more). */
  abstract find(claimId: string): Promise<ClaimContact | null>;
}

export type DeliveryClaim =
  /** This attempt holds the delivery: send, then `markSent` (or `markFailed` when Notify refused). */
  | 'claimed'
  /** Sent, skipped or rejected already: nothing to do. */
  | 'done'
  /** An earlier attempt claimed it and never said how it ended (the worker died mid-send): never send twice. */
  | 'uncertain';

/**
 * One row per (claim, event): claimed before the message goes out, marked sent after. A unique key makes
 * "at most once per claim and event" hold whatever the retries, replays or worker crashes.
 */
export abstract class NotificationDeliveries {
  abstract claim(claimId: string, event: string, channel: 'email' | 'sms', at: Date): Promise<DeliveryClaim>;
  abstract markSent(claimId: string, event: string, notificationId: string, at: Date): Promise<void>;
  /** Notify refused: `retry` leaves it claimable by the next attempt; otherwise it is rejected for good. */
  abstract markFailed(claimId: string, event: string, reason: string, retry: boolean): Promise<void>;
  /** Nothing may be sent (no safe channel): recorded so a caseworker can see it and make contact another way. */
  abstract markSkipped(claimId: string, event: string, reason: string, at: Date): Promise<void>;
}

/** Notify template ids per claim event and channel, from config. */
export class NotificationTemplates {
  constructor(private readonly templates: Readonly<Record<string, { email?: string; sms?: string }>>) {}

  templateFor(event: string, channel: 'email' | 'sms'): string | undefined {
    return this.templates[event]?.[channel];
  }
}
