import { Referral } from '@redress/domain';
import { Clock } from '../../ports/clock.js';
import { ReferralSettings, ReferralStore } from '../referral-ports.js';
import { persistReferral } from '../referral-support.js';

/**
 * Sends a consented referral: from now the organisation can pull it, and it is told by webhook. Runs as
 * a job; running it twice, or after the victim withdrew, changes nothing.
 */
export class SendReferral {
  constructor(
    private readonly store: ReferralStore,
    private readonly settings: ReferralSettings,
    private readonly clock: Clock,
  ) {}

  async execute(command: { referralId: string }): Promise<'sent' | 'nothing-to-do'> {
    const now = this.clock.now();
    return this.store.transaction(async (transaction) => {
      // The consent lock, then the referral's (the lock order): a withdrawal under way finishes first.
      const locked = await transaction.lockReferralWithConsent(command.referralId, 'support-referral');
      if (!locked || locked.stored.state.status !== 'consented') return 'nothing-to-do';
      if (locked.consent?.action !== 'given') return 'nothing-to-do';
      const { stored } = locked;
      const referral = Referral.restore(stored.state);
      referral.send(now, this.settings.calendar, this.settings.clocks);
      await persistReferral(transaction, stored, referral, { type: 'system', id: null }, now);
      return 'sent';
    });
  }
}
