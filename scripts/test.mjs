// Runs every jest tier in ESM mode and ends with one line: "N passed, N failed".
// --forceExit: a client left open by a suite must never hang CI; jest still reports open handles.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const results = join(tmpdir(), `redress-jest-${randomUUID()}.json`);
// The run's own temporary folder (TMPDIR for jest and every process it starts): whatever a test leaves there is
// reported and fails the run, then the folder goes. Jest's cache stays where it always is.
const runTmp = mkdtempSync(join(tmpdir(), 'redress-test-tmp-'));
const jestCache = join(realpathSync(tmpdir()), `jest_${process.getuid?.().toString(36) ?? '0'}`);
const env = {
  ...process.env,
  TMPDIR: runTmp,
  // Jest keeps every test file's ES module graph alive in the process that runs the files in band: over the ~150
  // suites of the three tiers that passed the default 4 GB heap (a crash, not a failure). The machines have 24 GB.
  NODE_OPTIONS: [
    process.env.NODE_OPTIONS,
    '--experimental-vm-modules',
    '--no-warnings=ExperimentalWarning',
    '--max-old-space-size=12288',
  ]
    .filter(Boolean)
    .join(' '),
  REDRESS_TEST_RUN: randomUUID(),
};
// Jest loads CommonJS packages that require ES modules (NestJS 12's ecosystem) only on Node 24.9+,
// so the tests run on the Node 24 that the `node` dev dependency brings; TEST_NODE overrides it.
const node24 = join(process.cwd(), 'node_modules', 'node', 'bin', 'node');
const nodeBinary = process.env.TEST_NODE ?? (existsSync(node24) ? node24 : process.execPath);
const jest = spawnSync(
  nodeBinary,
  [
    'node_modules/jest/bin/jest.js',
    '--json',
    `--outputFile=${results}`,
    `--cacheDirectory=${jestCache}`,
    '--forceExit',
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env },
);

let passed = 0;
let failed = 0;
if (existsSync(results)) {
  const summary = JSON.parse(readFileSync(results, 'utf8'));
  passed = summary.numPassedTests;
  // A suite that failed to run (syntax error, failed setup) counts as a failure even with no test in it.
  failed = summary.numFailedTests + summary.numRuntimeErrorTestSuites;
  rmSync(results, { force: true });
} else {
  failed = 1;
}
// Tools keep compile caches there (tsx, which loads the TypeScript global setup, and Node's module compile
// cache): those are not a test's leftovers.
const leftBehind = readdirSync(runTmp).filter((name) => !/^(tsx-\d+|node-compile-cache)$/.test(name));
rmSync(runTmp, { recursive: true, force: true });
if (leftBehind.length) {
  console.error(`tests left temporary files behind: ${leftBehind.join(', ')}`);
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(jest.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
