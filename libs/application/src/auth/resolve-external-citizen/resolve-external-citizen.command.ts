/** A request carries a valid token of the external identity provider (OIDC mode): who is it in Redress? */
export class ResolveExternalCitizenCommand {
  constructor(
    /** The token's `iss`: a subject is unique only at its issuer. */
    readonly issuer: string,
    /** The token's `sub`. */
    readonly subject: string,
    /** When the person signed in at the provider (`auth_time`, else the token's `iat`). */
    readonly signedInAt: Date,
    /**
     * Whether an account made before accounts were keyed by issuer (its issuer unknown) may be claimed by this
     * issuer's subject: only for the issuer that was configured then.
     */
    readonly adoptUnscopedAccount = false,
  ) {}
}
