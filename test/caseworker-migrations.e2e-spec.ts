import { dataSourceOptions } from '@redress/persistence';
import { DisposableDatabase } from '@redress/testing';
import { DataSource } from 'typeorm';
import { CaseworkerDecisionsAndSearch1764350000000 } from '../migrations/1764350000000-caseworker-decisions-and-search.js';

describe('caseworker decisions and search migration', () => {
  it('goes down and up again cleanly, and queues claims inserted afterwards for the search index', async () => {
    const database = await DisposableDatabase.create(process.env.DATABASE_URL!, 'cwmig');
    const dataSource = await new DataSource(
      dataSourceOptions({ url: database.migrationUrl, poolSize: 1 }),
    ).initialize();
    const runner = dataSource.createQueryRunner();
    const shape = async () => ({
      tables: (
        await runner.query(
          `SELECT table_name FROM information_schema.tables WHERE table_name IN ('claim_search_term', 'claim_search_pending') ORDER BY 1`,
        )
      ).length,
      columns: (
        await runner.query(
          `SELECT column_name FROM information_schema.columns WHERE table_name = 'claim_decision' AND column_name LIKE 'return%'`,
        )
      ).length,
      triggers: (await runner.query(`SELECT tgname FROM pg_trigger WHERE tgname = 'claim_search_enqueue'`)).length,
    });
    const migration = new CaseworkerDecisionsAndSearch1764350000000();
    try {
      expect(await shape()).toEqual({ tables: 2, columns: 3, triggers: 1 });
      await migration.down(runner);
      expect(await shape()).toEqual({ tables: 0, columns: 0, triggers: 0 });
      await migration.up(runner);
      expect(await shape()).toEqual({ tables: 2, columns: 3, triggers: 1 });
    } finally {
      await runner.release();
      await dataSource.destroy();
      await database.drop();
    }
  });
});
