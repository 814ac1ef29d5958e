import { DomainError, DomainErrorKind } from '@redress/domain';
import { Clock } from '../../ports/clock.js';
import { PartnerAccessStore, WebhookSender } from '../partner-access-ports.js';
import { FieldEncryption } from '../referral-ports.js';
import { webhookSecretContext } from '../configure-partner-webhook/configure-partner-webhook.use-case.js';
import { standardWebhookHeaders } from './webhook-signature.js';

/** Partners get 24 hours of retries; after that the delivery stays visible as failed. */
export const WEBHOOK_RETRY_WINDOW_MS = 24 * 3600 * 1000;

/** The partner did not take the webhook this time: the job is retried with backoff. */
export class WebhookNotDeliveredError extends DomainError {
  constructor(reason: string) {
    super('partners.webhook-not-delivered', DomainErrorKind.Unprocessable, `Webhook not delivered: ${reason}`);
  }
}

/** The webhook body: ids and codes only; the partner pulls the referral itself over its authenticated API. */
export function webhookBody(delivery: {
  id: string;
  eventType: string;
  occurredAt: Date;
  referralId: string;
  organisationId: string;
}): string {
  return JSON.stringify({
    id: delivery.id,
    type: delivery.eventType,
    occurredAt: delivery.occurredAt.toISOString(),
    data: { referralId: delivery.referralId, organisationId: delivery.organisationId },
  });
}

export type DeliveryResult = 'delivered' | 'nothing-to-do' | 'skipped' | 'failed';

/**
 * Posts one referral event to the partner's webhook URL, signed. Throws (so the job is retried) while the
 * 24-hour window lasts; after it, or on the job's last attempt, records the delivery as failed.
 */
export class DeliverReferralWebhook {
  constructor(
    private readonly store: PartnerAccessStore,
    private readonly sender: WebhookSender,
    private readonly encryption: FieldEncryption,
    private readonly clock: Clock,
  ) {}

  async execute(command: { deliveryId: string; lastAttempt: boolean }): Promise<DeliveryResult> {
    const delivery = await this.store.findDelivery(command.deliveryId);
    if (!delivery || delivery.status !== 'pending') return 'nothing-to-do';
    const now = this.clock.now();
    const endpoint = await this.store.webhookEndpoint(delivery.organisationId);
    if (!endpoint) {
      await this.store.recordDeliveryAttempt(delivery.id, {
        at: now,
        status: 'skipped',
        statusCode: null,
        error: 'no endpoint',
      });
      return 'skipped';
    }
    const context = webhookSecretContext(delivery.organisationId);
    const secrets = [this.encryption.decrypt(endpoint.secretEncrypted, context)];
    if (
      endpoint.previousSecretEncrypted &&
      endpoint.previousSecretValidUntil &&
      endpoint.previousSecretValidUntil > now
    ) {
      secrets.push(this.encryption.decrypt(endpoint.previousSecretEncrypted, context));
    }
    const body = webhookBody(delivery);
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Redress-Webhooks/1',
      'redress-event-type': delivery.eventType,
      ...standardWebhookHeaders(delivery.id, body, secrets, now),
    };
    let statusCode: number | null = null;
    let error: string;
    try {
      statusCode = (await this.sender.post({ url: endpoint.url, headers, body })).status;
      if (statusCode >= 200 && statusCode < 300) {
        await this.store.recordDeliveryAttempt(delivery.id, { at: now, status: 'delivered', statusCode, error: null });
        return 'delivered';
      }
      error = `HTTP ${statusCode}`;
    } catch (caught) {
      error = caught instanceof Error ? caught.message.slice(0, 200) : 'request failed';
    }
    const firstAttemptAt = delivery.firstAttemptAt ?? now;
    const givingUp = command.lastAttempt || now.getTime() - firstAttemptAt.getTime() >= WEBHOOK_RETRY_WINDOW_MS;
    await this.store.recordDeliveryAttempt(delivery.id, {
      at: now,
      status: givingUp ? 'failed' : 'pending',
      statusCode,
      error,
    });
    if (givingUp) return 'failed';
    throw new WebhookNotDeliveredError(error);
  }
}
