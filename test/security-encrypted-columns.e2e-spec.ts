import { dataSourceOptions, encryptedColumns } from '@redress/persistence';
import { DataSource } from 'typeorm';

const registered = new Set(encryptedColumns.map((column) => `${column.table}.${column.column}`));

/**
 * The encrypted-column registry (libs/persistence/src/encrypted-columns.ts) is what `npm run keys:rotate`
 * re-encrypts: a column missing from it would keep values under a retired key and become unreadable.
 */
describe('encrypted-column registry', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await new DataSource(dataSourceOptions({ url: process.env.DATABASE_URL!, poolSize: 2 })).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  const textColumns = () =>
    dataSource.query<Array<{ table_name: string; column_name: string }>>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND data_type IN ('text', 'character varying') ORDER BY table_name, column_name`,
    );

  it('lists every column named *_encrypted, and only columns that exist as text', async () => {
    const columns = await textColumns();
    const existing = new Set(columns.map((column) => `${column.table_name}.${column.column_name}`));
    const unregistered = [...existing].filter((name) => name.endsWith('_encrypted') && !registered.has(name));
    expect(unregistered).toEqual([]);
    expect([...registered].filter((name) => !existing.has(name))).toEqual([]);
  });

  it('finds no FieldCipher value (f1.<key>.) in a text column it does not list', async () => {
    // This run's database, holding whatever the suites before this one wrote: every feature's tables that
    // have rows are checked here; the *_encrypted naming test above covers tables still empty.
    const unregistered: string[] = [];
    for (const { table_name: table, column_name: column } of await textColumns()) {
      if (registered.has(`${table}.${column}`)) continue;
      const [found] = await dataSource.query<Array<{ hit: boolean }>>(
        `SELECT EXISTS (SELECT 1 FROM "${table}" WHERE "${column}" LIKE 'f1.%.%') AS hit`,
      );
      if (found!.hit) unregistered.push(`${table}.${column}`);
    }
    expect(unregistered).toEqual([]);
  });
});
