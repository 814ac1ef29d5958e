import type { ConsentPurpose, ReferralEvent, ReferralState } from '@redress/domain';
import { Referral } from '@redress/domain';
import { StaleReferralError } from '../referral-errors.js';
import {
  ReferralStore,
  type CitizenReferralView,
  type ConsentLedgerEntry,
  type ConsentRecord,
  type LatestConsentEntry,
  type PartnerReferralView,
  type PartnerRefusalReason,
  type ReferralActor,
  type ReferralAuditEntry,
  type ReferralTransaction,
  type StoredReferral,
} from '../referral-ports.js';

interface State {
  referrals: StoredReferral[];
  ledger: ConsentRecord[];
  events: Array<{ event: ReferralEvent; actor: ReferralActor }>;
  audit: ReferralAuditEntry[];
  webhooks: Array<{ type: ReferralEvent['type']; referralId: string; organisationId: string }>;
}

const finished: ReadonlyArray<ReferralState['status']> = ['declined', 'closed', 'withdrawn', 'expired'];
const shared: ReadonlyArray<ReferralState['status']> = ['sent', 'acknowledged', 'accepted', 'in_progress'];

/**
 * The consent ledger, referrals, their events, the audit entries and the webhooks of the referral store, in memory,
 * for unit tests of the consent use cases. A transaction works on a copy that replaces the state only when the work
 * resolves, so a use case that throws leaves nothing behind, as PostgreSQL would. Only what those use cases call is
 * implemented; the rest throws.
 */
export class InMemoryReferralStore extends ReferralStore {
  state: State = { referrals: [], ledger: [], events: [], audit: [], webhooks: [] };
  /** Organisations with a webhook endpoint. */
  readonly endpoints = new Set<string>();
  /** How many transactions committed (a use case that answers without writing may still have run one). */
  commits = 0;

  /** A referral of the citizen with the organisation, in the given state (a sent one by default). */
  addReferral(options: {
    id: string;
    citizenId: string;
    claimId: string | null;
    organisationId: string;
    status?: ReferralState['status'];
    sentAt?: Date | null;
  }): StoredReferral {
    const state: ReferralState = {
      ...Referral.proposed(options.id).state,
      status: options.status ?? 'sent',
      sentAt: options.sentAt === undefined ? new Date('2026-11-30T10:00:00Z') : options.sentAt,
    };
    const stored: StoredReferral = {
      state,
      requestId: `request-${options.id}`,
      citizenId: options.citizenId,
      claimId: options.claimId,
      organisationId: options.organisationId,
      serviceId: `service-of-${options.organisationId}`,
      replacesReferralId: null,
      rank: 1,
      score: 1000,
      matchEncrypted: 'match',
      version: 1,
      createdAt: new Date('2026-11-29T10:00:00Z'),
    };
    this.state.referrals.push(stored);
    return stored;
  }

  /** A ledger entry as if written earlier. */
  addConsent(record: Partial<ConsentRecord> & Pick<ConsentRecord, 'citizenId' | 'organisationId' | 'action'>): void {
    const at = record.recordedAt ?? new Date('2026-11-29T12:00:00Z');
    this.state.ledger.push({
      id: `consent-${this.state.ledger.length + 1}`,
      purpose: 'support-referral',
      wordingVersion: 'support-referral/2026-11-01',
      referralId: null,
      actor: { type: 'citizen', id: record.citizenId },
      method: 'online',
      givenAt: at,
      recordedByStaffId: null,
      recordedAt: at,
      ...record,
    });
  }

  referral(id: string): StoredReferral | undefined {
    return this.state.referrals.find((stored) => stored.state.id === id);
  }

  /** What a partner may read now: sent, still shared, and consent standing (as the PostgreSQL adapter checks). */
  partnerCanRead(organisationId: string, referralId: string): boolean {
    const stored = this.referral(referralId);
    if (!stored || stored.organisationId !== organisationId || !stored.state.sentAt) return false;
    if (!shared.includes(stored.state.status)) return false;
    return latest(this.state, stored.citizenId, organisationId, 'support-referral')?.action === 'given';
  }

  async transaction<T>(work: (transaction: ReferralTransaction) => Promise<T>): Promise<T> {
    const draft = structuredClone(this.state);
    const result = await work(new InMemoryReferralTransaction(draft, this.endpoints));
    this.state = draft;
    this.commits += 1;
    return result;
  }

  async findForCitizen(citizenId: string, referralId: string): Promise<CitizenReferralView | null> {
    const stored = this.referral(referralId);
    if (!stored || stored.citizenId !== citizenId) return null;
    return {
      stored: structuredClone(stored),
      serviceName: 'Service',
      organisationName: 'Organisation',
      serviceDescription: 'A service',
    };
  }

  async consentLedger(citizenId: string): Promise<ConsentLedgerEntry[]> {
    return this.state.ledger
      .filter((entry) => entry.citizenId === citizenId)
      .map((entry) => ({ ...structuredClone(entry), organisationName: 'Organisation' }));
  }

