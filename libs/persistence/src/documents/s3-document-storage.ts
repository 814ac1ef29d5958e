import { createHash, createHmac } from 'node:crypto';
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

const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding of a path segment, as SigV4 requires. */
const encodeSegment = (segment: string): string =>
  encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * AWS Signature Version 4 for one request: the Authorization header value. Exported for its test against
 * the published AWS example.
 */
export function signatureV4(input: {
  method: string;
  path: string;
  query?: string;
  headers: Record<string, string>;
  payloadHash: string;
  region: string;
  service: string;
  accessKeyId: string;
  secretAccessKey: string;
  amzDate: string;
}): string {
  const names = Object.keys(input.headers)
    .map((name) => name.toLowerCase())
    .sort();
  const lower = Object.fromEntries(Object.entries(input.headers).map(([name, value]) => [name.toLowerCase(), value]));
  const canonicalHeaders = names.map((name) => `${name}:${String(lower[name]).trim().replace(/\s+/g, ' ')}\n`).join('');
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    input.method,
    input.path,
    input.query ?? '',
    canonicalHeaders,
    signedHeaders,
    input.payloadHash,
  ].join('\n');
  const date = input.amzDate.slice(0, 8);
  const scope = `${date}/${input.region}/${input.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', input.amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = hmac(
    hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, date), input.region), input.service),
    'aws4_request',
  );
  const signature = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
  return `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

/**
 * Any S3-compatible object store, over plain HTTPS with SigV4 (no SDK: three calls do not need one).
 * Objects are written with server-side encryption when configured.
 */
export class S3DocumentStorage extends DocumentStorage {
  constructor(
    private readonly settings: S3Settings,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    super();
  }

  private async send(
    method: 'PUT' | 'GET' | 'DELETE',
    key: string,
    body?: Buffer,
    contentType?: string,
  ): Promise<Response> {
    const url = new URL(this.settings.endpoint);
    const path = `/${encodeSegment(this.settings.bucket)}/${key.split('/').map(encodeSegment).join('/')}`;
    const amzDate = new Date()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
    const payloadHash = sha256Hex(body ?? '');
    const headers: Record<string, string> = {
      host: url.host,
      'x-amz-content-sha256': payloadHash,
      'x-amz-date': amzDate,
      ...(contentType ? { 'content-type': contentType } : {}),
      ...(method === 'PUT' && this.settings.serverSideEncryption
        ? { 'x-amz-server-side-encryption': this.settings.serverSideEncryption }
        : {}),
    };
    headers.authorization = signatureV4({
      method,
      path,
      headers,
      payloadHash,
      region: this.settings.region,
      service: 's3',
      accessKeyId: this.settings.accessKeyId,
      secretAccessKey: this.settings.secretAccessKey,
      amzDate,
    });
    const { host: _host, ...sent } = headers;
    return this.fetchImpl(new URL(path, url), { method, headers: sent, body: body ? new Uint8Array(body) : undefined });
  }

  async put(key: string, content: Buffer, contentType: string): Promise<void> {
    const response = await this.send('PUT', key, content, contentType);
    if (!response.ok) throw new Error(`S3 PUT failed with ${response.status}`);
  }

  async get(key: string): Promise<Buffer> {
    const response = await this.send('GET', key);
    if (!response.ok) throw new Error(`S3 GET failed with ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    const response = await this.send('DELETE', key);
    if (!response.ok && response.status !== 404) throw new Error(`S3 DELETE failed with ${response.status}`);
  }
}
