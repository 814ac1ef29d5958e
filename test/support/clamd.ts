import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The EICAR test file: harmless, and detected by every scanner as if it were malware. */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

const CLAMD = '/usr/sbin/clamd';

function ping(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const client = connect(socket, () => client.end('zPING\0'));
    let answer = '';
    client.on('data', (chunk) => (answer += chunk.toString()));
    client.on('close', () => resolve(answer.startsWith('PONG')));
    client.on('error', () => resolve(false));
  });
}

/**
 * A real clamd (Debian's clamav-daemon) on a Unix socket of its own, with a signature database made here (no
 * signature download is possible): one body signature (.ndb) that detects the EICAR string anywhere in a file.
 */
export async function startClamd(): Promise<{ socket: string; stop: () => Promise<void> }> {
  if (!existsSync(CLAMD)) throw new Error('clamd is missing: apt-get install clamav-daemon (.ci/run does)');
  const directory = mkdtempSync(join(tmpdir(), 'redress-clamd-'));
  const socket = join(directory, 'clamd.sock');
  const signature = Buffer.from('EICAR-STANDARD-ANTIVIRUS-TEST-FILE').toString('hex');
  writeFileSync(join(directory, 'redress-test.ndb'), `Redress.Test.EICAR:0:*:${signature}\n`);
  writeFileSync(
    join(directory, 'clamd.conf'),
    [
      'Foreground yes',
      `DatabaseDirectory ${directory}`,
      `LocalSocket ${socket}`,
      'LogSyslog no',
      'LogTime no',
      'Bytecode no',
      'StreamMaxLength 25M',
      'MaxThreads 2',
      'OfficialDatabaseOnly no',
    ].join('\n'),
  );
  const clamd: ChildProcess = spawn(CLAMD, ['--config-file', join(directory, 'clamd.conf')], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => clamd.once('exit', () => resolve()));
  const deadline = Date.now() + 30_000;
  while (!(await ping(socket))) {
    if (clamd.exitCode !== null) throw new Error(`clamd exited (${clamd.exitCode})`);
    if (Date.now() > deadline) throw new Error('clamd did not answer within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    socket,
    stop: async () => {
      if (clamd.exitCode === null) clamd.kill('SIGTERM');
      await exited;
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
