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
  const client = new pg.Client({ connectionString: serverUrl });
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

export async function dropDatabase(url: string): Promise<void> {
  await withServer(url, async (client, database) => {
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
