import { randomUUID } from 'node:crypto';
import { createDatabaseIfMissing, dropDatabase, runMigrations } from '@redress/persistence';
import { DataSource } from 'typeorm';
import { CitizenSignIn1764300000000 } from '../migrations/1764300000000-citizen-sign-in.js';
import { testServerUrl } from './test-run.js';

describe('migration CitizenSignIn1764300000000', () => {
  // A database of its own: taking tables away must not disturb the suites running beside this one.
  const url = `${testServerUrl()}/redress_test_auth_migration_${Date.now().toString(36)}_${process.pid}`;
  let db: DataSource;

  beforeAll(async () => {
    await createDatabaseIfMissing(url);
    await runMigrations(url);
    db = new DataSource({ type: 'postgres', url });
    await db.initialize();
  });
  afterAll(async () => {
    await db.destroy();
    await dropDatabase(url);
  });

  const tables = async () =>
    (
      await db.query<Array<{ table_name: string }>>(
        `SELECT table_name FROM information_schema.tables
         WHERE table_name IN ('citizen_account', 'citizen_refresh_token', 'citizen_session', 'citizen_sign_in_code')
         ORDER BY table_name`,
      )
    ).map((row) => row.table_name);
  const emailNullable = async () =>
    (
      await db.query<Array<{ is_nullable: string }>>(
        `SELECT is_nullable FROM information_schema.columns WHERE table_name = 'citizen_account' AND column_name = 'email_blind_index'`,
      )
    )[0]!.is_nullable;

  it('goes down to the citizen accounts table as it was, and up again', async () => {
    const migration = new CitizenSignIn1764300000000();
    expect(await tables()).toEqual([
      'citizen_account',
      'citizen_refresh_token',
      'citizen_session',
      'citizen_sign_in_code',
    ]);
    expect(await emailNullable()).toBe('YES');

    const runner = db.createQueryRunner();
    try {
      await runner.startTransaction();
      await migration.down(runner);
      await runner.commitTransaction();
      expect(await tables()).toEqual(['citizen_account']);
      expect(await emailNullable()).toBe('NO');

      await runner.startTransaction();
      await migration.up(runner);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    expect(await tables()).toEqual([
      'citizen_account',
      'citizen_refresh_token',
      'citizen_session',
      'citizen_sign_in_code',
    ]);
    // An account needs an email or an external subject.
    await expect(db.query('INSERT INTO citizen_account (id) VALUES ($1)', [randomUUID()])).rejects.toThrow(
      /citizen_account_identified/,
    );
  });

  it('refuses to go down while accounts known only by an external subject exist, rather than delete them', async () => {
    await db.query('INSERT INTO citizen_account (id, external_subject) VALUES ($1, $2)', [randomUUID(), 'subject-1']);
    const runner = db.createQueryRunner();
    try {
      await runner.startTransaction();
      await expect(new CitizenSignIn1764300000000().down(runner)).rejects.toThrow(/null values/);
      await runner.rollbackTransaction();
    } finally {
      await runner.release();
    }
    expect(await tables()).toContain('citizen_sign_in_code');
  });
});
