import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DisposableRedis } from '@redress/testing';
import { DataSource } from 'typeorm';
import { CITIZEN_EMAIL_INDEX_PURPOSE } from '../apps/citizen-api/src/auth/field-cipher-email-protector.js';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import {
  DEVELOPMENT_ONLY_STAFF_PRIVATE_KEY,
  DEVELOPMENT_ONLY_STAFF_TOKEN_AUDIENCE,
  DEVELOPMENT_ONLY_STAFF_TOKEN_ISSUER,
  DEVELOPMENT_ONLY_STAFF_TOKEN_KEY_ID,
} from '../apps/caseworker-api/src/auth/index.js';
import { CitizenApiConfig } from '../apps/citizen-api/src/config.js';
import { eligibilityExamples } from '../apps/citizen-api/src/eligibility/eligibility-examples.js';
import { FieldCipher, loadConfig } from '@redress/platform';
import { startCaseworkerApi } from './support/caseworker-api.js';
import { startCitizenApi } from './support/citizen-api.js';

/** Polls `ready` (a condition, not a clock) until it holds, for at most 10 seconds. */
async function waitFor(ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error('condition not met within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Issue 19, point "production refuses the unsafe" (the parts built in this round; the configuration checks of the
 * development keys are in libs/platform/src/config/load-config.spec.ts and apps/worker/src/config.spec.ts).
 */
describe('production refuses the unsafe', () => {
  describe('staff tokens must carry exp and are refused past a maximum age', () => {
    let app: NestFastifyApplication;
    beforeAll(async () => {
      app = await startCaseworkerApi({ STAFF_TOKEN_MAX_AGE_SECONDS: '3600' });
    });
    afterAll(async () => {
      await app.close();
    });

    const token = (claims: Record<string, unknown>, options: jwt.SignOptions = {}) =>
      jwt.sign({ roles: ['caseworker'], team: 'general', ...claims }, DEVELOPMENT_ONLY_STAFF_PRIVATE_KEY, {
        algorithm: 'RS256',
        keyid: DEVELOPMENT_ONLY_STAFF_TOKEN_KEY_ID,
        subject: 'staff-age-test',
        issuer: DEVELOPMENT_ONLY_STAFF_TOKEN_ISSUER,
        audience: DEVELOPMENT_ONLY_STAFF_TOKEN_AUDIENCE,
        ...options,
      });
    const me = (bearer: string) =>
      request(app.getHttpServer()).get('/v1/staff/me').set('authorization', `Bearer ${bearer}`);
    const now = () => Math.floor(Date.now() / 1000);

    it('takes a fresh token with exp', async () => {
      expect((await me(token({}, { expiresIn: 600 }))).status).toBe(200);
    });

    it('refuses a token without exp, however it is signed', async () => {
      const response = await me(token({}));
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    });

    it('refuses a token issued longer ago than the maximum age, though its exp is still to come', async () => {
      const old = token({ iat: now() - 2 * 3600, exp: now() + 600 });
      expect((await me(old)).status).toBe(401);
      const noIat = token({ exp: now() + 600 }, { noTimestamp: true });
      expect((await me(noIat)).status).toBe(401);
    });
  });

  describe('the forwarded client address is taken only from the trusted proxies', () => {
    let app: NestFastifyApplication;
    beforeAll(async () => {
      app = await startCitizenApi({
        TRUST_PROXY: 'true',
        TRUSTED_PROXY_HOPS: '1',
        RATE_LIMIT_OVERRIDES: 'eligibility-check=3/60000',
      });
    });
    afterAll(async () => {
      await app.close();
    });

    it('counts a client by the address the ingress appended, whatever it wrote before it', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const response = await request(app.getHttpServer())
          .post('/v1/eligibility-checks')
          // The client forges a new address each time; the ingress appends the real one (10.66.0.1).
          .set('x-forwarded-for', `203.0.113.${i + 1}, 10.66.0.1`)
          .send(eligibilityExamples.eligible.value);
        statuses.push(response.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      // Another real client still has its own budget.
      const other = await request(app.getHttpServer())
        .post('/v1/eligibility-checks')
        .set('x-forwarded-for', '203.0.113.1, 10.66.0.2')
        .send(eligibilityExamples.eligible.value);
      expect(other.status).toBe(200);
    });
  });

  describe('rate limits on sign-in and code routes fail closed while Redis is down', () => {
    let redis: DisposableRedis;
    let app: NestFastifyApplication;
    beforeAll(async () => {
      redis = await DisposableRedis.start();
      app = await startCitizenApi({ REDIS_URL: redis.url });
    });
    afterAll(async () => {
      await app?.close();
      await redis?.stop();
    });

    it('refuses to send or check codes without its counters, sending nothing, and works again once Redis is back', async () => {
      const email = `fail-closed-${randomUUID()}@example.test`;
      const codes = () =>
        app
          .get(DataSource)
          .query(`SELECT count(*)::int AS n FROM citizen_sign_in_code WHERE email_blind_index = $1`, [
            app.get(FieldCipher).blindIndex(CITIZEN_EMAIL_INDEX_PURPOSE, email),
          ]);
      await request(app.getHttpServer()).post('/v1/auth/codes').send({ email }).expect(202);
      await redis.stop();
      const asked = await request(app.getHttpServer()).post('/v1/auth/codes').send({ email });
      expect(asked.status).toBe(503);
      expect(asked.headers['content-type']).toMatch(/application\/problem\+json/);
      const tried = await request(app.getHttpServer()).post('/v1/auth/tokens').send({ email, code: '123456' });
      expect(tried.status).toBe(503);
      expect(await codes()).toEqual([{ n: 1 }]);
      await redis.start();
      await waitFor(
        async () => (await request(app.getHttpServer()).post('/v1/auth/codes').send({ email })).status === 202,
      );
      expect(await codes()).toEqual([{ n: 2 }]);
    });
  });

  describe('the citizen identity provider', () => {
    it('takes its issuer and JWKS over https only in production', () => {
      const oidc = {
        NODE_ENV: 'production',
        CITIZEN_AUTH_MODE: 'oidc',
        OIDC_ISSUER: 'http://idp.example.gov.uk/',
        OIDC_AUDIENCE: 'redress',
        OIDC_CLIENT_ID: 'redress-citizen',
        OIDC_JWKS_URL: 'http://idp.example.gov.uk/.well-known/jwks.json',
      };
      let message = '';
      try {
        loadConfig(CitizenApiConfig, oidc);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/OIDC_ISSUER must be https in production/);
      expect(message).toMatch(/OIDC_JWKS_URL must be https in production/);
      try {
        loadConfig(CitizenApiConfig, {
          ...oidc,
          OIDC_ISSUER: 'https://idp.example.gov.uk/',
          OIDC_JWKS_URL: 'https://idp.example.gov.uk/.well-known/jwks.json',
        });
        message = '';
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).not.toMatch(/OIDC_/);
    });
  });
});
