export interface GetApplicationCommand {
  readonly citizenId: string;
  readonly applicationId: string;
}
