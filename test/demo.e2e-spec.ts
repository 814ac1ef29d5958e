import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createIsolatedDatabase } from './support/isolated-database.js';

/**
 * `npm run demo` end to end: the three BUILT apps as child processes (as `npm run start:all` runs them) on a
 * database of their own, free ports and a queue prefix of their own, then scripts/demo.ts against them, which
 * must exit 0. It needs `npm run build` (.ci/run builds before `npm test`).
 */
const root = resolve('.');
const entries = {
  citizen: join(root, 'dist/apps/citizen-api/src/main.js'),
  caseworker: join(root, 'dist/apps/caseworker-api/src/main.js'),
  worker: join(root, 'dist/apps/worker/src/main.js'),
};
const built = Object.values(entries).every((entry) => existsSync(entry));
if (!built) {
  console.warn('test/demo.e2e-spec.ts SKIPPED: dist/ is missing (run `npm run build` first; .ci/run does).');
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

async function ready(url: string, child: ChildProcess, output: () => string): Promise<void> {
  // Generous: a cold start of a built app on a loaded 2-core machine has taken over 30 s.
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url} exited ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not become ready:\n${output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

(built ? describe : describe.skip)('npm run demo against the built system', () => {
  const children: ChildProcess[] = [];
  const logs = new Map<ChildProcess, string>();
  let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;
  let scratch: string;
  let env: Record<string, string>;
  let urls: { citizen: string; caseworker: string };

  function start(entry: string, extra: Record<string, string>): ChildProcess {
    const child = spawn(process.execPath, ['--enable-source-maps', entry], {
      cwd: root,
      env: { ...process.env, ...env, ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    logs.set(child, '');
    const keep = (chunk: Buffer) => logs.set(child, (logs.get(child)! + chunk.toString()).slice(-20_000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    children.push(child);
    return child;
  }

  beforeAll(async () => {
    database = await createIsolatedDatabase('demo');
    scratch = mkdtempSync(join(tmpdir(), 'redress-demo-'));
    const [citizenPort, caseworkerPort] = [await freePort(), await freePort()];
    env = {
      DATABASE_URL: database.url,
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-demo`,
      // Development: the Notify sink writes sign-in codes to a file, which is how the demo signs in.
      NODE_ENV: 'development',
      NOTIFY_LOCAL_SINK_FILE: join(scratch, 'notify-local-sink.jsonl'),
      DOCUMENT_STORAGE_DIR: join(scratch, 'documents'),
      LOG_LEVEL: 'warn',
      DATABASE_POOL_SIZE: '4',
      AUDIT_VERIFY_EVERY_MS: '0',
      REFERRAL_CLOCK_SWEEP_EVERY_MS: '0',
      NOTIFICATION_RECOVERY_EVERY_MS: '0',
    };
    urls = { citizen: `http://127.0.0.1:${citizenPort}`, caseworker: `http://127.0.0.1:${caseworkerPort}` };
    const citizen = start(entries.citizen, { PORT: String(citizenPort) });
    const caseworker = start(entries.caseworker, { PORT: String(caseworkerPort) });
    start(entries.worker, {});
    await Promise.all([
      ready(urls.citizen, citizen, () => logs.get(citizen)!),
      ready(urls.caseworker, caseworker, () => logs.get(caseworker)!),
    ]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(
      children.map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }),
    );
    await database?.drop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }, 30_000);

  it('runs the whole journey, from eligibility check to a referral offered onward, and exits 0', async () => {
    const demo = spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/demo.ts')], {
      cwd: root,
      env: {
        ...process.env,
        ...env,
        CITIZEN_API_URL: urls.citizen,
        CASEWORKER_API_URL: urls.caseworker,
        DEMO_TIMEOUT_MS: '20000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    demo.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    demo.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [code] = (await once(demo, 'exit')) as [number | null];
    const appLogs = children.map((child) => logs.get(child)!.trim()).filter(Boolean);
    if (code !== 0) console.log(`${output}\n--- app output ---\n${appLogs.join('\n')}`);
    expect({ code, failed: output.split('\n').filter((line) => line.includes('FAIL')) }).toEqual({
      code: 0,
      failed: [],
    });
    expect(output).toContain('the victim is offered the next best service instead');
  }, 90_000);
});
