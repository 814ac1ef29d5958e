import { FieldEncryption } from '../referral-ports.js';
import { consentWordingFor, type ConsentWording, type ReferralState } from '@redress/domain';
import { ReferralNotFoundError } from '../referral-errors.js';
import {
  ReferralStore,
  type CitizenReferralView,
  type ConsentLedgerEntry,
  type StoredMatch,
} from '../referral-ports.js';
import { matchContext } from '../referral-support.js';

/** A referral as the victim sees it: the service, why it matched, where it stands, and the consent words. */
export interface CitizenReferral {
  id: string;
  status: ReferralState['status'];
  rank: number;
  organisationId: string;
  organisationName: string;
  serviceId: string;
  serviceName: string;
  serviceDescription: string;
  needsMet: StoredMatch['needsMet'];
  reasons: string[];
  claimId: string | null;
  replacesReferralId: string | null;
  /** Present while the referral waits for consent. */
  consentWording: ConsentWording | null;
  consentedAt: Date | null;
  sendDueOn: string | null;
  sentAt: Date | null;
  sendBreached: boolean;
  acknowledgedAt: Date | null;
  declineReason: ReferralState['declineReason'];
  outcome: ReferralState['outcome'];
  closedAt: Date | null;
  withdrawnAt: Date | null;
  expiredAt: Date | null;
  createdAt: Date;
}

function toCitizenReferral(view: CitizenReferralView, encryption: FieldEncryption): CitizenReferral {
  const { state } = view.stored;
  const match = JSON.parse(encryption.decrypt(view.stored.matchEncrypted, matchContext(state.id))) as StoredMatch;
  return {
    id: state.id,
    status: state.status,
    rank: view.stored.rank,
    organisationId: view.stored.organisationId,
    organisationName: view.organisationName,
    serviceId: view.stored.serviceId,
    serviceName: view.serviceName,
    serviceDescription: view.serviceDescription,
    needsMet: match.needsMet,
    reasons: match.reasons,
    claimId: view.stored.claimId,
    replacesReferralId: view.stored.replacesReferralId,
    consentWording: state.status === 'proposed' ? consentWordingFor('support-referral', view.organisationName) : null,
    consentedAt: state.consentedAt,
    sendDueOn: state.sendDueOn,
    sentAt: state.sentAt,
    sendBreached: state.sendBreachedAt !== null,
    acknowledgedAt: state.acknowledgedAt,
    declineReason: state.declineReason,
    outcome: state.outcome,
    closedAt: state.closedAt,
    withdrawnAt: state.withdrawnAt,
    expiredAt: state.expiredAt,
    createdAt: view.stored.createdAt,
  };
}

/** The victim's own referrals, newest first. */
export class ListMyReferrals {
  constructor(
    private readonly store: ReferralStore,
    private readonly encryption: FieldEncryption,
  ) {}

  async execute(command: { citizenId: string }): Promise<CitizenReferral[]> {
    const views = await this.store.listForCitizen(command.citizenId);
    return views.map((view) => toCitizenReferral(view, this.encryption));
  }
}

/** One of the victim's referrals; another citizen's is "not found". */
export class GetMyReferral {
  constructor(
    private readonly store: ReferralStore,
    private readonly encryption: FieldEncryption,
  ) {}

  async execute(command: { citizenId: string; referralId: string }): Promise<CitizenReferral> {
    const view = await this.store.findForCitizen(command.citizenId, command.referralId);
    if (!view) throw new ReferralNotFoundError();
    return toCitizenReferral(view, this.encryption);
  }
}

export interface CitizenConsent {
  organisationId: string;
  organisationName: string;
  purpose: string;
  action: 'given' | 'withdrawn';
  wordingVersion: string;
  /** How you gave (or withdrew) it: online yourself, or by phone, in person or in writing to a caseworker. */
  method: ConsentLedgerEntry['method'];
  /** When you gave (or withdrew) it; null for an old entry made by a caseworker whose time was not kept. */
  givenAt: Date | null;
  /** Who recorded it: you, online, or a caseworker for you (staff ids are not shown to the citizen). */
  recordedBy: 'citizen' | 'staff';
  recordedAt: Date;
}

/** "Who has my data": the victim's consent ledger, newest first, and which consents stand now. */
export class ListMyConsents {
  constructor(private readonly store: ReferralStore) {}

  async execute(command: { citizenId: string }): Promise<{ live: CitizenConsent[]; history: CitizenConsent[] }> {
    const ledger = await this.store.consentLedger(command.citizenId);
    const history = ledger
      .map((entry) => ({
        organisationId: entry.organisationId,
        organisationName: entry.organisationName,
        purpose: entry.purpose,
        action: entry.action,
        wordingVersion: entry.wordingVersion,
        method: entry.method,
        givenAt: entry.givenAt,
        recordedBy: entry.actor.type,
        recordedAt: entry.recordedAt,
      }))
      .reverse();
    const seen = new Set<string>();
    const live: CitizenConsent[] = [];
    for (const entry of history) {
      const key = `${entry.organisationId}|${entry.purpose}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (entry.action === 'given') live.push(entry);
    }
    return { live, history };
  }
}
