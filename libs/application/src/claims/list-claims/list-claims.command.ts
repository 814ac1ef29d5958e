export interface ListClaimsCommand {
  readonly citizenId: string;
}
