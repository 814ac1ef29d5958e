import { randomBytes, randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { encryptedColumns, sectionContext } from '@redress/persistence';
import { FieldCipher, parseFieldKeys } from '@redress/platform';
import { createApplication, submit } from './support/applications.js';
import { createTestCitizen, startCitizenApi } from './support/citizen-api.js';
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
    // Applications through the citizen API under the old key: sections, their append-only history, a claim.
    const api = await startCitizenApi({
      DATABASE_URL: database.url,
      FIELD_ENCRYPTION_KEYS: oldKeys,
      BLIND_INDEX_KEY: blindKey,
    });
    const applicationIds: string[] = [];
    try {
      for (let i = 0; i < 3; i += 1) {
        const citizen = await createTestCitizen(api);
        const { id } = await createApplication(api, citizen);
        applicationIds.push(id);
        if (i === 0) expect((await submit(api, citizen, id)).status).toBe(201);
      }
    } finally {
      await api.close();
    }
    const history = await database.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM application_answer_history WHERE answers_encrypted LIKE 'f1.old-1.%'`,
    );
    expect(history[0]!.n).toBeGreaterThan(0);

    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/keys-rotate.ts'], {
      env: { ...process.env, DATABASE_URL: database.url, FIELD_ENCRYPTION_KEYS: newKeys, BLIND_INDEX_KEY: blindKey },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/citizen_account.email_encrypted: 1203 re-encrypted under new-2/);

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
      expect(after.decrypt(row.email_encrypted, `citizen:${row.id}:email`)).toEqual(
        emails.get(row.id) ?? expect.any(String),
      );
    expect(run.stdout).toMatch(/application_section.answers_encrypted: \d+ re-encrypted under new-2/);
    expect(run.stdout).toMatch(/application_answer_history.answers_encrypted: \d+ re-encrypted under new-2/);

    // Every value of every registered column decrypts with the new key alone and the registry's context.
    const newOnlyCipher = new FieldCipher(parseFieldKeys(newKeys.split(',')[0]!), Buffer.from(blindKey, 'base64'));
    for (const column of encryptedColumns) {
      const values = await database.dataSource.query<Record<string, unknown>[]>(
        `SELECT ${[column.column, column.idColumn, ...column.contextColumns].join(', ')} FROM ${column.table}
         WHERE ${column.column} IS NOT NULL`,
      );
      for (const row of values)
        expect(() => newOnlyCipher.decrypt(String(row[column.column]), column.context(row))).not.toThrow();
    }
    // The sections read back as the feature wrote them (the feature's own context, not the registry's).
    const sections = await database.dataSource.query<
      { application_id: string; section: string; answers_encrypted: string }[]
    >(`SELECT application_id, section, answers_encrypted FROM application_section WHERE application_id = ANY($1)`, [
      applicationIds,
    ]);
    expect(sections.length).toBeGreaterThan(3 * 10);
    for (const row of sections)
      expect(newOnlyCipher.decryptJson(row.answers_encrypted, sectionContext(row.application_id, row.section))).toEqual(
        expect.any(Object),
      );
    // Once rotated, the old key can be retired.
    const newOnly = new FieldCipher(parseFieldKeys(newKeys.split(',')[0]!), Buffer.from(blindKey, 'base64'));
    expect(newOnly.decrypt(rows[0]!.email_encrypted, `citizen:${rows[0]!.id}:email`)).toBe(emails.get(rows[0]!.id));
  }, 60_000);
});
