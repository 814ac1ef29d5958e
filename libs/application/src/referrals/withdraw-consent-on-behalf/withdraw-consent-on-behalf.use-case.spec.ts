import { DomainError } from '@redress/domain';
import { FixedClock } from '../../ports/clock.js';
import { CaseFileStore } from '../../staff/case-file.js';
import { AccessLog, type StaffClaimRecord } from '../../staff/casework-store.js';
import type { StaffActor } from '../../staff/staff-actor.js';
import { InMemoryReferralStore } from '../testing/in-memory-referral-store.js';
import { WithdrawConsent } from '../withdraw-consent/withdraw-consent.use-case.js';
import type { RecordedWithdrawal } from './withdraw-consent-on-behalf.command.js';
import { WithdrawConsentOnBehalf } from './withdraw-consent-on-behalf.use-case.js';

const now = new Date('2026-12-01T12:00:00Z');
const CITIZEN = 'citizen-1';
const CLAIM = 'claim-1';
const REFERENCE = 'CRN-2026-00000001';
const ORG = 'org-harbourlight';
const OTHER_ORG = 'org-lantern';
const caseworker: StaffActor = { staffId: 'staff-cw', roles: ['caseworker'], team: 'general' };
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const byPhone = (overrides: Partial<RecordedWithdrawal> = {}): RecordedWithdrawal => ({
  method: 'phone',
  withdrawnAt: minutesAgo(30),
  reasonCode: 'support-found-elsewhere',
  ...overrides,
});

function claimRecord(options: { id?: string; reference?: string; restricted?: boolean; namedStaff?: string[] } = {}) {
  return {
    snapshot: {
      id: options.id ?? CLAIM,
      reference: options.reference ?? REFERENCE,
      applicationId: 'application-1',
      ownerCitizenId: CITIZEN,
      status: 'in_assessment',
      version: 7,
    },
    team: 'general',
    priority: 3,
    assignedStaffId: null,
    restricted: options.restricted ?? false,
    namedStaff: options.namedStaff ?? [],
    serviceLevelDueAt: null,
    serviceLevelPausedSince: null,
  } as unknown as StaffClaimRecord;
}

/** A claim with two open referrals to the organisation (one sent), one to another, and the victim's consent to both. */
function harness(options: { restricted?: boolean; namedStaff?: string[] } = {}) {
  const store = new InMemoryReferralStore();
  store.endpoints.add(ORG);
  const records = new Map([
    [REFERENCE, claimRecord(options)],
    ['CRN-2026-00000002', claimRecord({ id: 'claim-2', reference: 'CRN-2026-00000002' })],
  ]);
  const claims = new (class extends CaseFileStore {
    async findClaim(reference: string) {
      return records.get(reference) ?? null;
    }
    load(): never {
      throw new Error('not used');
    }
    answers(): never {
      throw new Error('not used');
    }
  })();
  const logged: Array<{ kind: 'read' | 'refused'; view: string; claimId: string; staffId: string }> = [];
  const accessLog = new (class extends AccessLog {
    async recordRead(entry: Parameters<AccessLog['recordRead']>[0]) {
      logged.push({ kind: 'read', view: entry.view, claimId: entry.claimId, staffId: entry.actor.staffId });
    }
    async recordRefused(entry: Parameters<AccessLog['recordRefused']>[0]) {
      logged.push({ kind: 'refused', view: entry.view, claimId: entry.claimId, staffId: entry.actor.staffId });
    }
  })();
  store.addReferral({ id: 'sent-1', citizenId: CITIZEN, claimId: CLAIM, organisationId: ORG });
  store.addReferral({
    id: 'consented-1',
    citizenId: CITIZEN,
    claimId: CLAIM,
    organisationId: ORG,
    status: 'consented',
    sentAt: null,
  });
  store.addReferral({ id: 'closed-1', citizenId: CITIZEN, claimId: CLAIM, organisationId: ORG, status: 'closed' });
  store.addReferral({ id: 'other-org-1', citizenId: CITIZEN, claimId: CLAIM, organisationId: OTHER_ORG });
  store.addReferral({
    id: 'other-claim-1',
    citizenId: CITIZEN,
    claimId: 'claim-2',
    organisationId: ORG,
    status: 'proposed',
    sentAt: null,
  });
  store.addReferral({ id: 'another-citizen-1', citizenId: 'citizen-2', claimId: 'claim-9', organisationId: ORG });
  store.addConsent({
    citizenId: CITIZEN,
    organisationId: ORG,
    action: 'given',
    actor: { type: 'staff', id: 'staff-earlier' },
    method: 'in-person',
    givenAt: minutesAgo(24 * 60),
    recordedByStaffId: 'staff-earlier',
    recordedAt: minutesAgo(23 * 60),
    referralId: 'sent-1',
  });
  store.addConsent({ citizenId: CITIZEN, organisationId: OTHER_ORG, action: 'given', recordedAt: minutesAgo(60) });
  store.addConsent({ citizenId: 'citizen-2', organisationId: ORG, action: 'given', recordedAt: minutesAgo(60) });
  const clock = new FixedClock(now);
  const useCase = new WithdrawConsentOnBehalf(claims, accessLog, store, clock);
  const withdraw = (withdrawal = byPhone(), referralId = 'sent-1', actor = caseworker, reference = REFERENCE) =>
    useCase.execute({ actor, reference, referralId, withdrawal });
  return { store, logged, clock, withdraw };
}

