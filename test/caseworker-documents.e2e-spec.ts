import { createHash, randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentStorage } from '@redress/application';
import { FieldCipher } from '@redress/platform';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  auditEntriesFor,
  seedClaim,
  startCaseworkerApi,
  testStaff,
  type SeededClaim,
} from './support/caseworker-api.js';

describe('caseworker API: a claim’s evidence', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let claim: SeededClaim;
  let documentId: string;
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  const caseworker = testStaff('caseworker');
  const get = (path: string, who?: { authorization: string }) => {
    const call = request(app.getHttpServer()).get(path);
    return who ? call.set('authorization', who.authorization) : call;
  };
  const reads = async (claimId: string) =>
    (await auditEntriesFor(app, claimId)).filter((entry) => entry.action.startsWith('claim.'));

  beforeAll(async () => {
    app = await startCaseworkerApi();
    db = app.get(DataSource);
    claim = await seedClaim(app, { status: 'in_assessment', assignedStaffId: caseworker.staffId });
    documentId = randomUUID();
    const key = `applications/${claim.applicationId}/${documentId}`;
    await app.get(DocumentStorage, { strict: false }).put(key, png, 'image/png');
    await db.query(
      `INSERT INTO evidence_document (id, application_id, owner_citizen_id, storage_key, content_type, size_bytes, sha256,
         file_name_encrypted, uploaded_at) VALUES ($1, $2, $3, $4, 'image/png', $5, $6, $7, '2026-12-01T09:00:00Z')`,
      [
        documentId,
        claim.applicationId,
        claim.citizenId,
        key,
        png.length,
        createHash('sha256').update(png).digest('hex'),
        app.get(FieldCipher).encrypt('bruise (arm).png', `evidence-document:${documentId}:file-name`),
      ],
    );
  });
  afterAll(async () => {
    await app.close();
  });

  it('lists the evidence and streams a file in its own type, each read in the access log', async () => {
    const list = await get(`/v1/claims/${claim.reference}/documents`, caseworker).expect(200);
    expect(list.body.documents).toEqual([
      {
        id: documentId,
        fileName: 'bruise (arm).png',
        type: 'png',
        contentType: 'image/png',
        sizeBytes: png.length,
        sentBy: 'applicant',
        sentAt: '2026-12-01T09:00:00.000Z',
        informationRequestId: null,
      },
    ]);
    const one = await get(`/v1/claims/${claim.reference}/documents/${documentId}`, caseworker)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(one.headers['content-type']).toBe('image/png');
    expect(one.headers['content-disposition']).toBe(
      `attachment; filename="document-${documentId}"; filename*=UTF-8''bruise%20%28arm%29.png`,
    );
    expect(Buffer.compare(one.body as Buffer, png)).toBe(0);
    expect((await reads(claim.claimId)).map((entry) => [entry.action, entry.actor_id, entry.details.view])).toEqual([
      ['claim.read', caseworker.staffId, 'documents'],
      ['claim.read', caseworker.staffId, 'document'],
    ]);
  });

  it('refuses a role without the right, hides a claim the person may not see, and a file of another claim', async () => {
    for (const path of [
      `/v1/claims/${claim.reference}/documents`,
      `/v1/claims/${claim.reference}/documents/${documentId}`,
    ]) {
      const refused = await get(path, testStaff('administrator')).expect(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      await get(path).expect(401);
    }
    const hidden = await seedClaim(app, { status: 'in_assessment' });
    await db.query(`UPDATE claim SET restricted = true WHERE id = $1`, [hidden.claimId]);
    await db.query(
      `INSERT INTO claim_restricted_staff (claim_id, staff_id, granted_by_staff_id, granted_at)
       VALUES ($1, 'someone-else', 'a-leader', now())`,
      [hidden.claimId],
    );
    for (const path of [
      `/v1/claims/${hidden.reference}/documents`,
      `/v1/claims/${hidden.reference}/documents/${documentId}`,
    ]) {
      const response = await get(path, testStaff('caseworker')).expect(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect((await reads(hidden.claimId)).map((entry) => entry.action)).toEqual([
      'claim.access-refused',
      'claim.access-refused',
    ]);
    const other = await seedClaim(app, { status: 'in_assessment', assignedStaffId: caseworker.staffId });
    const notHere = await get(`/v1/claims/${other.reference}/documents/${documentId}`, caseworker).expect(404);
    expect(notHere.headers['content-type']).toContain('application/problem+json');
  });

  it('answers bad input with a 400 problem and reads nothing', async () => {
    const before = await reads(claim.claimId);
    for (const path of [
      `/v1/claims/${claim.reference}/documents/not-a-uuid`,
      `/v1/claims/${claim.reference}/documents?purpose=curiosity`,
      `/v1/claims/${claim.reference}/documents/${documentId}?purpose=curiosity`,
    ]) {
      const response = await get(path, caseworker);
      expect([path, response.status]).toEqual([path, 400]);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect(await reads(claim.claimId)).toEqual(before);
  });
});
