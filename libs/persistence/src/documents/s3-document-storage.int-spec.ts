import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { S3DocumentStorage, type S3Settings } from '@redress/persistence';
import S3rver from 's3rver';

/** The storage adapter through the official AWS SDK client, against s3rver (a local S3-compatible server). */
describe('S3DocumentStorage (AWS SDK client against s3rver)', () => {
  let server: S3rver;
  let folder: string;
  let settings: S3Settings;
  /** The headers of every request the SDK sent, as signed. */
  const sent: Array<{ method: string; path: string; headers: Record<string, string> }> = [];
  const clients: S3Client[] = [];

  function storage(overrides: Partial<S3Settings> = {}): S3DocumentStorage {
    const merged = { ...settings, ...overrides };
    const client = new S3Client({
      endpoint: merged.endpoint,
      region: merged.region,
      forcePathStyle: true,
      credentials: { accessKeyId: merged.accessKeyId, secretAccessKey: merged.secretAccessKey },
    });
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { method: string; path: string; headers: Record<string, string> };
        sent.push({ method: request.method, path: request.path, headers: { ...request.headers } });
        return next(args);
      },
      { step: 'finalizeRequest', name: 'recordSentHeaders', priority: 'low' },
    );
    clients.push(client);
    return new S3DocumentStorage(merged, client);
  }

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'redress-s3rver-'));
    server = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: folder,
      configureBuckets: [{ name: 'evidence', configs: [] }],
    });
    const address = await server.run();
    settings = {
      endpoint: `http://127.0.0.1:${address.port}`,
      bucket: 'evidence',
      region: 'eu-west-2',
      // s3rver's own fixed development credentials.
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
    };
  });

  afterAll(async () => {
    clients.forEach((client) => client.destroy());
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  });

  beforeEach(() => {
    sent.length = 0;
  });

  it('puts, gets back the same bytes, and deletes; deleting again is not an error', async () => {
    const store = storage();
    const content = Buffer.from('%PDF-1.7\n' + 'x'.repeat(70_000));
    await store.put('applications/a1/documents/d1', content, 'application/pdf');
    expect((await store.get('applications/a1/documents/d1')).equals(content)).toBe(true);
    await store.delete('applications/a1/documents/d1');
    await expect(store.get('applications/a1/documents/d1')).rejects.toThrow();
    await expect(store.delete('applications/a1/documents/d1')).resolves.toBeUndefined();
  });

  it('signs every request with SigV4, path-style, and asks for server-side encryption on writes only', async () => {
    const store = storage({ serverSideEncryption: 'AES256' });
    await store.put('k/encrypted', Buffer.from('secret'), 'text/plain');
    await store.get('k/encrypted');
    const [put, get] = sent;
    expect(put).toMatchObject({ method: 'PUT', path: '/evidence/k/encrypted' });
    expect(put!.headers['x-amz-server-side-encryption']).toBe('AES256');
    expect(put!.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=S3RVER\/\d{8}\/eu-west-2\/s3\/aws4_request/,
    );
    expect(put!.headers.authorization).toContain('x-amz-server-side-encryption');
    expect(get).toMatchObject({ method: 'GET', path: '/evidence/k/encrypted' });
    expect(get!.headers['x-amz-server-side-encryption']).toBeUndefined();
  });

  it('sends no encryption header when none is configured', async () => {
    await storage().put('k/plain', Buffer.from('plain'), 'text/plain');
    expect(sent[0]!.headers['x-amz-server-side-encryption']).toBeUndefined();
  });
});
