import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  Notifier,
  type EmailNotification,
  type NotificationLookup,
  type NotificationReceipt,
  type NotificationRecord,
  type SmsNotification,
} from '@redress/application';

export type SunkMessage =
  | ({ type: 'email'; notificationId: string; sentAt: Date } & EmailNotification)
  | ({ type: 'sms'; notificationId: string; sentAt: Date } & SmsNotification);

/**
 * A notifier that sends nothing: it keeps every message in memory (tests read them with `app.get(LocalSinkNotifier)`)
 * and, when given a file (development), appends each as a JSON line so that a developer can read their sign-in code.
 * Refused in production by the config.
 */
export class LocalSinkNotifier extends Notifier implements NotificationLookup {
  private readonly sunk: SunkMessage[] = [];

  constructor(private readonly file?: string) {
    super();
  }

  async sendEmail(notification: EmailNotification): Promise<NotificationReceipt> {
    return this.keep({ type: 'email', notificationId: randomUUID(), sentAt: new Date(), ...notification });
  }

  async sendSms(notification: SmsNotification): Promise<NotificationReceipt> {
    return this.keep({ type: 'sms', notificationId: randomUUID(), sentAt: new Date(), ...notification });
  }

  /** The messages kept with this reference (this process's only), oldest first. */
  async findByReference(reference: string): Promise<NotificationRecord[]> {
    return this.sunk
      .filter((message) => message.reference === reference)
      .map((message) => ({
        notificationId: message.notificationId,
        reference: message.reference,
        status: 'delivered',
        createdAt: message.sentAt,
      }));
  }

  /** Every message so far, oldest first. */
  get messages(): readonly SunkMessage[] {
    return this.sunk;
  }

  /** The newest email to this address (compared without case or surrounding spaces). */
  lastEmailTo(emailAddress: string): (SunkMessage & { type: 'email' }) | undefined {
    const wanted = emailAddress.trim().toLowerCase();
    for (let index = this.sunk.length - 1; index >= 0; index -= 1) {
      const message = this.sunk[index]!;
      if (message.type === 'email' && message.emailAddress.trim().toLowerCase() === wanted) return message;
    }
    return undefined;
  }

  clear(): void {
    this.sunk.length = 0;
  }

  private async keep(message: SunkMessage): Promise<NotificationReceipt> {
    this.sunk.push(message);
    if (this.file) {
      await mkdir(dirname(this.file), { recursive: true });
      await appendFile(this.file, `${JSON.stringify(message)}\n`, { encoding: 'utf8', mode: 0o600 });
    }
    return { notificationId: message.notificationId };
  }
}
