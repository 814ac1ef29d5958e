import { addDays, addWorkingDays } from '@redress/domain';
import { informationRequestClockTimes } from '../../clocks/clock-times.js';
import { FixedClock } from '../../ports/clock.js';
import type { StaffActor } from '../../staff/staff-actor.js';
import { refusal } from '../../testing/domain-refusal.js';
import { InMemoryInformationRequests } from '../testing/in-memory-information-requests.js';
import { MoveInformationRequestDueDate } from './move-due-date.use-case.js';

const now = new Date('2026-11-27T12:00:00Z'); // a Friday
const today = '2026-11-27';
const caseworker: StaffActor = { staffId: 'cw-1', roles: ['caseworker'], team: 'general' };

describe('MoveInformationRequestDueDate', () => {
  let memory: InMemoryInformationRequests;
  let useCase: MoveInformationRequestDueDate;
  beforeEach(() => {
    const clock = new FixedClock(now);
    memory = new InMemoryInformationRequests(() => clock.now());
    useCase = new MoveInformationRequestDueDate(memory.unitOfWork, memory.accessLog, memory.store, clock);
  });

  const setUp = (recipient: 'applicant' | 'police' = 'applicant') => {
    const claim = memory.addClaim({ status: recipient === 'applicant' ? 'awaiting_information' : 'in_assessment' });
    const request = memory.addRequest(claim, { id: 'request-1', recipient, dueOn: '2026-12-04' });
    return { claim, request, reference: claim.snapshot.reference };
  };
  const move = (reference: string, dueDate: { workingDays: number } | { dueOn: string }, extra = {}) =>
    useCase.execute({
      actor: caseworker,
      reference,
      expectedVersion: 5,
      informationRequestId: 'request-1',
      dueDate,
      reason: 'The applicant is in hospital this week.',
      ...extra,
    });

  it('moves the due date by working days from today, keeps the change and its reason, and writes new clocks', async () => {
    const { reference } = setUp('applicant');
    const dueOn = addWorkingDays(today, 15);
    const result = await move(reference, { workingDays: 15 });

    expect(result).toEqual({ id: 'request-1', previousDueOn: '2026-12-04', dueOn, version: 6 });
    expect(memory.request('request-1').dueOn).toBe(dueOn);
    expect(memory.state.dueDateChanges).toEqual([
      expect.objectContaining({
        informationRequestId: 'request-1',
        previousDueOn: '2026-12-04',
        dueOn,
        reason: 'The applicant is in hospital this week.',
        changedBy: 'cw-1',
        at: now,
      }),
    ]);
    expect(memory.state.events).toEqual([
      expect.objectContaining({
        type: 'claim.information-request-due-date-moved',
        version: 6,
        fromStatus: 'awaiting_information',
        toStatus: 'awaiting_information',
        actor: { kind: 'caseworker', id: 'cw-1' },
        data: { informationRequestId: 'request-1', recipient: 'applicant', previousDueOn: '2026-12-04', dueOn },
      }),
    ]);
    expect(memory.state.audit).toEqual([
      expect.objectContaining({
        action: 'information-request.due-date-moved',
        actorId: 'cw-1',
        details: expect.objectContaining({ previousDueOn: '2026-12-04', dueOn, by: 'working-days' }) as unknown,
      }),
    ]);
    const times = informationRequestClockTimes(dueOn);
    expect(memory.state.outbox).toEqual([
      {
        jobName: 'claims.information-request-reminder',
        payload: { informationRequestId: 'request-1' },
        orderingKey: 'claim:claim-1',
        notBefore: times.remindAt,
      },
      {
        jobName: 'claims.information-request-overdue',
        payload: { informationRequestId: 'request-1' },
        orderingKey: 'claim:claim-1',
        notBefore: times.overdueAt,
      },
    ]);
    // The reason is free text: it stays out of the event and the audit log.
    expect(JSON.stringify([memory.state.events, memory.state.audit])).not.toContain('hospital');
  });

  it('moves it to a given working day, earlier too; a third party gets no reminder, only the overdue clock', async () => {
    const { reference } = setUp('police');
    const result = await move(reference, { dueOn: '2026-12-01' });
    expect(result.dueOn).toBe('2026-12-01');
    expect(memory.state.outbox.map((row) => [row.jobName, row.notBefore])).toEqual([
      ['claims.information-request-overdue', informationRequestClockTimes('2026-12-01').overdueAt],
    ]);
    expect(memory.state.audit[0]!.details).toMatchObject({ recipient: 'police', by: 'date' });
  });

  it.each([
    ['today', { dueOn: today }, 422, 'information-request.due-date-not-future'],
    ['a past date', { dueOn: '2026-11-01' }, 422, 'information-request.due-date-not-future'],
    ['a Saturday', { dueOn: '2026-12-05' }, 422, 'information-request.due-date-not-working-day'],
    ['Christmas Day', { dueOn: '2026-12-25' }, 422, 'information-request.due-date-not-working-day'],
    ['61 working days away', { dueOn: addWorkingDays(today, 61) }, 422, 'information-request.due-date-too-late'],
    ['the date it already has', { dueOn: '2026-12-04' }, 422, 'information-request.same-due-date'],
    ['0 working days', { workingDays: 0 }, 400, 'information-request.bad-working-days'],
    ['61 working days', { workingDays: 61 }, 400, 'information-request.bad-working-days'],
  ] as const)('refuses %s (%s) and changes nothing', async (_name, dueDate, status, code) => {
    const { reference } = setUp('applicant');
    const error = await refusal(move(reference, dueDate));
    expect(error.code).toBe(code);
    expect(error.kind).toBe(status === 400 ? 'invalid-input' : 'unprocessable');
    expect(memory.request('request-1').dueOn).toBe('2026-12-04');
    expect([memory.state.dueDateChanges, memory.state.events, memory.state.audit, memory.state.outbox]).toEqual([
      [],
      [],
      [],
      [],
    ]);
  });

  it('accepts the last day of the bounds: 60 working days, as a count or as the date', async () => {
    const { reference } = setUp('applicant');
    const latest = addWorkingDays(today, 60);
    expect((await move(reference, { workingDays: 60 })).dueOn).toBe(latest);
    expect((await move(reference, { dueOn: addWorkingDays(today, 59) }, { expectedVersion: 6 })).version).toBe(7);
    expect((await move(reference, { dueOn: latest }, { expectedVersion: 7 })).dueOn).toBe(latest);
    expect(memory.state.dueDateChanges.map((change) => change.dueOn)).toEqual([
      latest,
      addWorkingDays(today, 59),
      latest,
    ]);
  });

  it('answers the same 404 for an unknown id and for a request of another claim', async () => {
    const { reference } = setUp('applicant');
    const other = memory.addClaim({ status: 'in_assessment' });
    memory.addRequest(other, { id: 'request-of-other-claim', recipient: 'police', dueOn: '2026-12-04' });
    for (const informationRequestId of ['no-such-request', 'request-of-other-claim']) {
      const error = await refusal(move(reference, { workingDays: 5 }, { informationRequestId }));
      expect([error.kind, error.code, error.message]).toEqual([
        'not-found',
        'information-request.not-found',
        'There is no such information request on this claim.',
      ]);
    }
    expect(memory.request('request-of-other-claim').dueOn).toBe('2026-12-04');
    expect(memory.state.events).toEqual([]);
  });

  it('refuses a request that is no longer open (409)', async () => {
    const { reference, request } = setUp('police');
    request.status = 'answered';
    const error = await refusal(move(reference, { workingDays: 5 }));
    expect([error.kind, error.code]).toEqual(['conflict', 'information-request.not-open']);
  });

  it('refuses a stale claim version (412) before looking at the request', async () => {
    const { reference } = setUp('applicant');
    const error = await refusal(move(reference, { workingDays: 5 }, { expectedVersion: 4, informationRequestId: 'x' }));
    expect([error.kind, error.code]).toEqual(['precondition-failed', 'claim.stale-version']);
    expect(memory.state.outbox).toEqual([]);
  });

  it('answers 404 on a restricted claim the caseworker is not named on, and logs the attempt', async () => {
    const claim = memory.addClaim({ status: 'in_assessment', restrictedTo: ['someone-else'] });
    memory.addRequest(claim, { id: 'request-1', recipient: 'gp', dueOn: '2026-12-04' });
    const error = await refusal(move(claim.snapshot.reference, { workingDays: 5 }));
    expect(error.code).toBe('claim.not-found');
    expect(memory.state.refused).toEqual([
      { staffId: 'cw-1', claimId: claim.snapshot.id, view: 'information-request-due-date' },
    ]);
    expect(memory.request('request-1').dueOn).toBe('2026-12-04');
  });

  it('leaves a due date in the past alone when refusing (a lapsed request is not open)', async () => {
    const { reference, request } = setUp('applicant');
    request.dueOn = addDays(today, -3);
    request.status = 'lapsed';
    const error = await refusal(move(reference, { workingDays: 5 }));
    expect(error.code).toBe('information-request.not-open');
  });
});
