import { createDatabaseIfMissing, dataSourceOptions, dropDatabase, runMigrations } from '@redress/persistence';
import { dropTestDatabase } from '@redress/testing';
import { DataSource } from 'typeorm';

/**
 * A freshly migrated database of a suite's own, beside this run's shared one, for suites that must
 * tamper with or empty tables that other suites rely on (the audit log, for example).
 */
export async function createIsolatedDatabase(
  suffix: string,
): Promise<{ url: string; dataSource: DataSource; drop: () => Promise<void> }> {
  const base = new URL(process.env.DATABASE_URL!);
  base.pathname = `${base.pathname}_${suffix}`;
  const url = base.toString();
  await dropDatabase(url);
  await createDatabaseIfMissing(url);
  await runMigrations(url);
  const dataSource = await new DataSource(dataSourceOptions({ url, poolSize: 4 })).initialize();
  return {
    url,
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await dropTestDatabase(url);
    },
  };
}
