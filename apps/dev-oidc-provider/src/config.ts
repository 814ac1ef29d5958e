import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, Min, MinLength } from 'class-validator';

/** The staff web service's development client secret: this provider refuses to run in production at all. */
export const DEVELOPMENT_ONLY_STAFF_WEB_CLIENT_SECRET = 'development-only-staff-web-client-secret-0123456789';

/**
 * The local OpenID Connect provider's settings. NODE_ENV may only be development or test: a provider whose
 * users sign in with one click must never run in production, so loading this config there fails.
 */
export class DevOidcProviderConfig {
  @IsIn(['development', 'test'], {
    message: 'NODE_ENV must be development or test: the development OIDC provider never runs in production',
  })
  NODE_ENV: string = 'development';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3005;

  @IsString()
  @IsNotEmpty()
  HOST = '127.0.0.1';

  /** The issuer (`iss`) of every token; by default `http://HOST:PORT`. The caseworker API pins it. */
  @Matches(/^(https?:\/\/\S+)?$/, { message: 'OIDC_ISSUER must be a URL' })
  OIDC_ISSUER = '';

  /** The audience (`aud`) of access tokens: the caseworker API's STAFF_TOKEN_AUDIENCE. */
  @IsString()
  @MinLength(1)
  STAFF_TOKEN_AUDIENCE = 'redress-caseworker-api';

  /**
   * The resource indicator (RFC 8707) of the caseworker API: an absolute URI, as the standard requires. Its access
   * tokens carry STAFF_TOKEN_AUDIENCE as `aud` (Entra ID likewise maps `api://...` to the API's audience).
   */
  @Matches(/^[a-z][a-z0-9+.-]*:\S+$/, { message: 'STAFF_API_RESOURCE must be an absolute URI' })
  STAFF_API_RESOURCE = 'urn:redress:caseworker-api';

  @Matches(/^[A-Za-z0-9._-]{1,100}$/)
  OIDC_CLIENT_ID = 'staff-web';

  @IsString()
  @MinLength(32)
  OIDC_CLIENT_SECRET = DEVELOPMENT_ONLY_STAFF_WEB_CLIENT_SECRET;

  /** Where the staff web service takes the code back (comma separated). */
  @Matches(/^https?:\/\/\S+$/)
  OIDC_REDIRECT_URIS = 'http://127.0.0.1:3003/sign-in/callback';

  /** Where the staff web service lands after signing out at the provider (comma separated). */
  @Matches(/^https?:\/\/\S+$/)
  OIDC_POST_LOGOUT_REDIRECT_URIS = 'http://127.0.0.1:3003/signed-out';

  /** Claim names, as the caseworker API's STAFF_ROLES_CLAIM and STAFF_TEAM_CLAIM. */
  @Matches(/^[A-Za-z0-9_:./-]{1,100}$/)
  STAFF_ROLES_CLAIM = 'roles';

  @Matches(/^[A-Za-z0-9_:./-]{1,100}$/)
  STAFF_TEAM_CLAIM = 'team';

  /** Puts every development user in this team instead of their own (tests use a team of their own). */
  @Matches(/^([a-z0-9-]{1,64})?$/)
  DEV_USERS_TEAM = '';

  /** Lifetime of access tokens, in seconds. */
  @Type(() => Number)
  @IsInt()
  @Min(30)
  @Max(24 * 3600)
  ACCESS_TOKEN_TTL_SECONDS = 3600;
}
