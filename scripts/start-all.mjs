// Runs the whole system on this machine: creates and migrates the database, builds, starts the
// citizen API, the caseworker API and the worker, prints their URLs, and stops all three on Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';

const env = { ...process.env };
// Two database roles: the migrations run as the schema owner; the apps connect as `redress_app`, which the
// migrations create and grant row rights only (docs/security.md, Database roles).
const migrationEnv = {
  ...env,
  MIGRATION_DATABASE_URL:
    env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/redress',
};
env.DATABASE_URL ??= 'postgres://redress_app@127.0.0.1:5432/redress';
const citizenPort = env.CITIZEN_API_PORT ?? '3001';
const caseworkerPort = env.CASEWORKER_API_PORT ?? '3002';

function run(command, args, runEnv = env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: runEnv });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!process.argv.includes('--no-build')) run('npm', ['run', 'build', '--silent']);
run(process.execPath, ['dist/scripts/database.js', 'create'], migrationEnv);
run(process.execPath, ['dist/scripts/database.js', 'migrate'], migrationEnv);

const apps = [
  ['citizen-api', 'dist/apps/citizen-api/src/main.js', { PORT: citizenPort }],
  ['caseworker-api', 'dist/apps/caseworker-api/src/main.js', { PORT: caseworkerPort }],
  ['worker', 'dist/apps/worker/src/main.js', {}],
];
// The finance system's stand-in, unless a finance API is configured: approved payments are then instructed locally.
if (!env.FINANCE_API_BASE_URL) apps.push(['finance-stub', 'dist/scripts/finance-stub.js', {}]);
const children = apps.map(([name, entry, extra]) => {
  const child = spawn(process.execPath, ['--enable-source-maps', entry], {
    stdio: 'inherit',
    env: { ...env, ...extra },
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} exited (${signal ?? code}); stopping the others`);
      stop(1);
    }
  });
  return child;
});

console.log(`
Redress is starting:
  citizen API     http://127.0.0.1:${citizenPort}   (docs: /docs, OpenAPI: /docs-json, health: /health/ready)
  caseworker API  http://127.0.0.1:${caseworkerPort}   (docs: /docs, OpenAPI: /docs-json, health: /health/ready)
  worker          no HTTP port; logs "worker ready"
  finance stub    http://127.0.0.1:3098 (unless FINANCE_API_BASE_URL is set)
Press Ctrl-C to stop them all.
`);

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  // The worker finishes jobs in flight first; give everything 30 s, then force.
  const force = setTimeout(() => children.forEach((child) => child.exitCode === null && child.kill('SIGKILL')), 30_000);
  force.unref();
  Promise.all(children.map((child) => (child.exitCode !== null ? null : new Promise((r) => child.on('exit', r))))).then(
    () => process.exit(code),
  );
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
