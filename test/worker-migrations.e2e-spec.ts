import { dataSourceOptions } from '@redress/persistence';
import { DisposableDatabase } from '@redress/testing';
import { DataSource } from 'typeorm';
import { OutboxRelay1764320000000 } from '../migrations/1764320000000-outbox-relay.js';
import { WorkerRecords1764320000100 } from '../migrations/1764320000100-worker-records.js';

describe('worker migrations', () => {
  it('go down and up again cleanly', async () => {
    const database = await DisposableDatabase.create(process.env.DATABASE_URL!, 'wmig');
    const dataSource = await new DataSource(
      dataSourceOptions({ url: database.migrationUrl, poolSize: 1 }),
    ).initialize();
    const runner = dataSource.createQueryRunner();
    const tables = async () =>
      (
        await runner.query(
          `SELECT table_name FROM information_schema.tables WHERE table_name IN
             ('notification_delivery', 'crime_reference_check', 'claim_automatic_assessment', 'claim_letter') ORDER BY 1`,
        )
      ).map((row: { table_name: string }) => row.table_name);
    const triggers = async () =>
      (await runner.query(`SELECT tgname FROM pg_trigger WHERE tgname = 'outbox_message_notify'`)).length;
    try {
      expect(await tables()).toHaveLength(4);
      expect(await triggers()).toBe(1);
      await new WorkerRecords1764320000100().down(runner);
      await new OutboxRelay1764320000000().down(runner);
      expect(await tables()).toEqual([]);
      expect(await triggers()).toBe(0);
      await new OutboxRelay1764320000000().up(runner);
      await new WorkerRecords1764320000100().up(runner);
      expect(await tables()).toHaveLength(4);
      expect(await triggers()).toBe(1);
    } finally {
      await runner.release();
      await dataSource.destroy();
      await database.drop();
    }
  });
});
