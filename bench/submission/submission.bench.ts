/**
 * Submission throughput and latency against the built citizen API, with a pgbench baseline in the same run.
 *
 *   npm run build && npx tsx bench/submission/submission.bench.ts
 *
 * 1. A database of its own (`redress_bench_submission`, dropped and made afresh), migrated.
 * 2. Drafts seeded straight into it: complete applications of about 5 KB of answers each, every section
 *    encrypted with the development field key exactly as the API stores them, one citizen (and token) each.
 * 3. Baseline: pgbench, 8 clients, a single-row INSERT into a claim-like table, for the same duration.
 * 4. For each API process count in BENCH_PROCESSES (default `1,2`: the APIs are stateless, so production scales
 *    by running more of them behind a load balancer; here the load is spread round-robin over N processes, each on
 *    its own port, and nothing else changes):
 *    - one request at a time (the floor);
 *    - sustained throughput: 50 connections (closed loop) post each draft's submission once (its own
 *      Idempotency-Key), as fast as the servers answer;
 *    - latency at half that rate, requests EVENLY spaced (open loop, at most 50 in flight, latency counted from
 *      when each request was due). See load.ts for why not autocannon's bursty rate mode.
 * 5. Checks: one claim, one event and three outbox rows per 201, nothing else.
 * Writes bench/results/submission.json. The load generator, PostgreSQL and Redis share the machine's cores.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import jwt from 'jsonwebtoken';
import pg from 'pg';
import { applicationSections, exampleCompleteApplication } from '@redress/domain';
import { createDatabaseIfMissing, dropDatabase, runMigrations } from '@redress/persistence';
import { FieldCipher, loadConfig, parseFieldKeys } from '@redress/platform';
import {
  CITIZEN_TOKEN_ALGORITHM,
  CITIZEN_TOKEN_AUDIENCE,
  CITIZEN_TOKEN_ISSUER,
} from '../../apps/citizen-api/src/auth/citizen-access-tokens.js';
import { CitizenApiConfig } from '../../apps/citizen-api/src/config.js';
import { startBuiltApp } from '../support/server.js';
import { closedLoop, openLoop, type LoadResult, type PlannedRequest } from './load.js';

const here = dirname(fileURLToPath(import.meta.url));
const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DRAFTS = Number(process.env.BENCH_DRAFTS ?? 45_000);
const PROCESSES = (process.env.BENCH_PROCESSES ?? '1,2').split(',').map(Number);
const serverUrl = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
const databaseUrl = `${serverUrl}/redress_bench_submission`;
const config = loadConfig(CitizenApiConfig, {});
const cipher = new FieldCipher(
  parseFieldKeys(config.FIELD_ENCRYPTION_KEYS),
  Buffer.from(config.BLIND_INDEX_KEY, 'base64'),
);

interface Draft {
  applicationId: string;
  authorization: string;
}

/** A complete application of about 5 KB, varied a little per draft so no two are byte-identical. */
function answersFor(index: number): Record<string, object> {
  const example = exampleCompleteApplication();
  const day = new Date(Date.UTC(2026, 0, 1) + (index % 300) * 86_400_000).toISOString().slice(0, 10);
  return {
    ...example,
    applicant: { ...example.applicant, firstName: `Alex${index}` },
    crime: { ...example.crime, date: day, reportedOn: day, crimeReference: `REF-${index}` },
    impact: {
      ...example.impact,
      effectOnDailyLife: `${example.impact.effectOnDailyLife} `.repeat(7).slice(0, 1800),
    },
  };
}

