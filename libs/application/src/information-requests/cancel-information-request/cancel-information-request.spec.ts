import { FixedClock } from '../../ports/clock.js';
import type { StaffActor } from '../../staff/staff-actor.js';
import { refusal } from '../../testing/domain-refusal.js';
import { InMemoryInformationRequests } from '../testing/in-memory-information-requests.js';
import { CancelInformationRequest } from './cancel-information-request.use-case.js';

const asked = new Date('2026-11-20T10:00:00Z');
const now = new Date('2026-11-27T12:00:00Z');
const caseworker: StaffActor = { staffId: 'cw-1', roles: ['caseworker'], team: 'general' };

describe('CancelInformationRequest', () => {
  let memory: InMemoryInformationRequests;
  let useCase: CancelInformationRequest;
  beforeEach(() => {
    const clock = new FixedClock(now);
    memory = new InMemoryInformationRequests(() => clock.now());
    useCase = new CancelInformationRequest(memory.unitOfWork, memory.accessLog, memory.store, clock);
  });

  const cancel = (reference: string, informationRequestId: string, extra = {}) =>
    useCase.execute({
      actor: caseworker,
      reference,
      expectedVersion: 5,
      informationRequestId,
      reason: 'The letter arrived by post.',
      ...extra,
    });

  it('cancelling the last open request to the applicant resumes the assessment and restarts the clock', async () => {
    const claim = memory.addClaim({ status: 'awaiting_information' });
    memory.addRequest(claim, { id: 'applicant-1', recipient: 'applicant', dueOn: '2026-12-04' }, asked);
    memory.addRequest(claim, { id: 'police-1', recipient: 'police', dueOn: '2026-12-04' }, asked);
    const dueBefore = memory.state.serviceLevels.get(claim.snapshot.id)!.dueAt;

    const result = await cancel(claim.snapshot.reference, 'applicant-1');

    expect(result).toEqual({ id: 'applicant-1', status: 'cancelled', claimStatus: 'in_assessment', version: 7 });
    expect(memory.request('applicant-1')).toMatchObject({
      status: 'cancelled',
      cancelledAt: now,
      cancelledBy: 'cw-1',
      cancellationReason: 'The letter arrived by post.',
    });
    expect(memory.request('police-1').status).toBe('open');
    expect(memory.claim(claim.snapshot.reference).snapshot).toMatchObject({ status: 'in_assessment', version: 7 });
    expect(memory.state.events.map((event) => [event.type, event.version, event.fromStatus, event.toStatus])).toEqual([
      ['claim.information-request-cancelled', 6, 'awaiting_information', 'awaiting_information'],
      ['claim.assessment-resumed', 7, 'awaiting_information', 'in_assessment'],
    ]);
    expect(memory.state.events[1]!.data).toEqual({ informationRequestId: 'applicant-1' });
    // The pause (a week) is added to the due time, and the next service-level check is set for the new time.
    const dueAfter = memory.state.serviceLevels.get(claim.snapshot.id)!;
    expect(dueAfter.pausedSince).toBeNull();
    expect(dueAfter.dueAt.getTime() - dueBefore.getTime()).toBe(now.getTime() - asked.getTime());
    expect(memory.state.outbox).toEqual([
      {
        jobName: 'claims.service-level-check',
        payload: { claimId: claim.snapshot.id },
        orderingKey: `claim:${claim.snapshot.id}`,
        notBefore: dueAfter.dueAt,
      },
    ]);
    expect(memory.state.audit).toEqual([
      expect.objectContaining({
        action: 'information-request.cancelled',
        actorId: 'cw-1',
        details: expect.objectContaining({
          informationRequestId: 'applicant-1',
          recipient: 'applicant',
          claimStatus: 'in_assessment',
        }) as unknown,
      }),
    ]);
    expect(JSON.stringify([memory.state.events, memory.state.audit])).not.toContain('post');
  });

  it('keeps the claim waiting while another request to the applicant is open', async () => {
    const claim = memory.addClaim({ status: 'awaiting_information' });
    memory.addRequest(claim, { id: 'applicant-1', recipient: 'applicant', dueOn: '2026-12-04' }, asked);
    memory.addRequest(claim, { id: 'applicant-2', recipient: 'applicant', dueOn: '2026-12-11' }, asked);
    const result = await cancel(claim.snapshot.reference, 'applicant-1');
    expect(result.claimStatus).toBe('awaiting_information');
    expect(memory.state.events.map((event) => event.type)).toEqual(['claim.information-request-cancelled']);
    expect(memory.state.serviceLevels.get(claim.snapshot.id)!.pausedSince).toEqual(asked);
    expect(memory.state.outbox).toEqual([]);
  });

  it('cancelling a third party’s request never moves the claim or its clock', async () => {
    const claim = memory.addClaim({ status: 'awaiting_information' });
    memory.addRequest(claim, { id: 'applicant-1', recipient: 'applicant', dueOn: '2026-12-04' }, asked);
    memory.addRequest(claim, { id: 'gp-1', recipient: 'gp', dueOn: '2026-12-04' }, asked);
    const result = await cancel(claim.snapshot.reference, 'gp-1');
    expect(result).toEqual({ id: 'gp-1', status: 'cancelled', claimStatus: 'awaiting_information', version: 6 });
    expect(memory.state.serviceLevels.get(claim.snapshot.id)!.pausedSince).toEqual(asked);
    expect(memory.state.outbox).toEqual([]);

    const assessing = memory.addClaim({ status: 'in_assessment' });
    memory.addRequest(assessing, { id: 'police-2', recipient: 'police', dueOn: '2026-12-04' }, asked);
    expect((await cancel(assessing.snapshot.reference, 'police-2')).claimStatus).toBe('in_assessment');
    expect(memory.state.outbox).toEqual([]);
  });

  it('refuses a request that is not open (409), another claim’s (404) and a stale version (412)', async () => {
    const claim = memory.addClaim({ status: 'in_assessment' });
    memory.addRequest(claim, { id: 'answered', recipient: 'applicant', dueOn: '2026-12-04', status: 'answered' });
    const other = memory.addClaim({ status: 'awaiting_information' });
    memory.addRequest(other, { id: 'others', recipient: 'applicant', dueOn: '2026-12-04' }, asked);

    const notOpen = await refusal(cancel(claim.snapshot.reference, 'answered'));
    expect([notOpen.kind, notOpen.code]).toEqual(['conflict', 'information-request.not-open']);
    expect((await refusal(cancel(claim.snapshot.reference, 'others'))).kind).toBe('not-found');
    expect((await refusal(cancel(other.snapshot.reference, 'others', { expectedVersion: 3 }))).kind).toBe(
      'precondition-failed',
    );
    expect(memory.request('others').status).toBe('open');
    expect(memory.claim(other.snapshot.reference).snapshot.status).toBe('awaiting_information');
    expect([memory.state.events, memory.state.outbox]).toEqual([[], []]);
  });
});
