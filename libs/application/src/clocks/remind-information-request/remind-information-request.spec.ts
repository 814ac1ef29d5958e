import { addWorkingDays, type IsoDate } from '@redress/domain';
import type { SendClaimNotification } from '../../notifications/send-claim-notification/send-claim-notification.use-case.js';
import { FixedClock } from '../../ports/clock.js';
import { ClaimClocks, type InformationRequestClock } from '../clock-ports.js';
import { informationRequestClockTimes } from '../clock-times.js';
import { RemindInformationRequest } from './remind-information-request.use-case.js';

/** The request as the job reloads it when it runs; only findInformationRequest is used. */
class OneRequest extends ClaimClocks {
  constructor(public request: InformationRequestClock | null) {
    super();
  }
  findInformationRequest(): Promise<InformationRequestClock | null> {
    return Promise.resolve(this.request);
  }
  findServiceLevel(): Promise<null> {
    return Promise.reject(new Error('not used'));
  }
  escalate(): Promise<boolean> {
    return Promise.reject(new Error('not used'));
  }
  scheduleServiceLevelCheck(): Promise<void> {
    return Promise.reject(new Error('not used'));
  }
}

describe('RemindInformationRequest: compares with the request’s current due date', () => {
  const firstDue: IsoDate = '2026-12-11';
  const movedLater: IsoDate = addWorkingDays(firstDue, 10);
  let sent: Array<{ claimId: string; event: string; occurrence?: string }>;
  let clocks: OneRequest;
  let clock: FixedClock;
  let remind: RemindInformationRequest;
  beforeEach(() => {
    sent = [];
    clocks = new OneRequest({ id: 'request-1', claimId: 'claim-1', status: 'open', dueOn: firstDue });
    clock = new FixedClock(new Date('2026-11-27T12:00:00Z'));
    const notifications = {
      execute: (command: { claimId: string; event: string; occurrence?: string }) => {
        sent.push(command);
        return Promise.resolve('sent' as const);
      },
    } as unknown as SendClaimNotification;
    remind = new RemindInformationRequest(clocks, notifications, clock);
  });

  it('reminds when the job runs at the reminder time of the current due date', async () => {
    clock.set(informationRequestClockTimes(firstDue).remindAt);
    expect(await remind.execute({ informationRequestId: 'request-1' })).toBe('sent');
    expect(sent).toEqual([{ claimId: 'claim-1', event: 'claim.information-reminder', occurrence: 'request-1' }]);
  });

  it('does nothing when the job was written for a due date since moved later; the new job reminds', async () => {
    clocks.request = { ...clocks.request!, dueOn: movedLater };
    clock.set(informationRequestClockTimes(firstDue).remindAt); // the old clock fires
    expect(await remind.execute({ informationRequestId: 'request-1' })).toBe('not-yet');
    expect(sent).toEqual([]);
    clock.set(informationRequestClockTimes(movedLater).remindAt); // the new clock fires
    expect(await remind.execute({ informationRequestId: 'request-1' })).toBe('sent');
    expect(sent).toHaveLength(1);
  });

  it('a job a few hours early (clock skew between hosts) still counts as the reminder', async () => {
    clock.set(new Date(informationRequestClockTimes(firstDue).remindAt.getTime() - 3 * 3600_000));
    expect(await remind.execute({ informationRequestId: 'request-1' })).toBe('sent');
  });

  it('does nothing for a date since moved earlier and passed, nor for a request answered or cancelled', async () => {
    clocks.request = { ...clocks.request!, dueOn: '2026-12-01' };
    clock.set(informationRequestClockTimes(firstDue).remindAt);
    expect(await remind.execute({ informationRequestId: 'request-1' })).toBe('past-due');
    for (const status of ['answered', 'cancelled'] as const) {
      clocks.request = { ...clocks.request, dueOn: firstDue, status };
      expect(await remind.execute({ informationRequestId: 'request-1' })).toBe('not-open');
    }
    clocks.request = null;
    expect(await remind.execute({ informationRequestId: 'request-1' })).toBe('not-open');
    expect(sent).toEqual([]);
  });
});
