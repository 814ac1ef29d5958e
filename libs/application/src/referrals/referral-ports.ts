import type {
  Circumstance,
  ConsentPurpose,
  DirectoryService,
  IsoDate,
  MatchLocation,
  ReferralClockSettings,
  ReferralEvent,
  ReferralState,
  ServiceArea,
  SupportNeed,
  WorkingDayCalendar,
} from '@redress/domain';

/** How the victim wants to be contacted, and how to do it safely (the application's contact preferences). */
export interface SafeContact {
  name: string;
  email: string | null;
  phone: string | null;
  /** Channels in order of preference. */
  channels: Array<'email' | 'phone' | 'text'>;
  /** When it is safe to call, in the victim's words ("weekdays 10 to 2"). */
  safeTimes: string | null;
  voicemailOk: boolean;
  /** A word the caller gives so the victim knows the call is genuine. */
  codeWord: string | null;
}

/**
 * What the victim told us for matching and what a partner may see (encrypted at rest as one value).
 * The full postcode is never kept: its district is enough for matching.
 */
export interface ReferralProfile {
  needs: SupportNeed[];
  circumstances: Circumstance[];
  age: number | null;
  location: { localAuthorityCode: string | null; postcodeDistrict: string | null };
  contact: SafeContact;
  summary: string | null;
}

/** Why a proposed service matched, as shown to the victim (encrypted at rest: reasons can name circumstances). */
export interface StoredMatch {
  needsMet: SupportNeed[];
  reasons: string[];
}

/** A referral row as the use cases read it. */
export interface StoredReferral {
  state: ReferralState;
  requestId: string;
  citizenId: string;
  claimId: string | null;
  organisationId: string;
  serviceId: string;
  replacesReferralId: string | null;
  rank: number;
  score: number;
  matchEncrypted: string;
  version: number;
  createdAt: Date;
}

export interface NewReferral {
  id: string;
  requestId: string;
  citizenId: string;
  claimId: string | null;
  organisationId: string;
  serviceId: string;
  replacesReferralId: string | null;
  rank: number;
  score: number;
  matchEncrypted: string;
  createdAt: Date;
}

export type ReferralActor =
  | { type: 'citizen'; id: string }
  | { type: 'partner'; id: string }
  | { type: 'staff'; id: string }
  | { type: 'system'; id: null };

/**
 * How the victim gave (or withdrew) consent: `online`, by themselves through the citizen API; or to a member of
 * staff, who recorded it for them: by `phone`, `in-person` or `in-writing` (on paper, a letter, an email).
 */
export const consentLedgerMethods = ['online', 'phone', 'in-person', 'in-writing'] as const;
export type ConsentLedgerMethod = (typeof consentLedgerMethods)[number];

/**
 * One entry of the append-only consent ledger (`referral_consent`), as written. On its own it answers who gave or
 * withdrew consent (always the victim, `citizenId`), how (`method`), when they did (`givenAt`), and who recorded
 * it (`actor`: the victim online, or the member of staff, also kept as `recordedByStaffId`) and when
 * (`recordedAt`).
 */
export interface ConsentRecord {
  id: string;
  citizenId: string;
  organisationId: string;
  purpose: ConsentPurpose;
  action: 'given' | 'withdrawn';
  wordingVersion: string;
  referralId: string | null;
  actor: { type: 'citizen' | 'staff'; id: string };
  method: ConsentLedgerMethod;
  /** When the victim gave (or, for a withdrawal, withdrew) it; online, the moment it was recorded. */
  givenAt: Date;
  /** The member of staff who recorded it for the victim; null when the victim recorded it themselves. */
  recordedByStaffId: string | null;
  recordedAt: Date;
}

/**
 * A ledger entry as read. Entries written before the ledger kept how and when (migration 1764440000000) and whose
 * method could not be recovered from the audit log or the referral's events say `unknown`, with no `givenAt`.
 */
export interface ConsentLedgerEntry extends Omit<ConsentRecord, 'method' | 'givenAt'> {
  method: ConsentLedgerMethod | 'unknown';
  givenAt: Date | null;
  organisationName: string;
}

/** The newest ledger entry for one citizen, organisation and purpose: it says whether consent stands, and how. */
export type LatestConsentEntry = Omit<ConsentLedgerEntry, 'organisationName'>;

export interface ReferralAuditEntry {
  actor: ReferralActor;
  action: string;
  targetType:
    | 'referral'
    | 'referral-consent'
    | 'partner-credential'
    | 'partner-webhook'
    | 'support-directory'
    | 'partner-user'
    | 'partner-session';
  targetId: string | null;
  details?: Record<string, string | number | boolean>;
  occurredAt: Date;
}

/**
 * The reads and writes of one referral change, in one database transaction with its outbox rows and audit.
 *
 * Lock order (docs/referrals.md, "Lock order"): a transaction takes the consent lock of a citizen and organisation
 * (`lockConsent`, `lockLatestConsent`, or the first half of `lockReferralWithConsent`) before it locks any referral
 * (`lockReferral`, `lockOpenReferralsWith`), and never the other way round: a consent path that starts from a
 * referral uses `lockReferralWithConsent`. A transaction that locks a referral without the consent lock takes no
 * consent lock after it. Otherwise a consent and a withdrawal for the same organisation can deadlock.
 */
