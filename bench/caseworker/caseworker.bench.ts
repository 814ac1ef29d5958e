/**
 * The caseworker API's work queue and search over 1,000,000 claims (issue 7 item 13).
 * Run: npm run build && npx tsx bench/caseworker/caseworker.bench.ts   (not part of npm test)
 *
 * Drops and creates the database redress_bench_caseworker (on BENCH_DATABASE_SERVER, default the local server),
 * migrates it, generates the claims with generate_series straight into the tables the queue and search read
 * (bench/caseworker/generate.sql.ts: teams, statuses, priorities, service-level due dates, a share assigned, a few
 * restricted; search terms as blind indexes computed in SQL with pgcrypto's hmac() exactly as FieldCipher.blindIndex
 * does with the development key), VACUUM ANALYZE, then starts the built caseworker API against it and measures real
 * HTTP requests one bounded loop at a time:
 *   (a) GET /v1/work for a team: first pages, pages followed by cursor, and cursors deep into the queue  p95 <= 20 ms
 *   (b) POST /v1/work/next, 8 caseworkers of one team at once (own tokens), no claim given twice         p95 <= 20 ms
 *   (c) GET /v1/search/claims by reference, name, date of birth, postcode                                 p95 <= 50 ms
 *       and, reported beside it (not part of the target above), close name search (nameMatch=close) with one letter
 *       of the sample's name changed, alone and with the date of birth (which must find every sample's claim: it
 *       checks that the generated name variants are keyed exactly as the API keys them)
 * and EXPLAIN (ANALYZE, BUFFERS) of the queue page and work/next SQL, taken from PostgresWorkStore itself.
 * Writes bench/results/caseworker.json. BENCH_CLAIMS changes the number of claims; BENCH_KEEP_DATABASE=1 keeps the
 * database afterwards and BENCH_REUSE_DATABASE=1 runs against it again without generating; BENCH_BASELINE_DIST=<dir>
 * also starts the caseworker API built in <dir> (another commit's dist/) and measures its work/next in alternating
 * rounds with this build's, so the two are compared on the same machine at the same time. Needs PostgreSQL (with pgcrypto) and Redis on localhost, as the tests do.
 */
// The libraries' entry points hold classes with decorators (class-transformer's need Reflect.getMetadata).
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import jwt from 'jsonwebtoken';
import pg from 'pg';
import { deletionNeighbourhood, LONGEST_EXACT_ONLY_TOKEN, nameTokens, normaliseName } from '@redress/application';
import {
  createDatabaseIfMissing,
  dropDatabase,
  PostgresCaseworkTransaction,
  PostgresClaimSearchIndex,
  PostgresWorkStore,
  runMigrations,
} from '@redress/persistence';
import { FieldCipher } from '@redress/platform';
import {
  DEVELOPMENT_ONLY_STAFF_PRIVATE_KEY,
  DEVELOPMENT_ONLY_STAFF_TOKEN_AUDIENCE,
  DEVELOPMENT_ONLY_STAFF_TOKEN_ISSUER,
  DEVELOPMENT_ONLY_STAFF_TOKEN_KEY_ID,
} from '../../apps/caseworker-api/src/auth/development-only-staff-keys.js';
import { startBuiltApp } from '../support/server.js';
import { fillTables, seedTable } from './generate.sql.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const SERVER = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
const DATABASE_URL = `${SERVER}/redress_bench_caseworker`;
const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 1_000_000);
const TEAM = 'general';
const WORKERS = 8;
const TAKES_PER_WORKER = 150;
const TARGETS = { workPageP95Ms: 20, workNextP95Ms: 20, searchP95Ms: 50 };

// The development blind-index key, from the built platform (its config module needs decorator metadata).
const { DEVELOPMENT_BLIND_INDEX_KEY } = (await import(
  resolve(root, 'dist/libs/platform/src/config/app-config.js')
)) as { DEVELOPMENT_BLIND_INDEX_KEY: string };

function token(sub: string, roles: string[], team: string): string {
  return jwt.sign({ roles, team }, DEVELOPMENT_ONLY_STAFF_PRIVATE_KEY, {
    algorithm: 'RS256',
    keyid: DEVELOPMENT_ONLY_STAFF_TOKEN_KEY_ID,
    subject: sub,
    issuer: DEVELOPMENT_ONLY_STAFF_TOKEN_ISSUER,
    audience: DEVELOPMENT_ONLY_STAFF_TOKEN_AUDIENCE,
    expiresIn: 3600,
  });
}

