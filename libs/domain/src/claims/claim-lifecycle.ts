/**
 * The claim lifecycle (shared/design/architecture.md, "Claim lifecycle"), as data: every state, every actor
 * kind, and every transition with the states it may start from, the state it leads to, who may make it and
 * the event it emits. `Claim` enforces it; the timeline, the audit log and the outbox read the events.
 */

export const claimStatuses = [
  'draft',
  'submitted',
  'triaged',
  'in_assessment',
  'awaiting_information',
  'decision_pending_approval',
  'decided',
  'accepted',
  'paid',
  'closed',
  'review_requested',
  'under_review',
  'appealed',
  'withdrawn',
  'reopened',
] as const;
export type ClaimStatus = (typeof claimStatuses)[number];

/**
 * Who acts. A citizen acts only on a claim they own (the victim, or the person applying for them); a senior
 * caseworker approves decisions; `system` is the worker acting on its own (automatic triage, payment feeds).
 */
export const claimActorKinds = ['citizen', 'caseworker', 'senior-caseworker', 'system'] as const;
export type ClaimActorKind = (typeof claimActorKinds)[number];

export interface ClaimActor {
  readonly kind: ClaimActorKind;
  /** The citizen's account id or the staff member's id; `null` for the system. */
  readonly id: string | null;
}

export const systemActor: ClaimActor = { kind: 'system', id: null };

/** States from which the claim may still be withdrawn: anything before a decision is made. */
export const statusesBeforeDecision = [
  'draft',
  'submitted',
  'triaged',
  'in_assessment',
  'awaiting_information',
  'decision_pending_approval',
  'reopened',
] as const satisfies readonly ClaimStatus[];

const staff = ['caseworker', 'senior-caseworker'] as const;

export interface TransitionDefinition {
  readonly from: readonly ClaimStatus[];
  readonly to: ClaimStatus;
  readonly actors: readonly ClaimActorKind[];
  readonly event: ClaimEventType;
}

export const claimEventTypes = [
  'claim.submitted',
  'claim.triaged',
  'claim.assessment-started',
  'claim.information-requested',
  'claim.assessment-resumed',
  'claim.decision-proposed',
  'claim.decision-returned',
  'claim.decided',
  'claim.award-accepted',
  'claim.paid',
  'claim.closed',
  'claim.review-requested',
  'claim.review-started',
  'claim.review-decision-proposed',
  'claim.review-decision-returned',
  'claim.review-decided',
  'claim.appeal-recorded',
  'claim.withdrawn',
  'claim.reopened',
  // Casework on an information request that leaves the claim's status alone (claimRecords below).
  'claim.information-request-due-date-moved',
  'claim.information-request-reply-recorded',
  'claim.information-request-cancelled',
  // Payments under four eyes (claimRecords below): who may be paid, and each payment proposed and approved.
  'claim.payee-recorded',
  'claim.payee-approved',
  'claim.payment-proposed',
  'claim.payment-approved',
] as const;
export type ClaimEventType = (typeof claimEventTypes)[number];

