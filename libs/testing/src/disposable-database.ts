import { randomBytes } from 'node:crypto';
import { createDatabaseIfMissing, dropDatabase, runMigrations } from '@redress/persistence';

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
 */
export class DisposableDatabase {
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

  async drop(): Promise<void> {
    await dropDatabase(this.migrationUrl);
  }
}
