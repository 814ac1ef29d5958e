import { randomBytes, randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentStorage } from '@redress/application';
import { FilesystemDocumentStorage, reencryptDocumentFiles } from '@redress/persistence';
import { FieldCipher, parseFieldKeys } from '@redress/platform';
import request from 'supertest';
import { createApplication, submittedClaim } from './support/applications.js';
import { createTestCitizen, startCitizenApi, type TestCitizen } from './support/citizen-api.js';
import { createIsolatedDatabase } from './support/isolated-database.js';

const blindKey = randomBytes(32).toString('base64');
const oldKeys = `files-old:${randomBytes(32).toString('base64')}`;
const newKey = `files-new:${randomBytes(32).toString('base64')}`;
const cipherOf = (keys: string) => new FieldCipher(parseFieldKeys(keys), Buffer.from(blindKey, 'base64'));
/** A synthetic discharge summary: the marker must never be found on disk. */
const marker = `ORBITAL-FRACTURE-${randomBytes(4).toString('hex')}`;
const pdf = Buffer.concat([Buffer.from(`%PDF-1.7\n% ${marker}\n`), Buffer.alloc(1024, 0x20), Buffer.from('\n%%EOF\n')]);

/**
 * The filesystem document storage (used when no object storage is configured) encrypts every file at rest with
 * the field-encryption key ring; files written before that still read; a tampered file is a plain 500 problem;
 * `npm run keys:rotate` brings every file under the new key so the old one can be retired.
 */
