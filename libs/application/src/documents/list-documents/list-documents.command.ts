export interface ListDocumentsCommand {
  readonly citizenId: string;
  readonly applicationId: string;
}
