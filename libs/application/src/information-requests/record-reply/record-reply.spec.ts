import { FixedClock } from '../../ports/clock.js';
import type { StaffActor } from '../../staff/staff-actor.js';
import { refusal } from '../../testing/domain-refusal.js';
import { InMemoryInformationRequests } from '../testing/in-memory-information-requests.js';
import { RecordInformationRequestReply } from './record-reply.use-case.js';

const now = new Date('2026-11-27T12:00:00Z');
const senior: StaffActor = { staffId: 'senior-1', roles: ['senior-caseworker'], team: 'general' };
const DOC_A = '0b6f6a3e-2f51-4c41-9a3e-7d2f1c9b8a01';
const DOC_B = '5e1d0c7b-8a9f-4e3d-b2c1-0f9e8d7c6b02';

describe('RecordInformationRequestReply', () => {
  let memory: InMemoryInformationRequests;
  let useCase: RecordInformationRequestReply;
  beforeEach(() => {
    const clock = new FixedClock(now);
    memory = new InMemoryInformationRequests(() => clock.now());
    useCase = new RecordInformationRequestReply(memory.unitOfWork, memory.accessLog, memory.store, clock);
  });

  const setUp = (recipient: 'applicant' | 'police' | 'gp' | 'hospital') => {
    const claim = memory.addClaim({ status: 'awaiting_information' });
    memory.addRequest(claim, { id: 'request-1', recipient, dueOn: '2026-12-04' });
    memory.state.documents.set(claim.snapshot.id, [DOC_A, DOC_B]);
    return claim.snapshot.reference;
  };
  const reply = (reference: string, extra = {}) =>
    useCase.execute({
      actor: senior,
      reference,
      expectedVersion: 5,
      informationRequestId: 'request-1',
      summary: 'The fracture clinic confirmed the injury.',
      documentIds: [DOC_A],
      ...extra,
    });

  it.each(['police', 'gp', 'hospital'] as const)(
    'marks a request to the %s answered by the staff member, with the summary and documents',
    async (recipient) => {
      const reference = setUp(recipient);
      const result = await reply(reference, { documentIds: [DOC_B, DOC_A, DOC_B.toUpperCase()] });
      expect(result).toEqual({ id: 'request-1', status: 'answered', documentIds: [DOC_B, DOC_A], version: 6 });
      expect(memory.request('request-1')).toMatchObject({
        status: 'answered',
        answer: 'The fracture clinic confirmed the injury.',
        answeredAt: now,
        answeredByStaffId: 'senior-1',
        documentIds: [DOC_B, DOC_A],
      });
      expect(memory.state.events).toEqual([
        expect.objectContaining({
          type: 'claim.information-request-reply-recorded',
          fromStatus: 'awaiting_information',
          toStatus: 'awaiting_information',
          actor: { kind: 'senior-caseworker', id: 'senior-1' },
          data: { informationRequestId: 'request-1', recipient, documents: 2 },
        }),
      ]);
      expect(memory.state.audit).toEqual([
        expect.objectContaining({
          action: 'information-request.reply-recorded',
          details: expect.objectContaining({ recipient, documentIds: [DOC_B, DOC_A] }) as unknown,
        }),
      ]);
      expect(JSON.stringify(memory.state.audit)).not.toContain('fracture');
      // A third party's request never paused the clock, and the claim's status is the applicant's business.
      expect(memory.claim(reference).snapshot.status).toBe('awaiting_information');
      expect(memory.state.outbox).toEqual([]);
    },
  );

  it('records a reply without documents', async () => {
    const reference = setUp('police');
    expect((await reply(reference, { documentIds: [] })).documentIds).toEqual([]);
    expect(memory.request('request-1').documentIds).toEqual([]);
  });

  it('refuses a request to the applicant (422): they answer their own, open or not', async () => {
    const reference = setUp('applicant');
    const error = await refusal(reply(reference));
    expect([error.kind, error.code]).toEqual(['unprocessable', 'information-request.answered-by-applicant']);
    memory.request('request-1').status = 'answered';
    expect((await refusal(reply(reference))).code).toBe('information-request.answered-by-applicant');
    expect(memory.state.events).toEqual([]);
    expect(memory.request('request-1').answeredByStaffId).toBeNull();
  });

  it('refuses a document that is not on this claim (422) and writes nothing', async () => {
    const reference = setUp('gp');
    const elsewhere = '9c8b7a6f-5e4d-4c3b-a291-807f6e5d4c03';
    const error = await refusal(reply(reference, { documentIds: [DOC_A, elsewhere] }));
    expect([error.kind, error.code]).toEqual(['unprocessable', 'information-request.unknown-document']);
    expect(error.details).toEqual([{ field: 'documentIds', message: `${elsewhere} is not a document on this claim` }]);
    expect(memory.request('request-1').status).toBe('open');
    expect([memory.state.events, memory.state.audit]).toEqual([[], []]);
  });

  it('refuses a request already answered or cancelled (409)', async () => {
    const reference = setUp('hospital');
    await reply(reference);
    const error = await refusal(reply(reference, { expectedVersion: 6 }));
    expect([error.kind, error.code]).toEqual(['conflict', 'information-request.not-open']);
  });

  it('answers 404 for a request of another claim and a stale version 412', async () => {
    const reference = setUp('police');
    const other = memory.addClaim({ status: 'in_assessment' });
    memory.addRequest(other, { id: 'request-2', recipient: 'police', dueOn: '2026-12-04' });
    expect((await refusal(reply(reference, { informationRequestId: 'request-2' }))).kind).toBe('not-found');
    expect((await refusal(reply(reference, { expectedVersion: 4 }))).kind).toBe('precondition-failed');
    expect(memory.request('request-2').status).toBe('open');
  });
});
