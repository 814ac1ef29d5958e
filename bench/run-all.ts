/**
 * Runs every benchmark under bench/ in sequence, each beside the baseline it measures in the same run, then writes
 * bench/results/latest.json and bench/results/latest.md (benchmark, figure, baseline, ratio, target, met?).
 *
 *   npm run bench                 (builds first; `npm run bench -- --no-build` reuses dist/)
 *   npm run bench -- --only worker,submission
 *
 * Each benchmark is its own script and writes its own JSON in bench/results (they can still be run alone):
 *   eligibility-engine   pure, one core                       target >= 200,000 assessments/s
 *   referrals-matcher    pure, 5,000 services                 target p95 <= 5 ms
 *   eligibility-endpoint built citizen API, its own /health/live in the same run; a freshly migrated database of
 *                        its own (made here: the script itself takes DATABASE_URL from the environment)
 *   submission           built citizen API, pgbench single-row INSERTs; its own fresh database
 *   worker               built worker, BullMQ empty jobs and pgbench on the assessment SQL; its own fresh database
 *   caseworker           built caseworker API over 1,000,000 generated claims (its own database, made and dropped by
 *                        the script): work-queue pages and work/next p95 <= 20 ms, search p95 <= 50 ms
 *   citizen-web          built citizen API and citizen web, 50 signed-in sessions: the claim page and the check result
 *                        page each beside the API call it wraps (page adds <= 5 ms at p50); first visits < 150 KB
 * Targets are the study's (shared/design/reliability-security-performance-study.md, section 3.3). Needs PostgreSQL
 * (with pgbench and psql on the PATH) and Redis on localhost, as the tests do. Not part of npm test.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDatabaseIfMissing, dropDatabase, runMigrations } from '@redress/persistence';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'bench', 'results');
const server = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
const { values } = parseArgs({ options: { 'no-build': { type: 'boolean' }, only: { type: 'string' } } });
const only = values.only?.split(',');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Row {
  benchmark: string;
  figure: string;
  baseline: string;
  ratio: string;
  target: string;
  met: boolean | null;
}

interface Benchmark {
  name: string;
  script: string;
  result: string;
  /** A freshly migrated database made for the script, passed as DATABASE_URL. */
  database?: string;
  rows: (result: Json) => Row[];
}

const n = (value: number, digits = 0) =>
  value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (value: number) => `${n(value * 100, 1)} %`;

