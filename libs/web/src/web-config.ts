import { Type } from 'class-transformer';
import { IsIn, IsInt, Matches, Max, Min, MinLength, ValidateIf, IsString, IsNotEmpty } from 'class-validator';

/** A development secret, refused whenever NODE_ENV is production. */
export const DEVELOPMENT_SESSION_SECRET = 'development-only-web-session-secret-0123456789abcdef';

/** Settings every web service shares (no database: a web service talks to its API only). */
export class WebConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @IsNotEmpty()
  HOST = '127.0.0.1';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Sessions live in Redis; the browser holds only an opaque session id. */
  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of the session keys in Redis (shared with the queue prefix so a test run keeps its keys apart). */
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'QUEUE_PREFIX must be letters, digits, _ or -' })
  QUEUE_PREFIX = 'redress';

  /** Signs the session cookie. At least 32 characters; the development value is refused in production. */
  @IsString()
  @MinLength(32, { message: 'SESSION_SECRET must be at least 32 characters' })
  @ValidateIf((config: WebConfig) => config.NODE_ENV === 'production')
  @Matches(/^(?!development-only-)/, { message: 'SESSION_SECRET must not be the development secret in production' })
  SESSION_SECRET = DEVELOPMENT_SESSION_SECRET;

  /** A session ends after this many seconds without a request. */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(24 * 3600)
  SESSION_IDLE_SECONDS = 30 * 60;

  /** Trust X-Forwarded-* from the ingress. */
  @IsIn(['true', 'false'])
  TRUST_PROXY = 'false';

  /** Largest form body (uploads have their own limit). */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(1024 * 1024)
  FORM_BODY_LIMIT_BYTES = 128 * 1024;
}
