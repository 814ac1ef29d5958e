import type { ClaimStatus } from '@redress/domain';
import { Clock } from '../../ports/clock.js';
import { ClaimClocks } from '../clock-ports.js';

export interface CheckServiceLevelCommand {
  readonly claimId: string;
}

const finished: readonly ClaimStatus[] = ['decided', 'accepted', 'paid', 'closed', 'withdrawn', 'appealed'];

/**
 * The claim's service-level clock (the casework migration's `service_level_due_at`: submission + target +
 * pauses). Runs when it was due: a claim decided by then is fine; one whose due time moved later (a pause) is
 * checked again then; one still undecided is escalated (priority raised, once).
 */
export class CheckServiceLevel {
  constructor(
    private readonly clocks: ClaimClocks,
    private readonly clock: Clock,
  ) {}

  async execute(
    command: CheckServiceLevelCommand,
  ): Promise<'finished' | 'paused' | 'rescheduled' | 'escalated' | 'already-escalated' | 'claim-not-found'> {
    const state = await this.clocks.findServiceLevel(command.claimId);
    if (!state || state.dueAt === null) return 'claim-not-found';
    if (finished.includes(state.status)) return 'finished';
    // While paused the due time keeps moving; whoever ends the pause schedules the next check.
    if (state.paused) return 'paused';
    const now = this.clock.now();
    if (state.dueAt.getTime() > now.getTime()) {
      await this.clocks.scheduleServiceLevelCheck(command.claimId, state.dueAt);
      return 'rescheduled';
    }
    const escalated = await this.clocks.escalate('service-level-breached', command.claimId, command.claimId, now);
    return escalated ? 'escalated' : 'already-escalated';
  }
}
