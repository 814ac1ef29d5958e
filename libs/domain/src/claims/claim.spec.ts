import {
  Claim,
  claimActorKinds,
  claimStatuses,
  claimTransitionNames,
  claimTransitions,
  DomainError,
  type ClaimActor,
  type ClaimSnapshot,
  type ClaimStatus,
  type ClaimTransitionName,
} from '@redress/domain';

const owner = 'citizen-owner';
const at = new Date('2026-11-27T12:00:00Z');
const actorOfKind: Record<ClaimActor['kind'], ClaimActor> = {
  citizen: { kind: 'citizen', id: owner },
  caseworker: { kind: 'caseworker', id: 'caseworker-2' },
  'senior-caseworker': { kind: 'senior-caseworker', id: 'senior-3' },
  system: { kind: 'system', id: null },
};

/** A claim in `status`, with whatever history the transition's own rules need to pass. */
function claimIn(status: ClaimStatus, name: ClaimTransitionName): Claim {
  const decision = {
    outcome: 'award' as const,
    awardPence: 2_200_00,
    proposedBy: 'caseworker-1',
    decidedBy: 'senior-1',
    decidedOn: '2026-11-20',
    isReview: name === 'recordAppeal',
  };
  const snapshot: ClaimSnapshot = {
    id: 'claim-1',
    reference: '26-000001-3',
    applicationId: 'application-1',
    ownerCitizenId: owner,
    status,
    version: 7,
    statusChangedAt: new Date('2026-11-20T10:00:00Z'),
    submittedAt: new Date('2026-01-02T10:00:00Z'),
    pendingDecision: {
      outcome: 'award',
      awardPence: 2_200_00,
      proposedBy: 'caseworker-1',
      isReview: name === 'approveReviewDecision' || name === 'returnProposedReviewDecision',
    },
    decision,
  };
  return Claim.rehydrate(snapshot);
}

function invoke(claim: Claim, name: ClaimTransitionName, actor: ClaimActor, when = at): void {
  switch (name) {
    case 'submit':
      return claim.submit(actor, when);
    case 'triage':
      return claim.triage(actor, when);
    case 'startAssessment':
      return claim.startAssessment(actor, when);
    case 'requestInformation':
      return claim.requestInformation(actor, when, { informationRequestId: 'request-1', dueOn: '2026-12-11' });
    case 'resumeAssessment':
      return claim.resumeAssessment(actor, when, { informationRequestId: 'request-1' });
    case 'proposeDecision':
      return claim.proposeDecision(actor, when, { outcome: 'refusal', awardPence: null });
    case 'returnProposedDecision':
      return claim.returnProposedDecision(actor, when, { reasonCode: 'more-evidence' });
    case 'approveDecision':
      return claim.approveDecision(actor, when);
    case 'decide':
      return claim.decide(actor, when, { outcome: 'award', awardPence: 1_100_00, decisionId: 'decision-9' });
    case 'acceptAward':
      return claim.acceptAward(actor, when);
    case 'recordPayment':
      return claim.recordPayment(actor, when, { amountPence: 2_200_00 });
    case 'close':
      return claim.close(actor, when);
    case 'requestReview':
      return claim.requestReview(actor, when, { reviewRequestId: 'review-1' });
    case 'recordReviewRequest':
      return claim.recordReviewRequest(actor, when, {
        reviewId: 'review-2',
        requestedOn: '2026-11-27',
        extensionReason: null,
      });
    case 'startReview':
      return claim.startReview(actor, when);
    case 'decideReview':
      return claim.decideReview(actor, when, { outcome: 'award', awardPence: 3_300_00 });
    case 'proposeReviewDecision':
      return claim.proposeReviewDecision(actor, when, { outcome: 'refusal', awardPence: null });
    case 'returnProposedReviewDecision':
      return claim.returnProposedReviewDecision(actor, when, { reasonCode: 'grounds-wrong' });
    case 'approveReviewDecision':
      return claim.approveReviewDecision(actor, when);
    case 'recordAppeal':
      return claim.recordAppeal(actor, when, { tribunalOutcome: 'upheld' });
    case 'withdraw':
      return claim.withdraw(actor, when, { reason: 'no-longer-wanted' });
    case 'reopen':
      return claim.reopen(actor, when);
  }
}

function caught(work: () => void): DomainError | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

const everyStateTimesEveryTransition = claimStatuses.flatMap((status) =>
  claimTransitionNames.map((name) => [status, name] as const),
);

