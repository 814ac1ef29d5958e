import { calendarDateInUk, englandAndWalesWorkingDays } from '@redress/domain';

/**
 * Working days from today (London) to the due day: 0 on the day itself, negative once it has passed. Counted with the
 * domain's England and Wales calendar, so weekends and bank holidays do not count. A referral is due within a few
 * working days, so the walk is short (at most 30 steps either way).
 */
export function workingDaysLeft(dueOn: string, now = new Date()): number {
  const today = calendarDateInUk(now);
  if (today === dueOn) return 0;
  const calendar = englandAndWalesWorkingDays;
  if (today < dueOn) {
    for (let days = 1; days <= 30; days += 1) if (calendar.addWorkingDays(today, days) >= dueOn) return days;
    return 30;
  }
  for (let days = 1; days <= 30; days += 1) if (calendar.addWorkingDays(dueOn, days) >= today) return -days;
  return -30;
}

export const inboxFilters = ['new', 'accepted', 'in-progress', 'closed'] as const;
export type InboxFilter = (typeof inboxFilters)[number];

/** Which inbox tab a referral's status belongs to. */
export function filterOf(status: string): InboxFilter {
  if (status === 'sent' || status === 'acknowledged') return 'new';
  if (status === 'accepted') return 'accepted';
  if (status === 'in_progress') return 'in-progress';
  return 'closed';
}
