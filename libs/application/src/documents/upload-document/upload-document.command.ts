export interface UploadDocumentCommand {
  readonly citizenId: string;
  readonly applicationId: string;
  /** As the citizen named it: shown back to them, never trusted for the type. */
  readonly fileName: string;
  readonly content: Buffer;
}