describe('Claim lifecycle: every state x every transition', () => {
  it.each(everyStateTimesEveryTransition)('from %s, %s', (status, name) => {
    const transition = claimTransitions[name];
    const claim = claimIn(status, name);
    const actor = actorOfKind[transition.actors[0]];
    const legal = (transition.from as readonly ClaimStatus[]).includes(status);
    const error = caught(() => invoke(claim, name, actor));
    if (legal) {
      expect(error).toBeUndefined();
      expect(claim.status).toBe(transition.to);
      expect(claim.version).toBe(8);
      const events = claim.pullEvents();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        type: transition.event,
        claimId: 'claim-1',
        version: 8,
        fromStatus: status,
        toStatus: transition.to,
        actor,
        occurredAt: at,
      });
      expect(claim.pullEvents()).toEqual([]);
    } else {
      expect(error).toMatchObject({ kind: 'illegal-transition', code: 'claim.illegal-transition' });
      expect(claim.status).toBe(status);
      expect(claim.version).toBe(7);
      expect(claim.pullEvents()).toEqual([]);
    }
  });
});

describe('Claim lifecycle: who may make each transition', () => {
  const cases = claimTransitionNames.flatMap((name) => claimActorKinds.map((kind) => [name, kind] as const));
  it.each(cases)('%s by %s', (name, kind) => {
    const transition = claimTransitions[name];
    const claim = claimIn(transition.from[0], name);
    const error = caught(() => invoke(claim, name, actorOfKind[kind]));
    if ((transition.actors as readonly string[]).includes(kind)) expect(error).toBeUndefined();
    else {
      expect(error).toMatchObject({ kind: 'forbidden', code: 'claim.actor-not-permitted' });
      expect(claim.pullEvents()).toEqual([]);
    }
  });

  it('lets a citizen act only on a claim they own', () => {
    const claim = claimIn('submitted', 'withdraw');
    const error = caught(() => claim.withdraw({ kind: 'citizen', id: 'someone-else' }, at, { reason: 'other' }));
    expect(error).toMatchObject({ kind: 'forbidden', code: 'claim.not-owner' });
    expect(claim.status).toBe('submitted');
    expect(caught(() => claim.withdraw({ kind: 'citizen', id: null }, at, { reason: 'other' }))?.code).toBe(
      'claim.not-owner',
    );
  });

  it('answers can() without throwing', () => {
    const claim = claimIn('submitted', 'withdraw');
    expect(claim.can('withdraw', actorOfKind.citizen)).toBe(true);
    expect(claim.can('approveDecision', actorOfKind['senior-caseworker'])).toBe(false);
    expect(claim.can('triage', actorOfKind.citizen)).toBe(false);
  });
});

