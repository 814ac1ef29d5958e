import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';

/** A development key, refused whenever NODE_ENV is production. */
export const DEVELOPMENT_FIELD_KEYS = 'dev-2026-11:ZGV2ZWxvcG1lbnQtb25seS1maWVsZC1rZXktMjAyNiE=';
export const DEVELOPMENT_BLIND_INDEX_KEY = 'ZGV2ZWxvcG1lbnQtb25seS1ibGluZC1pbmRleC1rZXk=';

const keyListPattern = /^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=)*$/;

/** Settings every Redress process shares. Defaults are for local development only. */
export class CommonConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Matches(/^postgres(ql)?:\/\/[^\s]+\/[A-Za-z0-9_]+$/, {
    message: 'DATABASE_URL must be a postgres:// URL naming a database',
  })
  DATABASE_URL = 'postgres://redress_app@127.0.0.1:5432/redress';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_SIZE = 10;

  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every BullMQ key, so that several environments (or test runs) can share one Redis. */
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'QUEUE_PREFIX must be letters, digits, _ or -' })
  QUEUE_PREFIX = 'redress';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Field encryption keys, `id:base64-of-32-bytes`, comma separated; the first encrypts, all decrypt. */
  @Matches(keyListPattern, { message: 'FIELD_ENCRYPTION_KEYS must be id:base64(32 bytes) pairs, comma separated' })
  @ValidateIf((config: CommonConfig) => config.NODE_ENV === 'production')
  // By id and by value: the development key under another id is still the development key.
  @Matches(
    /^(?!.*dev-2026-11:)(?!.*ZGV2ZWxvcG1lbnQtb25seS1maWVsZC1rZXktMjAyNiE=)(?!.*ZGV2ZWxvcG1lbnQtb25seS1ibGluZC1pbmRleC1rZXk=)/,
    {
      message: 'FIELD_ENCRYPTION_KEYS must not use the development key in production',
    },
  )
  FIELD_ENCRYPTION_KEYS = DEVELOPMENT_FIELD_KEYS;

  /** Key of the keyed hashes (blind indexes) that allow equality search on encrypted fields. */
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'BLIND_INDEX_KEY must be base64 of 32 bytes' })
  @ValidateIf((config: CommonConfig) => config.NODE_ENV === 'production')
  @Matches(/^(?!ZGV2ZWxvcG1lbnQtb25seS1ibGluZC1pbmRleC1rZXk=$)(?!ZGV2ZWxvcG1lbnQtb25seS1maWVsZC1rZXktMjAyNiE=$)/, {
    message: 'BLIND_INDEX_KEY must not be the development key in production',
  })
  BLIND_INDEX_KEY = DEVELOPMENT_BLIND_INDEX_KEY;
}

/** Settings of an HTTP front door. */
export class HttpConfig extends CommonConfig {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @IsNotEmpty()
  HOST = '127.0.0.1';

  /** Origins allowed by CORS, comma separated; empty allows none. */
  @IsString()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value : ''))
  CORS_ORIGINS = '';

  /** Largest JSON body accepted, in bytes. */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  BODY_LIMIT_BYTES = 256 * 1024;

  /** Requests a minute from one client on routes without a limit of their own. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_DEFAULT_PER_MINUTE = 600;

  /** Prefix of the rate-limit counters in Redis; empty means QUEUE_PREFIX. Tests give each suite its own. */
  @Matches(/^[A-Za-z0-9_-]{0,80}$/, { message: 'RATE_LIMIT_NAMESPACE must be letters, digits, _ or -' })
  RATE_LIMIT_NAMESPACE = '';

  /** Named rate limits changed by configuration: `name=max/windowMs`, comma separated. */
  @Matches(/^([a-z0-9-]+=\d+\/\d+)?(,[a-z0-9-]+=\d+\/\d+)*$/, {
    message: 'RATE_LIMIT_OVERRIDES must be name=max/windowMs pairs, comma separated',
  })
  RATE_LIMIT_OVERRIDES = '';

  /** Trust X-Forwarded-For from the ingress, so that rate limits count clients, not the proxy. */
  @IsIn(['true', 'false'])
  TRUST_PROXY: 'true' | 'false' = 'false';

  /**
   * With TRUST_PROXY, how many proxies in front of the app append to X-Forwarded-For (the ingress controller: 1).
   * The client address is the one the outermost of them appended: anything a client wrote in the header itself
   * is to its left and never taken, so a client cannot pick its own address (and escape its rate limits).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  TRUSTED_PROXY_HOPS = 1;
}
