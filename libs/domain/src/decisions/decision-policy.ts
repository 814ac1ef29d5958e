import { addDays, daysBetween, isAfter, type IsoDate } from '../shared/calendar-date.js';
import { DomainError, DomainErrorKind } from '../shared/domain-error.js';
import type { DecisionOutcome } from '../claims/claim.js';

/** What a caseworker decides: an award, a refusal, an award withheld (para 20 trust), or an award reduced. */
export const decisionKinds = ['award', 'refusal', 'withheld', 'reduced'] as const;
export type DecisionKind = (typeof decisionKinds)[number];

/**
 * Grounds for refusing, withholding or reducing an award, each with the scheme paragraphs it rests on
 * (CICS 2012). `conduct` and `character` are judgements about the victim and need a second senior caseworker.
 */
export const decisionGrounds = {
  'not-crime-of-violence': { paragraphs: ['4', 'Annex B'], category: 'eligibility' },
  'relevant-place': { paragraphs: ['8', 'Annex C'], category: 'eligibility' },
  residence: { paragraphs: ['10', '11', '12', '13'], category: 'eligibility' },
  'previous-application': { paragraphs: ['18'], category: 'eligibility' },
  'same-roof': { paragraphs: ['19'], category: 'eligibility' },
  'assailant-may-benefit': { paragraphs: ['20'], category: 'eligibility' },
  'not-reported-as-soon-as-practicable': { paragraphs: ['22'], category: 'co-operation' },
  'not-co-operated-with-police': { paragraphs: ['23'], category: 'co-operation' },
  'not-co-operated-with-authority': { paragraphs: ['24'], category: 'co-operation' },
  conduct: { paragraphs: ['25'], category: 'conduct' },
  character: { paragraphs: ['26', 'Annex D'], category: 'character' },
  'application-out-of-time': { paragraphs: ['87', '88', '89'], category: 'eligibility' },
  'injury-not-in-tariff': { paragraphs: ['32', 'Annex E'], category: 'eligibility' },
  'other-compensation': { paragraphs: ['85', '86'], category: 'deduction' },
} as const satisfies Record<string, { paragraphs: readonly string[]; category: string }>;
export type DecisionGround = keyof typeof decisionGrounds;
export const decisionGroundNames = Object.keys(decisionGrounds) as DecisionGround[];

export function isDecisionGround(value: unknown): value is DecisionGround {
  return typeof value === 'string' && Object.hasOwn(decisionGrounds, value);
}

export interface DecisionDraft {
  readonly kind: DecisionKind;
  /** Integer pence payable; `null` for a refusal (and for a withheld award, which names the amount held). */
  readonly amountPence: number | null;
  readonly grounds: readonly DecisionGround[];
}

export const approvalReasons = ['award-above-threshold', 'refusal-on-conduct', 'refusal-on-character'] as const;
export type ApprovalReason = (typeof approvalReasons)[number];

function invalid(message: string, field?: string): DomainError {
  return new DomainError('decision.invalid', DomainErrorKind.InvalidInput, message, [
    { message, ...(field ? { field } : {}) },
  ]);
}

/** The shape every decision must have: an amount for awards, grounds for everything that is not a plain award. */
export function checkDecisionDraft(draft: DecisionDraft): void {
  const positive = draft.amountPence !== null && Number.isSafeInteger(draft.amountPence) && draft.amountPence > 0;
  switch (draft.kind) {
    case 'award':
      if (!positive) throw invalid('An award names a positive amount in pence.', 'amountPence');
      break;
    case 'reduced':
      if (!positive) throw invalid('A reduced award names the positive amount payable in pence.', 'amountPence');
      if (!draft.grounds.length) throw invalid('A reduced award names the grounds for the reduction.', 'grounds');
      break;
    case 'withheld':
      if (!positive) throw invalid('A withheld award names the amount held in pence.', 'amountPence');
      if (!draft.grounds.length) throw invalid('A withheld award names its grounds.', 'grounds');
      break;
    case 'refusal':
      if (draft.amountPence !== null) throw invalid('A refusal names no amount.', 'amountPence');
      if (!draft.grounds.length) throw invalid('A refusal names its grounds.', 'grounds');
      break;
  }
}

/**
 * Four eyes: an award above the threshold (default GBP 50,000), or a refusal (or reduction to nothing) on
 * conduct (para 25) or character (para 26, Annex D), must be approved by a different senior caseworker.
 */
export function approvalNeeded(draft: DecisionDraft, thresholdPence: number): ApprovalReason[] {
  const reasons: ApprovalReason[] = [];
  if (draft.kind !== 'refusal' && draft.amountPence !== null && draft.amountPence > thresholdPence) {
    reasons.push('award-above-threshold');
  }
  if (draft.kind === 'refusal' || draft.kind === 'reduced') {
    if (draft.grounds.includes('conduct')) reasons.push('refusal-on-conduct');
    if (draft.grounds.includes('character')) reasons.push('refusal-on-character');
  }
  return reasons;
}

