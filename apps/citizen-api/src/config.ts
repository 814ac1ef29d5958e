import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  MinLength,
  registerDecorator,
  ValidateBy,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';
import { HttpConfig, WithNotifyConfig } from '@redress/platform';

/** A development secret, refused whenever NODE_ENV is production. */
export const DEVELOPMENT_CITIZEN_TOKEN_SECRET = 'development-only-citizen-token-secret-0123456789';

const productionOidc = (config: CitizenApiConfig) =>
  config.CITIZEN_AUTH_MODE === 'oidc' && config.NODE_ENV === 'production';
const httpsUrl = (value: unknown) => typeof value === 'string' && /^https:\/\/\S+$/.test(value);

/** A check across settings (not `@ValidateIf`, which would switch off the property's other checks). */
function Holds(test: (value: unknown, config: CitizenApiConfig) => boolean, message: string): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'holds',
      target: target.constructor,
      propertyName: String(propertyKey),
      options: { message },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => test(value, args.object as CitizenApiConfig),
      },
    });
}

/** The citizen-api's settings, validated once at boot. */
export class CitizenApiConfig extends WithNotifyConfig(HttpConfig) {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  override PORT = 3001;

  /** `local`: the API issues its own tokens after an email one-time code; `oidc`: an external issuer's tokens. */
  @IsIn(['local', 'oidc'])
  CITIZEN_AUTH_MODE: 'local' | 'oidc' = 'local';

  /** HMAC secret of the access tokens this API issues (local mode). */
  @IsString()
  @MinLength(32, { message: 'CITIZEN_TOKEN_SECRET must be at least 32 characters' })
  @ValidateIf((config: CitizenApiConfig) => config.NODE_ENV === 'production')
  @Matches(/^(?!development-only-)/, {
    message: 'CITIZEN_TOKEN_SECRET must not be the development secret in production',
  })
  CITIZEN_TOKEN_SECRET = DEVELOPMENT_CITIZEN_TOKEN_SECRET;

  /** Lifetime of an access token, in seconds (short: ASVS 8.3.2 freshness). */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(3600)
  CITIZEN_ACCESS_TOKEN_TTL_SECONDS = 900;

