export interface AcceptAwardCommand {
  readonly citizenId: string;
  readonly reference: string;
}
