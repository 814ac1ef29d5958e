import { DomainError, DomainErrorKind } from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { CaseFileStore } from '../../staff/case-file.js';
import { AccessLog, canSee } from '../../staff/casework-store.js';
import { staffClaimNotFound } from '../../staff/staff-actor.js';
import {
  staffReferralConsent,
  type StaffReferralConsent,
} from '../list-claim-referrals/list-claim-referrals.use-case.js';
import { NoConsentToWithdrawError, ReferralNotFoundError, WithdrawalBeforeConsentError } from '../referral-errors.js';
import { ReferralStore } from '../referral-ports.js';
import { STAFF_RECORDED_CLOCK_SKEW_MS } from '../referral-support.js';
import { recordConsentWithdrawal } from '../withdraw-consent/withdraw-consent.use-case.js';
import type { WithdrawConsentOnBehalfCommand } from './withdraw-consent-on-behalf.command.js';

export interface ConsentWithdrawnOnBehalf {
  /** True when this request recorded the withdrawal; false when consent had already been withdrawn (nothing written). */
  readonly recorded: boolean;
  readonly organisationId: string;
  /**
   * How many open referrals of the victim with the organisation this request withdrew: consent is the victim's, so
   * this counts those of their other claims and their own proposals too (none when nothing was recorded).
   */
  readonly withdrawnReferrals: number;
  /** Those of them that are referrals of this claim (the others are not shown: they may be of a restricted claim). */
  readonly withdrawnReferralIds: string[];
  /** Where consent stands now: the newest ledger entry (the withdrawal, this one or the earlier one). */
  readonly consent: StaffReferralConsent;
}

/**
 * A caseworker records, on the victim's behalf, the withdrawal of their consent to share with the organisation of one
 * of the claim's referrals, which the victim gave them by phone, in person or in writing. The mirror of
 * `ReferOnBehalf`'s recorded consent, with exactly the effects of the victim's own online withdrawal
 * (`recordConsentWithdrawal`, shared with `WithdrawConsent`): a `withdrawn` ledger entry with the method, when the
 * victim said it and the caseworker as recorder; every open referral with the organisation withdrawn at once (the
 * partner's next read is 404) with its events, audit entries and `referral.withdrawn` webhooks.
 *
 * Idempotent: when consent has already been withdrawn (online, or by another member of staff) nothing is written and
 * the answer says so (`recorded: false`) with the withdrawal that stands; that answer is a read of the claim's
 * referral data, so it goes to the access log first. Consent never given is 409; so is a withdrawal dated before the
 * consent that stands (the victim consented again since: their newest wish stands).
 */
export class WithdrawConsentOnBehalf {
  constructor(
    private readonly claims: CaseFileStore,
    private readonly accessLog: AccessLog,
    private readonly store: ReferralStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: WithdrawConsentOnBehalfCommand): Promise<ConsentWithdrawnOnBehalf> {
    const record = await this.claims.findClaim(command.reference);
    if (!record) throw staffClaimNotFound();
    const now = this.clock.now();
    const claimId = record.snapshot.id;
    if (!canSee(record, command.actor)) {
      await this.accessLog.recordRefused({ actor: command.actor, claimId, view: 'referral', at: now });
      throw staffClaimNotFound();
    }
    const { withdrawal } = command;
    if (withdrawal.withdrawnAt.getTime() > now.getTime() + STAFF_RECORDED_CLOCK_SKEW_MS) {
      throw new DomainError(
        'referrals.withdrawal-in-future',
        DomainErrorKind.InvalidInput,
        'A withdrawal cannot be dated in the future.',
        [{ field: 'withdrawnAt', message: 'must not be in the future' }],
      );
    }
    const citizenId = record.snapshot.ownerCitizenId;
    // Read without a lock: a referral's organisation never changes. The consent lock comes first, as in the
    // victim's own withdrawal, so the two queue behind each other rather than deadlock.
    const found = await this.store.findForCitizen(citizenId, command.referralId);
    if (!found || found.stored.claimId !== claimId) throw new ReferralNotFoundError();
    const organisationId = found.stored.organisationId;
    const recordedBy = { type: 'staff' as const, id: command.actor.staffId };

    const outcome = await this.store.transaction(async (transaction) => {
      const latest = await transaction.lockLatestConsent(citizenId, organisationId, 'support-referral');
      if (!latest) throw new NoConsentToWithdrawError();
      if (latest.action === 'withdrawn') {
        return {
          recorded: false,
          consent: staffReferralConsent(latest),
          withdrawnReferrals: 0,
          withdrawnReferralIds: [],
        };
      }
      if (latest.givenAt && withdrawal.withdrawnAt.getTime() < latest.givenAt.getTime()) {
        throw new WithdrawalBeforeConsentError(latest.givenAt);
      }
      const how = {
        method: withdrawal.method,
        withdrawnAt: withdrawal.withdrawnAt.toISOString(),
        ...(withdrawal.reasonCode ? { reasonCode: withdrawal.reasonCode } : {}),
      };
      const { entry, withdrawn } = await recordConsentWithdrawal(
        transaction,
        {
          citizenId,
          organisationId,
          recordedBy,
          method: withdrawal.method,
          withdrawnAt: withdrawal.withdrawnAt,
          referralId: command.referralId,
          auditDetails: { ...how, referralId: command.referralId, claimId },
          eventDetails: how,
        },
        now,
      );
      const ofThisClaim = new Set(
        withdrawn.filter((stored) => stored.claimId === claimId).map((stored) => stored.state.id),
      );
      return {
        recorded: true,
        consent: staffReferralConsent(entry),
        withdrawnReferrals: withdrawn.length,
        withdrawnReferralIds: withdrawn.map((stored) => stored.state.id).filter((id) => ofThisClaim.has(id)),
      };
    });
    if (!outcome.recorded) {
      await this.accessLog.recordRead({
        actor: command.actor,
        claimId,
        view: 'referral-consent',
        purpose: 'casework',
        at: now,
      });
    }
    return { ...outcome, organisationId };
  }
}
