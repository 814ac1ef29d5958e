import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DocumentStorage } from '@redress/application';

export interface S3Settings {
  /** `https://s3.eu-west-2.amazonaws.com`, or a MinIO URL. Path-style addressing: `<endpoint>/<bucket>/<key>`. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Ask the server to encrypt at rest (SSE-S3 `AES256` or `aws:kms`). */
  serverSideEncryption?: 'AES256' | 'aws:kms';
}

/**
 * Any S3-compatible object store (AWS S3, MinIO, Ceph) through the official AWS SDK client (`@aws-sdk/client-s3`:
 * its SigV4 signing, retries and error types). Path-style addressing, so MinIO and local servers work as AWS does.
 * Objects are written with server-side encryption when configured.
 */
export class S3DocumentStorage extends DocumentStorage {
  private readonly client: S3Client;

  constructor(
    private readonly settings: S3Settings,
    client?: S3Client,
  ) {
    super();
    this.client =
      client ??
      new S3Client({
        endpoint: settings.endpoint,
        region: settings.region,
        forcePathStyle: true,
        credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
      });
  }

  async put(key: string, content: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.settings.bucket,
        Key: key,
        Body: content,
        ContentType: contentType,
        ...(this.settings.serverSideEncryption ? { ServerSideEncryption: this.settings.serverSideEncryption } : {}),
      }),
    );
  }

  async get(key: string): Promise<Buffer> {
    const answer = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: key }));
    if (!answer.Body) throw new Error('S3 GET answered no body');
    return Buffer.from(await answer.Body.transformToByteArray());
  }

  async delete(key: string): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: key }));
    } catch (error) {
      // S3 answers 204 for a missing key; some compatible servers answer 404.
      if (
        !(error instanceof NoSuchKey) &&
        (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== 404
      )
        throw error;
    }
  }

  /** Closes the client's connections. */
  destroy(): void {
    this.client.destroy();
  }
}
