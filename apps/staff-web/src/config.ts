import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { WebConfig } from '@redress/web';

/** The development provider's client secret (apps/dev-oidc-provider): refused whenever NODE_ENV is production. */
export const DEVELOPMENT_ONLY_OIDC_CLIENT_SECRET = 'development-only-staff-web-client-secret-0123456789';

/** The staff web service's settings, validated once at boot. */
export class StaffWebConfig extends WebConfig {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  override PORT = 3003;

  /** Where the caseworker API answers: every page is built from its answers. */
  @Matches(/^https?:\/\/\S+$/, { message: 'CASEWORKER_API_URL must be a URL' })
  CASEWORKER_API_URL = 'http://127.0.0.1:3002';

  /** The staff identity provider's issuer (discovery at `<issuer>/.well-known/openid-configuration`). */
  @Matches(/^https?:\/\/\S+$/, { message: 'OIDC_ISSUER must be a URL' })
  @ValidateIf((config: StaffWebConfig) => config.NODE_ENV === 'production')
  @Matches(/^https:\/\//, { message: 'OIDC_ISSUER must be https in production' })
  OIDC_ISSUER = 'http://127.0.0.1:3005';

  @Matches(/^[A-Za-z0-9._:-]{1,200}$/, { message: 'OIDC_CLIENT_ID must be a client id' })
  OIDC_CLIENT_ID = 'staff-web';

  /** The client secret (client_secret_basic). The development value is refused in production. */
  @IsString()
  @MinLength(16)
  @ValidateIf((config: StaffWebConfig) => config.NODE_ENV === 'production')
  @Matches(/^(?!development-only-)/, { message: 'OIDC_CLIENT_SECRET must not be the development secret in production' })
  OIDC_CLIENT_SECRET = DEVELOPMENT_ONLY_OIDC_CLIENT_SECRET;

  /** This service's callback, registered at the provider. */
  @Matches(/^https?:\/\/\S+\/sign-in\/callback$/, { message: 'OIDC_REDIRECT_URL must end in /sign-in/callback' })
  OIDC_REDIRECT_URL = 'http://127.0.0.1:3003/sign-in/callback';

  /** Where the provider sends the person after signing out there. */
  @Matches(/^https?:\/\/\S+$/, { message: 'OIDC_POST_LOGOUT_REDIRECT_URL must be a URL' })
  OIDC_POST_LOGOUT_REDIRECT_URL = 'http://127.0.0.1:3003/signed-out';

  /** Scopes asked for: OpenID, the claims of roles and team, and the caseworker API's scope (Entra: api://.../x). */
  @Matches(/^[A-Za-z0-9_:./ -]{1,500}$/)
  OIDC_SCOPE = 'openid profile staff casework';

  /** The ID token claim holding the staff member's roles (as the caseworker API's STAFF_ROLES_CLAIM). */
  @Matches(/^[A-Za-z0-9_:./-]{1,100}$/)
  OIDC_ROLES_CLAIM = 'roles';

  /** The ID token claim holding the staff member's team. */
  @Matches(/^[A-Za-z0-9_:./-]{1,100}$/)
  OIDC_TEAM_CLAIM = 'team';

  /** Plain http to the provider: development and tests only. */
  @IsIn(['true', 'false'])
  @ValidateIf((config: StaffWebConfig) => config.NODE_ENV === 'production')
  @IsIn(['false'], { message: 'OIDC_ALLOW_HTTP must be false in production' })
  OIDC_ALLOW_HTTP = 'true';

  /** Link to the queue dashboard (administrators), usually the caseworker API's /admin/queues. */
  @Matches(/^https?:\/\/\S+$/)
  QUEUE_DASHBOARD_URL = 'http://127.0.0.1:3002/admin/queues';
}
