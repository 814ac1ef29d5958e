import { isAfter, calendarDateInUk, type ReferralState } from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { CaseFileStore } from '../../staff/case-file.js';
import { AccessLog, canSee } from '../../staff/casework-store.js';
import { accessJustification } from '../../staff/claim-access.js';
import { staffClaimNotFound } from '../../staff/staff-actor.js';
import {
  FieldEncryption,
  ReferralStore,
  type ConsentLedgerEntry,
  type LatestConsentEntry,
  type StoredMatch,
} from '../referral-ports.js';
import { matchContext } from '../referral-support.js';
import type { ListClaimReferralsCommand } from './list-claim-referrals.command.js';

/** Where consent to share with the referral's organisation stands now (the newest ledger entry). */
export interface StaffReferralConsent {
  readonly standing: boolean;
  readonly lastAction: 'given' | 'withdrawn' | null;
  /** Who recorded the newest entry: the victim online, or a member of staff on their behalf. */
  readonly recordedBy: { readonly type: 'citizen' | 'staff'; readonly id: string } | null;
  /** How the victim gave (or withdrew) it: online, or by phone, in person or in writing to staff (`unknown`: old). */
  readonly method: ConsentLedgerEntry['method'] | null;
  /** When the victim gave (or withdrew) it, which may be before it was recorded; null when unknown. */
  readonly givenAt: Date | null;
  readonly wordingVersion: string | null;
  readonly recordedAt: Date | null;
}

/** A referral of the claim as staff see it: status, organisation, consent and the clocks. */
export interface StaffClaimReferral {
  readonly id: string;
  readonly status: ReferralState['status'];
  readonly rank: number;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly serviceId: string;
  readonly serviceName: string;
  readonly needsMet: StoredMatch['needsMet'];
  readonly replacesReferralId: string | null;
  readonly consent: StaffReferralConsent;
  readonly consentedAt: Date | null;
  readonly sendDueOn: string | null;
  readonly sentAt: Date | null;
  /** Victims' Code right 4: sent after the due day, or flagged unsent past it by the clock sweep. */
  readonly sendBreached: boolean;
  /** Consented, unsent and past its due day now (the sweep may not have flagged it yet). */
  readonly sendOverdue: boolean;
  readonly acknowledgeDueOn: string | null;
  readonly acknowledgedAt: Date | null;
  readonly declineReason: ReferralState['declineReason'];
  readonly outcome: ReferralState['outcome'];
  readonly withdrawnAt: Date | null;
  readonly expiredAt: Date | null;
  readonly closedAt: Date | null;
  readonly createdAt: Date;
}

/** Where consent stands, from the newest ledger entry for the organisation (none: never given). */
export function staffReferralConsent(latest: LatestConsentEntry | null | undefined): StaffReferralConsent {
  if (!latest) {
    return {
      standing: false,
      lastAction: null,
      recordedBy: null,
      method: null,
      givenAt: null,
      wordingVersion: null,
      recordedAt: null,
    };
  }
  return {
    standing: latest.action === 'given',
    lastAction: latest.action,
    recordedBy: { ...latest.actor },
    method: latest.method,
    givenAt: latest.givenAt,
    wordingVersion: latest.wordingVersion,
    recordedAt: latest.recordedAt,
  };
}

function consentFor(ledger: readonly ConsentLedgerEntry[], organisationId: string): StaffReferralConsent {
  // The ledger comes oldest first (by position): the last entry for the organisation is the one that stands.
  return staffReferralConsent(
    ledger.filter((entry) => entry.organisationId === organisationId && entry.purpose === 'support-referral').at(-1),
  );
}

/**
 * The referrals linked to a claim, for staff. The read is written to the access log (view `referrals`) before
 * anything is returned; a restricted claim the caller is not named on answers 404 and the attempt is logged.
 */
export class ListClaimReferrals {
  constructor(
    private readonly claims: CaseFileStore,
    private readonly accessLog: AccessLog,
    private readonly store: ReferralStore,
    private readonly encryption: FieldEncryption,
    private readonly clock: Clock,
  ) {}

  async execute(command: ListClaimReferralsCommand): Promise<StaffClaimReferral[]> {
    const record = await this.claims.findClaim(command.reference);
    if (!record) throw staffClaimNotFound();
    const at = this.clock.now();
    const claimId = record.snapshot.id;
    if (!canSee(record, command.actor)) {
      await this.accessLog.recordRefused({ actor: command.actor, claimId, view: 'referrals', at });
      throw staffClaimNotFound();
    }
    const { purpose, breakGlass } = accessJustification(record, command.actor, command);
    await this.accessLog.recordRead({ actor: command.actor, claimId, view: 'referrals', purpose, breakGlass, at });
    const citizenId = record.snapshot.ownerCitizenId;
    const [views, ledger] = await Promise.all([
      this.store.listForCitizen(citizenId),
      this.store.consentLedger(citizenId),
    ]);
    const today = calendarDateInUk(at);
    return views
      .filter((view) => view.stored.claimId === claimId)
      .map((view) => {
        const { state } = view.stored;
        const match = JSON.parse(
          this.encryption.decrypt(view.stored.matchEncrypted, matchContext(state.id)),
        ) as StoredMatch;
        return {
          id: state.id,
          status: state.status,
          rank: view.stored.rank,
          organisationId: view.stored.organisationId,
          organisationName: view.organisationName,
          serviceId: view.stored.serviceId,
          serviceName: view.serviceName,
          needsMet: match.needsMet,
          replacesReferralId: view.stored.replacesReferralId,
          consent: consentFor(ledger, view.stored.organisationId),
          consentedAt: state.consentedAt,
          sendDueOn: state.sendDueOn,
          sentAt: state.sentAt,
          sendBreached: state.sendBreachedAt !== null,
          sendOverdue: state.status === 'consented' && state.sendDueOn !== null && isAfter(today, state.sendDueOn),
          acknowledgeDueOn: state.acknowledgeDueOn,
          acknowledgedAt: state.acknowledgedAt,
          declineReason: state.declineReason,
          outcome: state.outcome,
          withdrawnAt: state.withdrawnAt,
          expiredAt: state.expiredAt,
          closedAt: state.closedAt,
          createdAt: view.stored.createdAt,
        };
      });
  }
}
