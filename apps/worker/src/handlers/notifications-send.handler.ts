import { Injectable, Logger } from '@nestjs/common';
import { RecoverStuckNotifications, SendClaimNotification } from '@redress/application';
import type { JobHandler, JobPayload } from '@redress/jobs';
import { WorkerConfig } from '../config.js';

/** `notifications.send`: one claim update to the victim, through the Notifier, at most once per claim and event. */
@Injectable()
export class NotificationsSendHandler implements JobHandler<'notifications.send'> {
  readonly jobName = 'notifications.send' as const;
  private readonly logger = new Logger(NotificationsSendHandler.name);

  constructor(private readonly sendClaimNotification: SendClaimNotification) {}

  async handle(payload: JobPayload<'notifications.send'>, context: { jobId: string }): Promise<void> {
    const result = await this.sendClaimNotification.execute({
      claimId: payload.claimId,
      event: payload.event,
      ...(payload.occurrence ? { occurrence: payload.occurrence } : {}),
    });
    // Ids and outcome codes only: never an address.
    const log = { jobId: context.jobId, claimId: payload.claimId, event: payload.event, result };
    if (result === 'uncertain' || result === 'rejected' || result === 'no-template') {
      this.logger.warn(log, 'claim notification not sent');
    } else {
      this.logger.log(log, 'claim notification');
    }
  }
}

/**
 * `notifications.recover-stuck`: a job scheduler (NOTIFICATION_RECOVERY_EVERY_MS) asks Notify, by our reference,
 * about deliveries left `sending` for longer than NOTIFICATION_STUCK_AFTER_MS.
 */
@Injectable()
export class NotificationsRecoverStuckHandler implements JobHandler<'notifications.recover-stuck'> {
  readonly jobName = 'notifications.recover-stuck' as const;
  private readonly logger = new Logger(NotificationsRecoverStuckHandler.name);

  constructor(
    private readonly recover: RecoverStuckNotifications,
    private readonly config: WorkerConfig,
  ) {}

  async handle(payload: JobPayload<'notifications.recover-stuck'>, context: { jobId: string }): Promise<void> {
    const report = await this.recover.execute({
      stuckAfterMs: this.config.NOTIFICATION_STUCK_AFTER_MS,
      lookBackMs: this.config.NOTIFICATION_RECOVERY_LOOK_BACK_MS,
      maxAttempts: this.config.NOTIFICATION_RECOVERY_MAX_ATTEMPTS,
    });
    // Counts only.
    const log = { jobId: context.jobId, reason: payload.reason, ...report };
    if (report.gaveUp || report.unknown) this.logger.warn(log, 'stuck notifications rechecked, some still open');
    else if (report.checked) this.logger.log(log, 'stuck notifications rechecked');
  }
}
