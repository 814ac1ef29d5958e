import { DomainError, DomainErrorKind } from './domain-error.js';

/**
 * Pure helpers for ISO `YYYY-MM-DD` calendar dates, read as UK calendar dates: a date is a day on the
 * calendar, never an instant, so no arithmetic here ever goes through a time zone. The one place an
 * instant becomes a date is `calendarDateInUk`, which asks what day it is in London.
 */

/** An ISO 8601 calendar date, `YYYY-MM-DD` (years 0001 to 9999). */
export type IsoDate = string;

export interface CalendarDateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Thrown when a helper that needs a valid calendar date is handed something else. */
export class InvalidCalendarDateError extends DomainError {
  constructor(readonly value: unknown) {
    super(
      'calendar.invalid-date',
      DomainErrorKind.InvalidInput,
      `Not a valid calendar date (YYYY-MM-DD): ${String(value)}`,
    );
  }
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return monthLengths[month - 1] ?? 0;
}

function digit(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : Number.NaN;
}

/** The parts of a strict `YYYY-MM-DD` date, or `null` if the text is not one or names no real day (2023-02-29). */
export function parseIsoDate(text: unknown): CalendarDateParts | null {
  // Hand-rolled rather than a regex: the eligibility engine parses several dates per assessment on a hot path.
  if (typeof text !== 'string' || text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) {
    return null;
  }
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const month = digit(text, 5) * 10 + digit(text, 6);
  const day = digit(text, 8) * 10 + digit(text, 9);
  if (!(year >= 1) || !(month >= 1 && month <= 12) || !(day >= 1 && day <= daysInMonth(year, month))) return null;
  return { year, month, day };
}

export function isIsoDate(text: unknown): text is IsoDate {
  return parseIsoDate(text) !== null;
}

function requireParts(date: IsoDate): CalendarDateParts {
  const parts = parseIsoDate(date);
  if (parts === null) throw new InvalidCalendarDateError(date);
  return parts;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function formatIsoDate(parts: CalendarDateParts): IsoDate {
  return `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
}

/**
 * Days since 1970-01-01 (negative before it), by the proleptic Gregorian calendar. Day numbers make
 * "how many days between" and "n days later" plain integer arithmetic.
 */
export function dayNumberOfParts(parts: CalendarDateParts): number {
  // Howard Hinnant's days_from_civil: years start in March so the leap day falls at the end.
  const y = parts.month <= 2 ? parts.year - 1 : parts.year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (parts.month + (parts.month > 2 ? -3 : 9)) + 2) / 5) + parts.day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function partsOfDayNumber(dayNumber: number): CalendarDateParts {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function toDayNumber(date: IsoDate): number {
  return dayNumberOfParts(requireParts(date));
}

export function fromDayNumber(dayNumber: number): IsoDate {
  return formatIsoDate(partsOfDayNumber(dayNumber));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * The same day `years` later (or earlier). Where that day does not exist (29 February into a common year)
 * the period ends on the last day of the month, 28 February: the "corresponding date rule" English courts
 * apply to periods in months and years (Dodds v Walker [1981] 1 WLR 1027).
 */
export function addYearsToParts(parts: CalendarDateParts, years: number): CalendarDateParts {
  const year = parts.year + years;
  return { year, month: parts.month, day: Math.min(parts.day, daysInMonth(year, parts.month)) };
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return formatIsoDate(addYearsToParts(requireParts(date), years));
}

/** Negative if `a` is earlier than `b`, zero if the same day, positive if later. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(toDayNumber(a) - toDayNumber(b));
}

export function isBefore(a: IsoDate, b: IsoDate): boolean {
  return compareIsoDates(a, b) < 0;
}

export function isAfter(a: IsoDate, b: IsoDate): boolean {
  return compareIsoDates(a, b) > 0;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * Age in completed years on a date. Someone born on 29 February turns a year older on 1 March in a common
 * year: the anniversary has not come until 28 February has passed (Family Law Reform Act 1969 s.9).
 */
export function ageOnParts(dateOfBirth: CalendarDateParts, on: CalendarDateParts): number {
  const beforeBirthday = on.month < dateOfBirth.month || (on.month === dateOfBirth.month && on.day < dateOfBirth.day);
  return on.year - dateOfBirth.year - (beforeBirthday ? 1 : 0);
}

export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  return ageOnParts(requireParts(dateOfBirth), requireParts(on));
}

/** The day a person reaches `age` (1 March for a 29 February birthday in a common year, matching `ageOn`). */
export function datePartsOfAttainingAge(dateOfBirth: CalendarDateParts, age: number): CalendarDateParts {
  const year = dateOfBirth.year + age;
  if (dateOfBirth.month === 2 && dateOfBirth.day === 29 && !isLeapYear(year)) return { year, month: 3, day: 1 };
  return { year, month: dateOfBirth.month, day: dateOfBirth.day };
}

export function dateOfAttainingAge(dateOfBirth: IsoDate, age: number): IsoDate {
  return formatIsoDate(datePartsOfAttainingAge(requireParts(dateOfBirth), age));
}

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** A date as people in the UK write it: `14 March 2027`. */
export function formatUkLongDate(date: IsoDate | CalendarDateParts): string {
  const parts = typeof date === 'string' ? requireParts(date) : date;
  return `${parts.day} ${monthNames[parts.month - 1] ?? ''} ${parts.year}`;
}

let londonFormatter: Intl.DateTimeFormat | undefined;

/** The calendar date in the UK (Europe/London, GMT or BST) at an instant: "today" for a UK service. */
export function calendarDateInUk(instant: Date): IsoDate {
  londonFormatter ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  let year = '';
  let month = '';
  let day = '';
  for (const part of londonFormatter.formatToParts(instant)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year.padStart(4, '0')}-${month}-${day}`;
}