async function seed(count: number): Promise<Draft[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const drafts: Draft[] = [];
  const now = new Date();
  const expires = new Date(now.getTime() + 30 * 86_400_000);
  const order = applicationSections.filter((section) => section !== 'representative' && section !== 'authority');
  let bytes = 0;
  try {
    for (let start = 0; start < count; start += 500) {
      const accounts: unknown[] = [];
      const applications: unknown[] = [];
      const sections: unknown[] = [];
      for (let index = start; index < Math.min(count, start + 500); index += 1) {
        const citizenId = randomUUID();
        const applicationId = randomUUID();
        const answers = answersFor(index);
        bytes += JSON.stringify(answers).length;
        accounts.push([
          citizenId,
          `bench-${citizenId}`,
          cipher.encrypt(`${citizenId}@example.test`, `citizen:${citizenId}:email`),
        ]);
        applications.push([applicationId, citizenId, order.length + 1, now, expires]);
        order.forEach((section, position) => {
          sections.push([
            applicationId,
            section,
            cipher.encryptJson(answers[section], `application:${applicationId}:${section}`),
            position + 2,
            now,
          ]);
        });
        const token = jwt.sign({ typ: 'access' }, config.CITIZEN_TOKEN_SECRET, {
          algorithm: CITIZEN_TOKEN_ALGORITHM,
          subject: citizenId,
          issuer: CITIZEN_TOKEN_ISSUER,
          audience: CITIZEN_TOKEN_AUDIENCE,
          expiresIn: 3600,
        });
        drafts.push({ applicationId, authorization: `Bearer ${token}` });
      }
      const insert = async (table: string, columns: string, rows: unknown[], extra = '') => {
        const width = (rows[0] as unknown[]).length;
        const placeholders = rows
          .map(
            (_, row) =>
              `(${Array.from({ length: width }, (__, column) => `$${row * width + column + 1}`).join(', ')}${extra})`,
          )
          .join(', ');
        await client.query(`INSERT INTO ${table} (${columns}) VALUES ${placeholders}`, rows.flat());
      };
      await insert('citizen_account', 'id, email_blind_index, email_encrypted', accounts);
      await insert(
        'application',
        'id, owner_citizen_id, version, created_at, expires_at, status, updated_at',
        applications,
        ", 'draft', now()",
      );
      for (let offset = 0; offset < sections.length; offset += 2000) {
        await insert(
          'application_section',
          'application_id, section, answers_encrypted, saved_at_version, updated_at, revision',
          sections.slice(offset, offset + 2000),
          ', 1',
        );
      }
    }
  } finally {
    await client.end();
  }
  console.log(`seeded ${count} drafts, ${Math.round(bytes / count)} bytes of answers each`);
  return drafts;
}

function pgbenchBaseline(): { clients: number; tps: number } {
  const script = join(tmpdir(), `redress-bench-insert-${process.pid}.sql`);
  writeFileSync(
    script,
    `INSERT INTO bench_claim_insert (reference, status, payload) VALUES (md5(random()::text), 'submitted', '{"claimId":"x"}');\n`,
  );
  execFileSync('psql', [
    databaseUrl,
    '-q',
    '-c',
    `CREATE TABLE IF NOT EXISTS bench_claim_insert (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(), reference text NOT NULL, status text NOT NULL, payload jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now())`,
  ]);
  const output = execFileSync(
    'pgbench',
    ['-n', '-c', '8', '-j', '2', '-T', String(DURATION_SECONDS), '-f', script, databaseUrl],
    {
      encoding: 'utf8',
    },
  );
  const tps = /tps = ([\d.]+)/.exec(output);
  if (!tps) throw new Error(`pgbench said: ${output}`);
  return { clients: 8, tps: Number(Number(tps[1]).toFixed(1)) };
}

function submissions(drafts: Draft[], cursor: { next: number }): () => PlannedRequest {
  return () => {
    const draft = drafts[cursor.next];
    cursor.next += 1;
    if (!draft) throw new Error('ran out of drafts: raise BENCH_DRAFTS');
    return {
      method: 'POST',
      path: `/v1/applications/${draft.applicationId}/submission`,
      headers: { authorization: draft.authorization, 'idempotency-key': randomUUID() },
    };
  };
}

interface Run {
  processes: number;
  oneConnection: LoadResult;
  sustained: LoadResult;
  ratioToPgbench: number;
  halfRate: LoadResult & { targetRate: number };
}

