/** The numbers of citizen sign-in, set from the app's config (a class so that Nest can inject it). */
export class CitizenAuthSettings {
  /** How long an emailed code works, in seconds (10 minutes). */
  readonly signInCodeTtlSeconds: number = 600;
  /** Tries allowed per code: after the fifth wrong one the code stops working (5). */
  readonly maxSignInCodeAttempts: number = 5;
  /** How long a refresh token works if unused, in seconds. */
  readonly refreshTokenTtlSeconds: number = 24 * 3600;
  /** The longest a session lasts however often it is refreshed, in seconds. */
  readonly sessionMaxSeconds: number = 30 * 24 * 3600;
  /** The Notify email template of the sign-in code, with the placeholders ((code)) and ((minutes)). */
  readonly signInCodeTemplateId: string = 'sign-in-code';
  /** The same in Welsh, for a request in Welsh (docs/welsh.md). */
  readonly signInCodeTemplateIdCy: string = 'sign-in-code-cy';

  constructor(values: Partial<CitizenAuthSettings> = {}) {
    Object.assign(this, values);
  }
}
