import { decideRetention, defaultRetentionSchedule, recordClasses, retainedUntil } from '@redress/domain';

describe('retention schedule', () => {
  it('has exactly one rule for every record class', () => {
    expect(defaultRetentionSchedule.map((rule) => rule.recordClass).sort()).toEqual([...recordClasses].sort());
  });

  it.each([
    ['draft-application', '2026-01-01', '2026-01-31'],
    ['refused-claim', '2024-02-29', '2026-02-28'],
    ['paid-and-closed-claim', '2020-06-30', '2026-06-30'],
    ['audit-log', '2019-01-01', '2026-01-01'],
  ] as const)('keeps a %s from %s until %s', (recordClass, since, until) => {
    expect(retainedUntil({ recordClass, since })).toBe(until);
  });

  it('keeps a record up to its last day and acts the day after', () => {
    const record = { recordClass: 'referral' as const, since: '2024-05-10', legalHold: false };
    expect(decideRetention(record, '2026-05-10')).toMatchObject({ action: 'keep', dueOn: '2026-05-11' });
    expect(decideRetention(record, '2026-05-11')).toMatchObject({ action: 'erase', dueOn: '2026-05-11' });
  });

  it('anonymises refused claims rather than erasing them', () => {
    expect(
      decideRetention({ recordClass: 'refused-claim', since: '2020-01-01', legalHold: false }, '2026-01-01'),
    ).toMatchObject({
      action: 'anonymise',
      rule: { recordClass: 'refused-claim' },
      reason: '2 year(s) after the final decision (after any review and appeal)',
    });
  });

  it('never acts on a record under a legal hold, however old', () => {
    expect(decideRetention({ recordClass: 'access-log', since: '2000-01-01', legalHold: true }, '2026-11-27')).toEqual({
      action: 'keep',
      dueOn: null,
      reason: 'under a legal hold',
    });
  });

  it('follows a schedule given as data', () => {
    const shorter = defaultRetentionSchedule.map((rule) =>
      rule.recordClass === 'referral' ? { ...rule, keepYears: 1 } : rule,
    );
    expect(
      decideRetention({ recordClass: 'referral', since: '2025-01-01', legalHold: false }, '2026-01-02', shorter).action,
    ).toBe('erase');
    expect(
      decideRetention({ recordClass: 'referral', since: '2025-01-01', legalHold: false }, '2026-01-02').action,
    ).toBe('keep');
  });
});
