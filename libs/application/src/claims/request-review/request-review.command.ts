export interface RequestReviewCommand {
  readonly citizenId: string;
  readonly reference: string;
  /** The citizen's reasons, in their own words (PR-04: a written request with reasons). */
  readonly reasons: string;
}
