/**
 * Database commands: `create`, `migrate`, `revert`, `drop`.
 * Reads MIGRATION_DATABASE_URL, the schema owner's connection (else DATABASE_URL; default: the local development
 * database as the server's administrator). The apps connect as another role, `redress_app`, which the migrations
 * create when missing and grant row rights only.
 */
import { createDatabaseIfMissing, dropDatabase, revertLastMigration, runMigrations } from '@redress/persistence';

const url =
  process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/redress';
const command = process.argv[2];

async function main(): Promise<void> {
  const database = new URL(url).pathname.slice(1);
  switch (command) {
    case 'create': {
      const created = await createDatabaseIfMissing(url);
      console.log(created ? `created database ${database}` : `database ${database} already exists`);
      return;
    }
    case 'migrate': {
      const ran = await runMigrations(url);
      console.log(ran.length ? `ran ${ran.length} migration(s): ${ran.join(', ')}` : 'no pending migrations');
      return;
    }
    case 'revert':
      await revertLastMigration(url);
      console.log('reverted the last migration');
      return;
    case 'drop':
      await dropDatabase(url);
      console.log(`dropped database ${database}`);
      return;
    default:
      throw new Error('usage: database.ts create|migrate|revert|drop');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
