/** Values merged into a Notify template's ((placeholders)). */
export type Personalisation = Record<string, string | number>;

export interface EmailNotification {
  /** The Notify template id. */
  templateId: string;
  emailAddress: string;
  personalisation: Personalisation;
  /** Our id for the message (for example the sign-in code id): never personal data, Notify shows it in its logs. */
  reference: string;
}

export interface SmsNotification {
  templateId: string;
  phoneNumber: string;
  personalisation: Personalisation;
  reference: string;
}

/** What the notification service said: its id for the message, to trace delivery. */
export interface NotificationReceipt {
  notificationId: string;
}

/** A message the notification service refused or could not take; it carries no address and no personalisation. */
export class NotificationDeliveryError extends Error {
  constructor(
    message: string,
    /** The HTTP status of the service, where it answered. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'NotificationDeliveryError';
  }
}

/**
 * Sends emails and text messages (GOV.UK Notify in production, a local sink elsewhere). Shared by the
 * citizen API (sign-in codes) and the worker (claim and referral updates).
 */
export abstract class Notifier {
  abstract sendEmail(notification: EmailNotification): Promise<NotificationReceipt>;
  abstract sendSms(notification: SmsNotification): Promise<NotificationReceipt>;
}

/** A message the notification service holds, as its status API reports it (no address, no content). */
export interface NotificationRecord {
  /** The service's id for the message. */
  readonly notificationId: string;
  /** Our reference, as it was sent. */
  readonly reference: string | null;
  /** The service's status: `created`, `sending`, `delivered`, `permanent-failure`, ... */
  readonly status: string;
  readonly createdAt: Date | null;
}

/**
 * Asks the notification service what it holds for one of our references: the reference we send with every
 * message is the handle that tells whether a message whose answer never came was taken (GOV.UK Notify's
 * `GET /v2/notifications?reference=`). A port of its own, beside `Notifier`, so that senders which never need
 * it (the citizen API's sign-in codes) need not implement it; the Notify and local-sink adapters implement both.
 */
export abstract class NotificationLookup {
  /**
   * Every message held with this reference, oldest first; empty when there is none. Throws
   * `NotificationDeliveryError` when the service does not answer or refuses: "unknown" is never "none".
   */
  abstract findByReference(reference: string): Promise<NotificationRecord[]>;
}
