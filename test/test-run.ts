import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where global setup leaves this run's database URL and queue prefix (one run per process group). */
export const TEST_RUN_FILE = join(tmpdir(), `redress-test-run-${process.env.REDRESS_TEST_RUN ?? 'default'}.json`);

/** The PostgreSQL server the tests use (without a database name). */
export function testServerUrl(): string {
  return (process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/$/, '');
}

export function testRedisUrl(): string {
  return process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
}
