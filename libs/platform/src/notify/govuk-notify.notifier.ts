import notificationsClient from 'notifications-node-client';
import {
  NotificationDeliveryError,
  Notifier,
  type EmailNotification,
  type NotificationReceipt,
  type SmsNotification,
} from '@redress/application';

const { NotifyClient } = notificationsClient;

interface NotifyResponse {
  data: { id: string };
}

/** What Notify says when it refuses a message: status and error codes only (its messages may quote the address). */
function deliveryError(error: unknown): NotificationDeliveryError {
  const response = (error as { response?: { status?: unknown; data?: { errors?: Array<{ error?: unknown }> } } })
    .response;
  const status = typeof response?.status === 'number' ? response.status : undefined;
  const codes = (response?.data?.errors ?? [])
    .map((item) => item.error)
    .filter((code): code is string => typeof code === 'string');
  const reason = status
    ? `Notify answered ${status}${codes.length ? ` (${codes.join(', ')})` : ''}`
    : 'Notify did not answer';
  return new NotificationDeliveryError(reason, status);
}

/**
 * Sends through GOV.UK Notify with its official client. The base URL is configurable (a local stub in
 * tests). Errors are rewrapped: the client's own errors carry the request, with the address, the
 * personalisation (a sign-in code) and the bearer token, and must never reach a log.
 */
export class GovUkNotifyNotifier extends Notifier {
  private readonly client: InstanceType<typeof NotifyClient>;

  constructor(
    baseUrl: string,
    apiKey: string,
    private readonly timeoutMs = 10000,
  ) {
    super();
    this.client = new NotifyClient(baseUrl, apiKey);
  }

  async sendEmail(notification: EmailNotification): Promise<NotificationReceipt> {
    return this.send(() =>
      this.client.sendEmail(notification.templateId, notification.emailAddress, {
        personalisation: notification.personalisation,
        reference: notification.reference,
      }),
    );
  }

  async sendSms(notification: SmsNotification): Promise<NotificationReceipt> {
    return this.send(() =>
      this.client.sendSms(notification.templateId, notification.phoneNumber, {
        personalisation: notification.personalisation,
        reference: notification.reference,
      }),
    );
  }

  private async send(request: () => Promise<NotifyResponse>): Promise<NotificationReceipt> {
    let timer: NodeJS.Timeout | undefined;
    // The client sets no timeout of its own; a hung Notify must not hold a sign-in request open.
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new NotificationDeliveryError('Notify did not answer in time')), this.timeoutMs);
    });
    try {
      const response = await Promise.race([request(), timeout]);
      return { notificationId: response.data.id };
    } catch (error) {
      throw error instanceof NotificationDeliveryError ? error : deliveryError(error);
    } finally {
      clearTimeout(timer);
    }
  }
}
