import { calendarDateInUk, isAfter } from '@redress/domain';
import { Clock } from '../../ports/clock.js';
import { ClaimClocks } from '../clock-ports.js';

export interface EscalateOverdueInformationRequestCommand {
  readonly informationRequestId: string;
}

/**
 * An information request still open after its due date raises the claim's priority, so that the caseworker
 * follows it up; escalated once, however often the job runs. A due date moved later makes this run a no-op.
 */
export class EscalateOverdueInformationRequest {
  constructor(
    private readonly clocks: ClaimClocks,
    private readonly clock: Clock,
  ) {}

  async execute(
    command: EscalateOverdueInformationRequestCommand,
  ): Promise<'escalated' | 'already-escalated' | 'not-open' | 'not-overdue'> {
    const request = await this.clocks.findInformationRequest(command.informationRequestId);
    if (!request || request.status !== 'open') return 'not-open';
    const now = this.clock.now();
    if (!isAfter(calendarDateInUk(now), request.dueOn)) return 'not-overdue';
    const escalated = await this.clocks.escalate('information-request-overdue', request.id, request.claimId, now);
    return escalated ? 'escalated' : 'already-escalated';
  }
}
