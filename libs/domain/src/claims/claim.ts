import { calendarDateInUk, daysBetween, type IsoDate } from '../shared/calendar-date.js';
import { DomainError, DomainErrorKind } from '../shared/domain-error.js';
import { checkReviewTimeLimit } from '../decisions/decision-policy.js';
import {
  claimRecords,
  claimTransitions,
  type ClaimActor,
  type ClaimEventType,
  type ClaimRecordName,
  type ClaimStatus,
  type ClaimTransitionName,
} from './claim-lifecycle.js';

export const decisionOutcomes = ['award', 'refusal'] as const;
export type DecisionOutcome = (typeof decisionOutcomes)[number];

export const tribunalOutcomes = ['upheld', 'varied', 'remitted', 'dismissed'] as const;
export type TribunalOutcome = (typeof tribunalOutcomes)[number];

export const withdrawalReasons = ['no-longer-wanted', 'compensated-elsewhere', 'too-distressing', 'other'] as const;
export type WithdrawalReason = (typeof withdrawalReasons)[number];

/** A review must be received within 56 days of the decision (PR-04, about paras 117-124 [U]). */
export const REVIEW_REQUEST_DAYS = 56;

export interface ProposedDecision {
  readonly outcome: DecisionOutcome;
  /** Integer pence; `null` for a refusal. */
  readonly awardPence: number | null;
  readonly proposedBy: string | null;
  /** A review decision waiting for approval (the claim stays under review); absent or false for a first decision. */
  readonly isReview?: boolean;
}

export interface ClaimDecision extends ProposedDecision {
  readonly decidedOn: IsoDate;
  readonly decidedBy: string | null;
  /** A decision made on review (PR-04): it can be appealed, not reviewed again. */
  readonly isReview: boolean;
}

/** Everything the aggregate needs to be rebuilt from storage. */
export interface ClaimSnapshot {
  readonly id: string;
  readonly reference: string;
  readonly applicationId: string;
  readonly ownerCitizenId: string;
  readonly status: ClaimStatus;
  /** Incremented by every transition; the persistence layer writes with `WHERE version = <loaded>`. */
  readonly version: number;
  readonly statusChangedAt: Date;
  readonly submittedAt: Date | null;
  readonly pendingDecision: ProposedDecision | null;
  readonly decision: ClaimDecision | null;
}

/** Codes and ids only: events feed the audit log, which must never hold personal data. */
export type ClaimEventData = Readonly<Record<string, string | number | boolean | null>>;

export interface ClaimEvent {
  readonly type: ClaimEventType;
  readonly claimId: string;
  /** The claim's version after the event: a per-claim sequence number. */
  readonly version: number;
  readonly fromStatus: ClaimStatus;
  readonly toStatus: ClaimStatus;
  readonly actor: ClaimActor;
  readonly occurredAt: Date;
  readonly data: ClaimEventData;
}

function illegal(name: ClaimTransitionName, status: ClaimStatus, message?: string): DomainError {
  return new DomainError(
    'claim.illegal-transition',
    DomainErrorKind.IllegalTransition,
    message ??
      `A claim that is ${status.replace(/_/g, ' ')} cannot ${name.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}.`,
  );
}

/**
 * The claim aggregate. Each transition is a method that checks, in this order, that the actor's kind may make
 * it (403), that a citizen owns the claim (403), that the claim is in a state it may start from (409), and any
 * rule of its own; then it changes state and records an event. Nothing is written until the caller persists
 * the claim and its `pullEvents()` in one transaction.
 */
export class Claim {
  private state: ClaimSnapshot;
  private pending: ClaimEvent[] = [];

  private constructor(snapshot: ClaimSnapshot) {
    this.state = snapshot;
  }

  /** A new claim in `draft`, made from an application at the moment of submission. */
  static draft(input: {
    id: string;
    reference: string;
    applicationId: string;
    ownerCitizenId: string;
    createdAt: Date;
  }): Claim {
    return new Claim({
      ...input,
      status: 'draft',
      version: 0,
      statusChangedAt: input.createdAt,
      submittedAt: null,
      pendingDecision: null,
      decision: null,
    });
  }

  static rehydrate(snapshot: ClaimSnapshot): Claim {
    return new Claim(snapshot);
  }

  get id(): string {
    return this.state.id;
  }
  get status(): ClaimStatus {
    return this.state.status;
  }
  get version(): number {
    return this.state.version;
  }

