import { randomUUID } from 'node:crypto';
import { createDatabaseIfMissing, dropDatabase, runMigrations } from '@redress/persistence';
import { DataSource } from 'typeorm';
import { lockOwnedApplicationWithSerial } from './postgres-application-store.js';
import type { FieldCipherLike } from './persistence-ports.js';

/** Stores JSON as it is, prefixed by its context, so a wrong context or a stale row shows. */
const cipher: FieldCipherLike = {
  encrypt: (plaintext, context) => `${context}|${plaintext}`,
  decrypt: (value, context) => {
    if (!value.startsWith(`${context}|`)) throw new Error('wrong context');
    return value.slice(`${context}|`.length);
  },
  encryptJson: (value, context) => `${context}|${JSON.stringify(value)}`,
  decryptJson: <T>(value: string, context?: string) => JSON.parse(cipher.decrypt(value, context)) as T,
};

describe('locking a draft for submission in one statement', () => {
  const url = `${process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL!}_locksubmit`;
  let dataSource: DataSource;
  const now = new Date();

  async function draft(status: 'draft' | 'submitted' = 'draft'): Promise<{ id: string; citizenId: string }> {
    const citizenId = randomUUID();
    const id = randomUUID();
    await dataSource.query(
      `INSERT INTO citizen_account (id, email_blind_index, email_encrypted) VALUES ($1, $2, 'x')`,
      [citizenId, `lock-${citizenId}`],
    );
    const submitted = status === 'submitted';
    await dataSource.query(
      `INSERT INTO application (id, owner_citizen_id, status, version, created_at, updated_at, expires_at, submitted_at)
       VALUES ($1, $2, $3, 3, $4, $4, $5, $6)`,
      [id, citizenId, status, now, submitted ? null : new Date(now.getTime() + 86_400_000), submitted ? now : null],
    );
    for (const [section, answers] of [
      ['applicant', { firstName: 'Before' }],
      ['residence', { ukResident: true }],
    ] as const) {
      await dataSource.query(
        `INSERT INTO application_section (application_id, section, answers_encrypted, revision, saved_at_version, updated_at)
         VALUES ($1, $2, $3, 1, 2, $4)`,
        [id, section, cipher.encryptJson(answers, `application:${id}:${section}`), now],
      );
    }
    return { id, citizenId };
  }

  beforeAll(async () => {
    await dropDatabase(url);
    await createDatabaseIfMissing(url);
    await runMigrations(url);
    dataSource = new DataSource({ type: 'postgres', url, poolSize: 4 });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await dropDatabase(url);
  });

  it('answers the draft, every section decrypted under its own context, and a claim number', async () => {
    const { id, citizenId } = await draft();
    const locked = await dataSource.transaction((manager) =>
      lockOwnedApplicationWithSerial(manager, cipher, id, citizenId, now),
    );
    expect(locked?.application).toMatchObject({ id, ownerCitizenId: citizenId, status: 'draft', version: 3 });
    expect(locked?.application.sections.applicant).toMatchObject({
      answers: { firstName: 'Before' },
      revision: 1,
      savedAtVersion: 2,
      setAside: false,
    });
    expect(locked?.application.sections.applicant?.updatedAt.getTime()).toBe(now.getTime());
    expect(locked?.application.sections.residence?.answers).toEqual({ ukResident: true });
    expect(Number.isInteger(locked?.serial)).toBe(true);
  });

  it('takes no claim number for an application already sent, and finds nothing for another citizen', async () => {
    const sent = await draft('submitted');
    const locked = await dataSource.transaction((manager) =>
      lockOwnedApplicationWithSerial(manager, cipher, sent.id, sent.citizenId, now),
    );
    expect(locked?.application.status).toBe('submitted');
    expect(locked?.serial).toBeNull();
    const other = await dataSource.transaction((manager) =>
      lockOwnedApplicationWithSerial(manager, cipher, sent.id, randomUUID(), now),
    );
    expect(other).toBeNull();
  });

  it('reads the sections again when a save committed while it waited for the lock', async () => {
    const { id, citizenId } = await draft();
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    // A save in progress: it bumps the version (taking the row lock) and changes a section.
    await runner.query(`UPDATE application SET version = version + 1 WHERE id = $1`, [id]);
    await runner.query(
      `UPDATE application_section SET answers_encrypted = $2, revision = 2, saved_at_version = 4
       WHERE application_id = $1 AND section = 'applicant'`,
      [id, cipher.encryptJson({ firstName: 'After' }, `application:${id}:applicant`)],
    );
    const locking = dataSource.transaction((manager) =>
      lockOwnedApplicationWithSerial(manager, cipher, id, citizenId, now),
    );
    // Let the locking statement take its snapshot and start waiting, then commit the save.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await runner.commitTransaction();
    await runner.release();
    const locked = await locking;
    expect(locked?.application.version).toBe(4);
    expect(locked?.application.sections.applicant).toMatchObject({
      answers: { firstName: 'After' },
      revision: 2,
      savedAtVersion: 4,
    });
  });
});