const rejection = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
};

describe('WithdrawConsentOnBehalf', () => {
  it('records a withdrawal by phone: a ledger entry with how, when and who, the audit entry, and the answer', async () => {
    const { store, withdraw, logged } = harness();
    const withdrawnAt = minutesAgo(30);
    const result = await withdraw(byPhone({ withdrawnAt }));

    expect(result).toEqual({
      recorded: true,
      organisationId: ORG,
      // The victim's proposal on their other claim is withdrawn too (consent is theirs), but not named here.
      withdrawnReferrals: 3,
      withdrawnReferralIds: ['sent-1', 'consented-1'],
      consent: {
        standing: false,
        lastAction: 'withdrawn',
        recordedBy: { type: 'staff', id: caseworker.staffId },
        method: 'phone',
        givenAt: withdrawnAt,
        wordingVersion: 'support-referral/2026-11-01',
        recordedAt: now,
      },
    });
    expect(store.state.ledger.at(-1)).toEqual({
      id: expect.any(String),
      citizenId: CITIZEN,
      organisationId: ORG,
      purpose: 'support-referral',
      action: 'withdrawn',
      wordingVersion: 'support-referral/2026-11-01',
      referralId: 'sent-1',
      actor: { type: 'staff', id: caseworker.staffId },
      method: 'phone',
      givenAt: withdrawnAt,
      recordedByStaffId: caseworker.staffId,
      recordedAt: now,
    });
    expect(store.state.audit.filter((entry) => entry.targetType === 'referral-consent')).toEqual([
      {
        actor: { type: 'staff', id: caseworker.staffId },
        action: 'referral-consent.withdrawn',
        targetType: 'referral-consent',
        targetId: ORG,
        details: {
          purpose: 'support-referral',
          method: 'phone',
          withdrawnAt: withdrawnAt.toISOString(),
          reasonCode: 'support-found-elsewhere',
          referralId: 'sent-1',
          claimId: CLAIM,
        },
        occurredAt: now,
      },
    ]);
    // A write, not a read: nothing for the access log.
    expect(logged).toEqual([]);
  });

  it('withdraws every open referral with the organisation at once, with events, audit and a webhook for the sent one', async () => {
    const { store, withdraw } = harness();
    expect(store.partnerCanRead(ORG, 'sent-1')).toBe(true);
    await withdraw();

    expect(store.partnerCanRead(ORG, 'sent-1')).toBe(false);
    const status = (id: string) => store.referral(id)?.state.status;
    expect(['sent-1', 'consented-1', 'other-claim-1'].map(status)).toEqual(['withdrawn', 'withdrawn', 'withdrawn']);
    expect(store.referral('sent-1')?.state.withdrawnAt).toEqual(now);
    // Finished referrals, other organisations' and other people's are left alone.
    expect(['closed-1', 'other-org-1', 'another-citizen-1'].map(status)).toEqual(['closed', 'sent', 'sent']);
    expect(store.partnerCanRead(OTHER_ORG, 'other-org-1')).toBe(true);
    expect(store.partnerCanRead(ORG, 'another-citizen-1')).toBe(true);

    const details = {
      method: 'phone',
      withdrawnAt: minutesAgo(30).toISOString(),
      reasonCode: 'support-found-elsewhere',
    };
    const staffActor = { type: 'staff', id: caseworker.staffId };
    expect(store.state.events).toEqual(
      ['sent-1', 'consented-1', 'other-claim-1'].map((referralId) => ({
        event: { type: 'referral.withdrawn', referralId, occurredAt: now, details },
        actor: staffActor,
      })),
    );
    expect(
      store.state.audit
        .filter((entry) => entry.targetType === 'referral')
        .map((entry) => [entry.action, entry.targetId, entry.details, entry.actor]),
    ).toEqual(['sent-1', 'consented-1', 'other-claim-1'].map((id) => ['referral.withdrawn', id, details, staffActor]));
    // The organisation hears of the referral it had been sent, not of the one it never saw.
    expect(store.state.webhooks).toEqual([{ type: 'referral.withdrawn', referralId: 'sent-1', organisationId: ORG }]);
  });

  it('has exactly the effects of the victim’s own online withdrawal, but for who recorded it and how', async () => {
    const staff = harness();
    const online = harness();
    await staff.withdraw(byPhone({ reasonCode: null }));
    await new WithdrawConsent(online.store, online.clock).execute({ citizenId: CITIZEN, organisationId: ORG });

    const shape = (store: InMemoryReferralStore) => ({
      referrals: store.state.referrals.map((stored) => [
        stored.state.id,
        stored.state.status,
        stored.state.withdrawnAt,
      ]),
      ledger: store.state.ledger.map((entry) => [entry.organisationId, entry.action, entry.purpose, entry.recordedAt]),
      events: store.state.events.map(({ event }) => [event.type, event.referralId, event.occurredAt]),
      audit: store.state.audit.map((entry) => [entry.action, entry.targetType, entry.targetId]),
      webhooks: store.state.webhooks,
    });
    expect(shape(staff.store)).toEqual(shape(online.store));
    expect(online.store.state.ledger.at(-1)).toMatchObject({ method: 'online', recordedByStaffId: null });
    expect(staff.store.state.ledger.at(-1)).toMatchObject({ method: 'phone', recordedByStaffId: caseworker.staffId });
  });

  it('leaves the reason out of the audit entry and events when none is given', async () => {
    const { store, withdraw } = harness();
    await withdraw(byPhone({ method: 'in-writing', reasonCode: null }));
    for (const entry of store.state.audit) expect(entry.details).not.toHaveProperty('reasonCode');
    expect(store.state.ledger.at(-1)?.method).toBe('in-writing');
  });

  it('is idempotent: consent already withdrawn answers recorded false with the withdrawal that stands, and writes nothing', async () => {
    const { store, withdraw, logged } = harness();
    const first = await withdraw(byPhone({ withdrawnAt: minutesAgo(30) }));
    const before = structuredClone(store.state);
    const other: StaffActor = { staffId: 'staff-other', roles: ['team-leader'], team: 'general' };

    const again = await withdraw(byPhone({ method: 'in-person', withdrawnAt: minutesAgo(5) }), 'consented-1', other);

    expect(again).toEqual({
      recorded: false,
      organisationId: ORG,
      withdrawnReferrals: 0,
      withdrawnReferralIds: [],
      consent: first.consent,
    });
    expect(store.state).toEqual(before);
    // The answer shows the claim's referral data, so it is logged as a read.
    expect(logged).toEqual([{ kind: 'read', view: 'referral-consent', claimId: CLAIM, staffId: 'staff-other' }]);
  });

  it('answers recorded false when the victim has already withdrawn online', async () => {
    const { store, withdraw, clock } = harness();
    await new WithdrawConsent(store, clock).execute({ citizenId: CITIZEN, organisationId: ORG });
    const entries = store.state.ledger.length;
    const result = await withdraw();
    expect(result.recorded).toBe(false);
    expect(result.consent).toMatchObject({
      lastAction: 'withdrawn',
      method: 'online',
      recordedBy: { type: 'citizen' },
    });
    expect(store.state.ledger.length).toBe(entries);
  });

  it('records a new withdrawal after the victim consented again', async () => {
    const { store, withdraw } = harness();
    await withdraw(byPhone({ withdrawnAt: minutesAgo(120) }));
    store.addConsent({ citizenId: CITIZEN, organisationId: ORG, action: 'given', recordedAt: minutesAgo(60) });
    const result = await withdraw(byPhone({ withdrawnAt: minutesAgo(10) }));
    expect(result.recorded).toBe(true);
    expect(
      store.state.ledger
        .filter((entry) => entry.organisationId === ORG && entry.citizenId === CITIZEN)
        .map((entry) => entry.action),
    ).toEqual(['given', 'withdrawn', 'given', 'withdrawn']);
  });

  it('refuses a withdrawal dated before the consent that stands (409), writing nothing', async () => {
    const { store, withdraw } = harness();
    const before = structuredClone(store.state);
    const error = await rejection(withdraw(byPhone({ withdrawnAt: minutesAgo(25 * 60) })));
    expect([error.code, error.kind]).toEqual(['referrals.withdrawal-before-consent', 'conflict']);
    expect(store.state).toEqual(before);
  });

  it('refuses to withdraw a consent the victim never gave (409), writing nothing', async () => {
    const { store, withdraw } = harness();
    // A proposal to an organisation the victim never consented to.
    store.addReferral({
      id: 'never-1',
      citizenId: CITIZEN,
      claimId: CLAIM,
      organisationId: 'org-kestrel',
      status: 'proposed',
      sentAt: null,
    });
    const before = structuredClone(store.state);
    const error = await rejection(withdraw(byPhone(), 'never-1'));
    expect([error.code, error.kind]).toEqual(['referrals.consent-not-given', 'conflict']);
    expect(store.state).toEqual(before);
  });

  it('allows a time up to 5 minutes ahead of our clock, and refuses one further ahead (400)', async () => {
    const refused = harness();
    const error = await rejection(refused.withdraw(byPhone({ withdrawnAt: new Date(now.getTime() + 6 * 60_000) })));
    expect([error.code, error.kind]).toEqual(['referrals.withdrawal-in-future', 'invalid-input']);
    expect(error.details).toEqual([{ field: 'withdrawnAt', message: 'must not be in the future' }]);
    expect(refused.store.commits).toBe(0);

    const allowed = harness();
    const result = await allowed.withdraw(byPhone({ withdrawnAt: new Date(now.getTime() + 4 * 60_000) }));
    expect(result.recorded).toBe(true);
  });

  it.each([
    ['unknown', 'no-such-referral'],
    ['of another claim of the same victim', 'other-claim-1'],
    ['of another victim', 'another-citizen-1'],
  ])('answers 404 for a referral %s, writing nothing', async (_name, referralId) => {
    const { store, withdraw } = harness();
    const before = structuredClone(store.state);
    const error = await rejection(withdraw(byPhone(), referralId));
    expect([error.code, error.kind]).toEqual(['referrals.not-found', 'not-found']);
    expect(store.state).toEqual(before);
  });

  it('answers 404 for a claim that does not exist', async () => {
    const { withdraw } = harness();
    const error = await rejection(withdraw(byPhone(), 'sent-1', caseworker, 'CRN-2026-99999999'));
    expect(error.code).toBe('claim.not-found');
  });

  it('hides a restricted claim from anyone not named on it, logs the refusal, and lets the named one withdraw', async () => {
    const { store, withdraw, logged } = harness({ restricted: true, namedStaff: ['staff-named'] });
    const before = structuredClone(store.state);
    const error = await rejection(withdraw());
    expect([error.code, error.kind]).toEqual(['claim.not-found', 'not-found']);
    expect(store.state).toEqual(before);
    expect(logged).toEqual([{ kind: 'refused', view: 'referral', claimId: CLAIM, staffId: caseworker.staffId }]);

    const named: StaffActor = { staffId: 'staff-named', roles: ['caseworker'], team: 'general' };
    expect((await withdraw(byPhone(), 'sent-1', named)).recorded).toBe(true);
  });
});