  snapshot(): ClaimSnapshot {
    return this.state;
  }

  /** The events recorded since the last call, in order; the caller persists them with the claim. */
  pullEvents(): ClaimEvent[] {
    const events = this.pending;
    this.pending = [];
    return events;
  }

  /** Whether the actor could make the transition now (for offering actions); never throws. */
  can(name: ClaimTransitionName, actor: ClaimActor): boolean {
    return this.problemWith(name, actor) === undefined;
  }

  submit(actor: ClaimActor, at: Date): void {
    this.apply('submit', actor, at, {});
    this.state = { ...this.state, submittedAt: at };
  }

  triage(actor: ClaimActor, at: Date): void {
    this.apply('triage', actor, at, {});
  }

  startAssessment(actor: ClaimActor, at: Date): void {
    this.apply('startAssessment', actor, at, {});
  }

  requestInformation(actor: ClaimActor, at: Date, request: { informationRequestId: string; dueOn: IsoDate }): void {
    this.apply('requestInformation', actor, at, { ...request });
  }

  resumeAssessment(actor: ClaimActor, at: Date, cause: { informationRequestId: string | null }): void {
    this.apply('resumeAssessment', actor, at, { ...cause });
  }

  /**
   * A caseworker moves an open information request's due date (the reason is kept with the request, encrypted:
   * events hold codes, ids and dates only). The claim's status stays as it is.
   */
  moveInformationRequestDueDate(
    actor: ClaimActor,
    at: Date,
    change: { informationRequestId: string; recipient: string; previousDueOn: IsoDate; dueOn: IsoDate },
  ): void {
    this.record('moveInformationRequestDueDate', actor, at, { ...change }, () =>
      change.dueOn === change.previousDueOn
        ? new DomainError(
            'information-request.same-due-date',
            DomainErrorKind.Unprocessable,
            `The request is already due on ${change.dueOn}.`,
          )
        : undefined,
    );
  }

  /**
   * A caseworker records that the police, a GP or a hospital replied to a request. The applicant answers the
   * requests addressed to them through their own account, so nobody may answer those for them.
   */
  recordInformationRequestReply(
    actor: ClaimActor,
    at: Date,
    reply: { informationRequestId: string; recipient: string; documents: number },
  ): void {
    this.record('recordInformationRequestReply', actor, at, { ...reply }, () =>
      reply.recipient === 'applicant'
        ? new DomainError(
            'information-request.answered-by-applicant',
            DomainErrorKind.Unprocessable,
            'A request to the applicant is answered by the applicant through their account; staff record replies from the police, a GP or a hospital only.',
          )
        : undefined,
    );
  }

  /**
   * A caseworker cancels an open information request. Whether the claim goes back into assessment (the last open
   * request to the applicant) is the caller's to decide with `resumeAssessment`: only it knows what else is open.
   */
  cancelInformationRequest(
    actor: ClaimActor,
    at: Date,
    cancellation: { informationRequestId: string; recipient: string },
  ): void {
    this.record('cancelInformationRequest', actor, at, { ...cancellation });
  }

  /** A step of a payment under four eyes (a payee recorded or approved, a payment proposed or approved). */
  recordPaymentStep(
    step: 'recordPayee' | 'approvePayee' | 'proposePayment' | 'approvePayment',
    actor: ClaimActor,
    at: Date,
    data: ClaimEventData,
  ): void {
    this.record(step, actor, at, data);
  }

  proposeDecision(
    actor: ClaimActor,
    at: Date,
    decision: { outcome: DecisionOutcome; awardPence: number | null },
  ): void {
    Claim.checkDecision(decision);
    this.apply('proposeDecision', actor, at, { ...decision });
    this.state = { ...this.state, pendingDecision: { ...decision, proposedBy: actor.id } };
  }

  returnProposedDecision(actor: ClaimActor, at: Date, reason: { reasonCode: string }): void {
    this.apply('returnProposedDecision', actor, at, { ...reason });
    this.state = { ...this.state, pendingDecision: null };
  }

