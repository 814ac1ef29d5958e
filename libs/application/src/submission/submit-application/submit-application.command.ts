export interface SubmitApplicationCommand {
  readonly citizenId: string;
  readonly applicationId: string;
  /** The raw Idempotency-Key header; checked by the use case (428 missing, 400 malformed). */
  readonly idempotencyKey: string | null;
  /** The version the citizen checked their answers at; when given, a newer change makes the submission 412. */
  readonly applicationVersion: number | null;
  /** The request body as sent, for the idempotency fingerprint. */
  readonly body: unknown;
}
