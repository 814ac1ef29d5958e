export interface DeleteApplicationCommand {
  readonly citizenId: string;
  readonly applicationId: string;
  /** Optional If-Match: when given, the draft is erased only if unchanged since. */
  readonly ifMatchVersion: number | null;
}