export interface ReferralTransaction {
  insertRequest(request: {
    id: string;
    citizenId: string;
    claimId: string | null;
    profileEncrypted: string;
    createdAt: Date;
  }): Promise<void>;
  requestProfile(requestId: string): Promise<{ citizenId: string; claimId: string | null; profileEncrypted: string }>;
  /** Services and organisations already offered in this request (never offered twice). */
  offeredInRequest(requestId: string): Promise<{ serviceIds: string[]; organisationIds: string[] }>;
  insertReferral(referral: NewReferral): Promise<void>;
  /**
   * The referral, locked until the transaction ends; null when there is none. Takes no consent lock after it: use
   * `lockReferralWithConsent` when the consent of its organisation matters.
   */
  lockReferral(referralId: string): Promise<StoredReferral | null>;
  /**
   * The referral and the consent of its citizen and organisation, locked in the lock order: the consent lock first
   * (as `lockLatestConsent`; a referral's citizen and organisation never change, so they are read without a lock),
   * then the referral. Answers the newest ledger entry with it (null when consent was never given or withdrawn);
   * null when there is no such referral.
   */
  lockReferralWithConsent(
    referralId: string,
    purpose: ConsentPurpose,
  ): Promise<{ stored: StoredReferral; consent: LatestConsentEntry | null } | null>;
  /** Writes the new state; fails with a conflict when the version read is no longer current. */
  saveReferral(referral: StoredReferral, state: ReferralState, at: Date): Promise<void>;
  appendEvents(events: readonly ReferralEvent[], actor: ReferralActor, noteEncrypted?: string | null): Promise<void>;
  /** Unfinished referrals of this citizen with this organisation, locked (oldest first; after the consent lock). */
  lockOpenReferralsWith(citizenId: string, organisationId: string): Promise<StoredReferral[]>;
  appendConsent(record: ConsentRecord): Promise<void>;
  /** Serialises consent changes of one citizen and organisation, then answers whether consent stands. */
  lockConsent(citizenId: string, organisationId: string, purpose: ConsentPurpose): Promise<boolean>;
  /**
   * Serialises consent changes of one citizen and organisation as `lockConsent` does, then answers the newest ledger
   * entry (null when consent was never given or withdrawn).
   */
  lockLatestConsent(
    citizenId: string,
    organisationId: string,
    purpose: ConsentPurpose,
  ): Promise<LatestConsentEntry | null>;
  /** Adds a job to the outbox (ids only). */
  enqueue(jobName: string, payload: Record<string, string>, orderingKey: string | null, at: Date): Promise<string>;
  /** Records a webhook event for the organisation and enqueues its delivery, if it has an endpoint. */
  queueWebhook(event: ReferralEvent, organisationId: string): Promise<void>;
  audit(entry: ReferralAuditEntry): Promise<void>;
}

export interface CitizenReferralView {
  stored: StoredReferral;
  serviceName: string;
  organisationName: string;
  serviceDescription: string;
}

/** Why a partner's read of a referral was refused, as the access log records it. */
export type PartnerRefusalReason =
  'no-such-referral' | 'other-organisation' | 'consent-withdrawn' | 'not-sent' | 'no-longer-shared';

export interface PartnerReferralView {
  stored: StoredReferral;
  serviceName: string;
  profileEncrypted: string;
}

export abstract class ReferralStore {
  /** Runs the work in one transaction: it commits when the work resolves and rolls back when it throws. */
  abstract transaction<T>(work: (transaction: ReferralTransaction) => Promise<T>): Promise<T>;
  abstract listForCitizen(citizenId: string): Promise<CitizenReferralView[]>;
  abstract findForCitizen(citizenId: string, referralId: string): Promise<CitizenReferralView | null>;
  /**
   * Referrals shared with the organisation whose consent stands: consent is checked on every read, so
   * withdrawal takes effect at once.
   */
  abstract listForOrganisation(organisationId: string, limit: number): Promise<PartnerReferralView[]>;
  abstract findForOrganisation(organisationId: string, referralId: string): Promise<PartnerReferralView | null>;
  /** The citizen's consent ledger, oldest first. */
  abstract consentLedger(citizenId: string): Promise<ConsentLedgerEntry[]>;
  /**
   * Why the organisation may not see the referral (for the access log only: the partner is told "not found" in
   * every case).
   */
  abstract partnerRefusalReason(organisationId: string, referralId: string): Promise<PartnerRefusalReason>;
  /** Referrals whose clocks may have run out: consented and unsent, or sent and unacknowledged. */
  abstract referralsWithRunningClocks(today: IsoDate, limit: number): Promise<string[]>;
  /** Whether the claim exists and belongs to the citizen. */
  abstract claimBelongsTo(claimId: string, citizenId: string): Promise<boolean>;
}

/** The support directory, as matching needs it. */
export abstract class SupportDirectory {
  /** Active services that work in the location (locally or country-wide), with their record of answering. */
  abstract candidateServices(location: MatchLocation): Promise<DirectoryService[]>;
}

/**
 * Field encryption (the platform's FieldCipher is the adapter): each value bound to a context, so a value
 * copied to another row fails to decrypt.
 */
export abstract class FieldEncryption {
  abstract encrypt(plaintext: string, context: string): string;
  abstract decrypt(value: string, context: string): string;
}

/** The referral clocks' settings and the working-day calendar of England and Wales. */
export abstract class ReferralSettings {
  abstract readonly clocks: ReferralClockSettings;
  abstract readonly calendar: WorkingDayCalendar;
  /** How many services to offer at once. */
  abstract readonly proposals: number;
}

export type { ServiceArea };