  /** Four eyes: a senior caseworker other than the one who proposed it approves the decision. */
  approveDecision(actor: ClaimActor, at: Date): void {
    const proposed = this.state.pendingDecision;
    this.apply('approveDecision', actor, at, {}, () => {
      if (!proposed) return illegal('approveDecision', this.status, 'There is no proposed decision to approve.');
      if (proposed.proposedBy !== null && proposed.proposedBy === actor.id) return Claim.sameApprover();
      return undefined;
    });
    if (!proposed) return;
    const decision: ClaimDecision = {
      ...proposed,
      decidedOn: calendarDateInUk(at),
      decidedBy: actor.id,
      isReview: false,
    };
    this.state = { ...this.state, pendingDecision: null, decision };
    this.amendLastEventData({ outcome: decision.outcome, awardPence: decision.awardPence });
  }

  /**
   * A decision that needs no approval (not above the four-eyes threshold, not a refusal on conduct or character)
   * takes effect when the caseworker makes it: they are both its proposer and its decider.
   */
  decide(
    actor: ClaimActor,
    at: Date,
    decision: { outcome: DecisionOutcome; awardPence: number | null; decisionId: string },
  ): void {
    const { decisionId, ...made } = decision;
    Claim.checkDecision(made);
    this.apply('decide', actor, at, { ...made, decisionId });
    this.state = {
      ...this.state,
      pendingDecision: null,
      decision: {
        ...made,
        proposedBy: actor.id,
        decidedBy: actor.id,
        decidedOn: calendarDateInUk(at),
        isReview: false,
      },
    };
  }

  /** Only an award can be accepted. */
  acceptAward(actor: ClaimActor, at: Date): void {
    this.apply('acceptAward', actor, at, {}, () =>
      this.state.decision?.outcome === 'award'
        ? undefined
        : illegal('acceptAward', this.status, 'There is no award to accept on this claim.'),
    );
  }

  recordPayment(actor: ClaimActor, at: Date, payment: { amountPence: number }): void {
    if (!Number.isSafeInteger(payment.amountPence) || payment.amountPence <= 0) {
      throw new DomainError(
        'claim.invalid-payment',
        DomainErrorKind.InvalidInput,
        'A payment is a positive amount in pence.',
      );
    }
    this.apply('recordPayment', actor, at, { ...payment });
  }

  close(actor: ClaimActor, at: Date): void {
    this.apply('close', actor, at, {});
  }

  /** A written request with reasons, received within 56 days of the decision; a review decision is appealed instead. */
  requestReview(actor: ClaimActor, at: Date, request: { reviewRequestId: string }): void {
    const decision = this.state.decision;
    this.apply('requestReview', actor, at, { ...request }, () => {
      if (!decision) return illegal('requestReview', this.status, 'There is no decision to review.');
      if (decision.isReview) {
        return illegal(
          'requestReview',
          this.status,
          'This decision was itself made on review: it can be appealed to the First-tier Tribunal, not reviewed again.',
        );
      }
      if (daysBetween(decision.decidedOn, calendarDateInUk(at)) > REVIEW_REQUEST_DAYS) {
        return new DomainError(
          'claim.review-request-late',
          DomainErrorKind.Unprocessable,
          `A review must be asked for within ${REVIEW_REQUEST_DAYS} days of the decision. Contact us if something exceptional kept you from asking in time.`,
        );
      }
      return undefined;
    });
  }

  /**
   * Staff record a review request that came another way (post, phone), on the day it was received. Past 56 days it
   * stands only with the exceptional circumstances recorded (para 118); a review decision is appealed instead.
   */
  recordReviewRequest(
    actor: ClaimActor,
    at: Date,
    request: { reviewId: string; requestedOn: IsoDate; extensionReason: string | null },
  ): void {
    const decision = this.state.decision;
    this.apply(
      'recordReviewRequest',
      actor,
      at,
      { reviewId: request.reviewId, requestedOn: request.requestedOn, extended: request.extensionReason !== null },
      () => {
        if (!decision) return illegal('recordReviewRequest', this.status, 'There is no decision to review.');
        if (decision.isReview) {
          return illegal(
            'recordReviewRequest',
            this.status,
            'This decision was itself made on review: it can be appealed to the First-tier Tribunal, not reviewed again.',
          );
        }
        try {
          checkReviewTimeLimit(decision.decidedOn, request.requestedOn, request.extensionReason);
        } catch (error) {
          if (error instanceof DomainError) return error;
          throw error;
        }
        return undefined;
      },
    );
  }

  startReview(actor: ClaimActor, at: Date): void {
    this.apply('startReview', actor, at, {});
  }

