import type { AwardBreakdown, IsoDate, PreferredLanguage } from '@redress/domain';

/**
 * What a decision letter says: the input contract of `documents.decision-letter`. Built by the adapter from the
 * decision the senior caseworker approved and its award calculation; nothing else is read.
 */
export interface DecisionLetterInput {
  readonly claimReference: string;
  readonly decisionId: string;
  /** `award`, `refusal`, or an award `withheld` or `reduced` (paras 25-26). */
  readonly outcome: 'award' | 'refusal' | 'withheld' | 'reduced';
  readonly decidedOn: IsoDate;
  /** A decision on review can be appealed to the First-tier Tribunal, not reviewed again. */
  readonly onReview: boolean;
  /** The caseworker's reasons, in plain English. */
  readonly reasons: string;
  /** Scheme paragraphs the decision rests on, e.g. `["para 4", "para 22"]`. */
  readonly paragraphs: readonly string[];
  /** The award calculation (from calculateAward) for an award; null for a refusal. */
  readonly award: AwardBreakdown | null;
  readonly amountPence: number | null;
  /**
   * The languages of the letter, in order: the claim's language, or Welsh then English where the victim asked for
   * both (docs/welsh.md). English when not given.
   */
  readonly languages?: readonly PreferredLanguage[];
}

/** The languages a letter is written in: Welsh first where both are asked for. */
export function letterLanguages(language: PreferredLanguage, bilingual: boolean): PreferredLanguage[] {
  return bilingual ? ['cy', 'en'] : [language];
}

export interface RenderedLetter {
  readonly pdf: Buffer;
  readonly pages: number;
}

/** Turns the contract into a PDF (pdfkit in the worker). */
export abstract class DecisionLetterRenderer {
  abstract render(input: DecisionLetterInput, context: { reviewDeadline: IsoDate }): Promise<RenderedLetter>;
}

export interface StoredLetter {
  readonly id: string;
  readonly storageKey: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly pages: number;
}

export abstract class DecisionLetters {
  /** The decision if it has been made (approved); `null` otherwise (not found, pending approval, returned). */
  abstract findMadeDecision(claimId: string, decisionId: string): Promise<DecisionLetterInput | null>;
  abstract findLetter(claimId: string, decisionId: string): Promise<StoredLetter | null>;
  /** Records the letter against the claim; a second letter for the same decision is ignored. */
  abstract attach(claimId: string, decisionId: string, letter: StoredLetter, at: Date): Promise<void>;
}
