export interface CreateApplicationCommand {
  readonly citizenId: string;
}
