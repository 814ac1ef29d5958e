import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { APP_ROLE, asRole, createDatabaseIfMissing, dropDatabase, runMigrations } from '@redress/persistence';
import { Redis } from 'ioredis';
import { TEST_RUN_FILE, testRedisUrl, testServerUrl } from './test-run.js';

/** Creates a uniquely named database for this run and migrates it; the tests find it through the environment. */
export async function setUpTestRun(): Promise<void> {
  const runId = `${Date.now().toString(36)}_${process.pid}`;
  // Migrations run as the server's administrator (who owns the schema); the apps and the tests' own queries
  // connect as the app role the migrations grant, as they do in production.
  const migrationDatabaseUrl = `${testServerUrl()}/redress_test_${runId}`;
  await createDatabaseIfMissing(migrationDatabaseUrl);
  await runMigrations(migrationDatabaseUrl);
  const databaseUrl = asRole(migrationDatabaseUrl, APP_ROLE);
  process.env.DATABASE_URL = databaseUrl;
  process.env.MIGRATION_DATABASE_URL = migrationDatabaseUrl;
  process.env.QUEUE_PREFIX = `redress-test-${runId}`;
  writeFileSync(
    TEST_RUN_FILE,
    JSON.stringify({ databaseUrl, migrationDatabaseUrl, queuePrefix: process.env.QUEUE_PREFIX }),
  );
}

/** Drops this run's database and deletes its queue keys. */
export async function tearDownTestRun(): Promise<void> {
  const run = JSON.parse(readFileSync(TEST_RUN_FILE, 'utf8')) as { migrationDatabaseUrl: string; queuePrefix: string };
  await dropDatabase(run.migrationDatabaseUrl);
  const redis = new Redis(testRedisUrl(), { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${run.queuePrefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    // Redis may have been stopped by a fault test; its keys of this run expire with the server's memory.
  } finally {
    redis.disconnect();
  }
  rmSync(TEST_RUN_FILE, { force: true });
}