interface Stats {
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return {
    requests: sorted.length,
    p50Ms: round(at(0.5)),
    p95Ms: round(at(0.95)),
    p99Ms: round(at(0.99)),
    maxMs: round(sorted.at(-1) ?? 0),
  };
}

async function timed(url: string, init: RequestInit): Promise<{ ms: number; status: number; body: unknown }> {
  const started = performance.now();
  const response = await fetch(url, init);
  const text = await response.text();
  const ms = performance.now() - started;
  return { ms, status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

/**
 * The name with one letter of its longest word changed (the middle letter, to the next one of the alphabet): a
 * spelling close search finds. Null when no word has more than LONGEST_EXACT_ONLY_TOKEN letters.
 */
function oneLetterChanged(name: string): string | null {
  const words = name.split(' ');
  const longest = words.reduce((best, word, index) => (word.length > words[best]!.length ? index : best), 0);
  const word = words[longest]!;
  const letters = [...word].flatMap((character, index) => (/[A-Za-z]/.test(character) ? [index] : []));
  if (letters.length <= LONGEST_EXACT_ONLY_TOKEN) return null;
  const at = letters[Math.floor(letters.length / 2)]!;
  const next = (character: string) =>
    character === 'z' ? 'a' : character === 'Z' ? 'A' : String.fromCharCode(character.charCodeAt(0) + 1);
  words[longest] = word.slice(0, at) + next(word[at]!) + word.slice(at + 1);
  return words.join(' ');
}

async function generate(client: pg.Client): Promise<Record<string, number>> {
  const seconds: Record<string, number> = {};
  const step = async (name: string, sql: string) => {
    const started = Date.now();
    await client.query(sql);
    seconds[name] = (seconds[name] ?? 0) + Math.round((Date.now() - started) / 100) / 10;
    console.log(`  ${name}: ${seconds[name]} s`);
  };
  await client.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
  // Triggers and foreign-key checks off while loading: the derived columns are written by the triggers' formulas.
  await client.query(`SET session_replication_role = replica`);
  await client.query(`SET synchronous_commit = off`);
  await client.query(`SET maintenance_work_mem = '512MB'`);
  await client.query(`SET work_mem = '256MB'`);
  await client.query(`SELECT setseed(0.42)`);
  await step('seed', seedTable(CLAIMS));
  const names = ['functions', 'functions', 'functions', 'citizen_account', 'application', 'claim', 'claim_event'];
  const statements = fillTables(DEVELOPMENT_BLIND_INDEX_KEY);
  for (const [index, sql] of statements.entries()) {
    const name =
      names[index] ??
      (sql.includes('claim_restricted_staff')
        ? 'claim_restricted_staff'
        : sql.includes('claim_search_term')
          ? 'claim_search_term'
          : sql.includes('claim_name_variant')
            ? 'claim_name_variant'
            : 'sequence');
    await step(name, sql);
  }
  await client.query(`SET session_replication_role = origin`);
  await step('vacuum analyze', `VACUUM ANALYZE`);
  return seconds;
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  // BENCH_REUSE_DATABASE=1 (with a database kept by BENCH_KEEP_DATABASE=1): no drop and no generation, for
  // iterating on the API; the claims taken by earlier runs stay taken.
  const reuse = process.env.BENCH_REUSE_DATABASE === '1';
  if (!reuse) {
    console.log(`== database ${DATABASE_URL}: drop, create, migrate`);
    await dropDatabase(DATABASE_URL);
    await createDatabaseIfMissing(DATABASE_URL);
  }
  await runMigrations(DATABASE_URL);
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  let server: Awaited<ReturnType<typeof startBuiltApp>> | undefined;
  let baselineServer: Awaited<ReturnType<typeof startBuiltApp>> | undefined;
  try {
    const generationStarted = Date.now();
    let generationSteps: Record<string, number> | null = null;
    if (!reuse) {
      console.log(`== generating ${CLAIMS.toLocaleString('en-GB')} claims`);
      generationSteps = await generate(client);
    } else {
      // Claims taken by earlier runs stay taken; hand them back as a fresh run would have them, and let the
      // vacuum autovacuum would have run clear their dead row versions out of the queue's partial index.
      await client.query(
        `UPDATE claim SET assigned_staff_id = NULL, assigned_at = NULL WHERE assigned_staff_id LIKE 'bench-cw-%'`,
      );
      await client.query(`VACUUM ANALYZE claim`);
    }
    const generationSeconds = Math.round((Date.now() - generationStarted) / 100) / 10;
    const { rows: counts } = await client.query<{ table: string; rows: string }>(
      `SELECT 'claim' AS table, count(*) AS rows FROM claim UNION ALL SELECT 'claim_search_term', count(*) FROM claim_search_term
       UNION ALL SELECT 'claim_name_variant', count(*) FROM claim_name_variant
       UNION ALL SELECT 'claim_event', count(*) FROM claim_event UNION ALL SELECT 'claim_restricted_staff', count(*) FROM claim_restricted_staff
       UNION ALL SELECT 'unassigned workable in ' || '${TEAM}', count(*) FROM claim WHERE team = '${TEAM}' AND assigned_staff_id IS NULL
         AND status IN ('submitted', 'triaged', 'in_assessment', 'reopened', 'review_requested')
       UNION ALL SELECT 'queue of ${TEAM} (GET /v1/work)', count(*) FROM claim WHERE team = '${TEAM}' AND status <> 'draft'`,
    );
    const tableRows = Object.fromEntries(counts.map((row) => [row.table, Number(row.rows)]));
    console.log(tableRows);

    // Search samples: what a caller would type, from claims that are not restricted.
    const { rows: samples } = await client.query<{
      reference: string;
      name: string;
      date_of_birth: string;
      postcode: string;
    }>(
      `SELECT c.reference, s.first_name || ' ' || s.last_name AS name, to_char(s.date_of_birth, 'YYYY-MM-DD') AS date_of_birth,
         s.postcode FROM bench_seed s JOIN claim c ON c.id = s.claim_id
       WHERE NOT s.restricted ORDER BY s.r_staff LIMIT 300`,
    );
    // Deep cursors: positions spread through the whole team queue (what a cursor after many pages holds).
    const { rows: positions } = await client.query<{ priority: number; due: Date; id: string }>(
      `SELECT priority, service_level_due_at AS due, id FROM (
         SELECT priority, service_level_due_at, id, row_number() OVER (ORDER BY priority, service_level_due_at, id) AS n
         FROM claim WHERE team = '${TEAM}' AND status <> 'draft') q
       WHERE n % greatest(1, (SELECT count(*) FROM claim WHERE team = '${TEAM}') / 200) = 0`,
    );
    // Kept with the database, for BENCH_REUSE_DATABASE.
    if (process.env.BENCH_KEEP_DATABASE !== '1') await client.query(`DROP TABLE bench_seed`);

    const closeExample = samples.map((sample) => oneLetterChanged(sample.name)).find((name) => name !== null)!;
    const explains = await explainQueries(client, positions[Math.floor(positions.length / 2)]!, closeExample);

    console.log('== starting the built caseworker API');
    const serverEnvironment = {
      DATABASE_URL,
      QUEUE_PREFIX: 'redress-bench-caseworker',
      DATABASE_POOL_SIZE: '16',
      // One load generator stands for many caseworkers, each of whom has an address (and a limit) of their own.
      RATE_LIMIT_DEFAULT_PER_MINUTE: '100000000',
    };
    server = await startBuiltApp(resolve(root, 'dist/apps/caseworker-api/src/main.js'), serverEnvironment);
    const base = server.url;
    // BENCH_BASELINE_DIST: the dist/ of another build (an earlier commit) to measure work/next against in the same run.
    if (process.env.BENCH_BASELINE_DIST) {
      baselineServer = await startBuiltApp(
        resolve(process.env.BENCH_BASELINE_DIST, 'apps/caseworker-api/src/main.js'),
        serverEnvironment,
      );
    }
    const caseworker = token('bench-reader', ['caseworker'], TEAM);
    const headers = { authorization: `Bearer ${caseworker}` };

    // ---- (a) work queue pages ----
    const get = (path: string) => timed(`${base}${path}`, { headers });
    for (let i = 0; i < 30; i += 1) await get(`/v1/work?limit=25`); // warm-up
    const firstPage: number[] = [];
    const followed: number[] = [];
    const deep: number[] = [];
    const filtered: number[] = [];
    const failures: string[] = [];
    const check = (label: string, response: { status: number }) => {
      if (response.status !== 200) failures.push(`${label}: ${response.status}`);
    };
    for (let i = 0; i < 100; i += 1) {
      const response = await get(`/v1/work?team=${TEAM}&limit=25`);
      check('first page', response);
      firstPage.push(response.ms);
    }
    let cursor: string | null = null;
    for (let i = 0; i < 200; i += 1) {
      const response = await get(`/v1/work?limit=25${cursor ? `&cursor=${cursor}` : ''}`);
      check('followed page', response);
      followed.push(response.ms);
      cursor = (response.body as { nextCursor: string | null }).nextCursor;
      if (!cursor) break;
    }
    for (const position of positions) {
      const deepCursor = Buffer.from(
        JSON.stringify([position.priority, new Date(position.due).toISOString(), position.id]),
      ).toString('base64url');
      const response = await get(`/v1/work?team=${TEAM}&limit=25&cursor=${deepCursor}`);
      check('deep page', response);
      if ((response.body as { items?: unknown[] }).items?.length !== 25) failures.push('deep page: short page');
      deep.push(response.ms);
    }
    for (const query of ['status=in_assessment', 'assigned=unassigned', 'priority=1', 'status=submitted&priority=3']) {
      for (let i = 0; i < 25; i += 1) {
        const response = await get(`/v1/work?limit=25&${query}`);
        check(query, response);
        filtered.push(response.ms);
      }
    }
    const workPage = {
      all: stats([...firstPage, ...followed, ...deep, ...filtered]),
      firstPage: stats(firstPage),
      followedByCursor: stats(followed),
      deepCursors: stats(deep),
      withFilters: stats(filtered),
    };
    console.log('work page', workPage);

    // ---- (b) work/next, 8 caseworkers of one team at once ----
    // Each round: the floor (8 callers of GET /v1/staff/me: HTTP, token check, rate limit, nothing else), then
    // this build's work/next, then (BENCH_BASELINE_DIST) an earlier build's, so all three see the same machine.
    const workers = Array.from({ length: WORKERS }, (_, i) => ({
      staffId: `bench-cw-${i + 1}`,
      authorization: `Bearer ${token(`bench-cw-${i + 1}`, ['caseworker'], TEAM)}`,
    }));
    const taken: Array<{ reference: string; staffId: string }> = [];
    let emptyQueue = 0;
    const takeLoop = async (
      url: string,
      worker: (typeof workers)[number],
      count: number,
      latencies: number[] | null,
    ) => {
      for (let i = 0; i < count; i += 1) {
        const response = await timed(`${url}/v1/work/next`, {
          method: 'POST',
          headers: { authorization: worker.authorization },
        });
        if (response.status === 204) emptyQueue += 1;
        else if (response.status !== 200) failures.push(`work/next: ${response.status}`);
        else taken.push({ reference: (response.body as { reference: string }).reference, staffId: worker.staffId });
        latencies?.push(response.ms);
      }
    };
    const floorLoop = async (worker: (typeof workers)[number], count: number, latencies: number[]) => {
      for (let i = 0; i < count; i += 1) {
        const response = await timed(`${base}/v1/staff/me`, { headers: { authorization: worker.authorization } });
        check('staff/me', response);
        latencies.push(response.ms);
      }
    };
    const ROUNDS = 3;
    const perRound = Math.ceil(TAKES_PER_WORKER / ROUNDS);
    const nextLatencies: number[] = [];
    const baselineLatencies: number[] = [];
    const floorLatencies: number[] = [];
    let nextSeconds = 0;
    let baselineSeconds = 0;
    const concurrently = async (run: (worker: (typeof workers)[number]) => Promise<void>) => {
      const started = performance.now();
      await Promise.all(workers.map(run));
      return (performance.now() - started) / 1000;
    };
    // Warm-up (claims taken here are counted too).
    await concurrently((worker) => takeLoop(base, worker, 5, null));
    if (baselineServer) await concurrently((worker) => takeLoop(baselineServer!.url, worker, 5, null));
    await concurrently((worker) => floorLoop(worker, 5, []));
    for (let round = 0; round < ROUNDS; round += 1) {
      await concurrently((worker) => floorLoop(worker, perRound, floorLatencies));
      nextSeconds += await concurrently((worker) => takeLoop(base, worker, perRound, nextLatencies));
      if (baselineServer) {
        const url = baselineServer.url;
        baselineSeconds += await concurrently((worker) => takeLoop(url, worker, perRound, baselineLatencies));
      }
    }
    const references = taken.map((take) => take.reference);
    const distinct = new Set(references).size;
    const { rows: holders } = await client.query<{ reference: string; assigned_staff_id: string; events: string }>(
      `SELECT c.reference, c.assigned_staff_id, (SELECT count(*) FROM claim_event e WHERE e.claim_id = c.id) AS events
       FROM claim c WHERE c.reference = ANY($1::text[])`,
      [references],
    );
    const holderOf = new Map(holders.map((row) => [row.reference, row.assigned_staff_id]));
    const heldByTaker = taken.every((take) => holderOf.get(take.reference) === take.staffId);
    const { rows: assignedToBench } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM claim WHERE assigned_staff_id LIKE 'bench-cw-%'`,
    );
    const nextStats = stats(nextLatencies);
    const floor = stats(floorLatencies);
    const baseline = baselineServer
      ? {
          build: process.env.BENCH_BASELINE_DIST,
          ...stats(baselineLatencies),
          takesPerSecond: Math.round(baselineLatencies.length / baselineSeconds),
        }
      : null;
    const workNext = {
      concurrentCaseworkers: WORKERS,
      ...nextStats,
      takesPerSecond: Math.round(nextLatencies.length / nextSeconds),
      claimsTaken: taken.length,
      distinctClaims: distinct,
      claimsAssignedToTheseStaff: Number(assignedToBench[0]!.n),
      everyClaimHeldByItsTaker: heldByTaker,
      emptyQueueAnswers: emptyQueue,
      noClaimGivenTwice: distinct === taken.length && Number(assignedToBench[0]!.n) === taken.length && heldByTaker,
      floorStaffMe: floor,
      p95OverFloorP95: Math.round((nextStats.p95Ms / floor.p95Ms) * 100) / 100,
      baseline,
      p95OverBaselineP95: baseline ? Math.round((nextStats.p95Ms / baseline.p95Ms) * 100) / 100 : null,
    };
    console.log('work/next', workNext);

    // ---- (c) search ----
    const searchBy: Record<string, (sample: (typeof samples)[number]) => string> = {
      reference: (s) => `reference=${encodeURIComponent(s.reference)}`,
      name: (s) => `name=${encodeURIComponent(s.name)}`,
      dateOfBirth: (s) => `dateOfBirth=${s.date_of_birth}`,
      postcode: (s) => `postcode=${encodeURIComponent(s.postcode.toLowerCase())}`,
    };
    // Close name search: what a caller spells with one letter wrong (samples with a word long enough to allow it).
    const closeSamples = samples.filter((sample) => oneLetterChanged(sample.name) !== null);
    const closeBy: Record<string, (sample: (typeof samples)[number]) => string> = {
      closeName: (s) => `name=${encodeURIComponent(oneLetterChanged(s.name)!)}&nameMatch=close`,
      closeNameAndDateOfBirth: (s) =>
        `name=${encodeURIComponent(oneLetterChanged(s.name)!)}&nameMatch=close&dateOfBirth=${s.date_of_birth}`,
    };
    for (const sample of samples.slice(0, 20)) await get(`/v1/search/claims?${searchBy.name!(sample)}`); // warm-up
    for (const sample of closeSamples.slice(0, 20)) await get(`/v1/search/claims?${closeBy.closeName!(sample)}`);
    const search: Record<string, Stats & { meanHits: number; foundTheClaim: number }> = {};
    const allSearches: number[] = [];
    const allCloseSearches: number[] = [];
    const measureSearch = async (
      field: string,
      query: (sample: (typeof samples)[number]) => string,
      from: typeof samples,
      into: number[],
    ) => {
      const latencies: number[] = [];
      let hits = 0;
      let found = 0;
      for (const sample of from.slice(0, 100)) {
        const response = await get(`/v1/search/claims?${query(sample)}&limit=20`);
        check(`search ${field}`, response);
        const claims = (response.body as { claims?: Array<{ reference: string }> }).claims ?? [];
        hits += claims.length;
        // A name or date of birth shared by more than 20 claims may leave the sample's own claim off the page.
        if (claims.some((claim) => claim.reference === sample.reference)) found += 1;
        latencies.push(response.ms);
      }
      into.push(...latencies);
      search[field] = { ...stats(latencies), meanHits: hits / latencies.length, foundTheClaim: found };
    };
    for (const [field, query] of Object.entries(searchBy)) await measureSearch(field, query, samples, allSearches);
    for (const [field, query] of Object.entries(closeBy)) {
      await measureSearch(field, query, closeSamples, allCloseSearches);
    }
    const searchAll = stats(allSearches);
    const closeAll = stats(allCloseSearches);
    console.log('search', search);

    const met = {
      workPage: workPage.all.p95Ms <= TARGETS.workPageP95Ms,
      workNext: workNext.p95Ms <= TARGETS.workNextP95Ms && workNext.noClaimGivenTwice,
      search: searchAll.p95Ms <= TARGETS.searchP95Ms,
      // Reported beside the targets: close name search is not one of the issue's search kinds.
      closeNameSearch: closeAll.p95Ms <= TARGETS.searchP95Ms,
      closeNameFindsEverySample: search.closeNameAndDateOfBirth?.foundTheClaim === Math.min(100, closeSamples.length),
    };
    const result = {
      measuredAt: new Date().toISOString(),
      node: process.version,
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      claims: CLAIMS,
      tableRows,
      generationSeconds,
      generationSteps,
      totalSeconds: Math.round((Date.now() - startedAt) / 1000),
      client: 'sequential fetch requests (one connection) except work/next: 8 connections, one per caseworker',
      targets: TARGETS,
      workPage,
      workNext,
      search: { all: searchAll, allCloseName: closeAll, ...search },
      explain: explains,
      failures: failures.slice(0, 20),
      failureCount: failures.length,
      met,
      meetsTargets: met.workPage && met.workNext && met.search && failures.length === 0,
    };
    mkdirSync(resolve(here, '../results'), { recursive: true });
    writeFileSync(resolve(here, '../results/caseworker.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify({ met: result.met, failures: result.failureCount }, null, 2));
    console.log('written to bench/results/caseworker.json');
  } finally {
    await server?.stop();
    await baselineServer?.stop();
    await client.end();
    if (process.env.BENCH_KEEP_DATABASE !== '1') await dropDatabase(DATABASE_URL);
  }
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the exact SQL PostgresWorkStore and PostgresClaimSearchIndex (a close name search)
 * send: each runs against a stand-in data source that prefixes EXPLAIN, inside a transaction rolled back afterwards
 * (work/next locks a row).
 */
async function explainQueries(
  client: pg.Client,
  deep: { priority: number; due: Date; id: string },
  closeName: string,
): Promise<Record<string, { plan: string[]; indexes: string[]; intendedIndex: string; usesIntendedIndex: boolean }>> {
  let captured: string[] = [];
  const explaining = {
    query: async (sql: string, parameters: unknown[]) => {
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, parameters);
      captured = rows.map((row) => row['QUERY PLAN']);
      return [];
    },
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a stand-in for DataSource and EntityManager
  const store = new PostgresWorkStore(explaining as any);
  // Keyed with the development blind-index key, as the API run against this database keys its searches.
  const cipher = new FieldCipher(
    [{ id: 'bench', key: randomBytes(32) }],
    Buffer.from(DEVELOPMENT_BLIND_INDEX_KEY, 'base64'),
  );
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a stand-in for DataSource
  const searchIndex = new PostgresClaimSearchIndex(explaining as any, cipher);
  const explain = async (intendedIndex: string, run: () => Promise<unknown>) => {
    await client.query('BEGIN');
    try {
      await run();
    } finally {
      await client.query('ROLLBACK');
    }
    const indexes = [...new Set(captured.flatMap((line) => /using (\w+)/i.exec(line)?.[1] ?? []))];
    return { plan: captured, indexes, intendedIndex, usesIntendedIndex: indexes.includes(intendedIndex) };
  };
  const filter = { team: TEAM, viewerStaffId: 'bench-reader' };
  const result = {
    workPageFirst: await explain('claim_work_queue_team_idx', () => store.page(filter, null, 26)),
    workPageDeepCursor: await explain('claim_work_queue_team_idx', () =>
      store.page(filter, { priority: deep.priority, dueAt: new Date(deep.due), id: deep.id }, 26),
    ),
    workPageStatusFilter: await explain('claim_work_queue_idx', () =>
      store.page({ ...filter, status: 'in_assessment' }, null, 26),
    ),
    workNext: await explain('claim_unassigned_work_idx', () =>
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the stand-in EntityManager
      store.lockNextUnassigned(new PostgresCaseworkTransaction(explaining as any), TEAM, 'bench-cw-1'),
    ),
    closeNameSearch: await explain('claim_name_variant_lookup_idx', () =>
      searchIndex.search({
        reference: null,
        terms: [],
        closeName: {
          name: normaliseName(closeName),
          tokens: nameTokens(closeName).map((token) => ({ token, variants: deletionNeighbourhood(token) })),
        },
        viewerStaffId: 'bench-reader',
        limit: 20,
      }),
    ),
  };
  for (const [name, { plan }] of Object.entries(result)) console.log(`-- ${name}\n${plan.join('\n')}`);
  return result;
}

await main();
