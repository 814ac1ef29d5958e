import { randomUUID } from 'node:crypto';
import { currentConsentWording, Referral } from '@redress/domain';
import { Clock } from '../../ports/clock.js';
import { ConsentWordingOutdatedError, ReferralNotFoundError } from '../referral-errors.js';
import { ReferralSettings, ReferralStore } from '../referral-ports.js';
import { persistReferral } from '../referral-support.js';
import type { GiveConsentCommand } from './give-consent.command.js';

/**
 * The victim agrees, in so many words, to share their details with the organisation of one proposed
 * referral. The consent is written to the ledger with the words' version; the referral's right 4 clock
 * starts; the referral is queued to be sent.
 */
export class GiveConsent {
  constructor(
    private readonly store: ReferralStore,
    private readonly settings: ReferralSettings,
    private readonly clock: Clock,
  ) {}

  async execute(command: GiveConsentCommand): Promise<void> {
    const wording = currentConsentWording['support-referral'];
    if (command.wordingVersion !== wording.version) throw new ConsentWordingOutdatedError(wording.version);
    const now = this.clock.now();
    await this.store.transaction(async (transaction) => {
      // The consent lock before the referral's (the lock order a withdrawal takes them in): the two queue, never
      // deadlock.
      const locked = await transaction.lockReferralWithConsent(command.referralId, 'support-referral');
      if (!locked || locked.stored.citizenId !== command.citizenId) throw new ReferralNotFoundError();
      const { stored } = locked;
      const referral = Referral.restore(stored.state);
      referral.consent(now, this.settings.calendar, this.settings.clocks);
      const live = locked.consent?.action === 'given';
      // One standing consent per organisation and purpose: a second referral to it relies on the same consent.
      if (!live) {
        await transaction.appendConsent({
          id: randomUUID(),
          citizenId: command.citizenId,
          organisationId: stored.organisationId,
          purpose: 'support-referral',
          action: 'given',
          wordingVersion: wording.version,
          referralId: stored.state.id,
          actor: { type: 'citizen', id: command.citizenId },
          // The victim, online, themselves: given the moment it is recorded.
          method: 'online',
          givenAt: now,
          recordedByStaffId: null,
          recordedAt: now,
        });
        await transaction.audit({
          actor: { type: 'citizen', id: command.citizenId },
          action: 'referral-consent.given',
          targetType: 'referral-consent',
          targetId: stored.organisationId,
          details: { purpose: 'support-referral', wordingVersion: wording.version, method: 'online' },
          occurredAt: now,
        });
      }
      await persistReferral(transaction, stored, referral, { type: 'citizen', id: command.citizenId }, now);
      await transaction.enqueue('referrals.send', { referralId: stored.state.id }, `referral:${stored.state.id}`, now);
    });
  }
}
