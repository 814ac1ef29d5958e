/*
 * Tiny private ISO calendar-date helpers for awards (the shared calendar-date module did not exist yet).
 * Dates are plain YYYY-MM-DD strings, computed in UTC so no time zone can shift a day.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (match === null) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

function toUtc(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1));
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The same day `years` later. A 29 February moves to 1 March in a common year, as a person born on
 * 29 February attains an age on 1 March in England and Wales.
 */
export function addYears(isoDate: string, years: number): string {
  const date = toUtc(isoDate);
  const month = date.getUTCMonth();
  const shifted = new Date(Date.UTC(date.getUTCFullYear() + years, month, date.getUTCDate()));
  // Date.UTC rolls 29 Feb of a common year over to 1 March by itself.
  return format(shifted);
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((toUtc(toIso).getTime() - toUtc(fromIso).getTime()) / MS_PER_DAY);
}

export function todayIso(): string {
  return format(new Date());
}

/** "27 November 2026", for the decision letter. */
export function longDate(isoDate: string): string {
  const months = [
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
  ];
  const date = toUtc(isoDate);
  return `${date.getUTCDate()} ${months[date.getUTCMonth()] ?? ''} ${date.getUTCFullYear()}`;
}
