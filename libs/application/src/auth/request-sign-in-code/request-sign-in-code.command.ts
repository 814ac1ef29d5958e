/** Someone asks for a sign-in code by email (known or not: the answer is the same). */
export class RequestSignInCodeCommand {
  constructor(
    readonly email: string,
    /** The language of the email: the request's (the person may not have an account yet). */
    readonly language: 'en' | 'cy' = 'en',
  ) {}
}
