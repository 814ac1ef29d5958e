/** Ask the police to confirm the crime reference and report date a victim gave. */
export interface VerifyCrimeReferenceCommand {
  readonly claimId: string;
}
