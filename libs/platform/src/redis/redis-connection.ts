import { Redis, type RedisOptions } from 'ioredis';

/**
 * Connection settings shared by every Redis client of a process (health, BullMQ producers and workers),
 * from one URL. Reconnection backs off up to 2 s and never gives up: Redis coming back is normal.
 */
export function redisOptions(url: string, overrides: RedisOptions = {}): RedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 2000),
    ...overrides,
  };
}

/** A client for request paths: it fails fast while Redis is down instead of queueing commands. */
export function createFailFastRedis(url: string, connectionName: string): Redis {
  return new Redis(
    redisOptions(url, {
      connectionName,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
    }),
  );
}
