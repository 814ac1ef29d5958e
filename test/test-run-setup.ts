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

/** The patterns of every Redis key a run makes: its queues, web sessions (`<prefix>:`) and rate limits (`<prefix>-rl-`). */
function runKeyPatterns(queuePrefix: string): string[] {
  return [`${queuePrefix}:*`, `${queuePrefix}-*`];
}

async function scanKeys(redis: Redis, pattern: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    found.push(...keys);
    cursor = next;
  } while (cursor !== '0');
  return found;
}

/**
 * Drops this run's database and deletes its Redis keys, then checks that none is left: a key that reappears
 * after the deletion was written by a worker, relay or app some suite left running (that fails the run).
 */
export async function tearDownTestRun(): Promise<void> {
  const run = JSON.parse(readFileSync(TEST_RUN_FILE, 'utf8')) as {
    databaseUrl: string;
    migrationDatabaseUrl: string;
    queuePrefix: string;
  };
  const redis = new Redis(testRedisUrl(), { lazyConnect: true, maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  try {
    // A suite that leaves a pool open to the shared database is named here (its pool is cut, after the tests).
    await dropDatabase(run.migrationDatabaseUrl, {
      onLeftOpen: (applications) =>
        console.warn(`connections left open to the run's database: ${applications.join(', ')}`),
    });
    await redis.connect();
    for (const pattern of runKeyPatterns(run.queuePrefix)) {
      const keys = await scanKeys(redis, pattern);
      for (let start = 0; start < keys.length; start += 500) await redis.del(...keys.slice(start, start + 500));
    }
    const left = (await Promise.all(runKeyPatterns(run.queuePrefix).map((pattern) => scanKeys(redis, pattern)))).flat();
    if (left.length) {
      throw new Error(`the run left Redis keys behind after teardown: ${left.slice(0, 10).join(', ')}`);
    }
  } finally {
    redis.disconnect();
    rmSync(TEST_RUN_FILE, { force: true });
  }
}
