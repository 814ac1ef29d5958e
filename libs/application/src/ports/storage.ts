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
