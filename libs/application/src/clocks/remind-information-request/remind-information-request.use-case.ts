import { calendarDateInUk, isAfter } from '@redress/domain';
import { Clock } from '../../ports/clock.js';
import type {
  SendClaimNotification,
  SendClaimNotificationResult,
} from '../../notifications/send-claim-notification/send-claim-notification.use-case.js';
import { ClaimClocks } from '../clock-ports.js';
import { informationRequestClockTimes } from '../clock-times.js';

export interface RemindInformationRequestCommand {
  readonly informationRequestId: string;
}

/**
 * How early a reminder job may run and still count as the reminder of the request's current due date. Reminders of
 * two different due dates (working days) are at least a day apart, so a job written for a due date since moved later
 * is always earlier than this; a job a little early (clock skew between hosts) still reminds.
 */
const EARLY_REMINDER_TOLERANCE_MS = 12 * 3600_000;

/**
 * Reminds the victim of an open information request before it falls due (once per request). The job reloads the
 * request and compares with its current due date: a reminder written for a due date since moved later runs too
 * early and does nothing (the one written with the new date reminds), and one for a date since moved earlier finds
 * the request past due or already reminded.
 */
export class RemindInformationRequest {
  constructor(
    private readonly clocks: ClaimClocks,
    private readonly sendClaimNotification: SendClaimNotification,
    private readonly clock: Clock,
  ) {}

  async execute(
    command: RemindInformationRequestCommand,
  ): Promise<SendClaimNotificationResult | 'not-open' | 'past-due' | 'not-yet'> {
    const request = await this.clocks.findInformationRequest(command.informationRequestId);
    if (!request || request.status !== 'open') return 'not-open';
    const now = this.clock.now();
    if (isAfter(calendarDateInUk(now), request.dueOn)) return 'past-due';
    const { remindAt } = informationRequestClockTimes(request.dueOn);
    if (now.getTime() < remindAt.getTime() - EARLY_REMINDER_TOLERANCE_MS) return 'not-yet';
    return this.sendClaimNotification.execute({
      claimId: request.claimId,
      event: 'claim.information-reminder',
      occurrence: request.id,
    });
  }
}