async function measure(processes: number, drafts: Draft[], cursor: { next: number }, pgbenchTps: number): Promise<Run> {
  const servers = [];
  try {
    for (let index = 0; index < processes; index += 1) {
      servers.push(
        await startBuiltApp(resolve(here, '../../dist/apps/citizen-api/src/main.js'), {
          DATABASE_URL: databaseUrl,
          DATABASE_POOL_SIZE: process.env.BENCH_POOL_SIZE ?? '20',
          QUEUE_PREFIX: `bench-${process.pid}`,
          // BENCH_PROFILE=<dir> writes a V8 CPU profile of each server there, to find where the time goes.
          ...(process.env.BENCH_PROFILE
            ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.BENCH_PROFILE}` }
            : {}),
        }),
      );
    }
    const urls = servers.map((server) => server.url);
    const next = submissions(drafts, cursor);
    // Warm-up: the JIT, the pool and the caches see the route first.
    await closedLoop({ urls, connections: 10, seconds: 2, next });
    // The floor: one request at a time, nothing queued behind anything.
    const oneConnection = await closedLoop({ urls, connections: 1, seconds: 3, next });
    const sustained = await closedLoop({ urls, connections: CONNECTIONS, seconds: DURATION_SECONDS, next });
    console.log(`${processes} process(es), sustained: ${sustained.requestsPerSecond} submissions/s`);
    const rate = Math.max(1, Math.floor(sustained.requestsPerSecond / 2));
    const halfRate = await openLoop({ urls, rate, seconds: DURATION_SECONDS, maxInFlight: CONNECTIONS, next });
    console.log(`${processes} process(es), evenly at ${rate}/s: p50 ${halfRate.p50Ms} ms, p99 ${halfRate.p99Ms} ms`);
    return {
      processes,
      oneConnection,
      sustained,
      ratioToPgbench: Number((sustained.requestsPerSecond / pgbenchTps).toFixed(3)),
      halfRate,
    };
  } finally {
    for (const server of servers) await server.stop();
  }
}

async function main(): Promise<void> {
  await dropDatabase(databaseUrl);
  await createDatabaseIfMissing(databaseUrl);
  await runMigrations(databaseUrl);
  const drafts = await seed(DRAFTS);
  const baseline = pgbenchBaseline();
  console.log(`pgbench single-row INSERT, 8 clients: ${baseline.tps} tps`);

  const cursor = { next: 0 };
  const runs: Run[] = [];
  for (const processes of PROCESSES) runs.push(await measure(processes, drafts, cursor, baseline.tps));
  const headline = runs.reduce((best, run) =>
    run.sustained.requestsPerSecond > best.sustained.requestsPerSecond ? run : best,
  );

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { claims, outbox, events } = (
    await client.query(
      `SELECT (SELECT count(*)::int FROM claim) AS claims, (SELECT count(*)::int FROM outbox_message) AS outbox,
              (SELECT count(*)::int FROM claim_event) AS events`,
    )
  ).rows[0] as { claims: number; outbox: number; events: number };
  await client.end();

  const result = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    durationSeconds: DURATION_SECONDS,
    connections: CONNECTIONS,
    answersBytesPerApplication: JSON.stringify(answersFor(0)).length,
    pgbenchSingleRowInsert: baseline,
    loadGenerator: 'bench/submission/load.ts: closed loop for throughput, even open loop for the half-rate latency',
    // The headline is the process count that sustained the most; every count measured is under `runs`.
    processes: headline.processes,
    oneConnection: headline.oneConnection,
    sustained: headline.sustained,
    ratioToPgbench: headline.ratioToPgbench,
    halfRate: headline.halfRate,
    runs,
    submissionsSent: cursor.next,
    claimsWritten: claims,
    outboxRows: outbox,
    claimEvents: events,
    consistent: outbox === claims * 3 && events === claims,
    bottleneck:
      "The API process's CPU, not a lock: sampled under load, PostgreSQL's connections sit idle in transaction " +
      'waiting for the API (ClientRead), and the API is at a full core. In its CPU profile the largest cost is ' +
      "socket writes to PostgreSQL (pg's writev, one per statement: about a quarter of its samples), then " +
      'AES-GCM key preparation in createDecipheriv for the 14 sections (about 6 %: FieldCipher passes a raw key ' +
      'Buffer on every call), then jsonwebtoken trying createPublicKey on the HMAC secret at every verify (about ' +
      '1 %). A submission now makes 5 round trips (BEGIN, idempotency key, lock + sections + claim number, writes ' +
      '+ audit entry, COMMIT), down from 9. This host has 2 vCPUs shared by the API, PostgreSQL, Redis and the ' +
      'load generator, so a second API process competes for the same cores instead of adding any.',
    caveats: [
      "The load generator, PostgreSQL, Redis and the API share 2 vCPUs with other engineers' test suites: absolute " +
        'figures move by a third from run to run (compare pgbenchSingleRowInsert, measured in the same run).',
      'Half-rate latency is measured at an even arrival rate from when each request was due (load.ts); ' +
        "autocannon's overallRate sent each second's requests in a burst and overstated p99.",
    ],
  };
  mkdirSync(resolve(here, '../results'), { recursive: true });
  writeFileSync(resolve(here, '../results/submission.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
}

await main();
