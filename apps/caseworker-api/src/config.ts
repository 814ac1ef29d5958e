import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  MinLength,
  registerDecorator,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';
import { WithDocumentStorageConfig } from '@redress/persistence';
import { HttpConfig, listSetting, parseValueMapping, WithNotifyConfig } from '@redress/platform';
import { isStaffRole } from './auth/staff-principal.js';
import {
  DEVELOPMENT_ONLY_STAFF_PUBLIC_KEY,
  DEVELOPMENT_ONLY_STAFF_TOKEN_AUDIENCE,
  DEVELOPMENT_ONLY_STAFF_TOKEN_ISSUER,
} from './auth/development-only-staff-keys.js';

export const STAFF_TOKEN_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384'] as const;
export type StaffTokenAlgorithm = (typeof STAFF_TOKEN_ALGORITHMS)[number];

/** A development pepper, refused whenever NODE_ENV is production. */
export const DEVELOPMENT_PARTNER_KEY_PEPPER = 'development-only-partner-key-pepper-0123456789';

/** The PEM body without armour or whitespace, so a reformatted copy of the development key is still recognised. */
export function pemBody(pem: string): string {
  return pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
}
const DEVELOPMENT_KEY_BODY = pemBody(DEVELOPMENT_ONLY_STAFF_PUBLIC_KEY);

/**
 * A check that applies only when NODE_ENV is production. (Not `@ValidateIf`: it would switch off every other
 * check on the property outside production too.)
 */
function InProduction(
  test: (value: unknown, config: CaseworkerApiConfig) => boolean,
  message: string,
): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'inProduction',
      target: target.constructor,
      propertyName: String(propertyKey),
      options: { message },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const config = args.object as CaseworkerApiConfig;
          return config.NODE_ENV !== 'production' || test(value, config);
        },
      },
    });
}

/** A `provider-value=ours,...` setting whose every target passes `accepts`. */
function ValueMapping(accepts: (target: string) => boolean, message: string): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'valueMapping',
      target: target.constructor,
      propertyName: String(propertyKey),
      options: { message },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          try {
            return [...parseValueMapping(value).values()].every(accepts);
          } catch {
            return false;
          }
        },
      },
    });
}

const CLAIM_PATH = /^[A-Za-z0-9_:./-]{1,200}$/;

/** The caseworker-api's settings, validated once at boot. */
export class CaseworkerApiConfig extends WithDocumentStorageConfig(WithNotifyConfig(HttpConfig)) {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  override PORT = 3002;

  /** Where the staff token verification key comes from: a configured PEM public key, or the issuer's JWKS. */
  @IsIn(['public-key', 'jwks'])
  STAFF_TOKEN_KEY_SOURCE: 'public-key' | 'jwks' = 'public-key';

