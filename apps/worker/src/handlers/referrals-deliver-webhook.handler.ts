import { Injectable, Logger } from '@nestjs/common';
import { DeliverReferralWebhook } from '@redress/application';
import { jobDefinitions, retryTable, type JobHandler, type JobPayload } from '@redress/jobs';

/**
 * Posts one signed referral event to the partner's webhook URL. A failure throws, so BullMQ retries with the
 * partner-webhook backoff (about 24 hours); after that the delivery row and the job stay visible as failed.
 */
@Injectable()
export class ReferralsDeliverWebhookHandler implements JobHandler<'referrals.deliver-webhook'> {
  readonly jobName = 'referrals.deliver-webhook' as const;
  private readonly logger = new Logger(ReferralsDeliverWebhookHandler.name);
  private readonly maxAttempts = retryTable[jobDefinitions['referrals.deliver-webhook'].retry].attempts ?? 1;

  constructor(private readonly deliver: DeliverReferralWebhook) {}

  async handle(payload: JobPayload<'referrals.deliver-webhook'>, context: { attempt: number }): Promise<void> {
    const result = await this.deliver.execute({
      deliveryId: payload.deliveryId,
      lastAttempt: context.attempt >= this.maxAttempts,
    });
    if (result === 'failed') {
      this.logger.warn(
        { deliveryId: payload.deliveryId, attempt: context.attempt },
        'webhook delivery failed for good',
      );
      throw new Error(`webhook delivery ${payload.deliveryId} failed after ${context.attempt} attempts`);
    }
  }
}
