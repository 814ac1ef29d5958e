import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentStorage } from '@redress/application';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CitizenAccessTokens } from '../apps/citizen-api/src/auth/index.js';
import { seedClaim, startCaseworkerApi, testStaff } from './support/caseworker-api.js';
import { createTestCitizen, startCitizenApi } from './support/citizen-api.js';

describe('the victim sees the decision, its letter and only their own information requests; accepts the award', () => {
  let staffApi: NestFastifyApplication;
  let citizenApi: NestFastifyApplication;
  let db: DataSource;
  const caseworker = testStaff('caseworker');
  beforeAll(async () => {
    staffApi = await startCaseworkerApi();
    citizenApi = await startCitizenApi();
    db = staffApi.get(DataSource);
  });
  afterAll(async () => {
    await citizenApi.close();
    await staffApi.close();
  });
  const staff = () => request(staffApi.getHttpServer());
  const citizen = () => request(citizenApi.getHttpServer());
  const version = async (claimId: string) =>
    (await db.query<Array<{ version: number }>>(`SELECT version FROM claim WHERE id = $1`, [claimId]))[0]!.version;

  it('shows the award with its paragraphs, reasons and letter, hides third-party requests, and takes acceptance', async () => {
    const claim = await seedClaim(staffApi, { status: 'in_assessment' });
    const owner = `Bearer ${citizenApi.get(CitizenAccessTokens).issue(claim.citizenId).accessToken}`;
    const stranger = await createTestCitizen(citizenApi);
    for (const recipient of ['police', 'applicant']) {
      await staff()
        .post(`/v1/claims/${claim.reference}/information-requests`)
        .set('authorization', caseworker.authorization)
        .send({
          version: await version(claim.claimId),
          recipient,
          topic: 'police-evidence',
          question: `For the ${recipient}`,
          workingDays: 10,
        })
        .expect(201);
    }
    const before = await citizen().get(`/v1/claims/${claim.reference}`).set('authorization', owner).expect(200);
    expect(before.body.openInformationRequests.map((r: { question: string }) => r.question)).toEqual([
      'For the applicant',
    ]);
    expect(before.body.decisions).toEqual([]);
    // The applicant answers; the police request stays open with the caseworker.
    await citizen()
      .post(`/v1/claims/${claim.reference}/information-requests/${before.body.openInformationRequests[0].id}/answer`)
      .set('authorization', owner)
      .send({ answer: 'Here it is.' })
      .expect(201);
    await db.query(`UPDATE claim SET status = 'in_assessment' WHERE id = $1`, [claim.claimId]);

    const calculation = await staff()
      .post(`/v1/claims/${claim.reference}/award-calculations`)
      .set('authorization', caseworker.authorization)
      .send({ decidedOn: '2026-11-27', injuries: [{ code: 'A-HEAD-BRAIN-MINOR' }] })
      .expect(201);
    const decision = await staff()
      .post(`/v1/claims/${claim.reference}/decisions`)
      .set('authorization', caseworker.authorization)
      .send({
        version: await version(claim.claimId),
        kind: 'award',
        awardCalculationId: calculation.body.id,
        reasons: 'Your hospital notes confirm the injury.',
      })
      .expect(201);

    // The worker renders the letter (documents.decision-letter); here it is stored as the worker would.
    const letterId = randomUUID();
    const pdf = Buffer.from('%PDF-1.7 decision letter');
    await citizenApi
      .get(DocumentStorage, { strict: false })
      .put(`claims/${claim.claimId}/letters/${letterId}`, pdf, 'application/pdf');
    await db.query(
      `INSERT INTO claim_letter (id, claim_id, kind, decision_id, storage_key, content_type, size_bytes, pages, created_at)
       VALUES ($1, $2, 'decision', $3, $4, 'application/pdf', $5, 1, now())`,
      [letterId, claim.claimId, decision.body.id, `claims/${claim.claimId}/letters/${letterId}`, pdf.length],
    );

    const after = await citizen().get(`/v1/claims/${claim.reference}`).set('authorization', owner).expect(200);
    expect(after.body).toMatchObject({
      status: 'decided',
      decision: { outcome: 'award', awardPence: 1_100_000 },
      canAcceptAward: true,
      openInformationRequests: [],
    });
    expect(after.body.answeredInformationRequests).toHaveLength(1);
    expect(after.body.decisions).toEqual([
      expect.objectContaining({
        id: decision.body.id,
        kind: 'award',
        amountPence: 1_100_000,
        reasons: 'Your hospital notes confirm the injury.',
        inForce: true,
        letter: { id: letterId, contentType: 'application/pdf', sizeBytes: pdf.length, pages: 1 },
      }),
    ]);
    const download = await citizen()
      .get(`/v1/claims/${claim.reference}/letters/${letterId}`)
      .set('authorization', owner)
      .expect(200);
    expect(download.headers['content-type']).toContain('application/pdf');
    expect(Buffer.from(download.body as Buffer).toString()).toBe(pdf.toString());

    // Another citizen learns nothing.
    for (const path of [`/v1/claims/${claim.reference}`, `/v1/claims/${claim.reference}/letters/${letterId}`]) {
      const response = await citizen().get(path).set('authorization', stranger.authorization);
      expect(response.status).toBe(404);
    }
    await citizen()
      .post(`/v1/claims/${claim.reference}/acceptance`)
      .set('authorization', stranger.authorization)
      .expect(404);
    await citizen().post(`/v1/claims/${claim.reference}/acceptance`).expect(401);
    await citizen().get(`/v1/claims/${claim.reference}/letters/not-a-uuid`).set('authorization', owner).expect(400);

    const accepted = await citizen()
      .post(`/v1/claims/${claim.reference}/acceptance`)
      .set('authorization', owner)
      .expect(200);
    expect(accepted.body).toEqual({ reference: claim.reference, status: 'accepted' });
    await citizen().post(`/v1/claims/${claim.reference}/acceptance`).set('authorization', owner).expect(409);
    const events = await db.query(`SELECT type FROM claim_event WHERE claim_id = $1 ORDER BY version`, [claim.claimId]);
    expect(events.map((e: { type: string }) => e.type)).toContain('claim.award-accepted');
  });

  it('refuses to accept a refusal', async () => {
    const claim = await seedClaim(staffApi, {
      status: 'decided',
      decision: {
        outcome: 'refusal',
        awardPence: null,
        proposedBy: 'a',
        decidedBy: 'b',
        decidedOn: '2026-11-01',
        isReview: false,
      },
    });
    const owner = `Bearer ${citizenApi.get(CitizenAccessTokens).issue(claim.citizenId).accessToken}`;
    const response = await citizen().post(`/v1/claims/${claim.reference}/acceptance`).set('authorization', owner);
    expect(response.status).toBe(409);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const [row] = await db.query(`SELECT status FROM claim WHERE id = $1`, [claim.claimId]);
    expect(row.status).toBe('decided');
  });
});
