/** A signed-in citizen ends the session that a refresh token belongs to. */
export class SignOutCommand {
  constructor(
    readonly citizenId: string,
    readonly refreshToken: string,
  ) {}
}