describe('filesystem document storage: files encrypted at rest', () => {
  let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;
  let api: NestFastifyApplication;
  let root: string;
  let owner: TestCitizen;
  let claimId: string;
  let reference: string;
  const http = () => request(api.getHttpServer());
  const onDisk = (key: string) => readFileSync(join(root, key));

  /** A decision letter on the owner's claim whose file is written by `write` (through the store, or raw). */
  async function letter(write: (key: string) => Promise<void> | void): Promise<{ id: string; key: string }> {
    const id = randomUUID();
    const key = `claims/${claimId}/letters/${id}`;
    await write(key);
    await database.dataSource.query(
      `INSERT INTO claim_letter (id, claim_id, kind, decision_id, storage_key, content_type, size_bytes, pages, created_at)
       VALUES ($1, $2, 'decision', $3, $4, 'application/pdf', $5, 1, now())`,
      [id, claimId, randomUUID(), key, pdf.length],
    );
    return { id, key };
  }
  const writeRaw = (key: string, bytes: Buffer) => {
    mkdirSync(dirname(join(root, key)), { recursive: true });
    writeFileSync(join(root, key), bytes);
  };
  const download = (letterId: string) =>
    http().get(`/v1/claims/${reference}/letters/${letterId}`).set('authorization', owner.authorization);

  beforeAll(async () => {
    database = await createIsolatedDatabase('docenc');
    root = mkdtempSync(join(tmpdir(), 'redress-docenc-'));
    api = await startCitizenApi({
      DATABASE_URL: database.url,
      FIELD_ENCRYPTION_KEYS: oldKeys,
      BLIND_INDEX_KEY: blindKey,
      DOCUMENT_STORAGE: 'filesystem',
      DOCUMENT_STORAGE_DIR: root,
    });
    owner = await createTestCitizen(api);
    ({ reference } = await submittedClaim(api, owner));
    claimId = (await database.dataSource.query(`SELECT id FROM claim WHERE reference = $1`, [reference]))[0].id;
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await database?.drop();
    rmSync(root, { recursive: true, force: true });
  }, 30_000);

  it('writes uploaded evidence encrypted (no plaintext on disk) and reads it back as uploaded', async () => {
    const { id } = await createApplication(api, owner, {});
    const upload = await http()
      .post(`/v1/applications/${id}/documents`)
      .set('authorization', owner.authorization)
      .attach('file', pdf, 'discharge.pdf')
      .expect(201);
    expect(upload.body).toMatchObject({ type: 'pdf', sizeBytes: pdf.length });
    const key = `applications/${id}/${upload.body.id}`;
    const bytes = onDisk(key);
    expect(bytes.includes(Buffer.from(marker))).toBe(false);
    expect(bytes.includes(Buffer.from('%PDF'))).toBe(false);
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('RDXENC1\0');
    expect(cipherOf(oldKeys).keyIdOfBytes(bytes)).toBe('files-old');
    expect((await api.get(DocumentStorage, { strict: false }).get(key)).equals(pdf)).toBe(true);
  });

  it('serves a letter written encrypted, and one written in clear before encryption, as they were', async () => {
    const encrypted = await letter((key) =>
      api.get(DocumentStorage, { strict: false }).put(key, pdf, 'application/pdf'),
    );
    expect(onDisk(encrypted.key).includes(Buffer.from(marker))).toBe(false);
    const legacy = await letter((key) => writeRaw(key, pdf));
    for (const { id } of [encrypted, legacy]) {
      const response = await download(id).expect(200);
      expect(Buffer.from(response.body as Buffer).equals(pdf)).toBe(true);
    }
  });

  it('answers a tampered file, or one moved under another key, with a bare 500 problem that leaks nothing', async () => {
    const store = api.get(DocumentStorage, { strict: false });
    const tampered = await letter((key) => store.put(key, pdf, 'application/pdf'));
    const bytes = onDisk(tampered.key);
    bytes[bytes.length - 10]! ^= 0x01;
    writeFileSync(join(root, tampered.key), bytes);
    // A sound file of another letter copied over this one's: bound to its own key, it does not decrypt here.
    const original = await letter((key) => store.put(key, pdf, 'application/pdf'));
    const moved = await letter((key) => writeRaw(key, onDisk(original.key)));
    await download(original.id).expect(200);
    for (const id of [tampered.id, moved.id]) {
      const response = await download(id);
      expect(response.status).toBe(500);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(Object.keys(response.body).sort()).toEqual([
        'code',
        'detail',
        'errorId',
        'instance',
        'requestId',
        'status',
        'title',
        'type',
      ]);
      expect(response.body.detail).toBe('Something went wrong on our side.');
      // Nothing about the failure, the key, the format, the storage key (claim id) or the content.
      const text = JSON.stringify(response.body);
      expect(text).not.toMatch(/decrypt|authenticat|tamper|files-old|RDXENC|storage|PDF/i);
      expect(text).not.toContain(claimId);
    }
  });

  it('keys:rotate brings every file under the new key (clear ones encrypted); the old key can then go', async () => {
    const letters = await database.dataSource.query<Array<{ storage_key: string }>>(
      `SELECT storage_key FROM claim_letter ORDER BY id`,
    );
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/keys-rotate.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        FIELD_ENCRYPTION_KEYS: `${newKey},${oldKeys}`,
        BLIND_INDEX_KEY: blindKey,
        DOCUMENT_STORAGE_DIR: root,
        LOG_LEVEL: 'warn',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    // The tampered and the moved letters cannot be re-encrypted: the run says so and fails, so the old key stays.
    expect(run.stdout).toMatch(
      /claim_letter files: 3 re-encrypted under files-new, 0 already, 0 missing, 2 unreadable/,
    );
    expect(run.stdout).toMatch(/evidence_document files: 1 re-encrypted under files-new/);
    expect(run.status).toBe(1);

    const newOnly = new FilesystemDocumentStorage(root, cipherOf(newKey));
    let readable = 0;
    for (const { storage_key: key } of letters) {
      const bytes = onDisk(key);
      expect(bytes.includes(Buffer.from(marker))).toBe(false);
      if (cipherOf(`${newKey},${oldKeys}`).keyIdOfBytes(bytes) !== 'files-new') continue;
      expect((await newOnly.get(key)).equals(pdf)).toBe(true);
      readable += 1;
    }
    expect(readable).toBe(3);
  }, 90_000);

  it('never brings back a file that is being erased while it re-encrypts', async () => {
    const storage = new FilesystemDocumentStorage(root, cipherOf(`${newKey},${oldKeys}`));
    const doomed = await letter((key) => writeRaw(key, pdf));
    // A deletion in progress holds the row, as the citizen API and retention do (row first, file after commit).
    const runner = database.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(`DELETE FROM claim_letter WHERE id = $1`, [doomed.id]);
    const rotation = reencryptDocumentFiles(database.dataSource, storage);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await runner.commitTransaction();
    await runner.release();
    await storage.delete(doomed.key);
    const reports = await rotation;
    expect(reports.find((report) => report.table === 'claim_letter')).toMatchObject({ missing: 1 });
    expect(existsSync(join(root, doomed.key))).toBe(false);
  }, 30_000);
});
