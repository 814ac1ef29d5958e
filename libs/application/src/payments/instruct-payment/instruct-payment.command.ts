export interface InstructPaymentCommand {
  readonly paymentId: string;
}
