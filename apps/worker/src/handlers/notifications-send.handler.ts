import { Injectable, Logger } from '@nestjs/common';
import { SendClaimNotification } from '@redress/application';
import type { JobHandler, JobPayload } from '@redress/jobs';

/** `notifications.send`: one claim update to the victim, through the Notifier, at most once per claim and event. */
@Injectable()
export class NotificationsSendHandler implements JobHandler<'notifications.send'> {
  readonly jobName = 'notifications.send' as const;
  private readonly logger = new Logger(NotificationsSendHandler.name);

  constructor(private readonly sendClaimNotification: SendClaimNotification) {}

  async handle(payload: JobPayload<'notifications.send'>, context: { jobId: string }): Promise<void> {
    const result = await this.sendClaimNotification.execute({ claimId: payload.claimId, event: payload.event });
    // Ids and outcome codes only: never an address.
    const log = { jobId: context.jobId, claimId: payload.claimId, event: payload.event, result };
    if (result === 'uncertain' || result === 'rejected' || result === 'no-template') {
      this.logger.warn(log, 'claim notification not sent');
    } else {
      this.logger.log(log, 'claim notification');
    }
  }
}
