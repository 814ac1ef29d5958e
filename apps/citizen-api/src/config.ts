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
  ValidateBy,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';
import { HttpConfig, WithNotifyConfig } from '@redress/platform';

/** A development secret, refused whenever NODE_ENV is production. */
export const DEVELOPMENT_CITIZEN_TOKEN_SECRET = 'development-only-citizen-token-secret-0123456789';

/** An identity provider's address must be https in production (keys fetched over http could be swapped). */
function HttpsInProduction(): PropertyDecorator {
  return ValidateBy({
    name: 'httpsInProduction',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        (args?.object as { NODE_ENV?: string }).NODE_ENV !== 'production' ||
        (typeof value === 'string' && value.startsWith('https://')),
      defaultMessage: (args?: ValidationArguments) => `${args?.property} must be https in production`,
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
  @HttpsInProduction()
  OIDC_ISSUER?: string;

  @ValidateIf((config: CitizenApiConfig) => config.CITIZEN_AUTH_MODE === 'oidc')
  @IsString()
  @MinLength(1, { message: 'OIDC_AUDIENCE is required in oidc mode' })
  OIDC_AUDIENCE?: string;

  @ValidateIf((config: CitizenApiConfig) => config.CITIZEN_AUTH_MODE === 'oidc')
  @Matches(/^https?:\/\/\S+$/, { message: 'OIDC_JWKS_URL must be a URL in oidc mode' })
  @HttpsInProduction()
  OIDC_JWKS_URL?: string;

  @IsOptional()
  @IsIn(['RS256', 'ES256', 'PS256'])
  OIDC_ALGORITHM: 'RS256' | 'ES256' | 'PS256' = 'RS256';

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
