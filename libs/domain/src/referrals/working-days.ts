import { addDays, toDayNumber, type IsoDate } from '../shared/calendar-date.js';

/** What the referral clocks need of a working-day calendar. */
export interface WorkingDayCalendar {
  /** The date `days` working days after `from` (weekends and bank holidays skipped). */
  addWorkingDays(from: IsoDate, days: number): IsoDate;
}

function isWeekend(date: IsoDate): boolean {
  // 1970-01-01 (day 0) was a Thursday; 0 is Sunday.
  const weekday = (((toDayNumber(date) + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}

/** Working days in England and Wales: Monday to Friday, except the bank holidays given. */
export function workingDayCalendar(bankHolidays: readonly IsoDate[]): WorkingDayCalendar {
  const holidays = new Set(bankHolidays);
  return {
    addWorkingDays(from, days) {
      let date = from;
      let remaining = days;
      while (remaining > 0) {
        date = addDays(date, 1);
        if (!isWeekend(date) && !holidays.has(date)) remaining -= 1;
      }
      return date;
    },
  };
}
