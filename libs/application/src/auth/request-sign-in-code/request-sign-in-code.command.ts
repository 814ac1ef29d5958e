/** Someone asks for a sign-in code by email (known or not: the answer is the same). */
export class RequestSignInCodeCommand {
  constructor(readonly email: string) {}
}
