import { FieldEncryption } from '../referral-ports.js';
import { Referral } from '@redress/domain';
import { Clock } from '../../ports/clock.js';
import { ReferralNotFoundError } from '../referral-errors.js';
import { ReferralStore, SupportDirectory, type ReferralActor } from '../referral-ports.js';
import { noteContext, offerNextBestMatch, persistReferral } from '../referral-support.js';
import type { PartnerResponse, RespondToReferralCommand } from './respond-to-referral.command.js';

function apply(referral: Referral, response: PartnerResponse, at: Date): void {
  switch (response.kind) {
    case 'acknowledge':
      return referral.acknowledge(at);
    case 'accept':
      return referral.accept(at);
    case 'decline':
      return referral.decline(at, response.reason);
    case 'update':
      return referral.update(at);
    case 'close':
      return referral.close(at, response.outcome);
  }
}

/**
 * A partner organisation answers a referral it was sent: acknowledge, accept, decline with a reason,
 * update progress, or close with an outcome. Only its own referrals, and only while consent stands;
 * anything else is "not found", so it learns nothing of other organisations' referrals.
 */
export class RespondToReferral {
  constructor(
    private readonly store: ReferralStore,
    private readonly directory: SupportDirectory,
    private readonly encryption: FieldEncryption,
    private readonly clock: Clock,
  ) {}

  async execute(command: RespondToReferralCommand): Promise<{ status: string; nextBestReferralId: string | null }> {
    const now = this.clock.now();
    return this.store.transaction(async (transaction) => {
      // The consent lock, then the referral's (the lock order): a withdrawal under way finishes first.
      const locked = await transaction.lockReferralWithConsent(command.referralId, 'support-referral');
      if (!locked || locked.stored.organisationId !== command.organisationId || !locked.stored.state.sentAt) {
        throw new ReferralNotFoundError();
      }
      if (locked.consent?.action !== 'given') throw new ReferralNotFoundError();
      const { stored } = locked;
      const referral = Referral.restore(stored.state);
      apply(referral, command.response, now);
      const note = command.note;
      const actor: ReferralActor = { type: 'partner', id: command.credentialId };
      await persistReferral(
        transaction,
        stored,
        referral,
        actor,
        now,
        note ? this.encryption.encrypt(note, noteContext(stored.state.id)) : null,
      );
      const nextBestReferralId = referral.wantsNextBestMatch
        ? await offerNextBestMatch(transaction, this.directory, this.encryption, stored, now)
        : null;
      return { status: referral.status, nextBestReferralId };
    });
  }
}
