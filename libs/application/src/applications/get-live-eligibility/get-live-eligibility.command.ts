export interface GetLiveEligibilityCommand {
  readonly citizenId: string;
  readonly applicationId: string;
}
