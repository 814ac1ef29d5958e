/**
 * Where evidence files live, as a port: a filesystem adapter for development and single-node installs, and an
 * S3-compatible one (AWS S3, MinIO, Ceph) for production. Keys carry ids only, never names or content.
 */
export abstract class DocumentStorage {
  abstract put(key: string, content: Buffer, contentType: string): Promise<void>;
  abstract get(key: string): Promise<Buffer>;
  /** Deleting a key that is not there is not an error. */
  abstract delete(key: string): Promise<void>;
}

/**
 * A stored file that cannot be read back as it was written: it failed decryption or its integrity check (tampered,
 * moved to another key, or its encryption key is no longer configured). The message names no key and no content;
 * an API answers it as any server error (500 problem+json with an error id).
 */
export class StoredDocumentUnreadableError extends Error {
  constructor(reason: string) {
    super(`stored document unreadable: ${reason}`);
    this.name = 'StoredDocumentUnreadableError';
  }
}
