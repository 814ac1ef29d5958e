import { randomBytes } from 'node:crypto';
import { createDatabaseIfMissing, dropDatabase, runMigrations } from '@redress/persistence';

/**
 * A freshly migrated database of the test's own, on the same server as `baseUrl`. Tests that run a worker
 * (whose outbox relay takes every pending row it can see) use one, so that they neither take other test files'
 * rows nor lose their own to another file's relay.
 */
export class DisposableDatabase {
  private constructor(readonly url: string) {}

  static async create(baseUrl: string, label = 'scratch'): Promise<DisposableDatabase> {
    const parsed = new URL(baseUrl);
    const base = decodeURIComponent(parsed.pathname.replace(/^\//, '')).slice(0, 30);
    parsed.pathname = `/${base}_${label.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 16)}_${randomBytes(4).toString('hex')}`;
    const database = new DisposableDatabase(parsed.toString());
    await createDatabaseIfMissing(database.url);
    await runMigrations(database.url);
    return database;
  }

  async drop(): Promise<void> {
    await dropDatabase(this.url);
  }
}
