import { Queue, type JobsOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import pg from 'pg';
import {
  isJobName,
  jobDefinitions,
  jobNames,
  jobOptions,
  retiredJobNames,
  type JobName,
  type QueueName,
} from '../job-definitions.js';

/** The few log calls the relay makes; Nest's Logger and pino both fit. */
export interface RelayLogger {
  log(message: unknown, ...rest: unknown[]): void;
  warn(message: unknown, ...rest: unknown[]): void;
  error(message: unknown, ...rest: unknown[]): void;
}

export interface OutboxRelayOptions {
  databaseUrl: string;
  /** Redis for the queues; the relay fails fast while Redis is down (no offline queue) and tries again later. */
  redis: RedisOptions;
  queuePrefix: string;
  /** Rows taken per transaction. */
  batchSize?: number;
  /** The polling fallback, in case a NOTIFY is missed (for example while the listening connection reconnects). */
  pollIntervalMs?: number;
  /** Longest wait between attempts while Redis or PostgreSQL is down (the wait doubles from `pollIntervalMs`). */
  maxBackoffMs?: number;
  /** Longest time one `addBulk` may take before the batch counts as failed. */
  redisTimeoutMs?: number;
  /** Shown in pg_stat_activity. */
  applicationName?: string;
  logger?: RelayLogger;
}

interface PendingRow {
  id: string;
  position: string;
  job_name: string;
  payload: Record<string, unknown>;
  ordering_key: string | null;
  delay_ms: string;
}

/** What one pass did: rows handed to Redis, and rows held back because an older row of their key is pending. */
export interface DispatchResult {
  dispatched: number;
  heldBack: number;
  /** Whether the pass took a full batch (so there may be more to do at once). */
  full: boolean;
}

const silentLogger: RelayLogger = { log: () => {}, warn: () => {}, error: () => {} };

/**
 * Moves committed outbox rows to BullMQ (transactional outbox, study 2.2). Each pass, in one transaction:
 * lock a batch of pending rows with `FOR UPDATE SKIP LOCKED` (so relays in several worker replicas share the
 * work and never take the same row), hold back any row whose ordering key has an older pending row outside the
 * batch, `addBulk` the rest with the row id as job id, and only then mark them dispatched. If Redis refuses,
 * the rows stay pending with `dispatch_attempts` and `last_error` recorded, and the relay backs off. A crash
 * between `addBulk` and the commit re-sends the rows later: BullMQ ignores a job id it already holds.
 *
 * It wakes on `NOTIFY outbox_message` (a trigger on insert) and polls every `pollIntervalMs` in case a
 * notification was missed.
 */
export class OutboxRelay {
  private readonly pool: pg.Pool;
  private readonly redis: Redis;
  private readonly queues = new Map<QueueName, Queue>();
  private readonly logger: RelayLogger;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly maxBackoffMs: number;
  private readonly redisTimeoutMs: number;
  private listener: pg.Client | undefined;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private woken = false;
  private listenRetry: NodeJS.Timeout | undefined;
  /** The connect-and-LISTEN in progress: `stop()` waits for it, so no connection outlives the relay. */
  private listening: Promise<void> | undefined;
  private consecutiveFailures = 0;
  private retiredRowsSettled = false;

  constructor(private readonly options: OutboxRelayOptions) {
    this.logger = options.logger ?? silentLogger;
    this.batchSize = options.batchSize ?? 200;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.maxBackoffMs = options.maxBackoffMs ?? 5000;
    this.redisTimeoutMs = options.redisTimeoutMs ?? 5000;
    this.pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 2,
      application_name: options.applicationName ?? 'redress-outbox-relay',
      connectionTimeoutMillis: 5000,
    });
    // One connection for every queue, without an offline queue: while it is not ready, a pass fails at once.
    this.redis = new Redis({ ...options.redis, enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
    this.redis.on('error', () => undefined);
    // An idle connection dropped by a database restart must not crash the process; the pool replaces it.
    this.pool.on('error', (error) => this.logger.warn({ error: error.message }, 'outbox relay: idle connection lost'));
  }

  /** Starts listening and dispatching; answers at once (the database or Redis may still be down). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.listening = this.listen();
    this.loop = this.run();
  }

  /** Stops after the pass in progress, and closes its connections. */
  async stop(): Promise<void> {
    this.running = false;
    this.signal();
    if (this.listenRetry) clearTimeout(this.listenRetry);
    await this.loop;
    await this.listening;
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
    await Promise.all([...this.queues.values()].map((queue) => queue.close().catch(() => undefined)));
    this.queues.clear();
    // quit() lets the commands in flight answer first (disconnect() would reject them, unhandled, in BullMQ).
    await this.redis.quit().catch(() => this.redis.disconnect());
    await this.pool.end();
  }

  /** One pass over the pending rows. Throws when Redis or PostgreSQL refused (the rows stay pending). */
  async dispatchOnce(): Promise<DispatchResult> {
    const client = await this.pool.connect();
    // A connection cut while checked out (a database restart) emits 'error' on the client: the pass fails and
    // the client is discarded, nothing more.
    let broken = false;
    const onError = (): void => {
      broken = true;
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const settledRetired = this.retiredRowsSettled ? 0 : await this.settleRetiredRows(client);
      const { rows } = await client.query<PendingRow>(
        `SELECT id, position, job_name, payload, ordering_key,
                GREATEST(0, CEIL(EXTRACT(EPOCH FROM (not_before - clock_timestamp())) * 1000))::bigint AS delay_ms
           FROM outbox_message
          WHERE dispatched_at IS NULL AND job_name = ANY($2::text[])
          ORDER BY position
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [this.batchSize, jobNames],
      );
      if (rows.length === 0) {
        await client.query('COMMIT');
        this.noteRetiredRowsSettled(settledRetired);
        return { dispatched: 0, heldBack: 0, full: false };
      }
      const eligible = await this.withoutRowsHeldBack(client, rows);
      const { dispatched, failed, error } = await this.addToQueues(eligible);
      if (dispatched.length) {
        await client.query(
          `UPDATE outbox_message
              SET dispatched_at = clock_timestamp(), dispatch_attempts = dispatch_attempts + 1, last_error = NULL
            WHERE id = ANY($1::uuid[])`,
          [dispatched],
        );
      }
      if (failed.length) {
        await client.query(
          `UPDATE outbox_message SET dispatch_attempts = dispatch_attempts + 1, last_error = $2
            WHERE id = ANY($1::uuid[])`,
          [failed, describe(error).slice(0, 500)],
        );
      }
      await client.query('COMMIT');
      this.noteRetiredRowsSettled(settledRetired);
      if (error) throw error instanceof Error ? error : new Error(describe(error));
      return {
        dispatched: dispatched.length,
        heldBack: rows.length - eligible.length,
        full: rows.length === this.batchSize,
      };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  /**
   * Pending rows of a retired job name (`retiredJobNames`) would wait forever and hold back every later row of
   * their ordering key: the first pass of each relay marks them dispatched, with the reason in `last_error`.
   */
  private async settleRetiredRows(client: pg.PoolClient): Promise<number> {
    const names = Object.keys(retiredJobNames);
    if (names.length === 0) return 0;
    const result = await client.query(
      `UPDATE outbox_message
          SET dispatched_at = clock_timestamp(), last_error = 'retired job name: settled without dispatching'
        WHERE dispatched_at IS NULL AND job_name = ANY($1::text[])`,
      [names],
    );
    return result.rowCount ?? 0;
  }

  private noteRetiredRowsSettled(count: number): void {
    if (this.retiredRowsSettled) return;
    this.retiredRowsSettled = true;
    if (count > 0) this.logger.warn({ rows: count }, 'outbox relay: rows of retired job names settled');
  }

  /**
   * Keeps a row only if no older pending row with the same ordering key exists outside this batch (another
   * relay holds it, or it is a job name this worker does not know yet): per-key order is the order written.
   */
  private async withoutRowsHeldBack(client: pg.PoolClient, rows: PendingRow[]): Promise<PendingRow[]> {
    const keys = [...new Set(rows.flatMap((row) => (row.ordering_key === null ? [] : [row.ordering_key])))];
    if (keys.length === 0) return rows;
    const { rows: blockers } = await client.query<{ ordering_key: string; position: string }>(
      `SELECT ordering_key, min(position)::text AS position
         FROM outbox_message
        WHERE dispatched_at IS NULL AND ordering_key = ANY($1::text[]) AND NOT (id = ANY($2::uuid[]))
        GROUP BY ordering_key`,
      [keys, rows.map((row) => row.id)],
    );
    const oldestOutside = new Map(blockers.map((blocker) => [blocker.ordering_key, BigInt(blocker.position)]));
    return rows.filter((row) => {
      if (row.ordering_key === null) return true;
      const blocker = oldestOutside.get(row.ordering_key);
      return blocker === undefined || BigInt(row.position) < blocker;
    });
  }

  /**
   * One `addBulk` per queue, queues taken in the order of their oldest row. It stops at the first refusal, so
   * that rows after it wait too.
   */
  private async addToQueues(rows: PendingRow[]): Promise<{ dispatched: string[]; failed: string[]; error?: unknown }> {
    const byQueue = new Map<QueueName, PendingRow[]>();
    for (const row of rows) {
      const queue = jobDefinitions[row.job_name as JobName].queue;
      byQueue.set(queue, [...(byQueue.get(queue) ?? []), row]);
    }
    const dispatched: string[] = [];
    const groups = [...byQueue.entries()];
    if (this.redis.status === 'wait') {
      await withTimeout(this.redis.connect(), this.redisTimeoutMs, 'Redis did not answer in time').catch(
        () => undefined,
      );
    }
    if (this.redis.status !== 'ready') {
      return {
        dispatched,
        failed: rows.map((row) => row.id),
        error: new Error(`Redis is not available (${this.redis.status})`),
      };
    }
    for (let index = 0; index < groups.length; index++) {
      const [queueName, group] = groups[index]!;
      try {
        await withTimeout(
          this.queue(queueName).addBulk(group.map((row) => this.jobFor(row))),
          this.redisTimeoutMs,
          'Redis did not accept the jobs in time',
        );
        dispatched.push(...group.map((row) => row.id));
      } catch (error) {
        const failed = groups.slice(index).flatMap(([, rest]) => rest.map((row) => row.id));
        return { dispatched, failed, error };
      }
    }
    return { dispatched, failed: [] };
  }

  private jobFor(row: PendingRow): { name: string; data: Record<string, unknown>; opts: JobsOptions } {
    if (!isJobName(row.job_name)) throw new Error(`unknown job name ${row.job_name}`);
    const delay = Number(row.delay_ms);
    return {
      name: row.job_name,
      data: row.payload,
      opts: { ...jobOptions(row.job_name, row.id), ...(delay > 0 ? { delay } : {}) },
    };
  }

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        // Fail fast while Redis is down: the rows are safe in PostgreSQL, so there is nothing to buffer.
        connection: this.redis,
        prefix: this.options.queuePrefix,
      });
      queue.on('error', (error) =>
        this.logger.warn({ queue: name, error: error.message }, 'outbox relay: queue error'),
      );
      this.queues.set(name, queue);
    }
    return queue;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let waitMs = this.pollIntervalMs;
      try {
        const result = await this.dispatchOnce();
        if (this.consecutiveFailures > 0)
          this.logger.log({ after: this.consecutiveFailures }, 'outbox relay recovered');
        this.consecutiveFailures = 0;
        if (result.full && result.dispatched > 0) continue;
      } catch (error) {
        this.consecutiveFailures += 1;
        waitMs = Math.min(this.pollIntervalMs * 2 ** (this.consecutiveFailures - 1), this.maxBackoffMs);
        this.logger.warn(
          { error: describe(error), failures: this.consecutiveFailures, retryInMs: waitMs },
          'outbox relay: dispatch failed, rows stay pending',
        );
      }
      // While backing off, a NOTIFY does not cut the wait short: the dependency is still down.
      await this.sleep(waitMs, this.consecutiveFailures === 0);
    }
  }

  private sleep(ms: number, wakeOnNotify: boolean): Promise<void> {
    return new Promise((resolve) => {
      if (!this.running || (wakeOnNotify && this.woken)) {
        this.woken = false;
        resolve();
        return;
      }
      const finish = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wake = () => {
        if (wakeOnNotify || !this.running) finish();
      };
    });
  }

  private signal(): void {
    this.woken = true;
    this.wake?.();
  }

  /** LISTEN on a connection of its own; on loss it reconnects with backoff (the poll covers the gap). */
  private async listen(attempt = 0): Promise<void> {
    if (!this.running) return;
    const client = new pg.Client({
      connectionString: this.options.databaseUrl,
      application_name: `${this.options.applicationName ?? 'redress-outbox-relay'}-listen`,
      connectionTimeoutMillis: 5000,
    });
    let retried = false;
    const retry = (error?: Error) => {
      if (retried) return;
      retried = true;
      if (this.listener === client) this.listener = undefined;
      client.removeAllListeners();
      client.on('error', () => undefined);
      void client.end().catch(() => undefined);
      if (!this.running) return;
      if (error) this.logger.warn({ error: error.message }, 'outbox relay: notification connection lost');
      const delay = Math.min(this.pollIntervalMs * 2 ** attempt, this.maxBackoffMs);
      this.listenRetry = setTimeout(() => {
        this.listening = this.listen(attempt + 1);
      }, delay);
    };
    client.on('notification', () => this.signal());
    client.on('error', (error) => retry(error));
    client.on('end', () => retry());
    try {
      await client.connect();
      await client.query('LISTEN outbox_message');
      if (!this.running) {
        client.removeAllListeners();
        client.on('error', () => undefined);
        await client.end().catch(() => undefined);
        return;
      }
      this.listener = client;
      attempt = 0;
      // Rows written while the connection was down were not announced.
      this.signal();
    } catch (error) {
      retry(error as Error);
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
