import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentStorage } from '@redress/application';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  auditEntriesFor,
  seedClaim,
  startCaseworkerApi,
  testStaff,
  type SeededClaim,
} from './support/caseworker-api.js';

describe('caseworker API: a claim’s letters', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let claim: SeededClaim;
  let letterId: string;
  const pdf = Buffer.from('%PDF-1.7 decision letter');
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
    claim = await seedClaim(app, { status: 'decided', assignedStaffId: caseworker.staffId });
    // The worker renders the letter (documents.decision-letter); here it is stored as the worker would.
    letterId = randomUUID();
    const key = `claims/${claim.claimId}/letters/${letterId}`;
    await app.get(DocumentStorage, { strict: false }).put(key, pdf, 'application/pdf');
    await db.query(
      `INSERT INTO claim_letter (id, claim_id, kind, decision_id, storage_key, content_type, size_bytes, pages, created_at)
       VALUES ($1, $2, 'decision', $3, $4, 'application/pdf', $5, 1, '2026-12-01T09:00:00Z')`,
      [letterId, claim.claimId, randomUUID(), key, pdf.length],
    );
  });
  afterAll(async () => {
    await app.close();
  });

  it('lists the letters and streams one as a PDF, each read in the access log', async () => {
    const list = await get(`/v1/claims/${claim.reference}/letters`, caseworker).expect(200);
    expect(list.body.letters).toEqual([
      expect.objectContaining({
        id: letterId,
        kind: 'decision',
        contentType: 'application/pdf',
        sizeBytes: pdf.length,
        pages: 1,
        createdAt: '2026-12-01T09:00:00.000Z',
      }),
    ]);
    const one = await get(`/v1/claims/${claim.reference}/letters/${letterId}`, caseworker)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(one.headers['content-type']).toBe('application/pdf');
    expect(one.headers['content-disposition']).toMatch(/^attachment; filename="letter-[0-9a-f-]+\.pdf"$/);
    expect(Buffer.compare(one.body as Buffer, pdf)).toBe(0);
    expect((await reads(claim.claimId)).map((entry) => [entry.action, entry.actor_id, entry.details.view])).toEqual([
      ['claim.read', caseworker.staffId, 'letters'],
      ['claim.read', caseworker.staffId, 'letter'],
    ]);
  });

  it('refuses a role without the right, hides a claim the person may not see, and a letter of another claim', async () => {
    for (const path of [`/v1/claims/${claim.reference}/letters`, `/v1/claims/${claim.reference}/letters/${letterId}`]) {
      const refused = await get(path, testStaff('administrator')).expect(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      await get(path).expect(401);
    }
    const hidden = await seedClaim(app, { status: 'decided' });
    await db.query(`UPDATE claim SET restricted = true WHERE id = $1`, [hidden.claimId]);
    await db.query(
      `INSERT INTO claim_restricted_staff (claim_id, staff_id, granted_by_staff_id, granted_at)
       VALUES ($1, 'someone-else', 'a-leader', now())`,
      [hidden.claimId],
    );
    for (const path of [
      `/v1/claims/${hidden.reference}/letters`,
      `/v1/claims/${hidden.reference}/letters/${letterId}`,
    ]) {
      const response = await get(path, testStaff('caseworker')).expect(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect((await reads(hidden.claimId)).map((entry) => entry.action)).toEqual([
      'claim.access-refused',
      'claim.access-refused',
    ]);
    // Another claim's letter is not found on this one.
    const other = await seedClaim(app, { status: 'decided', assignedStaffId: caseworker.staffId });
    await get(`/v1/claims/${other.reference}/letters/${letterId}`, caseworker).expect(404);
  });

  it('answers bad input with a 400 problem and reads nothing', async () => {
    const before = await reads(claim.claimId);
    for (const path of [
      `/v1/claims/${claim.reference}/letters/not-a-uuid`,
      `/v1/claims/${claim.reference}/letters?purpose=curiosity`,
      `/v1/claims/${claim.reference}/letters/${letterId}?purpose=curiosity`,
    ]) {
      const response = await get(path, caseworker);
      expect([path, response.status]).toEqual([path, 400]);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect(await reads(claim.claimId)).toEqual(before);
  });
});