/**
 * What the claim aggregate records: an award, or a reduced award, is an award of the amount payable (the victim
 * may accept it and be paid); a refusal, and an award withheld (nothing payable now, para 20), are not.
 */
export function claimOutcomeOf(draft: DecisionDraft): { outcome: DecisionOutcome; awardPence: number | null } {
  return draft.kind === 'award' || draft.kind === 'reduced'
    ? { outcome: 'award', awardPence: draft.amountPence }
    : { outcome: 'refusal', awardPence: null };
}

/**
 * A decision with an amount rests on a stored award calculation, and the two must agree: a plain award carries no
 * reduction (otherwise it is a reduced award, which must name its grounds); a reduced award shows the reduction in
 * its calculation (para 25, 26, Annex D 4); and something must be payable.
 */
export function checkDecisionAgainstCalculation(
  kind: DecisionKind,
  calculation: { reductionPercent: number; totalPence: number },
): void {
  if (kind === 'refusal') return;
  if (calculation.totalPence <= 0) {
    throw invalid('The award calculation leaves nothing payable: make a refusal instead.', 'awardCalculationId');
  }
  if (kind === 'award' && calculation.reductionPercent > 0) {
    throw invalid('The calculation applies a reduction: decide a reduced award and name its grounds.', 'kind');
  }
  if (kind === 'reduced' && calculation.reductionPercent <= 0) {
    throw invalid('A reduced award rests on a calculation that applies the reduction.', 'awardCalculationId');
  }
}

/** The paragraphs a decision cites, from its grounds, without repeats and in the order given. */
export function paragraphsOf(grounds: readonly DecisionGround[]): string[] {
  return [...new Set(grounds.flatMap((ground) => decisionGrounds[ground].paragraphs))];
}

// ---- reviews and appeals ----

/** A review must be asked for within 56 days of the decision (CICS 2012 para 117), unless extended. */
export const REVIEW_LIMIT_DAYS = 56;
/** An appeal to the First-tier Tribunal is lodged within 90 days of the review decision (Tribunal Procedure Rules r.22). */
export const APPEAL_LIMIT_DAYS = 90;

export const reviewOutcomes = ['raised', 'lowered', 'upheld'] as const;
export type ReviewOutcome = (typeof reviewOutcomes)[number];

/** Whether a review request received on `requestedOn` is late, and by how many days. */
export function reviewTimeliness(
  decidedOn: IsoDate,
  requestedOn: IsoDate,
): { late: boolean; daysAfter: number; limit: IsoDate } {
  const limit = addDays(decidedOn, REVIEW_LIMIT_DAYS);
  return { late: isAfter(requestedOn, limit), daysAfter: daysBetween(decidedOn, requestedOn), limit };
}

/**
 * Para 118: the time limit may be extended where, due to exceptional circumstances, the request could not have
 * been made earlier. A late request needs that reason recorded; an in-time one needs none.
 */
export function checkReviewTimeLimit(decidedOn: IsoDate, requestedOn: IsoDate, extensionReason: string | null): void {
  if (isAfter(decidedOn, requestedOn))
    throw invalid('A review cannot be asked for before the decision.', 'requestedOn');
  const { late, limit } = reviewTimeliness(decidedOn, requestedOn);
  if (late && !extensionReason?.trim()) {
    throw new DomainError(
      'review.out-of-time',
      DomainErrorKind.Unprocessable,
      `The review was asked for after ${limit}, more than ${REVIEW_LIMIT_DAYS} days after the decision: record the exceptional circumstances to extend the limit (para 118).`,
    );
  }
}

/** Raised, lowered or upheld: a review may do any of them (para 120: it is not confined to the grounds raised). */
export function reviewOutcome(originalPence: number, reviewedPence: number): ReviewOutcome {
  if (reviewedPence > originalPence) return 'raised';
  if (reviewedPence < originalPence) return 'lowered';
  return 'upheld';
}

export function checkAppealTimeLimit(reviewDecidedOn: IsoDate, lodgedOn: IsoDate): void {
  if (isAfter(reviewDecidedOn, lodgedOn))
    throw invalid('An appeal cannot be lodged before the review decision.', 'lodgedOn');
  if (daysBetween(reviewDecidedOn, lodgedOn) > APPEAL_LIMIT_DAYS) {
    throw new DomainError(
      'appeal.out-of-time',
      DomainErrorKind.Unprocessable,
      `An appeal must be lodged within ${APPEAL_LIMIT_DAYS} days of the review decision (the tribunal alone may extend it).`,
    );
  }
}
