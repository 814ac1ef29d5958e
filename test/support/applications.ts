import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { exampleCompleteApplication } from '@redress/domain';
import request from 'supertest';
import type { TestCitizen } from './citizen-api.js';

export type Sections = Record<string, object>;

/** Starts a draft and saves each section in turn, following the ETag; answers the id and the last ETag. */
export async function createApplication(
  app: NestFastifyApplication,
  citizen: TestCitizen,
  sections: Sections = exampleCompleteApplication(),
): Promise<{ id: string; etag: string }> {
  const created = await request(app.getHttpServer())
    .post('/v1/applications')
    .set('authorization', citizen.authorization)
    .expect(201);
  let etag = created.headers.etag as string;
  const id = created.body.id as string;
  for (const [section, answers] of Object.entries(sections)) {
    const saved = await request(app.getHttpServer())
      .put(`/v1/applications/${id}/sections/${section}`)
      .set('authorization', citizen.authorization)
      .set('if-match', etag)
      .send(answers);
    if (saved.status !== 200) throw new Error(`saving ${section}: ${saved.status} ${JSON.stringify(saved.body)}`);
    etag = saved.headers.etag as string;
  }
  return { id, etag };
}

/** Submits an application; answers the response. */
export function submit(app: NestFastifyApplication, citizen: TestCitizen, id: string, key: string = randomUUID()) {
  return request(app.getHttpServer())
    .post(`/v1/applications/${id}/submission`)
    .set('authorization', citizen.authorization)
    .set('idempotency-key', key);
}

/** A complete application submitted; answers its claim reference and id. */
export async function submittedClaim(
  app: NestFastifyApplication,
  citizen: TestCitizen,
): Promise<{ applicationId: string; reference: string }> {
  const { id } = await createApplication(app, citizen);
  const response = await submit(app, citizen, id).expect(201);
  return { applicationId: id, reference: response.body.reference as string };
}
