export interface AnswerInformationRequestCommand {
  readonly citizenId: string;
  readonly reference: string;
  readonly informationRequestId: string;
  readonly answer: string;
}
