import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestCitizen, startCitizenApi, type TestCitizen } from './support/citizen-api.js';

const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(512, 0x20), Buffer.from('\n%%EOF\n')]);

/**
 * Issue 19, point "uploads that cannot exhaust the service": the draft's owner and room are checked before the
 * body is read, uploads and new drafts are limited per citizen, and a citizen has at most MAX_OPEN_DRAFTS drafts.
 */
describe('uploads that cannot exhaust the service', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let port: number;
  const http = () => request(app.getHttpServer());
  const start = (citizen: TestCitizen) => http().post('/v1/applications').set('authorization', citizen.authorization);
  const upload = (citizen: TestCitizen, id: string) =>
    http()
      .post(`/v1/applications/${id}/documents`)
      .set('authorization', citizen.authorization)
      .attach('file', pdf, 'letter.pdf');
  const drafts = async (citizen: TestCitizen) =>
    Number(
      (
        await db.query(`SELECT count(*) AS n FROM application WHERE owner_citizen_id = $1 AND status = 'draft'`, [
          citizen.citizenId,
        ])
      )[0].n,
    );

  beforeAll(async () => {
    app = await startCitizenApi({
      MAX_OPEN_DRAFTS: '2',
      RATE_LIMIT_OVERRIDES: 'evidence-upload=2/60000,application-start=3/60000',
    });
    db = app.get(DataSource);
    const server = app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers another citizen’s draft before reading the body: 404 while the 20 MB upload is still unsent', async () => {
    const owner = await createTestCitizen(app);
    const intruder = await createTestCitizen(app);
    const { body } = await start(owner).expect(201);
    const answer = await new Promise<{ status: number; type: string }>((resolve, reject) => {
      const outgoing = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/v1/applications/${body.id}/documents`,
          headers: {
            authorization: intruder.authorization,
            'content-type': 'multipart/form-data; boundary=redress',
            'content-length': String(20 * 1024 * 1024),
          },
        },
        (response) => {
          response.resume();
          resolve({ status: response.statusCode!, type: String(response.headers['content-type']) });
          outgoing.destroy();
        },
      );
      outgoing.on('error', (error) => (error.message.includes('socket hang up') ? undefined : reject(error)));
      // Only the start of the body is ever sent: an API that read the body first would never answer.
      outgoing.write('--redress\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.7\n');
    });
    expect(answer.status).toBe(404);
    expect(answer.type).toMatch(/application\/problem\+json/);
    expect(
      Number((await db.query(`SELECT count(*) AS n FROM evidence_document WHERE application_id = $1`, [body.id]))[0].n),
    ).toBe(0);
  });

  it('keeps a citizen to MAX_OPEN_DRAFTS open drafts', async () => {
    const citizen = await createTestCitizen(app);
    await start(citizen).expect(201);
    await start(citizen).expect(201);
    const third = await start(citizen);
    expect(third.status).toBe(422);
    expect(third.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(third.body.code).toBe('application.too-many-drafts');
    expect(await drafts(citizen)).toBe(2);
  });

  it('limits new drafts per citizen, whatever they delete in between', async () => {
    const citizen = await createTestCitizen(app);
    for (let i = 0; i < 3; i += 1) {
      const { body } = await start(citizen).expect(201);
      await http().delete(`/v1/applications/${body.id}`).set('authorization', citizen.authorization).expect(204);
    }
    const fourth = await start(citizen);
    expect(fourth.status).toBe(429);
    expect(fourth.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await drafts(citizen)).toBe(0);
    // Another citizen behind the same address is not held back.
    await start(await createTestCitizen(app)).expect(201);
  });

  it('limits uploads per citizen, and keeps nothing of a refused one', async () => {
    const citizen = await createTestCitizen(app);
    const { body } = await start(citizen).expect(201);
    await upload(citizen, body.id).expect(201);
    await upload(citizen, body.id).expect(201);
    const third = await upload(citizen, body.id);
    expect(third.status).toBe(429);
    expect(third.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(
      Number((await db.query(`SELECT count(*) AS n FROM evidence_document WHERE application_id = $1`, [body.id]))[0].n),
    ).toBe(2);
  });
});