  /** PEM public key of the staff identity provider (`\n` may be written literally). Development key by default. */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\\n/g, '\n') : value))
  @IsString()
  @Matches(/-----BEGIN PUBLIC KEY-----/, { message: 'STAFF_TOKEN_PUBLIC_KEY must be a PEM public key' })
  @InProduction(
    (value, config) =>
      config.STAFF_TOKEN_KEY_SOURCE !== 'public-key' ||
      (typeof value === 'string' && pemBody(value) !== DEVELOPMENT_KEY_BODY),
    'STAFF_TOKEN_PUBLIC_KEY must not be the development key in production',
  )
  STAFF_TOKEN_PUBLIC_KEY = DEVELOPMENT_ONLY_STAFF_PUBLIC_KEY;

  /** The staff identity provider's JWKS (when STAFF_TOKEN_KEY_SOURCE is jwks); https in production. */
  @ValidateIf((config: CaseworkerApiConfig) => config.STAFF_TOKEN_KEY_SOURCE === 'jwks')
  @Matches(/^https?:\/\/\S+$/, { message: 'STAFF_TOKEN_JWKS_URL must be a URL when STAFF_TOKEN_KEY_SOURCE is jwks' })
  @InProduction(
    (value) => typeof value === 'string' && value.startsWith('https://'),
    'STAFF_TOKEN_JWKS_URL must be https in production',
  )
  STAFF_TOKEN_JWKS_URL?: string;

  /**
   * Development only (`npm run start:all`): with STAFF_TOKEN_KEY_SOURCE=jwks (the local OIDC provider), also accept
   * tokens of `npm run token` (the development key with the development issuer, as a pair). Refused in production.
   */
  @IsIn(['true', 'false'])
  @InProduction((value) => value === 'false', 'STAFF_TOKEN_ALSO_DEVELOPMENT_KEY must be false in production')
  STAFF_TOKEN_ALSO_DEVELOPMENT_KEY: 'true' | 'false' = 'false';

  /**
   * Accepted issuers (`iss`) of staff tokens, comma-separated (Entra ID has one per token version). The first is
   * the provider's own; any of them is accepted.
   */
  @IsString()
  @MinLength(1)
  @InProduction(
    (value) => typeof value === 'string' && !listSetting(value).includes(DEVELOPMENT_ONLY_STAFF_TOKEN_ISSUER),
    'STAFF_TOKEN_ISSUER must not be the development issuer in production',
  )
  @InProduction(
    (value) => typeof value === 'string' && listSetting(value).every((issuer) => issuer.startsWith('https://')),
    'STAFF_TOKEN_ISSUER must be https in production',
  )
  STAFF_TOKEN_ISSUER = DEVELOPMENT_ONLY_STAFF_TOKEN_ISSUER;

  /** Accepted audiences (`aud`) of staff tokens, comma-separated (Entra: the app id URI and the client id). */
  @IsString()
  @MinLength(1)
  STAFF_TOKEN_AUDIENCE = DEVELOPMENT_ONLY_STAFF_TOKEN_AUDIENCE;

  /** Pinned signature algorithm: a token with any other `alg` (`none` and HMAC included) is refused. */
  @IsIn(STAFF_TOKEN_ALGORITHMS)
  STAFF_TOKEN_ALGORITHM: StaffTokenAlgorithm = 'RS256';

  /**
   * The oldest staff token taken, in seconds from its `iat` (whatever its `exp` says): a token must carry `exp`
   * and `iat`, and one issued longer ago than this is refused (a stolen long-lived token stops working).
   */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(24 * 3600)
  STAFF_TOKEN_MAX_AGE_SECONDS = 12 * 3600;

  /** Seconds of clock difference allowed on `exp` and `nbf` (Entra's `nbf` may be a few seconds ahead). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(300)
  STAFF_TOKEN_CLOCK_TOLERANCE_SECONDS = 60;

  /** How long a fetched JWKS is trusted before it is fetched again (a withdrawn key stops working after). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(600)
  STAFF_TOKEN_JWKS_CACHE_SECONDS = 60;

  /** The claim naming the staff member: `sub` by default; `oid` for Entra ID (its `sub` differs per app). */
  @Matches(CLAIM_PATH)
  STAFF_ID_CLAIM = 'sub';

  /** The claim holding the staff member's roles: a name or a dotted path (`realm_access.roles`); string or array. */
  @Matches(CLAIM_PATH)
  STAFF_ROLES_CLAIM = 'roles';

  /**
   * Provider role values to ours, `Redress.Caseworker=caseworker,...`. Empty: the values must be our role names.
   * When set, only mapped values count.
   */
  @ValueMapping(isStaffRole, 'STAFF_ROLE_MAPPING must be value=role pairs, each role one of the five staff roles')
  STAFF_ROLE_MAPPING = '';

  /** The claim holding the staff member's team: a name or dotted path; string or array (`groups` with a mapping). */
  @Matches(CLAIM_PATH)
  STAFF_TEAM_CLAIM = 'team';

  /**
   * Provider values (group ids, app roles) to our team names, `<group-id>=general,...`. Empty: the claim's values
   * are team names. The first value that maps (or is a team name) is the team.
   */
  @ValueMapping(
    (team) => /^[a-z0-9-]{1,64}$/.test(team),
    'STAFF_TEAM_MAPPING must be value=team pairs, each team lower-case letters, digits and hyphens',
  )
  STAFF_TEAM_MAPPING = '';

  /**
   * Server-side pepper of the partner API key hashes (HMAC-SHA256): without it a copy of the credentials table
   * is useless. Changing it invalidates every partner key.
   */
  @IsString()
  @MinLength(32, { message: 'PARTNER_KEY_PEPPER must be at least 32 characters' })
  @ValidateIf((config: CaseworkerApiConfig) => config.NODE_ENV === 'production')
  @Matches(/^(?!development-only-)/, { message: 'PARTNER_KEY_PEPPER must not be the development pepper in production' })
  PARTNER_KEY_PEPPER = DEVELOPMENT_PARTNER_KEY_PEPPER;

  /** Days a partner still sees the person's details after a referral it declined or closed ended. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(365)
  PARTNER_ENDED_REFERRAL_DAYS = 30;

  /** Four eyes: an award above this many pence needs approval by a different senior caseworker (GBP 50,000). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  FOUR_EYES_AWARD_THRESHOLD_PENCE = 5_000_000;

  /** Interim payments together reach at most this share (per cent) of the latest award calculation. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  INTERIM_PAYMENT_MAX_PERCENT = 50;

  /** Victims' Code right 4: working days within which a consented referral must be sent (as the citizen API). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  REFERRAL_SEND_WORKING_DAYS = 2;

  /** How many support services the matcher suggests at once (as the citizen API). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10)
  REFERRAL_PROPOSALS = 3;

  /** The Notify email template of a partner user's sign-in code, with ((code)) and ((minutes)). */
  @ValidateIf((config: CaseworkerApiConfig) => config.NOTIFY_MODE === 'notify')
  @IsUUID('all', { message: 'NOTIFY_TEMPLATE_PARTNER_SIGN_IN_CODE must be a Notify template id in notify mode' })
  NOTIFY_TEMPLATE_PARTNER_SIGN_IN_CODE = 'local-partner-sign-in-code';

  /** The Notify email template of an invitation to the partner portal, with ((organisation)) and ((url)). */
  @ValidateIf((config: CaseworkerApiConfig) => config.NOTIFY_MODE === 'notify')
  @IsUUID('all', { message: 'NOTIFY_TEMPLATE_PARTNER_INVITATION must be a Notify template id in notify mode' })
  NOTIFY_TEMPLATE_PARTNER_INVITATION = 'local-partner-invitation';

  /** The partner portal's address, for invitation emails; https in production. */
  @Matches(/^https?:\/\/\S+$/, { message: 'PARTNER_PORTAL_URL must be an http(s) URL' })
  @InProduction(
    (value) => typeof value === 'string' && value.startsWith('https://'),
    'PARTNER_PORTAL_URL must be https in production',
  )
  PARTNER_PORTAL_URL = 'http://localhost:3004';
}
