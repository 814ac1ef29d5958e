/** A client exchanges its refresh token for a new access token and a new refresh token. */
export class RefreshSessionCommand {
  constructor(readonly refreshToken: string) {}
}
