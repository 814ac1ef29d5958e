import { randomUUID } from 'node:crypto';
import { currentConsentWording, Referral } from '@redress/domain';
import { Clock } from '../../ports/clock.js';
import { NoLiveConsentError } from '../referral-errors.js';
import { ReferralStore } from '../referral-ports.js';
import { persistReferral } from '../referral-support.js';
import type { WithdrawConsentCommand } from './withdraw-consent.command.js';

/**
 * The victim withdraws consent from one organisation. The ledger records it; every open referral with
 * that organisation is withdrawn in the same transaction, so the partner API refuses the very next read;
 * the partner is told by webhook.
 */
export class WithdrawConsent {
  constructor(
    private readonly store: ReferralStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: WithdrawConsentCommand): Promise<{ withdrawnReferrals: number }> {
    const now = this.clock.now();
    return this.store.transaction(async (transaction) => {
      const live = await transaction.lockConsent(command.citizenId, command.organisationId, 'support-referral');
      if (!live) throw new NoLiveConsentError();
      await transaction.appendConsent({
        id: randomUUID(),
        citizenId: command.citizenId,
        organisationId: command.organisationId,
        purpose: 'support-referral',
        action: 'withdrawn',
        wordingVersion: currentConsentWording['support-referral'].version,
        referralId: null,
        actor: { type: 'citizen', id: command.citizenId },
        // The victim, online, themselves: withdrawn the moment it is recorded.
        method: 'online',
        givenAt: now,
        recordedByStaffId: null,
        recordedAt: now,
      });
      await transaction.audit({
        actor: { type: 'citizen', id: command.citizenId },
        action: 'referral-consent.withdrawn',
        targetType: 'referral-consent',
        targetId: command.organisationId,
        details: { purpose: 'support-referral', method: 'online' },
        occurredAt: now,
      });
      const open = await transaction.lockOpenReferralsWith(command.citizenId, command.organisationId);
      for (const stored of open) {
        const referral = Referral.restore(stored.state);
        referral.withdraw(now);
        await persistReferral(transaction, stored, referral, { type: 'citizen', id: command.citizenId }, now);
      }
      return { withdrawnReferrals: open.length };
    });
  }
}
