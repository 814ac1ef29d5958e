import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import {
  DEVELOPMENT_ONLY_STAFF_PRIVATE_KEY,
  DEVELOPMENT_ONLY_STAFF_TOKEN_AUDIENCE,
  DEVELOPMENT_ONLY_STAFF_TOKEN_ISSUER,
  DEVELOPMENT_ONLY_STAFF_TOKEN_KEY_ID,
} from '../apps/caseworker-api/src/auth/index.js';
import { startCaseworkerApi, testStaff } from './support/caseworker-api.js';

// `npm run start:all`: the caseworker API trusts the local OIDC provider's JWKS and, in development only, the
// tokens of `npm run token` too, each key only with its own issuer.
describe('caseworker API: provider tokens and development tokens side by side (development only)', () => {
  let jwks: Server;
  let issuer: string;
  let providerKey: KeyObject;
  const apps: NestFastifyApplication[] = [];

  beforeAll(async () => {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    providerKey = pair.privateKey;
    const jwk = { ...pair.publicKey.export({ format: 'jwk' }), kid: 'provider-1', alg: 'RS256', use: 'sig' };
    jwks = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await new Promise((resolve) => jwks.close(resolve));
  });

  const start = async (alsoDevelopment: boolean) => {
    const app = await startCaseworkerApi({
      STAFF_TOKEN_KEY_SOURCE: 'jwks',
      STAFF_TOKEN_JWKS_URL: `${issuer}/jwks`,
      STAFF_TOKEN_ISSUER: issuer,
      STAFF_TOKEN_ALSO_DEVELOPMENT_KEY: String(alsoDevelopment),
    });
    apps.push(app);
    return app;
  };
  const sign = (key: KeyObject | string, kid: string, iss: string) =>
    `Bearer ${jwt.sign({ roles: ['caseworker'], team: 'general' }, key, {
      algorithm: 'RS256',
      keyid: kid,
      subject: 'cw-1',
      issuer: iss,
      audience: DEVELOPMENT_ONLY_STAFF_TOKEN_AUDIENCE,
      expiresIn: 300,
    })}`;
  const me = (app: NestFastifyApplication, authorization: string) =>
    request(app.getHttpServer()).get('/v1/staff/me').set('authorization', authorization);

  it('accepts the provider’s tokens and the development tokens, each key only with its own issuer', async () => {
    const app = await start(true);
    await me(app, sign(providerKey, 'provider-1', issuer)).expect(200);
    await me(app, testStaff('caseworker').authorization).expect(200);
    await me(app, sign(DEVELOPMENT_ONLY_STAFF_PRIVATE_KEY, DEVELOPMENT_ONLY_STAFF_TOKEN_KEY_ID, issuer)).expect(401);
    await me(app, sign(providerKey, 'provider-1', DEVELOPMENT_ONLY_STAFF_TOKEN_ISSUER)).expect(401);
  });

  it('refuses development tokens unless asked to accept them', async () => {
    const app = await start(false);
    await me(app, sign(providerKey, 'provider-1', issuer)).expect(200);
    await me(app, testStaff('caseworker').authorization).expect(401);
  });
});
