// Runs the whole system on this machine: creates and migrates the database, builds, starts the
// citizen web service, the citizen API, the caseworker API, the worker, the development OIDC provider, the staff web
// service, the partner portal and (outside production, unless --no-stubs) the development police and finance stubs
// the worker calls, prints their URLs, and stops them all on Ctrl-C.
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
const citizenWebPort = env.CITIZEN_WEB_PORT ?? '3000';
const partnerWebPort = env.PARTNER_WEB_PORT ?? '3004';
const staffWebPort = env.STAFF_WEB_PORT ?? '3003';
const oidcPort = env.DEV_OIDC_PROVIDER_PORT ?? '3005';
const oidcIssuer = `http://127.0.0.1:${oidcPort}`;
const staffWebUrl = `http://127.0.0.1:${staffWebPort}`;

function run(command, args, runEnv = env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: runEnv });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!process.argv.includes('--no-build')) run('npm', ['run', 'build', '--silent']);
run(process.execPath, ['dist/scripts/database.js', 'create'], migrationEnv);
run(process.execPath, ['dist/scripts/database.js', 'migrate'], migrationEnv);

const withStubs = env.NODE_ENV !== 'production' && !process.argv.includes('--no-stubs');
const apps = [
  [
    'citizen-web',
    'dist/apps/citizen-web/src/main.js',
    { PORT: citizenWebPort, CITIZEN_API_URL: `http://127.0.0.1:${citizenPort}` },
  ],
  ...(withStubs ? [['stubs', 'dist/scripts/dev-stubs.js', {}]] : []),
  ['citizen-api', 'dist/apps/citizen-api/src/main.js', { PORT: citizenPort }],
  [
    'dev-oidc-provider',
    'dist/apps/dev-oidc-provider/src/main.js',
    {
      PORT: oidcPort,
      OIDC_REDIRECT_URIS: `${staffWebUrl}/sign-in/callback`,
      OIDC_POST_LOGOUT_REDIRECT_URIS: `${staffWebUrl}/signed-out`,
    },
  ],
  [
    'caseworker-api',
    'dist/apps/caseworker-api/src/main.js',
    {
      PORT: caseworkerPort,
      // Trusts the development OIDC provider (staff-web's sign-in) and, development only, `npm run token`'s tokens.
      STAFF_TOKEN_KEY_SOURCE: 'jwks',
      STAFF_TOKEN_JWKS_URL: `${oidcIssuer}/jwks`,
      STAFF_TOKEN_ISSUER: oidcIssuer,
      STAFF_TOKEN_ALSO_DEVELOPMENT_KEY: 'true',
    },
  ],
  ['worker', 'dist/apps/worker/src/main.js', {}],
  [
    'partner-web',
    'dist/apps/partner-web/src/main.js',
    { PORT: partnerWebPort, CASEWORKER_API_URL: `http://127.0.0.1:${caseworkerPort}` },
  ],
  [
    'staff-web',
    'dist/apps/staff-web/src/main.js',
    {
      PORT: staffWebPort,
      CASEWORKER_API_URL: `http://127.0.0.1:${caseworkerPort}`,
      OIDC_ISSUER: oidcIssuer,
      OIDC_REDIRECT_URL: `${staffWebUrl}/sign-in/callback`,
      OIDC_POST_LOGOUT_REDIRECT_URL: `${staffWebUrl}/signed-out`,
    },
  ],
];
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
  citizen web     http://127.0.0.1:${citizenWebPort}   (where a victim starts; health: /health/ready)
  citizen API     http://127.0.0.1:${citizenPort}   (docs: /docs, OpenAPI: /docs-json, health: /health/ready)
  caseworker API  http://127.0.0.1:${caseworkerPort}   (docs: /docs, OpenAPI: /docs-json, health: /health/ready)
  worker          no HTTP port; logs "worker ready"${
    withStubs
      ? '\n  stubs           police http://127.0.0.1:3099, finance http://127.0.0.1:3098 (development only)'
      : ''
  }
  partner portal  http://127.0.0.1:${partnerWebPort}   (support organisations; health: /health/ready)
  staff web       ${staffWebUrl}   (sign in as a development user at the local OIDC provider)
  OIDC provider   ${oidcIssuer}   (DEVELOPMENT ONLY: one-click sign-in, refuses NODE_ENV=production)
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