  listForCitizen(): Promise<CitizenReferralView[]> {
    throw new Error('not used by these tests');
  }
  listForOrganisation(): Promise<PartnerReferralView[]> {
    throw new Error('not used by these tests');
  }
  findForOrganisation(): Promise<PartnerReferralView | null> {
    throw new Error('not used by these tests');
  }
  partnerRefusalReason(): Promise<PartnerRefusalReason> {
    throw new Error('not used by these tests');
  }
  referralsWithRunningClocks(): Promise<string[]> {
    throw new Error('not used by these tests');
  }
  claimBelongsTo(): Promise<boolean> {
    throw new Error('not used by these tests');
  }
}

function latest(
  state: State,
  citizenId: string,
  organisationId: string,
  purpose: ConsentPurpose,
): ConsentRecord | undefined {
  return state.ledger
    .filter(
      (entry) => entry.citizenId === citizenId && entry.organisationId === organisationId && entry.purpose === purpose,
    )
    .at(-1);
}

/**
 * Holds the use cases to the lock order (docs/referrals.md): a consent lock after a referral lock in the same
 * transaction is the deadlock PostgreSQL would abort, so it fails here at once.
 */
class InMemoryReferralTransaction implements ReferralTransaction {
  private referralLocked = false;

  constructor(
    private readonly state: State,
    private readonly endpoints: ReadonlySet<string>,
  ) {}

  private consentLock(): void {
    if (this.referralLocked) throw new Error('lock order: the consent lock is taken after a referral lock');
  }

  async lockReferral(referralId: string) {
    this.referralLocked = true;
    return structuredClone(this.state.referrals.find((stored) => stored.state.id === referralId) ?? null);
  }

  async lockReferralWithConsent(referralId: string, purpose: ConsentPurpose) {
    const found = this.state.referrals.find((stored) => stored.state.id === referralId);
    if (!found) return null;
    const consent = await this.lockLatestConsent(found.citizenId, found.organisationId, purpose);
    const stored = await this.lockReferral(referralId);
    return stored ? { stored, consent } : null;
  }

  async saveReferral(referral: StoredReferral, state: ReferralState) {
    const index = this.state.referrals.findIndex((stored) => stored.state.id === referral.state.id);
    const current = this.state.referrals[index];
    if (!current || current.version !== referral.version) throw new StaleReferralError();
    this.state.referrals[index] = { ...current, state, version: current.version + 1 };
  }

  async appendEvents(events: readonly ReferralEvent[], actor: ReferralActor) {
    for (const event of events) this.state.events.push({ event: structuredClone(event), actor });
  }

  async lockOpenReferralsWith(citizenId: string, organisationId: string) {
    this.referralLocked = true;
    return structuredClone(
      this.state.referrals.filter(
        (stored) =>
          stored.citizenId === citizenId &&
          stored.organisationId === organisationId &&
          !finished.includes(stored.state.status),
      ),
    );
  }

  async appendConsent(record: ConsentRecord) {
    // The ledger's CHECKs (migration 1764440000000): who recorded it matches how, and never dated ahead.
    const staff = record.actor.type === 'staff';
    if (staff ? record.method === 'online' || record.recordedByStaffId !== record.actor.id : record.method !== 'online')
      throw new Error('referral_consent_recorder');
    if (record.givenAt.getTime() > record.recordedAt.getTime() + 5 * 60_000)
      throw new Error('referral_consent_given_at');
    this.state.ledger.push(structuredClone(record));
  }

  async lockConsent(citizenId: string, organisationId: string, purpose: ConsentPurpose) {
    this.consentLock();
    return latest(this.state, citizenId, organisationId, purpose)?.action === 'given';
  }

  async lockLatestConsent(
    citizenId: string,
    organisationId: string,
    purpose: ConsentPurpose,
  ): Promise<LatestConsentEntry | null> {
    this.consentLock();
    return structuredClone(latest(this.state, citizenId, organisationId, purpose) ?? null);
  }

  async queueWebhook(event: ReferralEvent, organisationId: string) {
    if (this.endpoints.has(organisationId))
      this.state.webhooks.push({ type: event.type, referralId: event.referralId, organisationId });
  }

  async audit(entry: ReferralAuditEntry) {
    this.state.audit.push(structuredClone(entry));
  }

  insertRequest(): Promise<void> {
    throw new Error('not used by these tests');
  }
  requestProfile(): Promise<{ citizenId: string; claimId: string | null; profileEncrypted: string }> {
    throw new Error('not used by these tests');
  }
  offeredInRequest(): Promise<{ serviceIds: string[]; organisationIds: string[] }> {
    throw new Error('not used by these tests');
  }
  insertReferral(): Promise<void> {
    throw new Error('not used by these tests');
  }
  enqueue(): Promise<string> {
    throw new Error('not used by these tests');
  }
}
