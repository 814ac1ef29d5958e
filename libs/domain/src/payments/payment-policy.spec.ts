import { checkPayment, holdUntilForChild } from './payment-policy.js';

describe('payments', () => {
  it('holds a child’s award until their 18th birthday, and an adult’s not at all', () => {
    expect(holdUntilForChild('2015-05-20', '2026-11-27')).toBe('2033-05-20');
    expect(holdUntilForChild('2008-11-27', '2026-11-27')).toBeNull();
    expect(holdUntilForChild('2008-11-28', '2026-11-27')).toBe('2026-11-28');
    expect(holdUntilForChild(null, '2026-11-27')).toBeNull();
  });

  it('allows interim payments up to the balance, and the final payment only as the balance after acceptance', () => {
    const base = { awardPence: 1_000_000, alreadyPaidPence: 200_000, accepted: false };
    expect(() => checkPayment({ ...base, kind: 'interim', amountPence: 800_000 })).not.toThrow();
    expect(() => checkPayment({ ...base, kind: 'interim', amountPence: 800_001 })).toThrow(/exceed/);
    expect(() => checkPayment({ ...base, kind: 'final', amountPence: 800_000 })).toThrow(/accepts/);
    expect(() => checkPayment({ ...base, accepted: true, kind: 'final', amountPence: 700_000 })).toThrow(/balance/);
    expect(() => checkPayment({ ...base, accepted: true, kind: 'final', amountPence: 800_000 })).not.toThrow();
    expect(() => checkPayment({ ...base, kind: 'interim', amountPence: 0 })).toThrow(/positive/);
  });
});