const benchmarks: Benchmark[] = [
  {
    name: 'eligibility-engine',
    script: 'bench/eligibility/engine.bench.ts',
    result: 'eligibility-engine.json',
    rows: (r) => [
      {
        benchmark: 'eligibility engine, one core',
        figure: `${n(r.assessmentsPerSecond)} assessments/s`,
        baseline: 'none (pure code)',
        ratio: '',
        target: `>= ${n(r.targetPerSecond)}/s`,
        met: r.assessmentsPerSecond >= r.targetPerSecond,
      },
    ],
  },
  {
    name: 'referrals-matcher',
    script: 'bench/referrals/matcher.bench.ts',
    result: 'referrals-matcher.json',
    rows: (r) => [
      {
        benchmark: `referral matcher, ${n(r.services)} services`,
        figure: `p95 ${r.p95Ms} ms (p99 ${r.p99Ms} ms)`,
        baseline: 'none (pure code)',
        ratio: '',
        target: `p95 <= ${r.targetP95Ms} ms`,
        met: r.p95Ms <= r.targetP95Ms,
      },
    ],
  },
  {
    name: 'eligibility-endpoint',
    script: 'bench/eligibility/endpoint.bench.ts',
    result: 'eligibility-endpoint.json',
    database: 'redress_bench_endpoint',
    rows: (r) => [
      {
        benchmark: 'POST /v1/eligibility-checks, 50 connections',
        figure: `${n(r.eligibilityCheck.requestsPerSecond)} req/s (p99 ${r.eligibilityCheck.p99Ms} ms)`,
        baseline: `/health/live ${n(r.healthLive.requestsPerSecond)} req/s`,
        ratio: pct(r.ratio),
        target: `>= ${pct(r.target)} of /health/live`,
        met: r.ratio >= r.target && r.eligibilityCheck.non2xx === 0 && r.eligibilityCheck.errors === 0,
      },
    ],
  },
  {
    name: 'submission',
    script: 'bench/submission/submission.bench.ts',
    result: 'submission.json',
    rows: (r) => {
      const ratio = r.sustained.requestsPerSecond / r.pgbenchSingleRowInsert.tps;
      return [
        {
          benchmark: 'submission, sustained, 50 connections',
          figure: `${n(r.sustained.requestsPerSecond)} submissions/s`,
          baseline: `pgbench single-row INSERT ${n(r.pgbenchSingleRowInsert.tps)} tps`,
          ratio: pct(ratio),
          // The study's goal is 25 % of the claim + outbox pgbench ceiling; the single-row ceiling is higher, so
          // holding the same share of it is the stricter test.
          target: '>= 25 % of pgbench',
          met: ratio >= 0.25 && r.sustained.errors === 0 && r.sustained.non2xx === 0,
        },
        {
          benchmark: `submission latency at half that rate (${n(r.halfRate.targetRate)}/s)`,
          figure: `p50 ${r.halfRate.p50Ms} ms, p99 ${r.halfRate.p99Ms} ms`,
          baseline: `one at a time: p50 ${r.oneConnection.p50Ms} ms, p99 ${r.oneConnection.p99Ms} ms`,
          ratio: '',
          target: 'p50 <= 15 ms, p99 <= 50 ms',
          met: r.halfRate.p50Ms <= 15 && r.halfRate.p99Ms <= 50,
        },
        {
          benchmark: 'submission consistency',
          figure: `${n(r.claimsWritten)} claims, ${n(r.outboxRows)} outbox rows, ${n(r.claimEvents)} events`,
          baseline: '',
          ratio: '',
          target: 'one claim, one event, three outbox rows per 201',
          met: r.consistent === true,
        },
      ];
    },
  },
  {
    name: 'worker',
    script: 'bench/worker/worker.bench.ts',
    result: 'worker.json',
    rows: (r) => {
      const toBullmq = r.assessmentThroughputPerSecond / r.bullmqEmptyJobsPerSecond;
      const toPgbench = r.assessmentThroughputPerSecond / r.pgbenchAssessmentSql.tps;
      return [
        {
          benchmark: 'worker assessments from a backlog',
          figure: `${n(r.assessmentThroughputPerSecond)} assessments/s`,
          baseline: `BullMQ empty jobs ${n(r.bullmqEmptyJobsPerSecond)}/s`,
          ratio: pct(toBullmq),
          target: '>= 8 % of empty jobs',
          met: toBullmq >= 0.08,
        },
        {
          benchmark: 'worker assessments from a backlog',
          figure: `${n(r.assessmentThroughputPerSecond)} assessments/s`,
          baseline: `pgbench, the assessment SQL ${n(r.pgbenchAssessmentSql.tps)} tps`,
          ratio: pct(toPgbench),
          target: '>= 30 % of pgbench',
          met: toPgbench >= 0.3,
        },
        {
          benchmark: `commit to assessment at ${r.commitToAssessment.offeredPerSecond}/s`,
          figure: `p50 ${r.commitToAssessment.p50Ms} ms, p99 ${r.commitToAssessment.p99Ms} ms`,
          baseline: '',
          ratio: '',
          target: 'p99 <= 2,000 ms, all assessed',
          met: r.commitToAssessment.p99Ms <= 2000 && r.commitToAssessment.assessed === r.commitToAssessment.submissions,
        },
      ];
    },
  },
  {
    name: 'caseworker',
    script: 'bench/caseworker/caseworker.bench.ts',
    result: 'caseworker.json',
    rows: (r) => {
      const claims = n(r.claims);
      const ms = (stats: Json) => `p95 ${stats.p95Ms} ms (p99 ${stats.p99Ms} ms)`;
      const plans = Object.values(r.explain as Record<string, Json>);
      return [
        {
          benchmark: `GET /v1/work, ${claims} claims: first, followed and deep keyset pages`,
          figure: ms(r.workPage.all),
          baseline: '',
          ratio: '',
          target: `p95 <= ${r.targets.workPageP95Ms} ms`,
          met: r.met.workPage,
        },
        {
          benchmark: `POST /v1/work/next, ${r.workNext.concurrentCaseworkers} caseworkers at once, ${claims} claims`,
          figure: `${ms(r.workNext)}, ${n(r.workNext.takesPerSecond)}/s, ${n(r.workNext.distinctClaims)} of ${n(r.workNext.claimsTaken)} distinct`,
          baseline: '',
          ratio: '',
          target: `p95 <= ${r.targets.workNextP95Ms} ms, no claim twice`,
          met: r.met.workNext,
        },
        {
          benchmark: `GET /v1/search/claims, ${claims} claims: reference, name, date of birth, postcode`,
          figure: `${ms(r.search.all)}; by field p95 ${['reference', 'name', 'dateOfBirth', 'postcode']
            .map((field) => `${r.search[field].p95Ms}`)
            .join(' / ')} ms`,
          baseline: '',
          ratio: '',
          target: `p95 <= ${r.targets.searchP95Ms} ms`,
          met: r.met.search,
        },
        {
          benchmark: 'work queue and work/next plans (EXPLAIN ANALYZE)',
          figure: plans.map((plan) => plan.indexes.join('+')).join(', '),
          baseline: '',
          ratio: '',
          target: 'the intended index each',
          met: plans.every((plan) => plan.usesIntendedIndex),
        },
      ];
    },
  },
  {
    name: 'citizen-web',
    script: 'bench/citizen-web/pages.bench.ts',
    result: 'citizen-web.json',
    database: 'redress_bench_citizen_web',
    rows: (r) => [
      ...(
        [
          ['claim page GET /claims/{reference}', 'GET /v1/claims/{reference}', r.claimPage],
          ['check result page GET /check/result', 'POST /v1/eligibility-checks', r.checkResultPage],
          ...(r.applicationQuestionPage
            ? [
                [
                  'application question page GET /applications/{id}/applying-for/who',
                  'GET /v1/applications/{id}',
                  r.applicationQuestionPage,
                ],
              ]
            : []),
        ] as Array<[string, string, Json]>
      ).map(([page, call, figures]) => ({
        benchmark: `citizen web ${page}, 50 sessions`,
        figure: `p50 ${figures.page.p50Ms} ms, p95 ${figures.page.p95Ms} ms, ${n(figures.page.requestsPerSecond)} req/s`,
        baseline: `${call} p50 ${figures.api.p50Ms} ms, p95 ${figures.api.p95Ms} ms, ${n(figures.api.requestsPerSecond)} req/s`,
        ratio: `+${figures.addedP50Ms} ms at p50`,
        target: `<= +${r.targetAddedP50Ms} ms at p50`,
        met: figures.meetsTarget && r.allResponsesOk,
      })),
      {
        benchmark: 'citizen web check question page GET /check/place, 50 sessions (no API call)',
        figure: `p50 ${r.checkQuestionPage.page.p50Ms} ms, p95 ${r.checkQuestionPage.page.p95Ms} ms, ${n(r.checkQuestionPage.page.requestsPerSecond)} req/s`,
        baseline: `web /health/live ${n(r.checkQuestionPage.webHealthLive.requestsPerSecond)} req/s`,
        ratio: '',
        target: '',
        met: null,
      },
      {
        benchmark: 'citizen web pages, one connection: added to the API call at p50',
        figure: `claim page +${r.oneConnection.claimAddedP50Ms} ms, check result +${r.oneConnection.resultAddedP50Ms} ms`,
        baseline: `question page alone p50 ${r.oneConnection.questionPage.p50Ms} ms`,
        ratio: '',
        target: `<= +${r.targetAddedP50Ms} ms at p50`,
        met:
          r.oneConnection.claimAddedP50Ms <= r.targetAddedP50Ms &&
          r.oneConnection.resultAddedP50Ms <= r.targetAddedP50Ms,
      },
      {
        benchmark: 'citizen web largest first visit (page and own assets, GOV.UK assets cached)',
        figure: `${n(Math.max(...Object.values(r.transfer as Json).map((entry: Json) => entry.bytes)) / 1024, 1)} KB`,
        baseline: '',
        ratio: '',
        target: `< ${n(r.targetFirstVisitBytes / 1024)} KB`,
        met: Object.values(r.transfer as Json).every((entry: Json) => entry.underTarget),
      },
    ],
  },
];

