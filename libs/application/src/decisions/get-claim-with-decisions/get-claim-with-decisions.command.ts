export interface GetClaimWithDecisionsCommand {
  readonly citizenId: string;
  readonly reference: string;
}
