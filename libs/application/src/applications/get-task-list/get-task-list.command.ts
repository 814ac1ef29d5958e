export interface GetTaskListCommand {
  readonly citizenId: string;
  readonly applicationId: string;
}
