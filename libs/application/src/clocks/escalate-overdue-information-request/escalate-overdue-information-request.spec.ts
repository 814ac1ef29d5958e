import type { IsoDate } from '@redress/domain';
import { FixedClock } from '../../ports/clock.js';
import { ClaimClocks, type EscalationKind, type InformationRequestClock } from '../clock-ports.js';
import { informationRequestClockTimes } from '../clock-times.js';
import { EscalateOverdueInformationRequest } from './escalate-overdue-information-request.use-case.js';

/** The request as the job reloads it when it runs, and the escalations made (once per subject). */
class OneRequest extends ClaimClocks {
  escalations: Array<[EscalationKind, string, string]> = [];
  constructor(public request: InformationRequestClock) {
    super();
  }
  findInformationRequest(): Promise<InformationRequestClock | null> {
    return Promise.resolve(this.request);
  }
  findServiceLevel(): Promise<null> {
    return Promise.reject(new Error('not used'));
  }
  escalate(kind: EscalationKind, subjectId: string, claimId: string): Promise<boolean> {
    if (this.escalations.some(([k, s]) => k === kind && s === subjectId)) return Promise.resolve(false);
    this.escalations.push([kind, subjectId, claimId]);
    return Promise.resolve(true);
  }
  scheduleServiceLevelCheck(): Promise<void> {
    return Promise.reject(new Error('not used'));
  }
}

describe('EscalateOverdueInformationRequest: compares with the request’s current due date', () => {
  const firstDue: IsoDate = '2026-12-11';
  it('does nothing when the due date was moved later; escalates once the new date has passed', async () => {
    const clocks = new OneRequest({ id: 'request-1', claimId: 'claim-1', status: 'open', dueOn: '2026-12-18' });
    const clock = new FixedClock(informationRequestClockTimes(firstDue).overdueAt); // the old clock fires
    const escalate = new EscalateOverdueInformationRequest(clocks, clock);
    expect(await escalate.execute({ informationRequestId: 'request-1' })).toBe('not-overdue');
    expect(clocks.escalations).toEqual([]);
    clock.set(informationRequestClockTimes('2026-12-18').overdueAt);
    expect(await escalate.execute({ informationRequestId: 'request-1' })).toBe('escalated');
    expect(await escalate.execute({ informationRequestId: 'request-1' })).toBe('already-escalated');
    expect(clocks.escalations).toEqual([['information-request-overdue', 'request-1', 'claim-1']]);
  });

  it('does nothing for a request answered or cancelled before its date passed', async () => {
    for (const status of ['answered', 'cancelled'] as const) {
      const clocks = new OneRequest({ id: 'request-1', claimId: 'claim-1', status, dueOn: firstDue });
      const escalate = new EscalateOverdueInformationRequest(
        clocks,
        new FixedClock(informationRequestClockTimes(firstDue).overdueAt),
      );
      expect(await escalate.execute({ informationRequestId: 'request-1' })).toBe('not-open');
      expect(clocks.escalations).toEqual([]);
    }
  });
});
