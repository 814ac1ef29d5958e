import 'reflect-metadata';
import { informationRequestClockTimes, londonTime } from '@redress/application';

describe('information request clock times (working days, London time)', () => {
  it.each([
    // [due on, reminder instant, overdue instant, why]
    ['2025-12-29', '2025-12-22T09:00:00.000Z', '2025-12-30T00:00:00.000Z', 'across Christmas, in GMT'],
    ['2026-07-10', '2026-07-07T08:00:00.000Z', '2026-07-10T23:00:00.000Z', 'a Friday in summer time (BST)'],
    ['2025-04-23', '2025-04-16T08:00:00.000Z', '2025-04-23T23:00:00.000Z', 'across Easter'],
    ['2026-03-30', '2026-03-25T09:00:00.000Z', '2026-03-30T23:00:00.000Z', 'the clocks go forward on 29 March'],
  ])('due %s: remind at %s, escalate at %s (%s)', (dueOn, remindAt, overdueAt) => {
    const times = informationRequestClockTimes(dueOn);
    expect(times.remindAt.toISOString()).toBe(remindAt);
    expect(times.overdueAt.toISOString()).toBe(overdueAt);
  });

  it('finds London midnight and 9am on both sides of a clock change', () => {
    expect(londonTime('2026-10-25', 0).toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(londonTime('2026-10-26', 0).toISOString()).toBe('2026-10-26T00:00:00.000Z');
    expect(londonTime('2026-01-15', 9).toISOString()).toBe('2026-01-15T09:00:00.000Z');
  });
});