  /**
   * Decided by a different claims officer from the one who made the original decision (PR-04). A review decision
   * that needs no second pair of eyes takes effect when made, the reviewer being both its proposer and decider.
   */
  decideReview(actor: ClaimActor, at: Date, decision: { outcome: DecisionOutcome; awardPence: number | null }): void {
    Claim.checkDecision(decision);
    this.apply('decideReview', actor, at, { ...decision }, () => this.reviewerProblem('decideReview', actor));
    this.state = {
      ...this.state,
      decision: {
        ...decision,
        proposedBy: actor.id,
        decidedBy: actor.id,
        decidedOn: calendarDateInUk(at),
        isReview: true,
      },
    };
  }

  /**
   * Four eyes on review (the rule of first decisions): the reviewer proposes, and the claim stays under review with
   * the original decision in force until a senior caseworker approves. One proposal at a time.
   */
  proposeReviewDecision(
    actor: ClaimActor,
    at: Date,
    decision: { outcome: DecisionOutcome; awardPence: number | null },
  ): void {
    Claim.checkDecision(decision);
    this.apply('proposeReviewDecision', actor, at, { ...decision }, () =>
      this.reviewerProblem('proposeReviewDecision', actor),
    );
    this.state = { ...this.state, pendingDecision: { ...decision, proposedBy: actor.id, isReview: true } };
  }

  /** The approver sends the proposed review decision back to the reviewer; the review goes on. */
  returnProposedReviewDecision(actor: ClaimActor, at: Date, reason: { reasonCode: string }): void {
    this.apply('returnProposedReviewDecision', actor, at, { ...reason }, () =>
      this.proposedReviewProblem('returnProposedReviewDecision', actor),
    );
    this.state = { ...this.state, pendingDecision: null };
  }

  /**
   * A senior caseworker who neither proposed the review decision nor took part in the original decision (review
   * independence, paras 117-124) approves it, and it takes effect: the claim is decided on review.
   */
  approveReviewDecision(actor: ClaimActor, at: Date): void {
    const proposed = this.state.pendingDecision;
    const data: ClaimEventData = proposed ? { outcome: proposed.outcome, awardPence: proposed.awardPence } : {};
    this.apply('approveReviewDecision', actor, at, data, () => {
      if (proposed?.isReview && proposed.proposedBy !== null && proposed.proposedBy === actor.id) {
        return Claim.sameApprover();
      }
      return this.proposedReviewProblem('approveReviewDecision', actor);
    });
    if (!proposed) return;
    this.state = {
      ...this.state,
      pendingDecision: null,
      decision: {
        outcome: proposed.outcome,
        awardPence: proposed.awardPence,
        proposedBy: proposed.proposedBy,
        decidedBy: actor.id,
        decidedOn: calendarDateInUk(at),
        isReview: true,
      },
    };
  }

  /** The First-tier Tribunal's outcome, recorded; an appeal follows a review decision (PR-05). */
  recordAppeal(actor: ClaimActor, at: Date, appeal: { tribunalOutcome: TribunalOutcome }): void {
    this.apply('recordAppeal', actor, at, { ...appeal }, () =>
      this.state.decision?.isReview
        ? undefined
        : illegal('recordAppeal', this.status, 'An appeal can only follow a decision made on review.'),
    );
  }

  withdraw(actor: ClaimActor, at: Date, withdrawal: { reason: WithdrawalReason }): void {
    this.apply('withdraw', actor, at, { ...withdrawal });
  }

  /** When the medical condition materially changes after the claim closed (PR re-opening [U]). */
  reopen(actor: ClaimActor, at: Date): void {
    this.apply('reopen', actor, at, {});
  }

  private static sameApprover(): DomainError {
    return new DomainError(
      'claim.same-approver',
      DomainErrorKind.Forbidden,
      'A decision must be approved by someone other than the person who proposed it.',
    );
  }

  /** Whether the actor proposed, made or approved the decision under review. */
  private tookPartInOriginal(actor: ClaimActor): boolean {
    const original = this.state.decision;
    return (
      original !== null &&
      original.decidedBy !== null &&
      (original.decidedBy === actor.id || original.proposedBy === actor.id)
    );
  }

  private static sameReviewer(): DomainError {
    return new DomainError(
      'claim.same-reviewer',
      DomainErrorKind.Forbidden,
      'A review must be decided by someone who took no part in the original decision.',
    );
  }

