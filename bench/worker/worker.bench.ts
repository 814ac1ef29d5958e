/**
 * Worker benchmark: commit-to-assessment latency at a steady submission rate, and assessment throughput next to
 * the two floors it stands on, BullMQ's empty-job rate and pgbench running the assessment job's SQL, in one run.
 *
 *   npx tsx bench/worker/worker.bench.ts            (builds the worker into node_modules/.cache first)
 *   RATE=100 SECONDS=20 BURST=3000 npx tsx bench/worker/worker.bench.ts
 *
 * 1. A database of its own, migrated; Redis on 127.0.0.1:6379 under a queue prefix of its own.
 * 2. The built worker as a child process (WORKER_CONCURRENCY 10, notifications and police jobs not emitted).
 * 3. Latency: "submissions" at RATE a second for SECONDS: each one transaction writing what the submission use
 *    case writes for assessment (account, submitted application with its 15 sections encrypted with the
 *    development key, claim, claim event, `claims.assess` outbox row); latency = assessed_at - commit.
 * 4. Throughput: the worker stopped, BURST claims committed, the worker started; claims assessed per second.
 * 5. BullMQ floor: BURST empty jobs through a no-op worker (concurrency 10), jobs a second.
 * 6. PostgreSQL floor: pgbench, 10 clients, the assessment transaction's SQL (lock claim, read sections, insert the
 *    assessment, update the claim, insert the event, serialised audit append) on copies of the tables.
 * Writes bench/results/worker.json. Everything shares the machine's cores.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applicationSections, exampleCompleteApplication } from '@redress/domain';
import { createDatabaseIfMissing, dropDatabase, runMigrations } from '@redress/persistence';
import { DEVELOPMENT_BLIND_INDEX_KEY, DEVELOPMENT_FIELD_KEYS, FieldCipher, parseFieldKeys } from '@redress/platform';
import { buildWorker, startWorkerProcess, type WorkerProcess } from '@redress/testing';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';

const RATE = Number(process.env.RATE ?? 100);
const SECONDS = Number(process.env.SECONDS ?? 20);
const BURST = Number(process.env.BURST ?? 3000);
const server = process.env.BENCH_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';
const databaseUrl = `${server}/redress_bench_worker`;
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `redress-bench-worker-${Date.now().toString(36)}`;
const cipher = new FieldCipher(
  parseFieldKeys(DEVELOPMENT_FIELD_KEYS),
  Buffer.from(DEVELOPMENT_BLIND_INDEX_KEY, 'base64'),
);
const sections = applicationSections.filter((section) => section !== 'representative' && section !== 'authority');
const answers = exampleCompleteApplication() as Record<string, unknown>;
let serial = 0;
const committedAt = new Map<string, number>();

/** One submission as the submit use case commits it (the parts the assessment reads). */
async function submitOne(client: pg.ClientBase): Promise<string> {
  const citizenId = randomUUID();
  const applicationId = randomUUID();
  const claimId = randomUUID();
  const number = (serial += 1);
  const now = new Date();
  await client.query('BEGIN');
  await client.query('INSERT INTO citizen_account (id, email_blind_index, email_encrypted) VALUES ($1, $2, $3)', [
    citizenId,
    `bench-${citizenId}`,
    cipher.encrypt(`${citizenId}@example.test`, `citizen:${citizenId}:email`),
  ]);
  await client.query(
    `INSERT INTO application (id, owner_citizen_id, status, version, created_at, updated_at, submitted_at)
     VALUES ($1, $2, 'submitted', 17, $3, $3, $3)`,
    [applicationId, citizenId, now],
  );
  const values: unknown[] = [];
  const rows = sections.map((section, index) => {
    values.push(
      applicationId,
      section,
      cipher.encryptJson(answers[section], `application:${applicationId}:${section}`),
    );
    const base = index * 3;
    return `($${base + 1}, $${base + 2}, $${base + 3}, 1, 1, now())`;
  });
  await client.query(
    `INSERT INTO application_section (application_id, section, answers_encrypted, revision, saved_at_version, updated_at)
     VALUES ${rows.join(', ')}`,
    values,
  );
  await client.query(
    `INSERT INTO claim (id, reference, application_id, owner_citizen_id, status, version, status_changed_at, submitted_at,
       applicant_role, crime_reference_given, declaration_version, declared_at, declared_by_citizen_id, created_at, updated_at)
     VALUES ($1, $2, $3, $4, 'submitted', 1, $5, $5, 'self', true, '2026-11', $5, $4, $5, $5)`,
    [claimId, `BENCH-${prefix}-${number}`, applicationId, citizenId, now],
  );
  await client.query(
    `INSERT INTO claim_event (id, claim_id, version, type, from_status, to_status, actor_kind, actor_id, occurred_at)
     VALUES ($1, $2, 1, 'claim.submitted', 'draft', 'submitted', 'citizen', $3, $4)`,
    [randomUUID(), claimId, citizenId, now],
  );
  // The last statement's clock is the commit time, give or take the COMMIT round trip (same clock as the worker's).
  const { rows: stamped } = await client.query<{ at: Date }>(
    `INSERT INTO outbox_message (id, job_name, payload, ordering_key) VALUES ($1, 'claims.assess', $2, $3)
     RETURNING clock_timestamp() AS at`,
    [randomUUID(), JSON.stringify({ claimId }), `claim:${claimId}`],
  );
  await client.query('COMMIT');
  committedAt.set(claimId, stamped[0]!.at.getTime());
  return claimId;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function waitAssessed(pool: pg.Pool, claimIds: string[], timeoutMs: number): Promise<Map<string, number>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<{ claim_id: string; at: Date }>(
      `SELECT claim_id, assessed_at AS at FROM claim_automatic_assessment WHERE claim_id = ANY($1::uuid[])`,
      [claimIds],
    );
    if (rows.length === claimIds.length || Date.now() > deadline) {
      return new Map(rows.map((row) => [row.claim_id, row.at.getTime()]));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function bullmqFloor(): Promise<number> {
  const connection = { url: redisUrl, maxRetriesPerRequest: null };
  const queue = new Queue('bench-empty', { connection, prefix });
  for (let start = 0; start < BURST; start += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, BURST - start) }, (_, i) => ({
        name: 'noop',
        data: { i },
        opts: { removeOnComplete: true },
      })),
    );
  }
  let done = 0;
  const started = Date.now();
  const finished = new Promise<void>((resolve) => {
    const worker = new Worker('bench-empty', async () => {}, { connection, prefix, concurrency: 10 });
    worker.on('completed', () => {
      done += 1;
      if (done === BURST) void worker.close().then(resolve);
    });
  });
  await finished;
  const rate = BURST / ((Date.now() - started) / 1000);
  await queue.obliterate({ force: true });
  await queue.close();
  return rate;
}

