import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';

/** The same database as `url`, connecting as `role` (with `password`, if any: local servers trust their users). */
export function asRole(url: string, role: string, password?: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(role);
  parsed.password = password ? encodeURIComponent(password) : '';
  return parsed.toString();
}

/** Splits a connection URL into the server's maintenance URL and the database name. */
function splitDatabaseUrl(url: string): { serverUrl: string; database: string } {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(database)) {
    throw new Error(`DATABASE_URL must name a database of letters, digits and underscores (got "${database}")`);
  }
  parsed.pathname = '/postgres';
  return { serverUrl: parsed.toString(), database };
}

async function withServer<T>(url: string, work: (client: pg.Client, database: string) => Promise<T>): Promise<T> {
  const { serverUrl, database } = splitDatabaseUrl(url);
  const client = new pg.Client({ connectionString: serverUrl, application_name: 'redress-database-admin' });
  // A connection cut while idle (a server restart) emits 'error': it must not crash the process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client, database);
  } finally {
    await client.end();
  }
}

/** Creates the database named in the URL if it does not exist yet. Answers whether it created it. */
export async function createDatabaseIfMissing(url: string): Promise<boolean> {
  return withServer(url, async (client, database) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount) return false;
    // The name was checked against a strict pattern above; identifiers cannot be bound as parameters.
    await client.query(`CREATE DATABASE "${database}"`);
    return true;
  });
}

/**
 * Drops the database. Its users should have closed their connections first: a connection still open when the
 * database goes is cut with 57P01 ("terminating connection due to administrator command"), which crashes a
 * process whose pool or client has no error handler. So it waits up to `graceMs` for connections that are
 * closing (a pool ending, a killed process) to go, names any that stay (by `application_name`) through
 * `onLeftOpen`, and only then forces the drop.
 */
export async function dropDatabase(
  url: string,
  options: { graceMs?: number; onLeftOpen?: (applications: string[]) => void } = {},
): Promise<void> {
  const graceMs = options.graceMs ?? 5000;
  await withServer(url, async (client, database) => {
    const deadline = Date.now() + graceMs;
    let open: string[];
    for (;;) {
      const { rows } = await client.query<{ application_name: string }>(
        'SELECT application_name FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [database],
      );
      open = rows.map((row) => row.application_name || '(unnamed)');
      if (open.length === 0 || Date.now() >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (open.length) options.onLeftOpen?.(open);
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  });
}

async function withDataSource<T>(url: string, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = new DataSource({ ...dataSourceOptions({ url, poolSize: 2, applicationName: 'redress-migrate' }) });
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** Runs every pending migration; answers the names of those it ran. */
export async function runMigrations(url: string): Promise<string[]> {
  return withDataSource(url, async (dataSource) => {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((migration) => migration.name);
  });
}

/** Reverts the last migration that ran. */
export async function revertLastMigration(url: string): Promise<void> {
  await withDataSource(url, (dataSource) => dataSource.undoLastMigration({ transaction: 'each' }));
}
