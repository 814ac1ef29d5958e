import { addWorkingDays } from '../calendar/working-days.js';
import type { IsoDate } from '../shared/calendar-date.js';

/** What the referral clocks need of a working-day calendar (a seam, so tests can give another). */
export interface WorkingDayCalendar {
  /** The date `days` working days after `from` (weekends and bank holidays skipped). */
  addWorkingDays(from: IsoDate, days: number): IsoDate;
}

/** Working days in England and Wales, from the domain's calendar (GOV.UK bank holidays). */
export const englandAndWalesWorkingDays: WorkingDayCalendar = { addWorkingDays };
