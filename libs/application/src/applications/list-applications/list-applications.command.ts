export interface ListApplicationsCommand {
  readonly citizenId: string;
}
