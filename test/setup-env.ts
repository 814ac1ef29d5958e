import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import 'reflect-metadata';
import { TEST_RUN_FILE } from './test-run.js';

// Each test file reads this run's database and queue prefix, whatever the environment says.
const run = JSON.parse(readFileSync(TEST_RUN_FILE, 'utf8')) as {
  databaseUrl: string;
  migrationDatabaseUrl: string;
  queuePrefix: string;
};
// The apps' role (no ownership, no UPDATE or DELETE on the append-only tables) and the schema owner's.
process.env.DATABASE_URL = run.databaseUrl;
process.env.MIGRATION_DATABASE_URL = run.migrationDatabaseUrl;
process.env.QUEUE_PREFIX = run.queuePrefix;
process.env.NODE_ENV = 'test';
// Every suite calls from 127.0.0.1 at once: the per-client default would throttle the run itself. Routes with
// limits of their own keep them, and their tests check them.
process.env.RATE_LIMIT_DEFAULT_PER_MINUTE = '1000000';
// Suites make many drafts for one citizen; the limit's own test (security-uploads-limits) sets it low.
process.env.MAX_OPEN_DRAFTS = '1000';
// Each suite counts on its own, so suites running at once never use up each other's route limits; the counters
// live under the run's prefix, so the global teardown deletes them with the queues.
process.env.RATE_LIMIT_NAMESPACE = `${run.queuePrefix}-rl-${randomUUID()}`;
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
