/**
 * `npm run keys:rotate`: re-encrypts every encrypted field under the active key (the first of
 * FIELD_ENCRYPTION_KEYS) while the system runs. Put the new key first, deploy, run this, then retire the old key.
 */
import { dataSourceOptions, encryptedColumns } from '@redress/persistence';
import { CommonConfig, FieldCipher, loadConfigOrExit, parseFieldKeys, rotateFieldKeys } from '@redress/platform';
import { DataSource } from 'typeorm';

const config = loadConfigOrExit(CommonConfig, process.env);
const cipher = new FieldCipher(
  parseFieldKeys(config.FIELD_ENCRYPTION_KEYS),
  Buffer.from(config.BLIND_INDEX_KEY, 'base64'),
);
const dataSource = await new DataSource(
  dataSourceOptions({ url: config.DATABASE_URL, poolSize: 2, applicationName: 'redress-keys-rotate' }),
).initialize();
try {
  const reports = await rotateFieldKeys(dataSource, cipher, encryptedColumns, {
    onBatch: (report) => console.log(`${report.table}.${report.column}: ${report.rotated} re-encrypted so far`),
  });
  for (const report of reports)
    console.log(`${report.table}.${report.column}: ${report.rotated} re-encrypted under ${cipher.activeKeyId}`);
} finally {
  await dataSource.destroy();
}
