import { createDatabaseIfMissing, dataSourceOptions, dropDatabase, runMigrations } from '@redress/persistence';
import { dropTestDatabase } from '@redress/testing';
import { DataSource } from 'typeorm';

/**
 * A freshly migrated database of a suite's own, beside this run's shared one, for suites that must
 * tamper with or empty tables that other suites rely on (the audit log, for example). `url` connects as the
 * app role (give it to the apps); `dataSource` connects as the schema owner (for the tampering).
 */
export async function createIsolatedDatabase(
  suffix: string,
): Promise<{ url: string; migrationUrl: string; dataSource: DataSource; drop: () => Promise<void> }> {
  const url = suffixed(process.env.DATABASE_URL!, suffix);
  const migrationUrl = suffixed(process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL!, suffix);
  await dropDatabase(migrationUrl);
  await createDatabaseIfMissing(migrationUrl);
  await runMigrations(migrationUrl);
  const dataSource = await new DataSource(dataSourceOptions({ url: migrationUrl, poolSize: 4 })).initialize();
  return {
    url,
    migrationUrl,
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await dropTestDatabase(migrationUrl);
    },
  };
}

function suffixed(url: string, suffix: string): string {
  const parsed = new URL(url);
  parsed.pathname = `${parsed.pathname}_${suffix}`;
  return parsed.toString();
}
