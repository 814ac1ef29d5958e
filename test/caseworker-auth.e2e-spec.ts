import { createHmac, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import {
  DEVELOPMENT_ONLY_STAFF_PRIVATE_KEY,
  DEVELOPMENT_ONLY_STAFF_PUBLIC_KEY,
  DEVELOPMENT_ONLY_STAFF_TOKEN_AUDIENCE as AUDIENCE,
  DEVELOPMENT_ONLY_STAFF_TOKEN_ISSUER as ISSUER,
  DEVELOPMENT_ONLY_STAFF_TOKEN_KEY_ID as KID,
} from '../apps/caseworker-api/src/auth/index.js';
import { startCaseworkerApi } from './support/caseworker-api.js';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);
const claims = (extra: Record<string, unknown> = {}) => ({
  sub: 'cw-1',
  roles: ['caseworker'],
  team: 'general',
  iss: ISSUER,
  aud: AUDIENCE,
  iat: now(),
  exp: now() + 600,
  ...extra,
});

/** Signs by hand, so that tokens no well-behaved library would make (alg none, HMAC with a public key) can be sent. */
function handMade(header: Record<string, unknown>, payload: Record<string, unknown>, sign: (input: string) => string) {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${sign(input)}`;
}
const rs256 = (key: string | KeyObject) => (input: string) =>
  createSign('RSA-SHA256').update(input).sign(key).toString('base64url');

describe('caseworker API staff sign-in (configured public key)', () => {
  let app: NestFastifyApplication;
  beforeAll(async () => {
    app = await startCaseworkerApi();
  });
  afterAll(async () => {
    await app.close();
  });

  const me = (authorization?: string) => {
    const call = request(app.getHttpServer()).get('/v1/staff/me');
    return authorization ? call.set('authorization', authorization) : call;
  };

  it('accepts a development token and reports the staff id, known roles and team', async () => {
    const token = handMade(
      { alg: 'RS256', typ: 'JWT', kid: KID },
      claims({ roles: ['caseworker', 'pilot', 'auditor'] }),
      rs256(DEVELOPMENT_ONLY_STAFF_PRIVATE_KEY),
    );
    const response = await me(`Bearer ${token}`).expect(200);
    expect(response.body).toEqual({ staffId: 'cw-1', roles: ['caseworker', 'auditor'], team: 'general' });
  });

  const otherRsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const cases: Array<[string, () => string | undefined]> = [
    ['no token', () => undefined],
    ['a malformed token', () => 'Bearer not.a.token'],
    ['a token that is not a bearer token', () => `Basic ${Buffer.from('a:b').toString('base64')}`],
    [
      'an expired token',
      () =>
        `Bearer ${handMade({ alg: 'RS256', kid: KID }, claims({ iat: now() - 700, exp: now() - 60 }), rs256(DEVELOPMENT_ONLY_STAFF_PRIVATE_KEY))}`,
    ],
    [
      'a token from another issuer',
      () =>
        `Bearer ${handMade({ alg: 'RS256', kid: KID }, claims({ iss: 'https://evil.example' }), rs256(DEVELOPMENT_ONLY_STAFF_PRIVATE_KEY))}`,
    ],
    [
      'a token for another audience',
      () =>
        `Bearer ${handMade({ alg: 'RS256', kid: KID }, claims({ aud: 'redress-citizen' }), rs256(DEVELOPMENT_ONLY_STAFF_PRIVATE_KEY))}`,
    ],
    ['an unsigned token (alg none)', () => `Bearer ${handMade({ alg: 'none', typ: 'JWT' }, claims(), () => '')}`],
    [
      'HS256 with the public key as the HMAC secret (algorithm confusion)',
      () =>
        `Bearer ${handMade({ alg: 'HS256' }, claims(), (input) => createHmac('sha256', DEVELOPMENT_ONLY_STAFF_PUBLIC_KEY).update(input).digest('base64url'))}`,
    ],
    [
      'a correctly signed token of another algorithm (ES256)',
      () => `Bearer ${jwt.sign(claims(), ec.privateKey, { algorithm: 'ES256' })}`,
    ],
    [
      'a token signed with another key',
      () => `Bearer ${handMade({ alg: 'RS256', kid: KID }, claims(), rs256(otherRsa.privateKey))}`,
    ],
    [
      'a token with a tampered payload',
      () => {
        const [header, , signature] = handMade(
          { alg: 'RS256' },
          claims(),
          rs256(DEVELOPMENT_ONLY_STAFF_PRIVATE_KEY),
        ).split('.');
        return `Bearer ${header}.${b64(claims({ roles: ['administrator'] }))}.${signature}`;
      },
    ],
    [
      'a token with no role this API knows',
      () =>
        `Bearer ${handMade({ alg: 'RS256' }, claims({ roles: ['pilot'] }), rs256(DEVELOPMENT_ONLY_STAFF_PRIVATE_KEY))}`,
    ],
    [
      'a token without a subject',
      () =>
        `Bearer ${handMade({ alg: 'RS256' }, claims({ sub: undefined }), rs256(DEVELOPMENT_ONLY_STAFF_PRIVATE_KEY))}`,
    ],
  ];

  it.each(cases)('refuses %s with 401 problem+json that says nothing more', async (_name, token) => {
    const response = await me(token());
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.detail).toBe('Sign in to continue.');
  });
});

describe('caseworker API staff sign-in (JWKS)', () => {
  let app: NestFastifyApplication;
  let jwks: Server;
  let jwksRequests = 0;
  const provider = generateKeyPairSync('rsa', { modulusLength: 2048 });

  beforeAll(async () => {
    const jwk = { ...provider.publicKey.export({ format: 'jwk' }), kid: 'provider-1', use: 'sig', alg: 'RS256' };
    jwks = createServer((_req, res) => {
      jwksRequests += 1;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as AddressInfo;
    app = await startCaseworkerApi({
      STAFF_TOKEN_KEY_SOURCE: 'jwks',
      STAFF_TOKEN_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      STAFF_TOKEN_ISSUER: 'https://login.example.test',
      STAFF_TOKEN_AUDIENCE: 'caseworker-api-test',
    });
  });
  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => jwks.close(resolve));
  });

  const token = (key: KeyObject | string, kid: string, extra: Record<string, unknown> = {}) =>
    `Bearer ${handMade({ alg: 'RS256', kid }, claims({ iss: 'https://login.example.test', aud: 'caseworker-api-test', ...extra }), rs256(key))}`;

  it('verifies a token against the key the JWKS publishes under its kid', async () => {
    const response = await request(app.getHttpServer())
      .get('/v1/staff/me')
      .set('authorization', token(provider.privateKey, 'provider-1', { roles: ['team-leader'], team: 'major-trauma' }))
      .expect(200);
    expect(response.body).toEqual({ staffId: 'cw-1', roles: ['team-leader'], team: 'major-trauma' });
    expect(jwksRequests).toBeGreaterThan(0);
  });

  it('refuses the development key, an unknown kid and a wrong issuer once a JWKS is configured', async () => {
    for (const authorization of [
      token(DEVELOPMENT_ONLY_STAFF_PRIVATE_KEY, 'provider-1'),
      token(provider.privateKey, 'unknown-kid'),
      token(provider.privateKey, 'provider-1', { iss: ISSUER }),
    ]) {
      await request(app.getHttpServer()).get('/v1/staff/me').set('authorization', authorization).expect(401);
    }
  });
});