  /** Deciding or proposing on review: nothing may be waiting for approval, and the reviewer must be independent. */
  private reviewerProblem(name: ClaimTransitionName, actor: ClaimActor): DomainError | undefined {
    if (this.state.pendingDecision?.isReview) {
      return illegal(
        name,
        this.status,
        'A review decision is waiting for approval: a senior caseworker approves it or returns it first.',
      );
    }
    return this.tookPartInOriginal(actor) ? Claim.sameReviewer() : undefined;
  }

  /** Approving or returning a proposed review decision: there must be one, and the approver must be independent. */
  private proposedReviewProblem(name: ClaimTransitionName, actor: ClaimActor): DomainError | undefined {
    if (!this.state.pendingDecision?.isReview) {
      return illegal(name, this.status, 'There is no proposed review decision on this claim.');
    }
    return this.tookPartInOriginal(actor) ? Claim.sameReviewer() : undefined;
  }

  private static checkDecision(decision: { outcome: DecisionOutcome; awardPence: number | null }): void {
    const valid =
      decision.outcome === 'award'
        ? decision.awardPence !== null && Number.isSafeInteger(decision.awardPence) && decision.awardPence > 0
        : decision.awardPence === null;
    if (!valid) {
      throw new DomainError(
        'claim.invalid-decision',
        DomainErrorKind.InvalidInput,
        'An award names a positive amount in pence; a refusal names none.',
      );
    }
  }

  private problemWith(
    name: ClaimTransitionName,
    actor: ClaimActor,
    guard?: () => DomainError | undefined,
  ): DomainError | undefined {
    const transition = claimTransitions[name];
    if (!(transition.actors as readonly string[]).includes(actor.kind)) {
      return new DomainError('claim.actor-not-permitted', DomainErrorKind.Forbidden, 'You cannot do this to a claim.');
    }
    if (actor.kind === 'citizen' && (actor.id === null || actor.id !== this.state.ownerCitizenId)) {
      return new DomainError(
        'claim.not-owner',
        DomainErrorKind.Forbidden,
        'Only the person who made the claim can do this.',
      );
    }
    if (!(transition.from as readonly string[]).includes(this.state.status)) return illegal(name, this.state.status);
    return guard?.();
  }

  private apply(
    name: ClaimTransitionName,
    actor: ClaimActor,
    at: Date,
    data: ClaimEventData,
    guard?: () => DomainError | undefined,
  ): void {
    const problem = this.problemWith(name, actor, guard);
    if (problem) throw problem;
    const transition = claimTransitions[name];
    const fromStatus = this.state.status;
    const version = this.state.version + 1;
    // A step that keeps the status (a review decision proposed or returned) leaves the status's date alone.
    const statusChangedAt = transition.to === fromStatus ? this.state.statusChangedAt : at;
    this.state = { ...this.state, status: transition.to, version, statusChangedAt };
    this.pending.push({
      type: transition.event,
      claimId: this.state.id,
      version,
      fromStatus,
      toStatus: transition.to,
      actor,
      occurredAt: at,
      data,
    });
  }

  /** Casework on the timeline that leaves the status alone (claimRecords): staff only, never on a draft. */
  private record(
    name: ClaimRecordName,
    actor: ClaimActor,
    at: Date,
    data: ClaimEventData,
    guard?: () => DomainError | undefined,
  ): void {
    const definition = claimRecords[name];
    if (!(definition.actors as readonly string[]).includes(actor.kind)) {
      throw new DomainError('claim.actor-not-permitted', DomainErrorKind.Forbidden, 'You cannot do this to a claim.');
    }
    if (this.state.status === 'draft') {
      throw new DomainError(
        'claim.illegal-transition',
        DomainErrorKind.IllegalTransition,
        'A claim that has not been submitted has no casework.',
      );
    }
    const problem = guard?.();
    if (problem) throw problem;
    const version = this.state.version + 1;
    this.state = { ...this.state, version };
    this.pending.push({
      type: definition.event,
      claimId: this.state.id,
      version,
      fromStatus: this.state.status,
      toStatus: this.state.status,
      actor,
      occurredAt: at,
      data,
    });
  }

  private amendLastEventData(extra: ClaimEventData): void {
    const last = this.pending.pop();
    if (last) this.pending.push({ ...last, data: { ...last.data, ...extra } });
  }
}
