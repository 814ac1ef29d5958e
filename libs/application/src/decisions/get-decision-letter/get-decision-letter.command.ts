export interface GetDecisionLetterCommand {
  readonly citizenId: string;
  readonly reference: string;
  readonly letterId: string;
}
