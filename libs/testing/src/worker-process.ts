import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
// One folder per process: test runs of several engineers (or suites) may build at the same moment.
const outDir = join(root, 'node_modules', '.cache', 'redress-worker-build', String(process.pid));

/**
 * Compiles the apps and libs (tsc + tsc-alias, as `npm run build` does) into a cache folder inside the
 * repository (so that node_modules resolves), for fault tests that must kill a real worker process. Type errors
 * elsewhere do not stop it: tsc still emits.
 */
export function buildWorker(): string {
  mkdirSync(outDir, { recursive: true });
  spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', outDir], {
    cwd: root,
    stdio: 'ignore',
  });
  spawnSync(
    process.execPath,
    ['node_modules/tsc-alias/dist/bin/index.js', '-p', 'tsconfig.build.json', '--outDir', outDir],
    {
      cwd: root,
      stdio: 'ignore',
    },
  );
  const main = join(outDir, 'apps', 'worker', 'src', 'main.js');
  if (!existsSync(main)) throw new Error('the worker did not build');
  return main;
}

/** Deletes what `buildWorker` compiled (call it once the worker processes have exited). */
export function removeWorkerBuild(): void {
  rmSync(outDir, { recursive: true, force: true });
}

export interface WorkerProcess {
  readonly child: ChildProcess;
  /** Everything it printed (JSON log lines), for diagnosing a failed test. */
  readonly output: string[];
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts the built worker with this environment and waits for its `worker ready` log line. */
export async function startWorkerProcess(
  main: string,
  env: Record<string, string>,
  timeoutMs = 20_000,
): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--enable-source-maps', main], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker not ready in time:\n${output.join('')}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString('utf8'));
      if (chunk.toString('utf8').includes('worker ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${code}:\n${output.join('')}`));
    });
  });
  await ready;
  return {
    child,
    output,
    kill: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
