import { randomBytes } from 'node:crypto';
import { createDatabaseIfMissing, dropDatabase, runMigrations } from '@redress/persistence';
import pg from 'pg';

/**
 * Drops a test's database and fails loudly if anything still held a connection to it after the grace period:
 * such a connection is cut with 57P01 by the forced drop, and crashes whatever process holds it unless that
 * pool or client has an error handler (the flaky failures of issue 14). Close every pool, app and worker first.
 */
export async function dropTestDatabase(url: string): Promise<void> {
  let leftOpen: string[] = [];
  await dropDatabase(url, { onLeftOpen: (applications) => (leftOpen = applications) });
  if (leftOpen.length) {
    throw new Error(`connections left open to ${new URL(url).pathname.slice(1)}: ${leftOpen.join(', ')}`);
  }
}

/** A pool for a test's own queries, with the error handler every pool needs (an idle connection may be cut). */
export function testPool(url: string, max = 2): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'redress-test' });
  pool.on('error', () => undefined);
  return pool;
}

/** `url`'s server and credentials with another database name. */
function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A freshly migrated database of the test's own, on the same server as `baseUrl`. Tests that run a worker
 * (whose outbox relay takes every pending row it can see) use one, so that they neither take other test files'
 * rows nor lose their own to another file's relay. It is made and migrated as the schema owner
 * (`MIGRATION_DATABASE_URL`'s user, else `baseUrl`'s); `url` connects as `baseUrl`'s user (the app role).
 * `pool()` gives a pool (as the app role) that `drop()` closes first.
 */
export class DisposableDatabase {
  private readonly pools: pg.Pool[] = [];

  private constructor(
    readonly url: string,
    readonly migrationUrl: string,
  ) {}

  static async create(baseUrl: string, label = 'scratch'): Promise<DisposableDatabase> {
    const parsed = new URL(baseUrl);
    const base = decodeURIComponent(parsed.pathname.replace(/^\//, '')).slice(0, 30);
    const name = `${base}_${label.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 16)}_${randomBytes(4).toString('hex')}`;
    const database = new DisposableDatabase(
      withDatabase(baseUrl, name),
      withDatabase(process.env.MIGRATION_DATABASE_URL ?? baseUrl, name),
    );
    await createDatabaseIfMissing(database.migrationUrl);
    await runMigrations(database.migrationUrl);
    return database;
  }

  pool(max = 2): pg.Pool {
    const pool = testPool(this.url, max);
    this.pools.push(pool);
    return pool;
  }

  /** Closes the pools it gave out, then drops the database (failing if anything else left a connection). */
  async drop(): Promise<void> {
    await Promise.all(
      this.pools
        .splice(0)
        .filter((pool) => !pool.ending)
        .map((pool) => pool.end()),
    );
    await dropTestDatabase(this.migrationUrl);
  }
}
