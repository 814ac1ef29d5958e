import type { DocumentStorage } from '@redress/application';
import type { CommonConfig } from '@redress/platform';
import { IsIn, IsString, Matches, MinLength, ValidateIf } from 'class-validator';
import { FilesystemDocumentStorage } from './filesystem-document-storage.js';
import { S3DocumentStorage } from './s3-document-storage.js';

/** The document storage settings a process that reads evidence or letters needs. */
export interface DocumentStorageSettings {
  DOCUMENT_STORAGE: 'filesystem' | 's3';
  DOCUMENT_STORAGE_DIR: string;
  S3_ENDPOINT?: string;
  S3_BUCKET?: string;
  S3_REGION?: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
  S3_SERVER_SIDE_ENCRYPTION: 'AES256' | 'aws:kms';
}

type ConfigClass = abstract new (...args: any[]) => CommonConfig; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Adds the document storage settings (as the citizen API's) to a config class. */
export function WithDocumentStorageConfig<TBase extends ConfigClass>(Base: TBase) {
  abstract class WithDocumentStorage extends Base implements DocumentStorageSettings {
    /** Where evidence files and letters are kept: `filesystem` (development, single node) or an S3-compatible store. */
    @IsIn(['filesystem', 's3'])
    DOCUMENT_STORAGE: 'filesystem' | 's3' = 'filesystem';

    /** Root directory of the filesystem document storage. */
    @IsString()
    @MinLength(1)
    DOCUMENT_STORAGE_DIR = 'var/documents';

    @ValidateIf((config: WithDocumentStorage) => config.DOCUMENT_STORAGE === 's3')
    @Matches(/^https?:\/\/\S+$/, { message: 'S3_ENDPOINT must be a URL in s3 mode' })
    S3_ENDPOINT?: string;

    @ValidateIf((config: WithDocumentStorage) => config.DOCUMENT_STORAGE === 's3')
    @Matches(/^[a-z0-9.-]{3,63}$/, { message: 'S3_BUCKET must be a bucket name in s3 mode' })
    S3_BUCKET?: string;

    @ValidateIf((config: WithDocumentStorage) => config.DOCUMENT_STORAGE === 's3')
    @Matches(/^[a-z0-9-]{2,30}$/, { message: 'S3_REGION must be a region in s3 mode' })
    S3_REGION?: string;

    @ValidateIf((config: WithDocumentStorage) => config.DOCUMENT_STORAGE === 's3')
    @IsString()
    @MinLength(1, { message: 'S3_ACCESS_KEY_ID is required in s3 mode' })
    S3_ACCESS_KEY_ID?: string;

    @ValidateIf((config: WithDocumentStorage) => config.DOCUMENT_STORAGE === 's3')
    @IsString()
    @MinLength(1, { message: 'S3_SECRET_ACCESS_KEY is required in s3 mode' })
    S3_SECRET_ACCESS_KEY?: string;

    @IsIn(['AES256', 'aws:kms'])
    S3_SERVER_SIDE_ENCRYPTION: 'AES256' | 'aws:kms' = 'AES256';
  }
  return WithDocumentStorage;
}

/** The document storage the settings name. */
export function documentStorageFrom(
  config: DocumentStorageSettings,
  cipher: ConstructorParameters<typeof FilesystemDocumentStorage>[1],
): DocumentStorage {
  return config.DOCUMENT_STORAGE === 's3'
    ? new S3DocumentStorage({
        endpoint: config.S3_ENDPOINT!,
        bucket: config.S3_BUCKET!,
        region: config.S3_REGION!,
        accessKeyId: config.S3_ACCESS_KEY_ID!,
        secretAccessKey: config.S3_SECRET_ACCESS_KEY!,
        serverSideEncryption: config.S3_SERVER_SIDE_ENCRYPTION,
      })
    : new FilesystemDocumentStorage(config.DOCUMENT_STORAGE_DIR, cipher);
}
