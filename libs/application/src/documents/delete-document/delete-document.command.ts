export interface DeleteDocumentCommand {
  readonly citizenId: string;
  readonly applicationId: string;
  readonly documentId: string;
}
