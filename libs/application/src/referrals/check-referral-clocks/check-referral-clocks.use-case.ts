import { FieldEncryption } from '../referral-ports.js';
import { calendarDateInUk, Referral } from '@redress/domain';
import { Clock } from '../../ports/clock.js';
import { ReferralStore, SupportDirectory } from '../referral-ports.js';
import { offerNextBestMatch, persistReferral } from '../referral-support.js';

export interface ClockSweepResult {
  sendBreaches: number;
  expired: number;
  nextBestOffered: number;
}

/**
 * The referral clocks, swept on a schedule: a consented referral still unsent after its right 4 due day is
 * flagged as a breach (once); a sent referral unacknowledged past its due day expires, and the next best
 * service is offered. Each referral is handled in its own transaction, so one failure stops nothing else.
 */
export class CheckReferralClocks {
  constructor(
    private readonly store: ReferralStore,
    private readonly directory: SupportDirectory,
    private readonly encryption: FieldEncryption,
    private readonly clock: Clock,
  ) {}

  async execute(command: { batchSize?: number } = {}): Promise<ClockSweepResult> {
    const now = this.clock.now();
    const result: ClockSweepResult = { sendBreaches: 0, expired: 0, nextBestOffered: 0 };
    for (const referralId of await this.store.referralsWithRunningClocks(
      calendarDateInUk(now),
      command.batchSize ?? 500,
    )) {
      await this.store.transaction(async (transaction) => {
        const stored = await transaction.lockReferral(referralId);
        if (!stored) return;
        const referral = Referral.restore(stored.state);
        if (referral.flagSendBreach(now)) {
          result.sendBreaches += 1;
        } else if (referral.isAcknowledgementOverdue(now)) {
          referral.expire(now);
          result.expired += 1;
        } else {
          return;
        }
        await persistReferral(transaction, stored, referral, { type: 'system', id: null }, now);
        if (
          referral.wantsNextBestMatch &&
          (await offerNextBestMatch(transaction, this.directory, this.encryption, stored, now))
        ) {
          result.nextBestOffered += 1;
        }
      });
    }
    return result;
  }
}
