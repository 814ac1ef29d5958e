import { randomBytes, randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { encryptedColumns } from '@redress/persistence';
import { FieldCipher, parseFieldKeys } from '@redress/platform';
import { createIsolatedDatabase } from './support/isolated-database.js';

const blindKey = randomBytes(32).toString('base64');
const oldKeys = `old-1:${randomBytes(32).toString('base64')}`;
const newKeys = `new-2:${randomBytes(32).toString('base64')},${oldKeys}`;

describe('npm run keys:rotate', () => {
  let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;
  beforeAll(async () => {
    database = await createIsolatedDatabase('keys');
  });
  afterAll(async () => {
    await database.drop();
  });

  it('re-encrypts every registered column under the new key, and every value still decrypts', async () => {
    const before = new FieldCipher(parseFieldKeys(oldKeys), Buffer.from(blindKey, 'base64'));
    const emails = new Map<string, string>();
    for (let i = 0; i < 1200; i += 1) {
      const id = randomUUID();
      const email = `person-${i}@example.test`;
      emails.set(id, email);
      await database.dataSource.query(
        'INSERT INTO citizen_account (id, email_blind_index, email_encrypted) VALUES ($1, $2, $3)',
        [id, before.blindIndex('citizen-email', email), before.encrypt(email, `citizen:${id}:email`)],
      );
    }
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/keys-rotate.ts'], {
      env: { ...process.env, DATABASE_URL: database.url, FIELD_ENCRYPTION_KEYS: newKeys, BLIND_INDEX_KEY: blindKey },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/citizen_account.email_encrypted: 1200 re-encrypted under new-2/);

    const after = new FieldCipher(parseFieldKeys(newKeys), Buffer.from(blindKey, 'base64'));
    for (const column of encryptedColumns) {
      const stale = await database.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM ${column.table} WHERE ${column.column} NOT LIKE 'f1.new-2.%'`,
      );
      expect(stale).toEqual([{ n: 0 }]);
    }
    const rows = await database.dataSource.query<{ id: string; email_encrypted: string }[]>(
      'SELECT id, email_encrypted FROM citizen_account',
    );
    for (const row of rows)
      expect(after.decrypt(row.email_encrypted, `citizen:${row.id}:email`)).toBe(emails.get(row.id));
    // Once rotated, the old key can be retired.
    const newOnly = new FieldCipher(parseFieldKeys(newKeys.split(',')[0]!), Buffer.from(blindKey, 'base64'));
    expect(newOnly.decrypt(rows[0]!.email_encrypted, `citizen:${rows[0]!.id}:email`)).toBe(emails.get(rows[0]!.id));
  });
});
