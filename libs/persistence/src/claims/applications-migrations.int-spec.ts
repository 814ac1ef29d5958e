import { createDatabaseIfMissing, dropDatabase } from '@redress/persistence';
import { DataSource } from 'typeorm';
import { ApplicationsAndClaims1764310000000 } from '../../../../migrations/1764310000000-applications-and-claims.js';
import { EvidenceDocuments1764310100000 } from '../../../../migrations/1764310100000-evidence-documents.js';
import { CitizenAccounts1764260000000 } from '../../../../migrations/1764260000000-citizen-accounts.js';
import { PlatformTables1764250000000 } from '../../../../migrations/1764250000000-platform-tables.js';

const tables = [
  'application',
  'application_section',
  'application_answer_history',
  'claim',
  'claim_event',
  'information_request',
  'review_request',
  'idempotency_record',
  'evidence_document',
];

describe('the applications and claims migrations', () => {
  const url = `${process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL!}_appmig`;
  let dataSource: DataSource;

  beforeAll(async () => {
    await createDatabaseIfMissing(url);
    // Only the migrations these depend on, so that down() is tested without the later ones built on top.
    dataSource = new DataSource({
      type: 'postgres',
      url,
      migrations: [
        PlatformTables1764250000000,
        CitizenAccounts1764260000000,
        ApplicationsAndClaims1764310000000,
        EvidenceDocuments1764310100000,
      ],
      migrationsTransactionMode: 'each',
    });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await dropDatabase(url);
  });

  async function existing(): Promise<string[]> {
    const rows = await dataSource.query<Array<{ table_name: string }>>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = ANY($1)`,
      [tables],
    );
    return rows.map((row) => row.table_name).sort();
  }

  it('goes up, down and up again cleanly', async () => {
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await existing()).toEqual([...tables].sort());
    await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await existing()).not.toContain('evidence_document');
    await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await existing()).toEqual([]);
    const [sequence] = await dataSource.query(
      `SELECT count(*)::int AS count FROM pg_class WHERE relname = 'claim_reference_seq'`,
    );
    expect(sequence.count).toBe(0);
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await existing()).toEqual([...tables].sort());
  });

  it('keeps claim events and answer history append-only in the database itself', async () => {
    const citizen = '00000000-0000-4000-8000-000000000001';
    const application = '00000000-0000-4000-8000-000000000002';
    await dataSource.query(
      `INSERT INTO citizen_account (id, email_blind_index, email_encrypted) VALUES ($1, 'x', 'y')`,
      [citizen],
    );
    await dataSource.query(
      `INSERT INTO application (id, owner_citizen_id, status, created_at, updated_at, expires_at) VALUES ($1, $2, 'draft', now(), now(), now())`,
      [application, citizen],
    );
    await dataSource.query(
      `INSERT INTO application_answer_history (application_id, section, revision, change, answers_encrypted, recorded_at)
       VALUES ($1, 'crime', 1, 'saved', 'f1.x', now())`,
      [application],
    );
    await expect(dataSource.query(`UPDATE application_answer_history SET revision = 2`)).rejects.toThrow(/append-only/);
    // Erasing the draft takes its history with it (DELETE is allowed; only rewriting is not).
    await dataSource.query(`DELETE FROM application WHERE id = $1`, [application]);
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM application_answer_history`);
    expect(count).toBe(0);
  });
});
