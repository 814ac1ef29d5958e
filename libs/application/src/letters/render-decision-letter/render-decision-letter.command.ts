/** Render and attach the letter for one decision on a claim. */
export interface RenderDecisionLetterCommand {
  readonly claimId: string;
  readonly decisionId: string;
}
