import {
  defaultReferralClockSettings,
  DomainErrorKind,
  Referral,
  ReferralTransitionError,
  englandAndWalesWorkingDays,
  type ReferralStatus,
} from '@redress/domain';

// The domain's England and Wales calendar: 31 August 2026, 25 and 28 December 2026 and 1 January 2027 are bank holidays.
const calendar = englandAndWalesWorkingDays;
const settings = defaultReferralClockSettings;

function consentedAt(instant: string): Referral {
  const referral = Referral.proposed('r-1');
  referral.consent(new Date(instant), calendar, settings);
  return referral;
}

describe('Victims’ Code right 4 clock: sent within 2 working days of consent', () => {
  it.each([
    // Consent on a Friday before the August bank holiday: Tue 1 and Wed 2 September are the 2 working days.
    ['2026-08-28T10:00:00Z', '2026-09-02'],
    // Friday evening in London (BST) is still Friday.
    ['2026-08-28T22:30:00Z', '2026-09-02'],
    // Christmas Eve: 25 and 28 December are bank holidays, 26-27 a weekend.
    ['2026-12-24T09:00:00Z', '2026-12-30'],
    ['2026-12-31T12:00:00Z', '2027-01-05'],
    ['2026-11-02T12:00:00Z', '2026-11-04'],
  ])('consent at %s is due to be sent by the end of %s', (instant, due) => {
    expect(consentedAt(instant).state.sendDueOn).toBe(due);
  });

  it('is kept when sent on the due day, across the bank holiday weekend', () => {
    const referral = consentedAt('2026-08-28T10:00:00Z');
    expect(referral.isSendOverdue(new Date('2026-09-02T22:59:00Z'))).toBe(false); // 23:59 BST
    referral.send(new Date('2026-09-02T16:00:00Z'), calendar, settings);
    expect(referral.state.sendBreachedAt).toBeNull();
    expect(referral.events.map((e) => e.type)).toEqual(['referral.consented', 'referral.sent']);
  });

  it('is breached when the referral is still unsent the next working day, and flagged once', () => {
    const referral = consentedAt('2026-08-28T10:00:00Z');
    expect(referral.flagSendBreach(new Date('2026-09-01T12:00:00Z'))).toBe(false);
    expect(referral.flagSendBreach(new Date('2026-09-02T23:30:00Z'))).toBe(true); // already 3 September in London
    expect(referral.flagSendBreach(new Date('2026-09-03T12:00:00Z'))).toBe(false);
    referral.send(new Date('2026-09-03T12:00:00Z'), calendar, settings);
    expect(referral.events.filter((e) => e.type === 'referral.send-breached')).toHaveLength(1);
  });

  it('flags a late send as a breach when it happens', () => {
    const referral = consentedAt('2026-08-28T10:00:00Z');
    referral.send(new Date('2026-09-03T09:00:00Z'), calendar, settings);
    expect(referral.state.sendBreachedAt).toEqual(new Date('2026-09-03T09:00:00Z'));
    expect(referral.status).toBe('sent');
  });
});

describe('Referral lifecycle', () => {
  function sent(): Referral {
    const referral = consentedAt('2026-11-02T12:00:00Z');
    referral.send(new Date('2026-11-02T12:05:00Z'), calendar, settings);
    return referral;
  }

  it('runs from proposal to a closed outcome', () => {
    const referral = sent();
    referral.acknowledge(new Date('2026-11-03T09:00:00Z'));
    referral.accept(new Date('2026-11-03T10:00:00Z'));
    referral.update(new Date('2026-11-04T10:00:00Z'));
    referral.update(new Date('2026-11-05T10:00:00Z'));
    referral.close(new Date('2026-12-01T10:00:00Z'), 'support-given');
    expect(referral.status).toBe('closed');
    expect(referral.state.outcome).toBe('support-given');
    expect(referral.events.map((e) => e.type)).toEqual([
      'referral.consented',
      'referral.sent',
      'referral.acknowledged',
      'referral.accepted',
      'referral.started',
      'referral.updated',
      'referral.closed',
    ]);
  });

  it('records a decline with its reason, and offers the next best match unless the person declined', () => {
    const referral = sent();
    referral.decline(new Date('2026-11-03T09:00:00Z'), 'no-capacity');
    expect(referral.state).toMatchObject({ status: 'declined', declineReason: 'no-capacity' });
    expect(referral.state.acknowledgedAt).not.toBeNull();
    expect(referral.wantsNextBestMatch).toBe(true);
    const byPerson = sent();
    byPerson.decline(new Date('2026-11-03T09:00:00Z'), 'declined-by-person');
    expect(byPerson.wantsNextBestMatch).toBe(false);
  });

  it('expires a referral not acknowledged within the configured working days, and not before', () => {
    const referral = sent(); // sent Monday 2 November: 5 working days end Monday 9 November
    expect(referral.state.acknowledgeDueOn).toBe('2026-11-09');
    expect(() => referral.expire(new Date('2026-11-09T20:00:00Z'))).toThrow(ReferralTransitionError);
    referral.expire(new Date('2026-11-10T08:00:00Z'));
    expect(referral.status).toBe('expired');
    expect(referral.wantsNextBestMatch).toBe(true);
  });

  it('lets the victim withdraw at any stage before the end, and never after', () => {
    for (const prepare of [() => Referral.proposed('r'), () => consentedAt('2026-11-02T12:00:00Z'), () => sent()]) {
      const referral = prepare();
      referral.withdraw(new Date('2026-11-04T12:00:00Z'));
      expect(referral.status).toBe('withdrawn');
      expect(() => referral.withdraw(new Date('2026-11-04T12:00:00Z'))).toThrow(ReferralTransitionError);
    }
  });

  it.each<[string, (r: Referral) => void, ReferralStatus]>([
    ['send a proposed referral', (r) => r.send(new Date(), calendar, settings), 'proposed'],
    ['accept a proposed referral', (r) => r.accept(new Date()), 'proposed'],
    ['close a proposed referral', (r) => r.close(new Date(), 'support-given'), 'proposed'],
    ['acknowledge a proposed referral', (r) => r.acknowledge(new Date()), 'proposed'],
    ['decline a proposed referral', (r) => r.decline(new Date(), 'other'), 'proposed'],
    ['update a proposed referral', (r) => r.update(new Date()), 'proposed'],
  ])('refuses to %s with a 409-kind error', (_name, act, status) => {
    const referral = Referral.proposed('r');
    expect(referral.status).toBe(status);
    try {
      act(referral);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(ReferralTransitionError);
      expect((error as ReferralTransitionError).kind).toBe(DomainErrorKind.IllegalTransition);
      expect((error as ReferralTransitionError).code).toBe('referrals.illegal-transition');
    }
  });

  it('refuses to consent twice or to reopen a closed referral', () => {
    const referral = sent();
    expect(() => referral.consent(new Date(), calendar, settings)).toThrow(ReferralTransitionError);
    referral.accept(new Date());
    referral.close(new Date(), 'no-longer-wanted');
    expect(() => referral.update(new Date())).toThrow(ReferralTransitionError);
    expect(() => referral.decline(new Date(), 'other')).toThrow(ReferralTransitionError);
  });
});
