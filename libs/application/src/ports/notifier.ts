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
