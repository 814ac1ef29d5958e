export interface GetClaimCommand {
  readonly citizenId: string;
  readonly reference: string;
}
