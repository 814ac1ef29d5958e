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
  const client = new Redis(
    redisOptions(url, {
      connectionName,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
    }),
  );
  // Every client has an error handler: while Redis is down, each command fails on its own and health says so.
  client.on('error', () => undefined);
  return client;
}
