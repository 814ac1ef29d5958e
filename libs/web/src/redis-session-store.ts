import type { Redis } from 'ioredis';
import type { SessionStore } from '@fastify/session';
import type { Session } from 'fastify';

type Callback = (error?: unknown) => void;
type GetCallback = (error: unknown, session?: Session | null) => void;

/**
 * @fastify/session's store interface over ioredis. The published Redis stores (connect-redis and others) speak
 * to node-redis only, and this codebase has one Redis client (ioredis, shared with BullMQ and rate limits): the
 * three calls below are the whole interface, each one Redis command. The key lives as long as the idle timeout
 * and every request that touches the session renews it (`rolling` sessions).
 */
export class RedisSessionStore implements SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {}

  private key(sessionId: string): string {
    return `${this.prefix}${sessionId}`;
  }

  set(sessionId: string, session: unknown, callback: Callback): void {
    this.redis
      .set(this.key(sessionId), JSON.stringify(session), 'EX', this.ttlSeconds)
      .then(() => callback(), callback);
  }

  get(sessionId: string, callback: GetCallback): void {
    this.redis.get(this.key(sessionId)).then(
      (value) => callback(null, value ? (JSON.parse(value) as Session) : null),
      (error: unknown) => callback(error),
    );
  }

  destroy(sessionId: string, callback: Callback): void {
    this.redis.del(this.key(sessionId)).then(() => callback(), callback);
  }
}
