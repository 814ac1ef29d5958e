import { randomUUID } from 'node:crypto';
import { currentConsentWording, Referral } from '@redress/domain';
import { Clock } from '../../ports/clock.js';
import { NoLiveConsentError } from '../referral-errors.js';
import { ReferralStore, type ConsentRecord, type ReferralTransaction, type StoredReferral } from '../referral-ports.js';
import { persistReferral } from '../referral-support.js';
import type { WithdrawConsentCommand } from './withdraw-consent.command.js';

/** A withdrawal of the victim's consent from one organisation, as it is to be recorded. */
export interface ConsentWithdrawal {
  readonly citizenId: string;
  readonly organisationId: string;
  /**
   * Who records it, how the victim withdrew and when: the victim themselves (`online`, the moment it is recorded),
   * or a member of staff for them (`phone`, `in-person`, `in-writing`, when the victim said it).
   */
  readonly recordedBy: ConsentRecord['actor'];
  readonly method: ConsentRecord['method'];
  readonly withdrawnAt: Date;
  /** The referral the withdrawal was recorded against, if any (the ledger's `referral_id`). */
  readonly referralId: string | null;
  /** Ids and codes added to the `referral-consent.withdrawn` audit entry. */
  readonly auditDetails: Readonly<Record<string, string>>;
  /** Ids and codes added to each withdrawn referral's `referral.withdrawn` event. */
  readonly eventDetails: Readonly<Record<string, string>>;
}

/**
 * Records a withdrawal, whoever records it, in the caller's transaction. The caller holds the consent lock
 * (`lockConsent`/`lockLatestConsent`), has locked no referral before it (the lock order: consent, then referrals),
 * and has found that consent stands. A new `withdrawn` entry goes to the ledger
 * and to the audit log; every open referral of the citizen with that organisation is withdrawn in the same
 * transaction (so the partner API refuses the very next read: it checks consent on every request), and the partner
 * is told by webhook of each one it had been sent. Answers the ledger entry and the referrals withdrawn.
 */
export async function recordConsentWithdrawal(
  transaction: ReferralTransaction,
  withdrawal: ConsentWithdrawal,
  now: Date,
): Promise<{ entry: ConsentRecord; withdrawn: StoredReferral[] }> {
  const entry: ConsentRecord = {
    id: randomUUID(),
    citizenId: withdrawal.citizenId,
    organisationId: withdrawal.organisationId,
    purpose: 'support-referral',
    action: 'withdrawn',
    wordingVersion: currentConsentWording['support-referral'].version,
    referralId: withdrawal.referralId,
    actor: withdrawal.recordedBy,
    method: withdrawal.method,
    givenAt: withdrawal.withdrawnAt,
    recordedByStaffId: withdrawal.recordedBy.type === 'staff' ? withdrawal.recordedBy.id : null,
    recordedAt: now,
  };
  await transaction.appendConsent(entry);
  await transaction.audit({
    actor: withdrawal.recordedBy,
    action: 'referral-consent.withdrawn',
    targetType: 'referral-consent',
    targetId: withdrawal.organisationId,
    details: { purpose: 'support-referral', method: withdrawal.method, ...withdrawal.auditDetails },
    occurredAt: now,
  });
  const open = await transaction.lockOpenReferralsWith(withdrawal.citizenId, withdrawal.organisationId);
  for (const stored of open) {
    const referral = Referral.restore(stored.state);
    // The organisation loses access now, when it is recorded (the ledger keeps when the victim said it).
    referral.withdraw(now);
    await persistReferral(transaction, stored, referral, withdrawal.recordedBy, now, null, withdrawal.eventDetails);
  }
  return { entry, withdrawn: open };
}

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
      const { withdrawn } = await recordConsentWithdrawal(
        transaction,
        {
          citizenId: command.citizenId,
          organisationId: command.organisationId,
          recordedBy: { type: 'citizen', id: command.citizenId },
          // The victim, online, themselves: withdrawn the moment it is recorded.
          method: 'online',
          withdrawnAt: now,
          referralId: null,
          auditDetails: {},
          eventDetails: {},
        },
        now,
      );
      return { withdrawnReferrals: withdrawn.length };
    });
  }
}
