import { addDays, addWorkingDays, type IsoDate } from '@redress/domain';

const londonHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', hourCycle: 'h23' });

/** The instant it is `hour`:00 in London on `date` (GMT or BST, whichever is in force). */
export function londonTime(date: IsoDate, hour: number): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const guess = new Date(Date.UTC(year, month - 1, day, hour));
  const shown = Number(londonHour.format(guess));
  return new Date(guess.getTime() - ((shown - hour + 24) % 24) * 3600_000);
}

/** How many working days before an information request falls due the victim is reminded. */
export const REMINDER_WORKING_DAYS_BEFORE_DUE = 3;

/**
 * When the clocks of an information request fire: a reminder at 9am, 3 working days before the due date
 * (weekends and England and Wales bank holidays skipped), and the escalation at the start of the day after it.
 * Whoever creates the request (or moves its due date) writes both as outbox rows with these `notBefore` times;
 * the jobs check the request again when they run.
 */
export function informationRequestClockTimes(dueOn: IsoDate): { remindAt: Date; overdueAt: Date } {
  return {
    remindAt: londonTime(addWorkingDays(dueOn, -REMINDER_WORKING_DAYS_BEFORE_DUE), 9),
    overdueAt: londonTime(addDays(dueOn, 1), 0),
  };
}