function run(command: string, args: string[], env: Record<string, string> = {}): { status: number; seconds: number } {
  const started = Date.now();
  const child = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return { status: child.status ?? 1, seconds: Math.round((Date.now() - started) / 100) / 10 };
}

async function main(): Promise<number> {
  if (!values['no-build']) {
    console.log('== npm run build');
    if (run('npm', ['run', '--silent', 'build']).status !== 0) return 1;
  }
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  const report: Json[] = [];
  const rows: Row[] = [];
  for (const benchmark of benchmarks) {
    if (only && !only.includes(benchmark.name)) continue;
    console.log(`\n== ${benchmark.name}: ${benchmark.script}`);
    const env: Record<string, string> = {};
    let databaseUrl: string | undefined;
    if (benchmark.database) {
      databaseUrl = `${server}/${benchmark.database}`;
      await dropDatabase(databaseUrl);
      await createDatabaseIfMissing(databaseUrl);
      await runMigrations(databaseUrl);
      env.DATABASE_URL = databaseUrl;
      env.QUEUE_PREFIX = `redress-bench-${benchmark.name}`;
    }
    const startedAt = new Date().toISOString();
    const { status, seconds } = run(tsx, [benchmark.script], env);
    if (databaseUrl) await dropDatabase(databaseUrl);
    let result: Json | null = null;
    try {
      const candidate = JSON.parse(readFileSync(join(results, benchmark.result), 'utf8')) as Json;
      const stamp = (candidate.measuredAt ?? candidate.date) as string | undefined;
      // A result file left from an earlier run is not this run's figure.
      if (stamp && stamp >= startedAt) result = candidate;
    } catch {
      // no result written
    }
    // The matcher exits 1 when it misses its target but still writes its figures.
    const ok = result !== null && (status === 0 || benchmark.name === 'referrals-matcher');
    report.push({ name: benchmark.name, script: benchmark.script, exitCode: status, seconds, result });
    if (ok) rows.push(...benchmark.rows(result!));
    else
      rows.push({
        benchmark: benchmark.name,
        figure: `FAILED (exit ${status})`,
        baseline: '',
        ratio: '',
        target: '',
        met: false,
      });
  }

  const measuredAt = new Date().toISOString();
  const machine = { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length };
  writeFileSync(
    join(results, 'latest.json'),
    `${JSON.stringify({ measuredAt, ...machine, rows, benchmarks: report }, null, 2)}\n`,
  );
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const markdown = [
    '# Benchmarks',
    '',
    `Measured ${measuredAt} by \`npm run bench\` on Node ${machine.node}, ${machine.cores} × ${machine.cpu}. Each`,
    'baseline was measured in the same run on the same machine; the load generator, PostgreSQL, Redis and the apps',
    'share its cores, so absolute figures are pessimistic. Targets: shared/design/reliability-security-performance-study.md',
    "(section 3.3) and each benchmark's own header. Details: latest.json and each benchmark's JSON beside it.",
    '',
    '| benchmark | figure | baseline | ratio | target | met? |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${[row.benchmark, row.figure, row.baseline, row.ratio, row.target].map(cell).join(' | ')} | ${
          row.met === null ? '' : row.met ? 'yes' : '**no**'
        } |`,
    ),
    '',
  ].join('\n');
  writeFileSync(join(results, 'latest.md'), markdown);
  console.log(`\n${markdown}`);
  console.log(`written to ${join(results, 'latest.md')} and latest.json`);
  return report.every((entry) => entry.result !== null) ? 0 : 1;
}

process.exit(await main());