function pgbenchFloor(): { tps: number; latencyMs: number } {
  const script = join(tmpdir(), `redress-worker-bench-${process.pid}.sql`);
  writeFileSync(
    script,
    `\\set n random(1, :claims)
BEGIN;
SELECT c.id, c.status, c.version FROM claim c JOIN bench_claim b ON b.claim_id = c.id WHERE b.n = :n FOR UPDATE OF c;
SELECT section, answers_encrypted FROM application_section WHERE application_id = (SELECT application_id FROM bench_claim WHERE n = :n) AND NOT set_aside;
INSERT INTO bench_assessment SELECT claim_id, outcome, edition, assessment_encrypted, team, priority, priority_reasons, now() FROM claim_automatic_assessment LIMIT 1;
UPDATE claim SET updated_at = now() WHERE id = (SELECT claim_id FROM bench_claim WHERE n = :n);
INSERT INTO bench_event SELECT gen_random_uuid(), claim_id, version, type, from_status, to_status, actor_kind, actor_id, now(), data FROM claim_event LIMIT 1;
SELECT pg_advisory_xact_lock(7243);
INSERT INTO bench_audit SELECT * FROM audit_log ORDER BY sequence DESC LIMIT 1;
COMMIT;
`,
  );
  const claims = execFileSync('psql', [databaseUrl, '-tAc', 'SELECT count(*) FROM bench_claim']).toString().trim();
  const output = execFileSync('pgbench', [
    '-n',
    '-c',
    '10',
    '-j',
    '2',
    '-T',
    '10',
    '-D',
    `claims=${claims}`,
    '-f',
    script,
    databaseUrl,
  ]).toString();
  const tps = Number(/tps = ([\d.]+)/.exec(output)?.[1]);
  const latencyMs = Number(/latency average = ([\d.]+) ms/.exec(output)?.[1]);
  return { tps, latencyMs };
}

