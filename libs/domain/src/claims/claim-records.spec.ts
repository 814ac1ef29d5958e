import {
  Claim,
  claimRecords,
  describeClaimEventForCitizen,
  DomainError,
  DomainErrorKind,
  isClaimEventForCitizen,
  type ClaimActor,
  type ClaimSnapshot,
  type ClaimStatus,
  staffOnlyClaimEvents,
} from '@redress/domain';

const at = new Date('2026-11-27T12:00:00Z');
const statusChangedAt = new Date('2026-11-20T10:00:00Z');
const caseworker: ClaimActor = { kind: 'caseworker', id: 'caseworker-2' };

function claimIn(status: ClaimStatus): Claim {
  const snapshot: ClaimSnapshot = {
    id: 'claim-1',
    reference: '26-000001-3',
    applicationId: 'application-1',
    ownerCitizenId: 'citizen-owner',
    status,
    version: 7,
    statusChangedAt,
    submittedAt: new Date('2026-01-02T10:00:00Z'),
    pendingDecision: null,
    decision: null,
  };
  return Claim.rehydrate(snapshot);
}

const move = {
  informationRequestId: 'request-1',
  recipient: 'police',
  previousDueOn: '2026-12-11',
  dueOn: '2026-12-18',
};

function thrown(work: () => void): DomainError {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('information request casework on the claim timeline (claimRecords)', () => {
  it('records a moved due date as an event that keeps the status and its date, and moves the version on', () => {
    const claim = claimIn('awaiting_information');
    claim.moveInformationRequestDueDate(caseworker, at, move);
    expect(claim.snapshot()).toMatchObject({ status: 'awaiting_information', version: 8, statusChangedAt });
    expect(claim.pullEvents()).toEqual([
      {
        type: 'claim.information-request-due-date-moved',
        claimId: 'claim-1',
        version: 8,
        fromStatus: 'awaiting_information',
        toStatus: 'awaiting_information',
        actor: caseworker,
        occurredAt: at,
        data: move,
      },
    ]);
  });

  it('refuses to move a due date to the date it already has (422)', () => {
    const claim = claimIn('in_assessment');
    const error = thrown(() =>
      claim.moveInformationRequestDueDate(caseworker, at, { ...move, dueOn: move.previousDueOn }),
    );
    expect(error).toMatchObject({ code: 'information-request.same-due-date', kind: DomainErrorKind.Unprocessable });
    expect(claim.pullEvents()).toEqual([]);
    expect(claim.version).toBe(7);
  });

  it('records a third party’s reply, and refuses one for a request to the applicant (they answer their own)', () => {
    const claim = claimIn('in_assessment');
    claim.recordInformationRequestReply(caseworker, at, { informationRequestId: 'r', recipient: 'gp', documents: 2 });
    expect(claim.pullEvents().map((event) => [event.type, event.data])).toEqual([
      ['claim.information-request-reply-recorded', { informationRequestId: 'r', recipient: 'gp', documents: 2 }],
    ]);
    const error = thrown(() =>
      claim.recordInformationRequestReply(caseworker, at, {
        informationRequestId: 'r',
        recipient: 'applicant',
        documents: 0,
      }),
    );
    expect(error).toMatchObject({
      code: 'information-request.answered-by-applicant',
      kind: DomainErrorKind.Unprocessable,
    });
    expect(claim.version).toBe(8);
  });

  it('records a cancellation without resuming the assessment itself (the caller knows what else is open)', () => {
    const claim = claimIn('awaiting_information');
    claim.cancelInformationRequest(caseworker, at, { informationRequestId: 'r', recipient: 'applicant' });
    expect(claim.status).toBe('awaiting_information');
    claim.resumeAssessment(caseworker, at, { informationRequestId: 'r' });
    expect(claim.pullEvents().map((event) => [event.type, event.version, event.toStatus])).toEqual([
      ['claim.information-request-cancelled', 8, 'awaiting_information'],
      ['claim.assessment-resumed', 9, 'in_assessment'],
    ]);
  });

  it.each(Object.keys(claimRecords) as Array<keyof typeof claimRecords>)('%s: staff only, never on a draft', (name) => {
    const run = (claim: Claim, actor: ClaimActor) => {
      if (name === 'moveInformationRequestDueDate') claim.moveInformationRequestDueDate(actor, at, move);
      else if (name === 'recordInformationRequestReply')
        claim.recordInformationRequestReply(actor, at, {
          informationRequestId: 'r',
          recipient: 'police',
          documents: 0,
        });
      else claim.cancelInformationRequest(actor, at, { informationRequestId: 'r', recipient: 'police' });
    };
    for (const actor of [
      { kind: 'citizen', id: 'citizen-owner' },
      { kind: 'system', id: null },
    ] as ClaimActor[]) {
      expect(thrown(() => run(claimIn('in_assessment'), actor)).kind).toBe(DomainErrorKind.Forbidden);
    }
    expect(thrown(() => run(claimIn('draft'), caseworker)).kind).toBe(DomainErrorKind.IllegalTransition);
    const senior = claimIn('decided');
    run(senior, { kind: 'senior-caseworker', id: 'senior-1' });
    expect(senior.pullEvents()).toHaveLength(1);
  });

  it('shows the victim changes to their own requests and hides casework with the police, a GP or a hospital', () => {
    for (const type of Object.values(claimRecords).map((record) => record.event)) {
      if ((staffOnlyClaimEvents as readonly string[]).includes(type)) continue; // four eyes on payments, below
      expect(describeClaimEventForCitizen({ type })).toMatch(/^[A-Z].+\.$/);
    }
    expect(isClaimEventForCitizen({ data: { recipient: 'applicant', dueOn: '2026-12-18' } })).toBe(true);
    expect(isClaimEventForCitizen({ data: { recipient: 'police' } })).toBe(false);
    expect(isClaimEventForCitizen({ data: { recipient: 'hospital' } })).toBe(false);
    expect(isClaimEventForCitizen({ data: { informationRequestId: 'r', dueOn: '2026-12-18' } })).toBe(true);
  });
});