export const claimTransitions = {
  submit: { from: ['draft'], to: 'submitted', actors: ['citizen'], event: 'claim.submitted' },
  triage: { from: ['submitted'], to: 'triaged', actors: [...staff, 'system'], event: 'claim.triaged' },
  startAssessment: {
    from: ['triaged', 'reopened'],
    to: 'in_assessment',
    actors: staff,
    event: 'claim.assessment-started',
  },
  requestInformation: {
    from: ['in_assessment'],
    to: 'awaiting_information',
    actors: staff,
    event: 'claim.information-requested',
  },
  // The citizen's answer to the last open request, a caseworker, or the worker when a request lapses.
  resumeAssessment: {
    from: ['awaiting_information'],
    to: 'in_assessment',
    actors: ['citizen', ...staff, 'system'],
    event: 'claim.assessment-resumed',
  },
  proposeDecision: {
    from: ['in_assessment'],
    to: 'decision_pending_approval',
    actors: staff,
    event: 'claim.decision-proposed',
  },
  returnProposedDecision: {
    from: ['decision_pending_approval'],
    to: 'in_assessment',
    actors: ['senior-caseworker'],
    event: 'claim.decision-returned',
  },
  approveDecision: {
    from: ['decision_pending_approval'],
    to: 'decided',
    actors: ['senior-caseworker'],
    event: 'claim.decided',
  },
  // A decision that needs no second pair of eyes takes effect when made (caseworker API, issue 7 item 8).
  decide: { from: ['in_assessment'], to: 'decided', actors: staff, event: 'claim.decided' },
  acceptAward: { from: ['decided'], to: 'accepted', actors: ['citizen'], event: 'claim.award-accepted' },
  recordPayment: { from: ['accepted'], to: 'paid', actors: [...staff, 'system'], event: 'claim.paid' },
  // A paid claim closes; so does a decided one that nobody takes further (refusal not reviewed, award declined).
  close: { from: ['paid', 'decided'], to: 'closed', actors: [...staff, 'system'], event: 'claim.closed' },
  requestReview: { from: ['decided'], to: 'review_requested', actors: ['citizen'], event: 'claim.review-requested' },
  // A request received by post or phone, or late with exceptional circumstances (para 118), recorded by staff.
  recordReviewRequest: {
    from: ['decided'],
    to: 'review_requested',
    actors: staff,
    event: 'claim.review-requested',
  },
  startReview: { from: ['review_requested'], to: 'under_review', actors: staff, event: 'claim.review-started' },
  decideReview: { from: ['under_review'], to: 'decided', actors: staff, event: 'claim.review-decided' },
  // Four eyes on review, as on first decisions: the review decision waits for a senior caseworker while the claim
  // stays under review (nothing superseded, nothing sent); approved, it is decided; returned, the reviewer goes on.
  proposeReviewDecision: {
    from: ['under_review'],
    to: 'under_review',
    actors: staff,
    event: 'claim.review-decision-proposed',
  },
  returnProposedReviewDecision: {
    from: ['under_review'],
    to: 'under_review',
    actors: ['senior-caseworker'],
    event: 'claim.review-decision-returned',
  },
  approveReviewDecision: {
    from: ['under_review'],
    to: 'decided',
    actors: ['senior-caseworker'],
    event: 'claim.review-decided',
  },
  recordAppeal: { from: ['decided'], to: 'appealed', actors: staff, event: 'claim.appeal-recorded' },
  withdraw: {
    from: statusesBeforeDecision,
    to: 'withdrawn',
    actors: ['citizen', ...staff],
    event: 'claim.withdrawn',
  },
  reopen: { from: ['closed'], to: 'reopened', actors: staff, event: 'claim.reopened' },
} as const satisfies Record<string, TransitionDefinition>;

export type ClaimTransitionName = keyof typeof claimTransitions;

/**
 * Casework the timeline records without moving the claim's status: its event's `from` and `to` are the status the
 * claim stays in, and it moves the version on like a transition. Only staff record them.
 */
export const claimRecords = {
  moveInformationRequestDueDate: { actors: staff, event: 'claim.information-request-due-date-moved' },
  // A reply from the police, a GP or a hospital, recorded by the caseworker (the applicant answers their own).
  recordInformationRequestReply: { actors: staff, event: 'claim.information-request-reply-recorded' },
  cancelInformationRequest: { actors: staff, event: 'claim.information-request-cancelled' },
  // The victim gives their payment details through the citizen service, or a caseworker records them.
  recordPayee: { actors: ['citizen', ...staff], event: 'claim.payee-recorded' },
  approvePayee: { actors: ['senior-caseworker'], event: 'claim.payee-approved' },
  proposePayment: { actors: staff, event: 'claim.payment-proposed' },
  approvePayment: { actors: ['senior-caseworker'], event: 'claim.payment-approved' },
} as const satisfies Record<string, { readonly actors: readonly ClaimActorKind[]; readonly event: ClaimEventType }>;

export type ClaimRecordName = keyof typeof claimRecords;
export const claimTransitionNames = Object.keys(claimTransitions) as ClaimTransitionName[];

export function isClaimStatus(value: unknown): value is ClaimStatus {
  return typeof value === 'string' && (claimStatuses as readonly string[]).includes(value);
}
