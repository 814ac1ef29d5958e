import fc from 'fast-check';
import {
  addDays,
  addYears,
  ageOn,
  calendarDateInUk,
  compareIsoDates,
  dateOfAttainingAge,
  daysBetween,
  daysInMonth,
  DomainErrorKind,
  formatUkLongDate,
  fromDayNumber,
  InvalidCalendarDateError,
  isAfter,
  isBefore,
  isIsoDate,
  isLeapYear,
  parseIsoDate,
  toDayNumber,
} from '@redress/domain';

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2000-02-29', { year: 2000, month: 2, day: 29 }],
    ['0001-01-01', { year: 1, month: 1, day: 1 }],
    ['9999-12-31', { year: 9999, month: 12, day: 31 }],
  ])('parses %s', (text, parts) => {
    expect(parseIsoDate(text)).toEqual(parts);
    expect(isIsoDate(text)).toBe(true);
  });

  it.each([
    '2023-02-29',
    '1900-02-29',
    '2025-04-31',
    '2025-13-01',
    '2025-00-10',
    '2025-01-00',
    '0000-01-01',
    '2025-1-01',
    '2025/01/01',
    ' 2025-01-01',
    '2025-01-01T00:00:00Z',
    '20250101',
    '2025-0a-01',
    '',
  ])('rejects %j', (text) => {
    expect(parseIsoDate(text)).toBeNull();
    expect(isIsoDate(text)).toBe(false);
  });

  it.each([null, undefined, 20250101, new Date(0)])('rejects the non-string %p', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });

  it.each([
    [2024, true],
    [2023, false],
    [1900, false],
    [2000, true],
  ])('knows %i is a leap year: %p', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
    expect(daysInMonth(year, 2)).toBe(leap ? 29 : 28);
  });

  it('numbers days from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2000-03-01')).toBe(11017);
    expect(fromDayNumber(11017)).toBe('2000-03-01');
  });

  it('agrees with the JavaScript calendar on day numbers across the range', () => {
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (dayNumber) => {
        const expected = new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
        expect(fromDayNumber(dayNumber)).toBe(expected);
        expect(toDayNumber(expected)).toBe(dayNumber);
      }),
    );
  });

  it.each([
    ['2025-03-14', 2, '2027-03-14'],
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2025-01-31', -1, '2024-01-31'],
  ])('adds years to %s (+%i = %s), ending a missing 29 February on the 28th', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it.each([
    ['2025-12-31', 1, '2026-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2025-03-14', 0, '2025-03-14'],
  ])('adds days to %s (+%i = %s)', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('compares and counts days', () => {
    expect(compareIsoDates('2025-03-14', '2025-03-15')).toBe(-1);
    expect(compareIsoDates('2025-03-15', '2025-03-15')).toBe(0);
    expect(compareIsoDates('2026-01-01', '2025-12-31')).toBe(1);
    expect(isBefore('2025-03-14', '2025-03-15')).toBe(true);
    expect(isAfter('2025-03-14', '2025-03-15')).toBe(false);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-03-01', '2025-02-27')).toBe(-2);
  });

  it.each([
    ['1990-05-01', '2025-04-30', 34],
    ['1990-05-01', '2025-05-01', 35],
    ['2008-02-29', '2026-02-28', 17],
    ['2008-02-29', '2026-03-01', 18],
    ['2008-02-29', '2028-02-29', 20],
  ])('gives the age of someone born %s on %s as %i', (dateOfBirth, on, age) => {
    expect(ageOn(dateOfBirth, on)).toBe(age);
  });

  it('gives the day an age is reached, 1 March for a 29 February birthday in a common year', () => {
    expect(dateOfAttainingAge('1990-05-01', 20)).toBe('2010-05-01');
    expect(dateOfAttainingAge('2008-02-29', 18)).toBe('2026-03-01');
    expect(dateOfAttainingAge('2008-02-29', 20)).toBe('2028-02-29');
  });

  it('keeps ageOn and dateOfAttainingAge consistent', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 40_000 }), fc.integer({ min: 0, max: 100 }), (day, age) => {
        const dateOfBirth = fromDayNumber(day);
        const reached = dateOfAttainingAge(dateOfBirth, age);
        expect(ageOn(dateOfBirth, reached)).toBe(age);
        expect(ageOn(dateOfBirth, addDays(reached, -1))).toBe(age - 1);
      }),
    );
  });

  it('writes dates the UK way', () => {
    expect(formatUkLongDate('2027-03-14')).toBe('14 March 2027');
    expect(formatUkLongDate({ year: 2019, month: 6, day: 13 })).toBe('13 June 2019');
  });

  it.each([
    ['2026-06-30T23:30:00Z', '2026-07-01'], // BST: already the next day in London
    ['2026-12-31T23:30:00Z', '2026-12-31'], // GMT
    ['2026-03-29T00:30:00Z', '2026-03-29'],
  ])('reads the UK calendar date at the instant %s', (instant, expected) => {
    expect(calendarDateInUk(new Date(instant))).toBe(expected);
  });

  it('throws a domain error for an invalid date handed to arithmetic', () => {
    expect(() => addDays('2023-02-29', 1)).toThrow(InvalidCalendarDateError);
    try {
      addYears('not a date', 1);
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidCalendarDateError);
      expect((error as InvalidCalendarDateError).kind).toBe(DomainErrorKind.InvalidInput);
      expect((error as InvalidCalendarDateError).code).toBe('calendar.invalid-date');
    }
  });
});
