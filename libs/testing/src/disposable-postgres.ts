import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { freePort } from './redis-server.js';

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
}

/**
 * A PostgreSQL cluster of the test's own (Debian's pg_createcluster, trust authentication, listening on localhost,
 * on a free port), that a fault test may restart without disturbing the server every other test uses. Needs the
 * Debian postgresql-common tools and the rights to run them (root in CI).
 */
export class DisposablePostgres {
  private constructor(
    private readonly version: string,
    private readonly name: string,
    readonly port: number,
  ) {}

  static async start(): Promise<DisposablePostgres> {
    const version = readdirSync('/etc/postgresql').sort().at(-1);
    if (!version) throw new Error('no PostgreSQL version under /etc/postgresql');
    const cluster = new DisposablePostgres(version, `redress_${randomBytes(4).toString('hex')}`, await freePort());
    run('pg_createcluster', [version, cluster.name, '-p', String(cluster.port), '--', '--auth=trust']);
    try {
      run('pg_ctlcluster', ['--skip-systemctl-redirect', version, cluster.name, 'start']);
    } catch (error) {
      cluster.drop();
      throw error;
    }
    return cluster;
  }

  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** `pg_ctlcluster ... restart`: every connection is cut, the server comes back on the same port. */
  async restart(): Promise<void> {
    // Asynchronous, so that the processes under test keep running (and failing) while the server restarts.
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        'pg_ctlcluster',
        ['--skip-systemctl-redirect', this.version, this.name, 'restart', '-m', 'fast'],
        {
          stdio: 'ignore',
        },
      );
      child.once('error', reject);
      child.once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`pg_ctlcluster restart exited ${code}`)),
      );
    });
  }

  drop(): void {
    run('pg_dropcluster', ['--stop', this.version, this.name]);
  }
}
