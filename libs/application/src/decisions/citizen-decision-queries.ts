/** A decision as the victim sees it, with the letter once the worker has made it. */
export interface CitizenDecisionView {
  readonly id: string;
  /** `award`, `reduced` (an award reduced on its grounds), `withheld`, or `refusal`. */
  readonly kind: string;
  readonly amountPence: number | null;
  readonly grounds: readonly string[];
  /** The scheme paragraphs the decision rests on. */
  readonly paragraphs: readonly string[];
  readonly reasons: string;
  readonly decidedOn: string;
  readonly madeOnReview: boolean;
  /** Whether a later decision (on review) replaced it. */
  readonly inForce: boolean;
  readonly letter: {
    readonly id: string;
    readonly contentType: string;
    readonly sizeBytes: number;
    readonly pages: number;
  } | null;
}

export interface CitizenPaymentView {
  readonly kind: string;
  readonly amountPence: number;
  readonly status: string;
  readonly holdUntil: string | null;
  readonly requestedAt: Date;
}

/** What the citizen API reads besides the applications engineer's claim view: decisions made, letters, payments. */
export abstract class CitizenDecisionQueries {
  /** Decisions that took effect on this claim (never a proposal waiting for approval or sent back), oldest first. */
  abstract decisions(claimId: string): Promise<CitizenDecisionView[]>;
  abstract payments(claimId: string): Promise<CitizenPaymentView[]>;
  /** Ids of the claim's information requests addressed to the applicant (not to the police, a GP or a hospital). */
  abstract applicantRequestIds(claimId: string): Promise<ReadonlySet<string>>;
  /** A decision letter of this claim, to download. */
  abstract letter(claimId: string, letterId: string): Promise<{ storageKey: string; contentType: string } | null>;
}
