import { isPaused, isServiceLevelBreached, pausedMilliseconds, serviceLevelDueAt } from './service-level.js';

const at = (text: string) => new Date(text);
const DAY = 86_400_000;

describe('service-level clock', () => {
  const startedAt = at('2026-01-01T09:00:00Z');

  it('falls due the target number of days after submission when never paused', () => {
    expect(serviceLevelDueAt({ startedAt, targetDays: 112, pauses: [] }, at('2026-02-01T00:00:00Z'))).toEqual(
      at('2026-04-23T09:00:00Z'),
    );
  });

  it('moves on by the length of each closed pause while waiting on the applicant', () => {
    const pauses = [
      { startedAt: at('2026-01-10T09:00:00Z'), endedAt: at('2026-01-20T09:00:00Z') },
      { startedAt: at('2026-02-01T09:00:00Z'), endedAt: at('2026-02-03T21:00:00Z') },
    ];
    expect(pausedMilliseconds(pauses, at('2026-03-01T00:00:00Z'))).toBe(12.5 * DAY);
    expect(serviceLevelDueAt({ startedAt, targetDays: 10, pauses }, at('2026-03-01T00:00:00Z'))).toEqual(
      at('2026-01-23T21:00:00Z'),
    );
  });

  it('counts overlapping pauses once and an open pause up to now', () => {
    const pauses = [
      { startedAt: at('2026-01-10T00:00:00Z'), endedAt: at('2026-01-15T00:00:00Z') },
      { startedAt: at('2026-01-12T00:00:00Z'), endedAt: at('2026-01-14T00:00:00Z') },
      { startedAt: at('2026-01-14T00:00:00Z'), endedAt: null },
    ];
    const clock = { startedAt, targetDays: 20, pauses };
    expect(isPaused(clock)).toBe(true);
    expect(pausedMilliseconds(pauses, at('2026-01-20T00:00:00Z'))).toBe(10 * DAY);
    // Paused: the due date keeps moving, so a clock stopped before its due date is never breached.
    expect(isServiceLevelBreached(clock, at('2026-06-01T00:00:00Z'))).toBe(false);
  });

  it('is breached once the running clock passes the due instant, not before', () => {
    const clock = { startedAt, targetDays: 1, pauses: [] };
    expect(isServiceLevelBreached(clock, at('2026-01-02T09:00:00Z'))).toBe(false);
    expect(isServiceLevelBreached(clock, at('2026-01-02T09:00:01Z'))).toBe(true);
  });
});
