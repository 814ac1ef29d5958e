import { DomainError, DomainErrorKind } from '../shared/domain-error.js';
import { fromDayNumber, toDayNumber, type IsoDate } from '../shared/calendar-date.js';
import { bankHolidayYears, bankHolidaysEnglandAndWales } from './bank-holidays-england-and-wales.js';

/**
 * Working days in England and Wales: Monday to Friday, except bank holidays. Service-level targets, the
 * reminders before an information request falls due and the Victims' Code clocks are counted in these.
 * Dates are calendar dates (`YYYY-MM-DD`), never instants.
 */

/** Thrown for a date in a year whose bank holidays are not in the data: counting would silently be wrong. */
export class WorkingDayCalendarOutOfRangeError extends DomainError {
  constructor(readonly date: IsoDate) {
    super(
      'calendar.outside-known-bank-holidays',
      DomainErrorKind.InvalidInput,
      `Working days can be counted only from ${bankHolidayYears.first} to ${bankHolidayYears.last} (got ${date}); add the bank holidays of later years`,
    );
  }
}

const holidays = new Set(bankHolidaysEnglandAndWales.map((holiday) => holiday.date));
const firstDay = toDayNumber(`${bankHolidayYears.first}-01-01`);
const lastDay = toDayNumber(`${bankHolidayYears.last}-12-31`);

function dayNumberInRange(date: IsoDate): number {
  const day = toDayNumber(date);
  if (day < firstDay || day > lastDay) throw new WorkingDayCalendarOutOfRangeError(date);
  return day;
}

function isWorkingDayNumber(day: number): boolean {
  if (day < firstDay || day > lastDay) throw new WorkingDayCalendarOutOfRangeError(fromDayNumber(day));
  // 1970-01-01 (day 0) was a Thursday; 0 is Sunday, 6 is Saturday.
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6 && !holidays.has(fromDayNumber(day));
}

export function isBankHoliday(date: IsoDate): boolean {
  dayNumberInRange(date);
  return holidays.has(date);
}

export function isWorkingDay(date: IsoDate): boolean {
  return isWorkingDayNumber(dayNumberInRange(date));
}

/**
 * The date `n` working days after `date` (`date` itself is not counted, whatever day it is), or before it when
 * `n` is negative. `n = 0` answers `date` unchanged. "Within 2 working days of Friday" is `addWorkingDays(friday, 2)`:
 * the Tuesday (or later, across a bank holiday).
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n))
    throw new DomainError(
      'calendar.invalid-count',
      DomainErrorKind.InvalidInput,
      `Not a whole number of working days: ${n}`,
    );
  let day = dayNumberInRange(date);
  const step = n < 0 ? -1 : 1;
  for (let remaining = Math.abs(n); remaining > 0;) {
    day += step;
    if (isWorkingDayNumber(day)) remaining -= 1;
  }
  return fromDayNumber(day);
}

/**
 * Working days after `from` up to and including `to` (so `addWorkingDays(from, workingDaysBetween(from, to))` is the
 * last working day on or before `to`); negative when `to` is before `from`, zero when they are the same day.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  const start = dayNumberInRange(from);
  const end = dayNumberInRange(to);
  if (end < start) return -workingDaysBetween(to, from);
  let count = 0;
  for (let day = start + 1; day <= end; day++) if (isWorkingDayNumber(day)) count += 1;
  return count;
}
