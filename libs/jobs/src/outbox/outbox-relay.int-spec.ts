import { jest } from '@jest/globals';
import { OutboxRelay, OutboxWriter, type JobName } from '@redress/jobs';
import { redisOptions } from '@redress/platform';
import { DisposableDatabase, DisposableRedis } from '@redress/testing';
import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import pg from 'pg';

// Every row uses the one job name the foundation defines; the relay does not care what the job does.
const JOB: JobName = 'housekeeping.verify-audit-chain';
const PREFIX = 'relay-test';

async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('OutboxRelay (real PostgreSQL and Redis)', () => {
  let database: DisposableDatabase;
  let redis: DisposableRedis;
  let pool: pg.Pool;
  const writer = new OutboxWriter();
  const relays: OutboxRelay[] = [];

  const connection = (): ConnectionOptions => redisOptions(redis.url) as ConnectionOptions;
  const relay = (overrides: Partial<ConstructorParameters<typeof OutboxRelay>[0]> = {}): OutboxRelay => {
    const created = new OutboxRelay({
      databaseUrl: database.url,
      redis: redisOptions(redis.url),
      queuePrefix: PREFIX,
      pollIntervalMs: 100,
      maxBackoffMs: 400,
      redisTimeoutMs: 1000,
      ...overrides,
    });
    relays.push(created);
    return created;
  };

  /** Writes rows in one transaction, as a use case does; answers their ids in write order. */
  async function write(count: number, orderingKey: (index: number) => string | null = () => null): Promise<string[]> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const ids: string[] = [];
      for (let index = 0; index < count; index++) {
        ids.push(await writer.enqueue(client, JOB, { reason: 'test' }, orderingKey(index)));
      }
      await client.query('COMMIT');
      return ids;
    } finally {
      client.release();
    }
  }

  /** Runs every job of the queue through one worker, one at a time, recording the order of job ids. */
  function recordProcessing(): { seen: string[]; worker: Worker } {
    const seen: string[] = [];
    const worker = new Worker(
      'housekeeping',
      async (job) => {
        seen.push(job.id!);
      },
      {
        connection: { ...connection(), maxRetriesPerRequest: null },
        prefix: PREFIX,
        concurrency: 1,
      },
    );
    return { seen, worker };
  }

  beforeAll(async () => {
    database = await DisposableDatabase.create(process.env.DATABASE_URL!, 'relay');
    pool = database.pool(4);
  });

  beforeEach(async () => {
    redis = await DisposableRedis.start();
    await pool.query('DELETE FROM outbox_message');
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((created) => created.stop()));
    jest.restoreAllMocks();
    await redis.stop();
  });

  afterAll(async () => {
    await database.drop();
  });

  it('moves committed rows to the queue with the row id as job id and the job table options', async () => {
    const [id] = await write(1);
    const result = await relay().dispatchOnce();
    expect(result).toEqual({ dispatched: 1, heldBack: 0, full: false });

    const queue = new Queue('housekeeping', { connection: connection(), prefix: PREFIX });
    const job = await queue.getJob(id!);
    expect(job?.name).toBe(JOB);
    expect(job?.data).toEqual({ reason: 'test' });
    expect(job?.opts.attempts).toBe(5);
    expect(job?.opts.backoff).toEqual(expect.objectContaining({ type: 'exponential' }));
    await queue.close();

    const { rows } = await pool.query('SELECT dispatched_at, dispatch_attempts, last_error FROM outbox_message');
    expect(rows[0]).toEqual({ dispatched_at: expect.any(Date), dispatch_attempts: 1, last_error: null });
  });

  it('does not write a row for a payload that breaks the job contract, nor one outside a committed transaction', async () => {
    await expect(writer.enqueue(pool, JOB, { reason: 'NOT VALID' })).rejects.toThrow(/invalid payload/);
    const client = await pool.connect();
    await client.query('BEGIN');
    await writer.enqueue(client, JOB, { reason: 'rolled-back' });
    await client.query('ROLLBACK');
    client.release();
    expect((await pool.query('SELECT count(*)::int AS n FROM outbox_message')).rows[0].n).toBe(0);
  });

  it('wakes on NOTIFY rather than waiting for the next poll', async () => {
    const started = relay({ pollIntervalMs: 60_000 });
    started.start();
    const queue = new Queue('housekeeping', { connection: connection(), prefix: PREFIX });
    // Let the first empty pass and the LISTEN happen, then write.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [id] = await write(1);
    const writtenAt = Date.now();
    await until(async () => (await queue.getJob(id!)) !== undefined, 5_000);
    expect(Date.now() - writtenAt).toBeLessThan(1_000);
    await queue.close();
  });

  it('adds a row written for later as a delayed job', async () => {
    const id = await writer.enqueue(pool, JOB, { reason: 'clock' }, null, { notBefore: new Date(Date.now() + 60_000) });
    await relay().dispatchOnce();
    const queue = new Queue('housekeeping', { connection: connection(), prefix: PREFIX });
    const job = await queue.getJob(id);
    expect(await job?.getState()).toBe('delayed');
    expect(job?.opts.delay).toBeGreaterThan(55_000);
    await queue.close();
  });

  it('holds a row back while an older row with the same ordering key is pending elsewhere', async () => {
    const [older, newer] = await write(2, () => 'claim:1');
    const [other] = await write(1, () => 'claim:2');
    // Another relay holds the older row.
    const holder = await pool.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT id FROM outbox_message WHERE id = $1 FOR UPDATE', [older]);

    const result = await relay().dispatchOnce();
    expect(result).toEqual({ dispatched: 1, heldBack: 1, full: false });
    const dispatched = await pool.query('SELECT id FROM outbox_message WHERE dispatched_at IS NOT NULL');
    expect(dispatched.rows.map((row) => row.id)).toEqual([other]);

    await holder.query('ROLLBACK');
    holder.release();
    expect(await relay().dispatchOnce()).toEqual({ dispatched: 2, heldBack: 0, full: false });
    const order = await pool.query('SELECT id FROM outbox_message ORDER BY dispatched_at, position');
    expect(order.rows.map((row) => row.id)).toEqual([other, older, newer]);
  });

  it('settles a pending row of a retired job name instead of holding its key back forever', async () => {
    // Written by an older release (the writer refuses names outside the job table, so straight into the table).
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO outbox_message (id, job_name, payload, ordering_key)
       VALUES (gen_random_uuid(), 'housekeeping.expire-drafts', '{"reason":"scheduled"}', 'retired:1') RETURNING id`,
    );
    const retired = rows[0]!.id;
    const [live] = await write(1, () => 'retired:1');

    expect(await relay().dispatchOnce()).toEqual({ dispatched: 1, heldBack: 0, full: false });
    const queue = new Queue('housekeeping', { connection: connection(), prefix: PREFIX });
    expect(await queue.getJob(live!)).toBeDefined();
    expect(await queue.getJob(retired)).toBeUndefined();
    await queue.close();
    const settled = await pool.query('SELECT dispatched_at, last_error FROM outbox_message WHERE id = $1', [retired]);
    expect(settled.rows[0]).toEqual({ dispatched_at: expect.any(Date), last_error: expect.stringMatching(/retired/) });
  });

  it('keeps rows while Redis is down, then delivers each exactly once, in order per key', async () => {
    await redis.stop();

    const started = relay();
    started.start();
    // 60 rows over 3 claims, written in 6 transactions.
    const written: string[] = [];
    for (let batch = 0; batch < 6; batch++) written.push(...(await write(10, (index) => `claim:${index % 3}`)));

    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const waiting = await pool.query(
      'SELECT count(*)::int AS pending, min(dispatch_attempts) AS attempts, max(last_error) AS error FROM outbox_message WHERE dispatched_at IS NULL',
    );
    expect(waiting.rows[0].pending).toBe(60);
    expect(waiting.rows[0].attempts).toBeGreaterThanOrEqual(1);
    expect(waiting.rows[0].error).toEqual(expect.any(String));

    await redis.start();
    const { seen: processed, worker: running } = recordProcessing();
    await until(() => processed.length >= 60, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await running.close();

    expect(new Set(processed).size).toBe(60);
    expect(processed.length).toBe(60);
    expect([...processed].sort()).toEqual([...written].sort());
    for (let key = 0; key < 3; key++) {
      const ofKey = written.filter((_, index) => (index % 10) % 3 === key);
      expect(processed.filter((id) => ofKey.includes(id))).toEqual(ofKey);
    }
    const left = await pool.query('SELECT count(*)::int AS n FROM outbox_message WHERE dispatched_at IS NULL');
    expect(left.rows[0].n).toBe(0);
  });

  it('never dispatches a row twice when two relays run at once', async () => {
    const added: string[] = [];
    const original = Queue.prototype.addBulk;
    jest.spyOn(Queue.prototype, 'addBulk').mockImplementation(function (this: Queue, jobs) {
      added.push(...jobs.map((job) => job.opts!.jobId!));
      return original.call(this, jobs);
    });
    const written = await write(500, (index) => `claim:${index % 25}`);
    const first = relay({ batchSize: 20 });
    const second = relay({ batchSize: 20 });
    first.start();
    second.start();
    await until(async () => {
      const { rows } = await pool.query('SELECT count(*)::int AS n FROM outbox_message WHERE dispatched_at IS NULL');
      return rows[0].n === 0;
    }, 30_000);
    expect(added.length).toBe(500);
    expect(new Set(added).size).toBe(500);
    expect([...added].sort()).toEqual([...written].sort());
    // Per key, the order of dispatch is the order of writing.
    for (let key = 0; key < 25; key++) {
      const ofKey = written.filter((_, index) => index % 25 === key);
      expect(added.filter((id) => ofKey.includes(id))).toEqual(ofKey);
    }
  });
});
