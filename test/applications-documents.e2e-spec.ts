import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentStorage } from '@redress/application';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApplication, submit } from './support/applications.js';
import { createTestCitizen, startCitizenApi, type TestCitizen } from './support/citizen-api.js';

const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF\n')]);
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

describe('evidence documents', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let root: string;
  let alice: TestCitizen;
  let bob: TestCitizen;
  const http = () => request(app.getHttpServer());
  const filesOnDisk = (applicationId: string): string[] => {
    const directory = join(root, 'applications', applicationId);
    return existsSync(directory) ? readdirSync(directory) : [];
  };
  const upload = (citizen: TestCitizen, applicationId: string, content: Buffer, name: string) =>
    http()
      .post(`/v1/applications/${applicationId}/documents`)
      .set('authorization', citizen.authorization)
      .attach('file', content, name);

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'redress-documents-'));
    app = await startCitizenApi({ DOCUMENT_STORAGE: 'filesystem', DOCUMENT_STORAGE_DIR: root });
    db = app.get(DataSource);
  });
  beforeEach(async () => {
    alice = await createTestCitizen(app);
    bob = await createTestCitizen(app);
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('takes a PDF and a PNG by content, lists them, and stores the file name encrypted', async () => {
    const { id } = await createApplication(app, alice, {});
    const first = await upload(alice, id, pdf, 'hospital-letter.pdf').expect(201);
    expect(first.body).toMatchObject({
      fileName: 'hospital-letter.pdf',
      type: 'pdf',
      contentType: 'application/pdf',
      sizeBytes: pdf.length,
    });
    // The name says .txt; the content is a PNG, and that is what counts.
    const second = await upload(alice, id, png, 'photo.txt').expect(201);
    expect(second.body.type).toBe('png');
    const list = await http()
      .get(`/v1/applications/${id}/documents`)
      .set('authorization', alice.authorization)
      .expect(200);
    expect(list.body.documents.map((document: { fileName: string }) => document.fileName)).toEqual([
      'hospital-letter.pdf',
      'photo.txt',
    ]);
    // Encrypted at rest (test/documents-encryption.e2e-spec.ts); the store gives back the bytes uploaded.
    const stored = readFileSync(join(root, 'applications', id, first.body.id));
    expect(stored.includes(Buffer.from('%PDF'))).toBe(false);
    expect(
      (await app.get(DocumentStorage, { strict: false }).get(`applications/${id}/${first.body.id}`)).equals(pdf),
    ).toBe(true);
    const [row] = await db.query('SELECT file_name_encrypted, storage_key FROM evidence_document WHERE id = $1', [
      first.body.id,
    ]);
    expect(row.file_name_encrypted).toMatch(/^f1\./);
    expect(row.storage_key).toBe(`applications/${id}/${first.body.id}`);
  });

  it('refuses other content whatever its name (422), a missing file (400), a non-multipart body (415) and over 20 MB (413)', async () => {
    const { id } = await createApplication(app, alice, {});
    const executable = await upload(
      alice,
      id,
      Buffer.from('MZ\x90\x00This program cannot be run in DOS mode'),
      'letter.pdf',
    ).expect(422);
    expect(executable.body.code).toBe('document.unsupported-type');
    await upload(alice, id, Buffer.from('<html><script>alert(1)</script>'), 'scan.jpeg').expect(422);
    const noFile = await http()
      .post(`/v1/applications/${id}/documents`)
      .set('authorization', alice.authorization)
      .field('note', 'no file here')
      .expect(400);
    expect(noFile.headers['content-type']).toContain('application/problem+json');
    await http()
      .post(`/v1/applications/${id}/documents`)
      .set('authorization', alice.authorization)
      .send({ file: 'x' })
      .expect(415);
    const tooLarge = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(20 * 1024 * 1024 + 1)]);
    const big = await upload(alice, id, tooLarge, 'big.pdf');
    expect(big.status).toBe(413);
    expect(big.headers['content-type']).toContain('application/problem+json');
    const [{ count }] = await db.query(
      'SELECT count(*)::int AS count FROM evidence_document WHERE application_id = $1',
      [id],
    );
    expect(count).toBe(0);
    expect(filesOnDisk(id)).toEqual([]);
  });

  it('deletes a file before submission, and refuses changes after it', async () => {
    const { id } = await createApplication(app, alice);
    const document = await upload(alice, id, pdf, 'letter.pdf').expect(201);
    const other = await upload(alice, id, png, 'photo.png').expect(201);
    await http()
      .delete(`/v1/applications/${id}/documents/${document.body.id}`)
      .set('authorization', alice.authorization)
      .expect(204);
    expect(filesOnDisk(id)).toEqual([other.body.id]);
    await http()
      .delete(`/v1/applications/${id}/documents/${document.body.id}`)
      .set('authorization', alice.authorization)
      .expect(404);
    const sent = await submit(app, alice, id).expect(201);
    await upload(alice, id, pdf, 'late.pdf').expect(409);
    await http()
      .delete(`/v1/applications/${id}/documents/${other.body.id}`)
      .set('authorization', alice.authorization)
      .expect(409);
    const claim = await http()
      .get(`/v1/claims/${sent.body.reference}`)
      .set('authorization', alice.authorization)
      .expect(200);
    expect(claim.body.documents).toEqual([expect.objectContaining({ id: other.body.id, fileName: 'photo.png' })]);
  });

  it('erases the files with the draft', async () => {
    const { id } = await createApplication(app, alice, {});
    await upload(alice, id, pdf, 'letter.pdf').expect(201);
    expect(filesOnDisk(id)).toHaveLength(1);
    await http().delete(`/v1/applications/${id}`).set('authorization', alice.authorization).expect(204);
    expect(filesOnDisk(id)).toEqual([]);
    const [{ count }] = await db.query(
      'SELECT count(*)::int AS count FROM evidence_document WHERE application_id = $1',
      [id],
    );
    expect(count).toBe(0);
  });

  it('gives another citizen 404 on every document route, and stores nothing for them', async () => {
    const { id } = await createApplication(app, alice, {});
    const document = await upload(alice, id, pdf, 'letter.pdf').expect(201);
    const post = await upload(bob, id, pdf, 'mine.pdf');
    const list = await http().get(`/v1/applications/${id}/documents`).set('authorization', bob.authorization);
    const remove = await http()
      .delete(`/v1/applications/${id}/documents/${document.body.id}`)
      .set('authorization', bob.authorization);
    expect([post.status, list.status, remove.status]).toEqual([404, 404, 404]);
    for (const response of [post, list, remove]) expect(JSON.stringify(response.body)).not.toContain('letter.pdf');
    expect(filesOnDisk(id)).toEqual([document.body.id]);
    await http().get(`/v1/applications/${id}/documents`).expect(401);
  });
});
