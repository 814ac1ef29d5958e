/** Someone enters the code they were emailed. */
export class SignInWithCodeCommand {
  constructor(
    readonly email: string,
    readonly code: string,
  ) {}
}