async function main(): Promise<void> {
  await dropDatabase(databaseUrl);
  await createDatabaseIfMissing(databaseUrl);
  await runMigrations(databaseUrl);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 8 });
  const main = buildWorker();
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    AUDIT_VERIFY_EVERY_MS: '0',
    REFERRAL_CLOCK_SWEEP_EVERY_MS: '0',
    NOTIFICATION_RECOVERY_EVERY_MS: '0',
    WORKER_CONCURRENCY: '10',
  };
  let worker: WorkerProcess = await startWorkerProcess(main, env);
  // Never leave a worker behind (it would keep assessing this database's rows in a later run).
  process.on('exit', () => worker.child.kill('SIGKILL'));

  // 3. Latency at a steady rate.
  const committed = new Map<string, number>();
  const clients = await Promise.all(Array.from({ length: 6 }, () => pool.connect()));
  const total = RATE * SECONDS;
  const start = Date.now();
  const inFlight: Promise<void>[] = [];
  for (let index = 0; index < total; index++) {
    const due = start + (index * 1000) / RATE;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const client = clients[index % clients.length]!;
    inFlight.push(
      (async () => {
        const claimId = await submitOne(client);
        committed.set(claimId, committedAt.get(claimId)!);
      })(),
    );
    if (inFlight.length >= clients.length) await Promise.all(inFlight.splice(0));
  }
  await Promise.all(inFlight);
  const offeredRate = total / ((Date.now() - start) / 1000);
  const assessed = await waitAssessed(pool, [...committed.keys()], 120_000);
  const latencies = [...committed]
    .flatMap(([id, at]) => (assessed.has(id) ? [assessed.get(id)! - at] : []))
    .sort((a, b) => a - b);

  // 4. Throughput from a backlog.
  await worker.kill('SIGTERM');
  const backlog: string[] = [];
  for (let index = 0; index < BURST; index++) backlog.push(await submitOne(clients[index % clients.length]!));
  for (const client of clients) client.release();
  const backlogStart = Date.now();
  worker = await startWorkerProcess(main, env);
  const backlogAssessed = await waitAssessed(pool, backlog, 300_000);
  const times = [...backlogAssessed.values()];
  if (backlogAssessed.size !== BURST) throw new Error(`only ${backlogAssessed.size} of ${BURST} assessed`);
  console.error(
    `backlog: ${backlogAssessed.size} assessed, first ${Math.min(...times) - backlogStart} ms, last ${Math.max(...times) - backlogStart} ms after the worker was started`,
  );
  // From the first assessment to the last: the worker's boot is not throughput.
  const throughput = (backlogAssessed.size - 1) / ((Math.max(...times) - Math.min(...times)) / 1000);
  const throughputWithBoot = backlogAssessed.size / ((Math.max(...times) - backlogStart) / 1000);
  await worker.kill('SIGTERM');

  // 5 and 6. Floors.
  const bullmqRate = await bullmqFloor();
  await pool.query(
    `CREATE TABLE bench_claim AS SELECT row_number() OVER () AS n, id AS claim_id, application_id FROM claim`,
  );
  await pool.query(`CREATE UNIQUE INDEX ON bench_claim (n)`);
  await pool.query(`CREATE TABLE bench_assessment AS SELECT * FROM claim_automatic_assessment WITH NO DATA`);
  await pool.query(`CREATE TABLE bench_event AS SELECT * FROM claim_event WITH NO DATA`);
  await pool.query(`CREATE TABLE bench_audit AS SELECT * FROM audit_log WITH NO DATA`);
  const pgbench = pgbenchFloor();
  await pool.end();

  const result = {
    date: new Date().toISOString(),
    commitToAssessment: {
      offeredPerSecond: Math.round(offeredRate),
      submissions: total,
      assessed: latencies.length,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      p99Ms: percentile(latencies, 99),
      maxMs: latencies.at(-1),
    },
    assessmentThroughputPerSecond: Math.round(throughput),
    assessmentThroughputIncludingWorkerBootPerSecond: Math.round(throughputWithBoot),
    note: 'latency ends at assessed_at, stamped in the handler inside its transaction (before its commit)',
    bullmqEmptyJobsPerSecond: Math.round(bullmqRate),
    pgbenchAssessmentSql: { clients: 10, tps: Math.round(pgbench.tps), latencyAverageMs: pgbench.latencyMs },
  };
  console.log(JSON.stringify(result, null, 2));
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/worker.json', `${JSON.stringify(result, null, 2)}\n`);
  await dropDatabase(databaseUrl);
  await clearQueues();
}

/** Every key the run's queues left under its prefix (about 10,000 finished jobs): nothing of it stays in Redis. */
async function clearQueues(): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 1000 }) as AsyncIterable<string[]>) {
      if (keys.length) await redis.del(...keys);
    }
  } finally {
    redis.disconnect();
  }
}

await main();
process.exit(0);
