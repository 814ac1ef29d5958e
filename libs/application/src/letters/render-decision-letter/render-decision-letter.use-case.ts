import { randomUUID } from 'node:crypto';
import { addDays, REVIEW_REQUEST_DAYS } from '@redress/domain';
import { Clock } from '../../ports/clock.js';
import { DocumentStorage } from '../../ports/storage.js';
import { DecisionLetterRenderer, DecisionLetters } from '../decision-letter-ports.js';
import type { RenderDecisionLetterCommand } from './render-decision-letter.command.js';

export type RenderDecisionLetterResult =
  | { readonly status: 'rendered'; readonly letterId: string; readonly pages: number }
  | { readonly status: 'already-rendered' | 'decision-not-made' };

/**
 * Renders the decision letter (decision, reasons citing the scheme's paragraphs, the award breakdown and its
 * explanation, how to ask for a review and the 56-day deadline), stores the PDF and attaches it to the claim.
 * A letter already attached for the decision is not rendered again. The PDF is stored under a fresh key before
 * it is attached, so a crash between the two leaves at most an unreferenced file, never a missing one.
 */
export class RenderDecisionLetter {
  constructor(
    private readonly letters: DecisionLetters,
    private readonly renderer: DecisionLetterRenderer,
    private readonly storage: DocumentStorage,
    private readonly clock: Clock,
  ) {}

  async execute(command: RenderDecisionLetterCommand): Promise<RenderDecisionLetterResult> {
    if (await this.letters.findLetter(command.claimId, command.decisionId)) return { status: 'already-rendered' };
    const decision = await this.letters.findMadeDecision(command.claimId, command.decisionId);
    if (!decision) return { status: 'decision-not-made' };

    // PR-04: a review must be asked for within 56 days of the decision.
    const reviewDeadline = addDays(decision.decidedOn, REVIEW_REQUEST_DAYS);
    const { pdf, pages } = await this.renderer.render(decision, { reviewDeadline });
    const id = randomUUID();
    const storageKey = `claims/${command.claimId}/letters/${id}`;
    await this.storage.put(storageKey, pdf, 'application/pdf');
    await this.letters.attach(
      command.claimId,
      command.decisionId,
      { id, storageKey, contentType: 'application/pdf', sizeBytes: pdf.length, pages },
      this.clock.now(),
    );
    return { status: 'rendered', letterId: id, pages };
  }
}
