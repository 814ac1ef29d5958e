/**
 * The service-level clock of a claim: a target number of days from submission, stopped while the claim waits on
 * the applicant (an open information request to them) and only then. Waiting on the police, a GP or a hospital
 * does not stop it: that wait is ours to chase.
 */
export interface ServiceLevelPause {
  readonly startedAt: Date;
  /** `null` while the pause is still open. */
  readonly endedAt: Date | null;
}

export interface ServiceLevelClock {
  readonly startedAt: Date;
  readonly targetDays: number;
  readonly pauses: readonly ServiceLevelPause[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Total paused time in milliseconds up to `now`, with overlapping pauses counted once. */
export function pausedMilliseconds(pauses: readonly ServiceLevelPause[], now: Date): number {
  const intervals = pauses
    .map((pause) => [pause.startedAt.getTime(), Math.min((pause.endedAt ?? now).getTime(), now.getTime())] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let currentStart = -Infinity;
  let currentEnd = -Infinity;
  for (const [start, end] of intervals) {
    if (start > currentEnd) {
      if (currentEnd > currentStart) total += currentEnd - currentStart;
      currentStart = start;
      currentEnd = end;
    } else if (end > currentEnd) {
      currentEnd = end;
    }
  }
  if (currentEnd > currentStart) total += currentEnd - currentStart;
  return total;
}

/** The instant the service level falls due, as things stand at `now` (an open pause pushes it on day by day). */
export function serviceLevelDueAt(clock: ServiceLevelClock, now: Date): Date {
  return new Date(clock.startedAt.getTime() + clock.targetDays * DAY_MS + pausedMilliseconds(clock.pauses, now));
}

export function isPaused(clock: ServiceLevelClock): boolean {
  return clock.pauses.some((pause) => pause.endedAt === null);
}

/** Breached when the due instant has passed while the clock was running. */
export function isServiceLevelBreached(clock: ServiceLevelClock, now: Date): boolean {
  return now.getTime() > serviceLevelDueAt(clock, now).getTime();
}