  /** Drafts a citizen may have open at once. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  MAX_OPEN_DRAFTS = 5;

  /**
   * How uploads are checked for malware: `clamd` (ClamAV's daemon, INSTREAM) or `none` (every file clean:
   * development and tests only, refused in production).
   */
  @IsIn(['clamd', 'none'])
  @ValidateBy({
    name: 'scannerInProduction',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        (args?.object as { NODE_ENV?: string }).NODE_ENV !== 'production' || value === 'clamd',
      defaultMessage: () => 'MALWARE_SCANNER must be clamd in production',
    },
  })
  MALWARE_SCANNER: 'clamd' | 'none' = 'none';

  /** clamd's Unix socket (preferred), or its host and port. */
  @IsOptional()
  @IsString()
  CLAMD_SOCKET?: string;

  @IsString()
  @MinLength(1)
  CLAMD_HOST = '127.0.0.1';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  CLAMD_PORT = 3310;

  /** How long a scan may take, in milliseconds (a 20 MB file on a busy clamd). */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(120_000)
  CLAMD_TIMEOUT_MS = 30_000;

  /** OIDC mode: issuer, audience and JWKS URL of the external identity provider (e.g. GOV.UK One Login). */
  @ValidateIf((config: CitizenApiConfig) => config.CITIZEN_AUTH_MODE === 'oidc')
  @Matches(/^https?:\/\/\S+$/, { message: 'OIDC_ISSUER must be a URL in oidc mode' })
  @Holds((value, config) => !productionOidc(config) || httpsUrl(value), 'OIDC_ISSUER must be https in production')
  OIDC_ISSUER?: string;

  /**
   * The issuer whose subjects the accounts made before accounts were keyed by issuer belong to (their issuer was
   * not kept). Empty: OIDC_ISSUER. Set it to the old provider's issuer when changing provider, so that the new
   * provider's subjects never claim the old provider's accounts.
   */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'OIDC_UNSCOPED_ACCOUNTS_ISSUER must be a URL' })
  OIDC_UNSCOPED_ACCOUNTS_ISSUER?: string;

  @ValidateIf((config: CitizenApiConfig) => config.CITIZEN_AUTH_MODE === 'oidc')
  @IsString()
  @MinLength(1, { message: 'OIDC_AUDIENCE is required in oidc mode' })
  @Holds(
    (_value, config) => Boolean(config.OIDC_CLIENT_ID || config.OIDC_REQUIRED_SCOPE),
    'needs OIDC_CLIENT_ID or OIDC_REQUIRED_SCOPE beside it in oidc mode',
  )
  OIDC_AUDIENCE?: string;

  @ValidateIf((config: CitizenApiConfig) => config.CITIZEN_AUTH_MODE === 'oidc')
  @Matches(/^https?:\/\/\S+$/, { message: 'OIDC_JWKS_URL must be a URL in oidc mode' })
  @Holds((value, config) => !productionOidc(config) || httpsUrl(value), 'OIDC_JWKS_URL must be https in production')
  OIDC_JWKS_URL?: string;

  @IsOptional()
  @IsIn(['RS256', 'ES256', 'PS256'])
  OIDC_ALGORITHM: 'RS256' | 'ES256' | 'PS256' = 'RS256';

  /** The `typ` header an access token must carry (RFC 9068's `at+jwt`): an ID token is refused. */
  @Matches(/^[A-Za-z0-9.+/-]{1,64}$/)
  OIDC_ACCESS_TOKEN_TYPE = 'at+jwt';

  /** The `client_id` an access token must carry (the citizen web's client id); or OIDC_REQUIRED_SCOPE, or both. */
  @IsOptional()
  @Matches(/^\S{1,200}$/)
  OIDC_CLIENT_ID?: string;

  /** A scope an access token must carry in `scope`; or OIDC_CLIENT_ID, or both. */
  @IsOptional()
  @Matches(/^\S{1,200}$/)
  OIDC_REQUIRED_SCOPE?: string;

  /** The claim holding the confidence level of the sign-in: `vot` (GOV.UK One Login) or `acr`. */
  @IsIn(['vot', 'acr'])
  OIDC_CONFIDENCE_CLAIM: 'vot' | 'acr' = 'vot';

  /** The provider's confidence levels, lowest first (One Login: `Cl` low, `Cl.Cm` medium). */
  @Matches(/^[A-Za-z0-9.:_/-]+(,[A-Za-z0-9.:_/-]+)*$/)
  OIDC_CONFIDENCE_LEVELS = 'Cl,Cl.Cm';

  /** The lowest confidence level accepted (one of OIDC_CONFIDENCE_LEVELS), or `none` to accept tokens without one. */
  @Holds(
    (value, config) => value === 'none' || config.OIDC_CONFIDENCE_LEVELS.split(',').includes(String(value)),
    'OIDC_MIN_CONFIDENCE must be one of OIDC_CONFIDENCE_LEVELS, or none',
  )
  OIDC_MIN_CONFIDENCE = 'Cl.Cm';

  /** Seconds of clock difference allowed on `exp`, `nbf` and `iat` of provider tokens. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(300)
  OIDC_CLOCK_TOLERANCE_SECONDS = 60;

  /** How long a fetched JWKS is trusted before it is fetched again (a withdrawn key stops working after). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(600)
  OIDC_JWKS_CACHE_SECONDS = 60;

  /** How long a refresh token works if unused, in seconds (each refresh gives a new one). */
  @Type(() => Number)
  @IsInt()
  @Min(300)
  @Max(30 * 24 * 3600)
  CITIZEN_REFRESH_TOKEN_TTL_SECONDS = 24 * 3600;

  /** The longest a session lasts however often it is refreshed, in seconds; then the citizen signs in again. */
  @Type(() => Number)
  @IsInt()
  @Min(300)
  @Max(90 * 24 * 3600)
  CITIZEN_SESSION_MAX_SECONDS = 7 * 24 * 3600;

  /** The GOV.UK Notify email template of the sign-in code, with ((code)) and ((minutes)) (local auth mode only). */
  @ValidateIf((config: CitizenApiConfig) => config.NOTIFY_MODE === 'notify' && config.CITIZEN_AUTH_MODE === 'local')
  @IsUUID('all', { message: 'NOTIFY_TEMPLATE_SIGN_IN_CODE must be a Notify template id in notify mode' })
  NOTIFY_TEMPLATE_SIGN_IN_CODE = 'local-sign-in-code';

  /** The same template in Welsh, sent when the request asks for Welsh (Accept-Language: cy). */
  @ValidateIf((config: CitizenApiConfig) => config.NOTIFY_MODE === 'notify' && config.CITIZEN_AUTH_MODE === 'local')
  @IsUUID('all', { message: 'NOTIFY_TEMPLATE_SIGN_IN_CODE_CY must be a Notify template id in notify mode' })
  NOTIFY_TEMPLATE_SIGN_IN_CODE_CY = 'local-sign-in-code-cy';

  /** Victims' Code right 4: working days within which a consented referral must be sent. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  REFERRAL_SEND_WORKING_DAYS = 2;

  /** How many support services to suggest at once. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10)
  REFERRAL_PROPOSALS = 3;

  /** Where evidence files are kept: `filesystem` (development, single node) or an S3-compatible store. */
  @IsIn(['filesystem', 's3'])
  DOCUMENT_STORAGE: 'filesystem' | 's3' = 'filesystem';

  /** Root directory of the filesystem document storage. */
  @IsString()
  @MinLength(1)
  DOCUMENT_STORAGE_DIR = 'var/documents';

  /** S3 mode: endpoint (path-style), bucket, region and credentials; server-side encryption is asked for. */
  @ValidateIf((config: CitizenApiConfig) => config.DOCUMENT_STORAGE === 's3')
  @Matches(/^https?:\/\/\S+$/, { message: 'S3_ENDPOINT must be a URL in s3 mode' })
  S3_ENDPOINT?: string;

  @ValidateIf((config: CitizenApiConfig) => config.DOCUMENT_STORAGE === 's3')
  @Matches(/^[a-z0-9.-]{3,63}$/, { message: 'S3_BUCKET must be a bucket name in s3 mode' })
  S3_BUCKET?: string;

  @ValidateIf((config: CitizenApiConfig) => config.DOCUMENT_STORAGE === 's3')
  @Matches(/^[a-z0-9-]{2,30}$/, { message: 'S3_REGION must be a region in s3 mode' })
  S3_REGION?: string;

  @ValidateIf((config: CitizenApiConfig) => config.DOCUMENT_STORAGE === 's3')
  @IsString()
  @MinLength(1, { message: 'S3_ACCESS_KEY_ID is required in s3 mode' })
  S3_ACCESS_KEY_ID?: string;

  @ValidateIf((config: CitizenApiConfig) => config.DOCUMENT_STORAGE === 's3')
  @IsString()
  @MinLength(1, { message: 'S3_SECRET_ACCESS_KEY is required in s3 mode' })
  S3_SECRET_ACCESS_KEY?: string;

  @IsIn(['AES256', 'aws:kms'])
  S3_SERVER_SIDE_ENCRYPTION: 'AES256' | 'aws:kms' = 'AES256';
}