describe('Claim lifecycle: rules of particular transitions', () => {
  it('runs a whole claim from draft to paid and closed, recording one event per step', () => {
    const claim = Claim.draft({
      id: 'claim-9',
      reference: '26-000009-7',
      applicationId: 'application-9',
      ownerCitizenId: owner,
      createdAt: at,
    });
    claim.submit(actorOfKind.citizen, at);
    claim.triage(actorOfKind.system, at);
    claim.startAssessment(actorOfKind.caseworker, at);
    claim.requestInformation(actorOfKind.caseworker, at, { informationRequestId: 'r1', dueOn: '2026-12-11' });
    claim.resumeAssessment(actorOfKind.citizen, at, { informationRequestId: 'r1' });
    claim.proposeDecision(actorOfKind.caseworker, at, { outcome: 'award', awardPence: 1_000_00 });
    claim.approveDecision(actorOfKind['senior-caseworker'], at);
    claim.acceptAward(actorOfKind.citizen, at);
    claim.recordPayment(actorOfKind.system, at, { amountPence: 1_000_00 });
    claim.close(actorOfKind.system, at);
    const events = claim.pullEvents();
    expect(events.map((event) => event.type)).toEqual([
      'claim.submitted',
      'claim.triaged',
      'claim.assessment-started',
      'claim.information-requested',
      'claim.assessment-resumed',
      'claim.decision-proposed',
      'claim.decided',
      'claim.award-accepted',
      'claim.paid',
      'claim.closed',
    ]);
    expect(events.map((event) => event.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(events[6]?.data).toEqual({ outcome: 'award', awardPence: 1_000_00 });
    expect(claim.snapshot().decision).toMatchObject({
      decidedOn: '2026-11-27',
      decidedBy: 'senior-3',
      isReview: false,
    });
    expect(claim.snapshot().submittedAt).toEqual(at);
  });

  it('needs a second person to approve a decision (four eyes)', () => {
    const claim = claimIn('decision_pending_approval', 'approveDecision');
    const error = caught(() => claim.approveDecision({ kind: 'senior-caseworker', id: 'caseworker-1' }, at));
    expect(error).toMatchObject({ kind: 'forbidden', code: 'claim.same-approver' });
    expect(claim.status).toBe('decision_pending_approval');
  });

  it('accepts a review request up to day 56 after the decision and refuses it on day 57 (PR-04)', () => {
    const onDay56 = claimIn('decided', 'requestReview'); // decided 2026-11-20
    onDay56.requestReview(actorOfKind.citizen, new Date('2027-01-15T12:00:00Z'), { reviewRequestId: 'r' });
    expect(onDay56.status).toBe('review_requested');
    const onDay57 = claimIn('decided', 'requestReview');
    const error = caught(() =>
      onDay57.requestReview(actorOfKind.citizen, new Date('2027-01-16T12:00:00Z'), { reviewRequestId: 'r' }),
    );
    expect(error).toMatchObject({ kind: 'unprocessable', code: 'claim.review-request-late' });
    expect(onDay57.status).toBe('decided');
  });

  it('sends a review decision to appeal, not to another review; an appeal needs a review decision first', () => {
    const reviewed = claimIn('decided', 'recordAppeal');
    expect(caught(() => reviewed.requestReview(actorOfKind.citizen, at, { reviewRequestId: 'r' }))?.kind).toBe(
      'illegal-transition',
    );
    const firstDecision = claimIn('decided', 'requestReview');
    expect(
      caught(() => firstDecision.recordAppeal(actorOfKind.caseworker, at, { tribunalOutcome: 'upheld' }))?.kind,
    ).toBe('illegal-transition');
  });

  it('has a review decided by someone who took no part in the first decision, and marks it a review decision', () => {
    const byOriginal = claimIn('under_review', 'decideReview');
    expect(
      caught(() =>
        byOriginal.decideReview({ kind: 'caseworker', id: 'senior-1' }, at, { outcome: 'refusal', awardPence: null }),
      ),
    ).toMatchObject({ code: 'claim.same-reviewer' });
    const fresh = claimIn('under_review', 'decideReview');
    fresh.decideReview(actorOfKind.caseworker, at, { outcome: 'refusal', awardPence: null });
    expect(fresh.snapshot().decision).toMatchObject({ outcome: 'refusal', isReview: true, decidedOn: '2026-11-27' });
  });

  it('accepts only an award', () => {
    const refused = Claim.rehydrate({
      ...claimIn('decided', 'acceptAward').snapshot(),
      decision: {
        outcome: 'refusal',
        awardPence: null,
        proposedBy: 'a',
        decidedBy: 'b',
        decidedOn: '2026-11-20',
        isReview: false,
      },
    });
    expect(caught(() => refused.acceptAward(actorOfKind.citizen, at))?.kind).toBe('illegal-transition');
  });

  it('refuses decisions and payments that do not add up', () => {
    const claim = claimIn('in_assessment', 'proposeDecision');
    expect(
      caught(() => claim.proposeDecision(actorOfKind.caseworker, at, { outcome: 'award', awardPence: null }))?.kind,
    ).toBe('invalid-input');
    expect(
      caught(() => claim.proposeDecision(actorOfKind.caseworker, at, { outcome: 'refusal', awardPence: 5 }))?.kind,
    ).toBe('invalid-input');
    expect(
      caught(() => claim.proposeDecision(actorOfKind.caseworker, at, { outcome: 'award', awardPence: 1.5 }))?.kind,
    ).toBe('invalid-input');
    const accepted = claimIn('accepted', 'recordPayment');
    expect(caught(() => accepted.recordPayment(actorOfKind.system, at, { amountPence: 0 }))?.kind).toBe(
      'invalid-input',
    );
    expect(claim.status).toBe('in_assessment');
  });

  it('returns a proposed decision for more work and forgets the proposal', () => {
    const claim = claimIn('decision_pending_approval', 'returnProposedDecision');
    claim.returnProposedDecision(actorOfKind['senior-caseworker'], at, { reasonCode: 'more-evidence' });
    expect(claim.snapshot().pendingDecision).toBeNull();
    expect(caught(() => claim.approveDecision(actorOfKind['senior-caseworker'], at))?.kind).toBe('illegal-transition');
  });
});

describe('Claim lifecycle: decisions that need no approval, and review requests recorded by staff', () => {
  it('makes a decision effective at once, the caseworker being both proposer and decider', () => {
    const claim = claimIn('in_assessment', 'decide');
    claim.decide(actorOfKind.caseworker, at, { outcome: 'award', awardPence: 1_100_00, decisionId: 'decision-9' });
    expect(claim.status).toBe('decided');
    expect(claim.snapshot().pendingDecision).toBeNull();
    expect(claim.snapshot().decision).toEqual({
      outcome: 'award',
      awardPence: 1_100_00,
      proposedBy: 'caseworker-2',
      decidedBy: 'caseworker-2',
      decidedOn: '2026-11-27',
      isReview: false,
    });
    expect(claim.pullEvents()[0]).toMatchObject({
      type: 'claim.decided',
      data: { outcome: 'award', awardPence: 1_100_00, decisionId: 'decision-9' },
    });
    // The same person may not then review it.
    claim.recordReviewRequest(actorOfKind.caseworker, at, {
      reviewId: 'review-1',
      requestedOn: '2026-11-27',
      extensionReason: null,
    });
    claim.startReview(actorOfKind.caseworker, at);
    expect(
      caught(() => claim.decideReview(actorOfKind.caseworker, at, { outcome: 'refusal', awardPence: null }))?.code,
    ).toBe('claim.same-reviewer');
  });

  it('refuses a decision that does not add up, and leaves the claim alone', () => {
    const claim = claimIn('in_assessment', 'decide');
    const error = caught(() =>
      claim.decide(actorOfKind.caseworker, at, { outcome: 'refusal', awardPence: 10, decisionId: 'd' }),
    );
    expect(error?.kind).toBe('invalid-input');
    expect(claim.status).toBe('in_assessment');
    expect(claim.version).toBe(7);
  });

  it('records a late review request only with the exceptional circumstances recorded (para 118)', () => {
    const late = { reviewId: 'review-2', requestedOn: '2027-01-16', extensionReason: null }; // day 57
    const claim = claimIn('decided', 'recordReviewRequest');
    expect(caught(() => claim.recordReviewRequest(actorOfKind.caseworker, at, late))).toMatchObject({
      kind: 'unprocessable',
      code: 'review.out-of-time',
    });
    expect(claim.status).toBe('decided');
    claim.recordReviewRequest(actorOfKind.caseworker, at, { ...late, extensionReason: 'In hospital for 8 weeks' });
    expect(claim.status).toBe('review_requested');
    expect(claim.pullEvents()[0]).toMatchObject({
      type: 'claim.review-requested',
      data: { reviewId: 'review-2', requestedOn: '2027-01-16', extended: true },
    });
    const reviewed = claimIn('decided', 'recordAppeal');
    expect(
      caught(() =>
        reviewed.recordReviewRequest(actorOfKind.caseworker, at, { ...late, extensionReason: 'In hospital' }),
      )?.kind,
    ).toBe('illegal-transition');
    expect(
      caught(() => claimIn('decided', 'recordReviewRequest').recordReviewRequest(actorOfKind.citizen, at, late))?.code,
    ).toBe('claim.actor-not-permitted');
  });
});

describe('Claim lifecycle: four eyes on a review decision', () => {
  const reviewer: ClaimActor = { kind: 'senior-caseworker', id: 'reviewer-4' };
  const approver: ClaimActor = { kind: 'senior-caseworker', id: 'senior-5' };
  /** Under review: the original was proposed by caseworker-1 and approved by senior-1; nothing is pending. */
  function underReview(): Claim {
    return Claim.rehydrate({ ...claimIn('under_review', 'decideReview').snapshot(), pendingDecision: null });
  }
  function proposed(): Claim {
    const claim = underReview();
    claim.proposeReviewDecision(reviewer, at, { outcome: 'refusal', awardPence: null });
    claim.pullEvents();
    return claim;
  }

  it('keeps the claim under review with the original decision in force while the proposal waits', () => {
    const claim = underReview();
    const before = claim.snapshot();
    const later = new Date('2026-12-01T09:00:00Z');
    claim.proposeReviewDecision(reviewer, later, { outcome: 'refusal', awardPence: null });
    expect(claim.status).toBe('under_review');
    expect(claim.snapshot().decision).toEqual(before.decision);
    expect(claim.snapshot().statusChangedAt).toEqual(before.statusChangedAt);
    expect(claim.snapshot().pendingDecision).toEqual({
      outcome: 'refusal',
      awardPence: null,
      proposedBy: 'reviewer-4',
      isReview: true,
    });
    expect(claim.pullEvents()).toEqual([
      expect.objectContaining({
        type: 'claim.review-decision-proposed',
        fromStatus: 'under_review',
        toStatus: 'under_review',
        actor: reviewer,
        data: { outcome: 'refusal', awardPence: null },
      }),
    ]);
    // A second proposal, or a decision at once, waits until this one is approved or returned.
    for (const work of [
      () => claim.proposeReviewDecision(approver, at, { outcome: 'award', awardPence: 10_00 }),
      () => claim.decideReview(approver, at, { outcome: 'award', awardPence: 10_00 }),
    ]) {
      expect(caught(work)).toMatchObject({ kind: 'illegal-transition', code: 'claim.illegal-transition' });
    }
    expect(claim.version).toBe(8);
  });

  it('refuses a proposal by anyone who took part in the original decision', () => {
    for (const id of ['caseworker-1', 'senior-1']) {
      const claim = underReview();
      expect(
        caught(() =>
          claim.proposeReviewDecision({ kind: 'caseworker', id }, at, { outcome: 'refusal', awardPence: null }),
        ),
      ).toMatchObject({ kind: 'forbidden', code: 'claim.same-reviewer' });
      expect(claim.snapshot().pendingDecision).toBeNull();
    }
  });

  it('is approved only by a senior caseworker who neither proposed it nor took part in the original decision', () => {
    const claim = proposed();
    expect(caught(() => claim.approveReviewDecision(reviewer, at))).toMatchObject({ code: 'claim.same-approver' });
    for (const id of ['caseworker-1', 'senior-1']) {
      expect(caught(() => claim.approveReviewDecision({ kind: 'senior-caseworker', id }, at))).toMatchObject({
        kind: 'forbidden',
        code: 'claim.same-reviewer',
      });
    }
    expect(caught(() => claim.approveReviewDecision({ kind: 'caseworker', id: 'caseworker-6' }, at))?.code).toBe(
      'claim.actor-not-permitted',
    );
    expect(claim.status).toBe('under_review');
    expect(claim.pullEvents()).toEqual([]);

    claim.approveReviewDecision(approver, at);
    expect(claim.status).toBe('decided');
    expect(claim.snapshot().pendingDecision).toBeNull();
    expect(claim.snapshot().decision).toEqual({
      outcome: 'refusal',
      awardPence: null,
      proposedBy: 'reviewer-4',
      decidedBy: 'senior-5',
      decidedOn: '2026-11-27',
      isReview: true,
    });
    expect(claim.pullEvents()).toEqual([
      expect.objectContaining({
        type: 'claim.review-decided',
        fromStatus: 'under_review',
        toStatus: 'decided',
        data: { outcome: 'refusal', awardPence: null },
      }),
    ]);
    // Decided on review: appealed, not reviewed again.
    expect(caught(() => claim.requestReview(actorOfKind.citizen, at, { reviewRequestId: 'r' }))?.kind).toBe(
      'illegal-transition',
    );
    claim.recordAppeal(actorOfKind.caseworker, at, { tribunalOutcome: 'upheld' });
  });

  it('goes back to the reviewer when returned, who may then decide again', () => {
    const claim = proposed();
    expect(
      caught(() =>
        claim.returnProposedReviewDecision({ kind: 'senior-caseworker', id: 'senior-1' }, at, {
          reasonCode: 'grounds-wrong',
        }),
      )?.code,
    ).toBe('claim.same-reviewer');
    claim.returnProposedReviewDecision(approver, at, { reasonCode: 'grounds-wrong' });
    expect(claim.status).toBe('under_review');
    expect(claim.snapshot().pendingDecision).toBeNull();
    expect(claim.pullEvents()[0]).toMatchObject({
      type: 'claim.review-decision-returned',
      data: { reasonCode: 'grounds-wrong' },
    });
    expect(caught(() => claim.approveReviewDecision(approver, at))?.kind).toBe('illegal-transition');
    claim.decideReview(reviewer, at, { outcome: 'award', awardPence: 1_000_00 });
    expect(claim.snapshot().decision).toMatchObject({ decidedBy: 'reviewer-4', isReview: true });
  });

  it('does not let a first decision waiting for approval be approved as a review decision, or the reverse', () => {
    const first = claimIn('decision_pending_approval', 'approveDecision');
    expect(caught(() => first.approveReviewDecision(approver, at))?.kind).toBe('illegal-transition');
    const review = proposed();
    expect(caught(() => review.approveDecision(approver, at))?.kind).toBe('illegal-transition');
    expect(caught(() => underReview().approveReviewDecision(approver, at))?.kind).toBe('illegal-transition');
  });
});
