export interface ExportMyDataCommand {
  readonly citizenId: string;
}
