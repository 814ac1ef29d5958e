/** A request carries a valid token of the external identity provider (OIDC mode): who is it in Redress? */
export class ResolveExternalCitizenCommand {
  constructor(
    /** The token's `sub`, unique at the one configured issuer. */
    readonly subject: string,
  ) {}
}
