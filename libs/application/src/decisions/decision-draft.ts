import {
  checkDecisionAgainstCalculation,
  checkDecisionDraft,
  DomainError,
  DomainErrorKind,
  type DecisionDraft,
  type DecisionGround,
  type DecisionKind,
} from '@redress/domain';
import type { CaseworkTransaction } from '../staff/casework-store.js';
import type { DecisionStore } from './decision-store.js';

export interface DecisionRequest {
  readonly kind: DecisionKind;
  /** Award, reduced or withheld: the stored award calculation the amount comes from. */
  readonly awardCalculationId: string | null;
  readonly grounds: readonly DecisionGround[];
  /** The caseworker's reasons in plain English, for the letter (stored encrypted). */
  readonly reasons: string;
}

function invalid(message: string, field: string): DomainError {
  return new DomainError('decision.invalid', DomainErrorKind.InvalidInput, message, [{ field, message }]);
}

/**
 * Turns what the caseworker asked for into a checked draft: the amount always comes from a stored award
 * calculation of this claim (never typed in), and kind, grounds, amount and calculation must agree.
 */
export async function decisionDraftFrom(
  store: DecisionStore,
  tx: CaseworkTransaction,
  claimId: string,
  request: DecisionRequest,
): Promise<DecisionDraft> {
  let amountPence: number | null = null;
  if (request.kind === 'refusal') {
    if (request.awardCalculationId !== null) {
      throw invalid('A refusal rests on no award calculation.', 'awardCalculationId');
    }
  } else {
    if (request.awardCalculationId === null) {
      throw invalid('An award, reduced or withheld, names the award calculation it rests on.', 'awardCalculationId');
    }
    const calculation = await store.awardCalculation(tx, claimId, request.awardCalculationId);
    if (!calculation) throw invalid('There is no such award calculation on this claim.', 'awardCalculationId');
    checkDecisionAgainstCalculation(request.kind, calculation);
    amountPence = calculation.totalPence;
  }
  const draft: DecisionDraft = { kind: request.kind, amountPence, grounds: [...new Set(request.grounds)] };
  checkDecisionDraft(draft);
  return draft;
}

/** What an effective decision causes, in the same transaction: its letter, and word to the victim. */
export async function issueDecision(
  tx: CaseworkTransaction,
  claimId: string,
  decisionId: string,
  event: 'claim.decided' | 'claim.review-decided',
): Promise<void> {
  const orderingKey = `claim:${claimId}`;
  await tx.enqueue('documents.decision-letter', { claimId, decisionId }, orderingKey);
  await tx.enqueue('notifications.send', { claimId, event }, orderingKey);
}
