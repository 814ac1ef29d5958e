import {
  addDays,
  addWorkingDays,
  bankHolidaysEnglandAndWales,
  isBankHoliday,
  isWorkingDay,
  workingDaysBetween,
  WorkingDayCalendarOutOfRangeError,
} from '@redress/domain';

describe('working-day calendar (England and Wales)', () => {
  it.each([
    // [from, n, expected, why]
    ['2025-12-22', 0, '2025-12-22', 'zero working days is the same day'],
    ['2025-06-06', 1, '2025-06-09', 'Friday + 1 skips the weekend'],
    ['2025-06-07', 1, '2025-06-09', 'from a Saturday, the next working day is Monday'],
    ['2025-12-24', 1, '2025-12-29', 'Christmas Day and Boxing Day (Thu, Fri) then the weekend'],
    ['2026-12-24', 1, '2026-12-29', 'Christmas 2026: Boxing Day falls on Saturday, substitute Monday 28th'],
    ['2027-12-24', 1, '2027-12-29', 'Christmas 2027 on Saturday: substitutes Monday 27th and Tuesday 28th'],
    ['2027-12-31', 1, '2028-01-04', "New Year's Day 2028 on Saturday: substitute Monday 3rd"],
    ['2025-04-17', 1, '2025-04-22', 'Easter 2025: Good Friday and Easter Monday'],
    ['2024-03-28', 2, '2024-04-03', 'Easter 2024 across a month end'],
    ['2025-05-02', 1, '2025-05-06', 'early May bank holiday weekend'],
    ['2025-05-23', 1, '2025-05-27', 'spring bank holiday weekend'],
    ['2023-05-05', 1, '2023-05-09', 'the coronation bank holiday (a one-off)'],
    ['2022-09-16', 1, '2022-09-20', 'the state funeral bank holiday (a one-off)'],
    ['2025-12-19', 10, '2026-01-07', 'ten working days across Christmas and New Year'],
    ['2025-12-29', -3, '2025-12-22', 'three working days before a Monday after Christmas'],
    ['2025-04-22', -1, '2025-04-17', 'back across Easter'],
    ['2025-06-09', -1, '2025-06-06', 'back across a weekend'],
  ])('addWorkingDays(%s, %i) is %s: %s', (from, n, expected) => {
    expect(addWorkingDays(from, n)).toBe(expected);
  });

  it.each([
    ['2026-12-24', '2026-12-31', 3, 'Christmas week 2026'],
    ['2025-04-17', '2025-04-22', 1, 'Easter 2025'],
    ['2025-05-23', '2025-05-27', 1, 'spring bank holiday'],
    ['2025-06-02', '2025-06-06', 4, 'an ordinary week'],
    ['2025-06-06', '2025-06-06', 0, 'the same day'],
    ['2025-06-06', '2025-06-08', 0, 'Friday to Sunday'],
    ['2025-06-09', '2025-06-06', -1, 'backwards'],
    ['2025-01-01', '2025-12-31', 253, 'the whole of 2025: 261 weekdays less 8 bank holidays (1 January is one)'],
  ])('workingDaysBetween(%s, %s) is %i: %s', (from, to, expected) => {
    expect(workingDaysBetween(from, to)).toBe(expected);
  });

  it.each([
    ['2025-12-25', false],
    ['2025-12-24', true],
    ['2025-12-27', false],
    ['2022-09-19', false],
    ['2026-12-28', false],
    ['2026-12-29', true],
  ])('isWorkingDay(%s) is %s', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it('holds every published date as a bank holiday, and none on a weekend', () => {
    expect(bankHolidaysEnglandAndWales.length).toBe(59);
    for (const holiday of bankHolidaysEnglandAndWales) {
      expect(isBankHoliday(holiday.date)).toBe(true);
      expect(isWorkingDay(holiday.date)).toBe(false);
      expect(isWorkingDay(addDays(holiday.date, 0))).toBe(false);
    }
    expect(isBankHoliday('2025-12-24')).toBe(false);
  });

  it('counts back what it adds, from every working day of 2025, for 0 to 25 working days', () => {
    for (let day = 0; day < 365; day++) {
      const from = addDays('2025-01-01', day);
      if (!isWorkingDay(from)) continue;
      for (let n = 0; n <= 25; n++) {
        const to = addWorkingDays(from, n);
        expect(isWorkingDay(to)).toBe(true);
        expect(workingDaysBetween(from, to)).toBe(n);
        expect(addWorkingDays(to, -n)).toBe(from);
      }
    }
  });

  it('refuses to count where it has no bank holidays, rather than counting wrongly', () => {
    expect(() => isWorkingDay('2021-12-31')).toThrow(WorkingDayCalendarOutOfRangeError);
    expect(() => addWorkingDays('2028-12-28', 5)).toThrow(/2022 to 2028/);
    expect(() => workingDaysBetween('2028-12-01', '2029-01-10')).toThrow(WorkingDayCalendarOutOfRangeError);
    expect(() => addWorkingDays('2025-01-01', 1.5)).toThrow(/whole number/);
  });
});
