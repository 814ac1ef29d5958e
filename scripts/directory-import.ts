/**
 * Imports an Open Referral UK (HSDS 3) JSON document into the support directory, upserting by id (running
 * it twice changes nothing). The whole document is validated before anything is written.
 *   npm run directory:import -- data/directory/seed-directory.json
 * Reads DATABASE_URL (default: the local development database).
 */
import 'reflect-metadata';
import { readFileSync, statSync } from 'node:fs';
import { ImportDirectory, InvalidDirectoryDocumentError } from '@redress/application';
import { dataSourceOptions, PostgresDirectoryImportStore } from '@redress/persistence';
import { DataSource } from 'typeorm';

const url = process.env.DATABASE_URL ?? 'postgres://redress_app@127.0.0.1:5432/redress';

async function main(file: string | undefined): Promise<void> {
  if (!file) throw new Error('usage: npm run directory:import -- FILE');
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} could not be read as JSON: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  const dataSource = await new DataSource(
    dataSourceOptions({ url, poolSize: 2, applicationName: 'redress-directory-import' }),
  ).initialize();
  try {
    const store = new PostgresDirectoryImportStore(dataSource);
    const counts = await new ImportDirectory(store, () => store.knownTermIds()).execute({
      document,
      // The file's records are as of its last change: a service edited in the partner portal since is kept.
      recordsAsOf: statSync(file).mtime,
    });
    console.log(
      `imported ${counts.organizations} organisation(s), ${counts.services} service(s), ${counts.serviceAreas} service area(s), ` +
        `${counts.attributes} attribute(s), ${counts.taxonomyTerms} taxonomy term(s); ` +
        `${counts.keptPortalEdits} service(s) kept as edited in the partner portal since`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  if (error instanceof InvalidDirectoryDocumentError) {
    console.error(error.message);
    for (const detail of error.details.slice(0, 50)) console.error(`  ${detail.field}: ${detail.message}`);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
