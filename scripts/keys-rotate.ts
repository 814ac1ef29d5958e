/**
 * `npm run keys:rotate`: re-encrypts every encrypted field under the active key (the first of
 * FIELD_ENCRYPTION_KEYS) while the system runs, and every file of the filesystem document storage
 * (DOCUMENT_STORAGE_DIR, unless DOCUMENT_STORAGE=s3), encrypting files written before files were encrypted.
 * Put the new key first, deploy, run this, then retire the old key.
 */
import { IsIn, IsString, MinLength } from 'class-validator';
import {
  dataSourceOptions,
  encryptedColumns,
  FilesystemDocumentStorage,
  reencryptDocumentFiles,
} from '@redress/persistence';
import { CommonConfig, FieldCipher, loadConfigOrExit, parseFieldKeys, rotateFieldKeys } from '@redress/platform';
import { DataSource } from 'typeorm';

class KeyRotationConfig extends CommonConfig {
  /** Where the APIs and the worker keep files: `filesystem` files are re-encrypted here; S3 encrypts its own. */
  @IsIn(['filesystem', 's3'])
  DOCUMENT_STORAGE: 'filesystem' | 's3' = 'filesystem';

  /** The filesystem document storage's root, as the APIs and the worker have it. */
  @IsString()
  @MinLength(1)
  DOCUMENT_STORAGE_DIR = 'var/documents';
}

const config = loadConfigOrExit(KeyRotationConfig, process.env);
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
  if (config.DOCUMENT_STORAGE === 'filesystem') {
    const storage = new FilesystemDocumentStorage(config.DOCUMENT_STORAGE_DIR, cipher);
    for (const report of await reencryptDocumentFiles(dataSource, storage)) {
      console.log(
        `${report.table} files: ${report.reencrypted} re-encrypted under ${cipher.activeKeyId}, ${report.current} ` +
          `already, ${report.missing} missing, ${report.unreadable} unreadable`,
      );
      if (report.unreadable) process.exitCode = 1; // the old key must not be retired while these exist
    }
  }
} finally {
  await dataSource.destroy();
}
