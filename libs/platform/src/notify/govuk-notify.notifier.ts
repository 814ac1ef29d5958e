import notificationsClient from 'notifications-node-client';
import {
  NotificationDeliveryError,
  Notifier,
  type EmailNotification,
  type NotificationLookup,
  type NotificationReceipt,
  type NotificationRecord,
  type SmsNotification,
} from '@redress/application';

const { NotifyClient } = notificationsClient;

interface NotifyResponse {
  data: { id: string };
}

/** The fields of Notify's notification list we read (it also carries the address and the content: never kept). */
interface NotifyListResponse {
  data: {
    notifications?: Array<{ id?: unknown; reference?: unknown; status?: unknown; created_at?: unknown }>;
  };
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
export class GovUkNotifyNotifier extends Notifier implements NotificationLookup {
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

  /**
   * `GET /v2/notifications?reference=`: Notify answers newest first, 250 a page; one reference is one message, or
   * a few at worst, so the first page is all of them. Notify lists only messages within its data retention (7 days
   * unless the service changed it) and sent with the same type of API key.
   */
  async findByReference(reference: string): Promise<NotificationRecord[]> {
    const response = await this.call(
      () => this.client.getNotifications(undefined, undefined, reference) as Promise<NotifyListResponse>,
    );
    const records = (response.data.notifications ?? []).flatMap((item): NotificationRecord[] =>
      typeof item.id === 'string'
        ? [
            {
              notificationId: item.id,
              reference: typeof item.reference === 'string' ? item.reference : null,
              status: typeof item.status === 'string' ? item.status : 'unknown',
              createdAt: typeof item.created_at === 'string' ? new Date(item.created_at) : null,
            },
          ]
        : [],
    );
    // Notify matches the reference exactly; checked again here all the same.
    return records.filter((record) => record.reference === reference).reverse();
  }

  private async send(request: () => Promise<NotifyResponse>): Promise<NotificationReceipt> {
    const response = await this.call(request);
    return { notificationId: response.data.id };
  }

  private async call<T>(request: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    // The client sets no timeout of its own; a hung Notify must not hold a sign-in request open.
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new NotificationDeliveryError('Notify did not answer in time')), this.timeoutMs);
    });
    try {
      return await Promise.race([request(), timeout]);
    } catch (error) {
      throw error instanceof NotificationDeliveryError ? error : deliveryError(error);
    } finally {
      clearTimeout(timer);
    }
  }
}
