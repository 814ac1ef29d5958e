/** Assess a newly submitted claim against the scheme and triage it. */
export interface AssessClaimCommand {
  readonly claimId: string;
}
