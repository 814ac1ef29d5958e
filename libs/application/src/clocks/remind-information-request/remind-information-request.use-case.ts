import { calendarDateInUk, isAfter } from '@redress/domain';
import { Clock } from '../../ports/clock.js';
import type {
  SendClaimNotification,
  SendClaimNotificationResult,
} from '../../notifications/send-claim-notification/send-claim-notification.use-case.js';
import { ClaimClocks } from '../clock-ports.js';

export interface RemindInformationRequestCommand {
  readonly informationRequestId: string;
}

/** Reminds the victim of an open information request before it falls due (once per request). */
export class RemindInformationRequest {
  constructor(
    private readonly clocks: ClaimClocks,
    private readonly sendClaimNotification: SendClaimNotification,
    private readonly clock: Clock,
  ) {}

  async execute(
    command: RemindInformationRequestCommand,
  ): Promise<SendClaimNotificationResult | 'not-open' | 'past-due'> {
    const request = await this.clocks.findInformationRequest(command.informationRequestId);
    if (!request || request.status !== 'open') return 'not-open';
    if (isAfter(calendarDateInUk(this.clock.now()), request.dueOn)) return 'past-due';
    return this.sendClaimNotification.execute({
      claimId: request.claimId,
      event: 'claim.information-reminder',
      occurrence: request.id,
    });
  }
}
