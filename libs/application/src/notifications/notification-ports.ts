import type { ContactPreferencesAnswers, PreferredLanguage } from '@redress/domain';

/** How to reach the people on a claim: the contact section of its application and the account's own email. */
export interface ClaimContact {
  readonly claimReference: string;
  /** The application's contact-preferences section, or null when it was never answered. */
  readonly preferences: ContactPreferencesAnswers | null;
  /** The email the citizen signs in with. */
  readonly accountEmail: string | null;
  /** The claim's language (docs/welsh.md): messages go in it. English when not given. */
  readonly language?: PreferredLanguage;
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
 * The event key of a delivery row: the event, or `<event>:<occurrence>` for one that happens more than once on a
 * claim. Our Notify reference is `<claim id>:<event key>`.
 */
export function deliveryEventKey(event: string, occurrence?: string): string {
  return occurrence ? `${event}:${occurrence}` : event;
}

/** The event and occurrence of a delivery row's event key (event names never hold a colon). */
export function parseDeliveryEventKey(key: string): { event: string; occurrence?: string } {
  const colon = key.indexOf(':');
  return colon < 0 ? { event: key } : { event: key.slice(0, colon), occurrence: key.slice(colon + 1) };
}

/** The reference a claim notification is sent with: what Notify can be asked about later. */
export function claimNotificationReference(claimId: string, eventKey: string): string {
  return `${claimId}:${eventKey}`;
}

/** A delivery claimed (`sending`) whose outcome was never recorded: Notify never answered, or the worker died. */
export interface StuckDelivery {
  readonly claimId: string;
  /** The row's event key (`deliveryEventKey`). */
  readonly event: string;
  /** Claims so far: with the status, it identifies this claim of the row (a later claim changes it). */
  readonly attempts: number;
  readonly claimedAt: Date;
}

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

  /**
   * Rows still `sending` that were claimed in [`claimedSince`, `claimedBefore`), oldest first, after `after`
   * (keyset paging), at most `limit`.
   */
  abstract findStuck(
    claimedBefore: Date,
    claimedSince: Date,
    after: StuckDelivery | null,
    limit: number,
  ): Promise<StuckDelivery[]>;
  /**
   * The following three change the row only while it is still this claim (`sending`, same attempts); each answers
   * whether it did. Notify holds the message: record it as sent.
   */
  abstract resolveSent(delivery: StuckDelivery, notificationId: string, at: Date): Promise<boolean>;
  /**
   * Notify does not hold the message: release the row (`failed`, claimable again) and, in the same transaction,
   * queue a `notifications.send` job for it.
   */
  abstract releaseForResend(delivery: StuckDelivery, reason: string): Promise<boolean>;
  /** Not found at Notify, but too many attempts already: left for a person (`rejected`, with the reason). */
  abstract giveUp(delivery: StuckDelivery, reason: string): Promise<boolean>;
}

/** Template ids of one event: English at the top level, Welsh under `cy`. */
export interface EventTemplates {
  readonly email?: string;
  readonly sms?: string;
  readonly cy?: { readonly email?: string; readonly sms?: string };
}

/**
 * Notify template ids per claim event, channel and language, from config: a Notify template holds the words, so
 * each message has one template per language. A Welsh claim gets the Welsh template; where config has none for an
 * event, the English one (the config check in production asks for both, see docs/welsh.md).
 */
export class NotificationTemplates {
  constructor(private readonly templates: Readonly<Record<string, EventTemplates>>) {}

  templateFor(event: string, channel: 'email' | 'sms', language: PreferredLanguage = 'en'): string | undefined {
    const templates = this.templates[event];
    return (language === 'cy' ? templates?.cy?.[channel] : undefined) ?? templates?.[channel];
  }

  /** Events and channels with an English template but no Welsh one. */
  missingWelsh(): string[] {
    return Object.entries(this.templates).flatMap(([event, templates]) =>
      (['email', 'sms'] as const)
        .filter((channel) => templates[channel] && !templates.cy?.[channel])
        .map((channel) => `${event}.${channel}`),
    );
  }
}
