import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FieldCipher, loadConfig } from '@redress/platform';
import { DataSource } from 'typeorm';
import { CitizenAccessTokens } from '../../apps/citizen-api/src/auth/index.js';
import { createCitizenApi } from '../../apps/citizen-api/src/bootstrap.js';
import { CitizenApiConfig } from '../../apps/citizen-api/src/config.js';

/** The citizen API exactly as it runs, on this test run's database and queue prefix. */
export async function startCitizenApi(overrides: Record<string, string> = {}): Promise<NestFastifyApplication> {
  return createCitizenApi(loadConfig(CitizenApiConfig, { ...process.env, ...overrides }));
}

export interface TestCitizen {
  citizenId: string;
  email: string;
  /** `Bearer <token>`, ready for an Authorization header. */
  authorization: string;
}

/** Creates a citizen account directly in the database and issues it an access token, skipping the email code. */
export async function createTestCitizen(
  app: NestFastifyApplication,
  email = `${randomUUID()}@example.test`,
): Promise<TestCitizen> {
  const cipher = app.get(FieldCipher);
  const citizenId = randomUUID();
  await app
    .get(DataSource)
    .query('INSERT INTO citizen_account (id, email_blind_index, email_encrypted) VALUES ($1, $2, $3)', [
      citizenId,
      cipher.blindIndex('citizen-email', email),
      cipher.encrypt(email, `citizen:${citizenId}:email`),
    ]);
  const { accessToken } = app.get(CitizenAccessTokens).issue(citizenId);
  return { citizenId, email, authorization: `Bearer ${accessToken}` };
}
