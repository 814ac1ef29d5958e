import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CitizenAccessTokens } from '../apps/citizen-api/src/auth/index.js';
import { startCitizenApi } from './support/citizen-api.js';

const AUDIENCE = 'redress-citizen-test';
const KEY_ID = 'test-key-1';

describe('citizen sign-in (OIDC mode, tokens of an external issuer)', () => {
  let jwks: Server;
  let issuer: string;
  let privateKey: KeyObject;
  let publicKeyPem: string;
  let otherPrivateKey: KeyObject;
  let app: NestFastifyApplication;
  let db: DataSource;

  beforeAll(async () => {
    // node:crypto rather than jose here: jest cannot load jose (ESM) beside jwks-rsa's require() of it.
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    privateKey = pair.privateKey;
    publicKeyPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    otherPrivateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const jwk = { ...pair.publicKey.export({ format: 'jwk' }), kid: KEY_ID, alg: 'RS256', use: 'sig' };
    // A tiny identity provider: only its JWKS document.
    jwks = createServer((req, res) => {
      if (req.url === '/.well-known/jwks.json') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/`;
    app = await startCitizenApi({
      CITIZEN_AUTH_MODE: 'oidc',
      OIDC_ISSUER: issuer,
      OIDC_AUDIENCE: AUDIENCE,
      OIDC_JWKS_URL: `${issuer}.well-known/jwks.json`,
    });
    db = app.get(DataSource);
  });
  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => jwks.close(resolve));
  });

  function token(
    subject: string,
    options: { issuer?: string; audience?: string; expiresAt?: number; key?: KeyObject; kid?: string } = {},
  ): string {
    return jwt.sign(
      {
        email: 'ignored@example.test',
        sub: subject,
        iss: options.issuer ?? issuer,
        aud: options.audience ?? AUDIENCE,
        exp: options.expiresAt ?? Math.floor(Date.now() / 1000) + 300,
      },
      options.key ?? privateKey,
      { algorithm: 'RS256', keyid: options.kid ?? KEY_ID },
    );
  }

  const me = (authorization: string) =>
    request(app.getHttpServer()).get('/v1/auth/me').set('authorization', authorization);
  const accountsOf = (subject: string) =>
    db.query<Array<{ id: string; email_encrypted: string | null }>>(
      'SELECT id, email_encrypted FROM citizen_account WHERE external_subject = $1',
      [subject],
    );

  it('maps a subject to a citizen account, made on first sight and reused after', async () => {
    const subject = `urn:fdc:gov.uk:2022:${randomUUID()}`;
    expect(await accountsOf(subject)).toHaveLength(0);
    const first = await me(`Bearer ${token(subject)}`).expect(200);
    const [account] = await accountsOf(subject);
    expect(first.body).toEqual({ citizenId: account!.id });
    // The provider's email claim is not stored nor used to link accounts.
    expect(account!.email_encrypted).toBeNull();
    const second = await me(`Bearer ${token(subject)}`).expect(200);
    expect(second.body.citizenId).toBe(account!.id);
    const other = await me(`Bearer ${token(`urn:fdc:gov.uk:2022:${randomUUID()}`)}`).expect(200);
    expect(other.body.citizenId).not.toBe(account!.id);
    const audit = await db.query(
      `SELECT details FROM audit_log WHERE action = 'citizen.account.created' AND actor_id = $1`,
      [account!.id],
    );
    expect(audit).toEqual([{ details: { method: 'oidc' } }]);
  });

  it('makes one account when the first requests of a new subject arrive together', async () => {
    const subject = `urn:fdc:gov.uk:2022:${randomUUID()}`;
    const bearer = `Bearer ${token(subject)}`;
    const responses = await Promise.all(Array.from({ length: 5 }, () => me(bearer)));
    expect(new Set(responses.map((response) => response.status))).toEqual(new Set([200]));
    expect(new Set(responses.map((response) => response.body.citizenId)).size).toBe(1);
    expect(await accountsOf(subject)).toHaveLength(1);
  });

  it('refuses forged, foreign and stale tokens with 401, and makes no account for them', async () => {
    const subject = `urn:fdc:gov.uk:2022:${randomUUID()}`;
    const header = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const claims = {
      sub: subject,
      iss: issuer,
      aud: AUDIENCE,
      exp: Math.floor(Date.now() / 1000) + 300,
    };
    const refused: Array<[string, string]> = [
      ['wrong issuer', token(subject, { issuer: 'https://evil.example.test/' })],
      ['wrong audience', token(subject, { audience: 'another-service' })],
      ['expired', token(subject, { expiresAt: Math.floor(Date.now() / 1000) - 120 })],
      ['signed by another key', token(subject, { key: otherPrivateKey })],
      ['unknown key id', token(subject, { kid: 'no-such-key' })],
      // Algorithm confusion: HS256 with the public key as the HMAC secret.
      [
        'HS256 with the public key',
        jwt.sign(claims, publicKeyPem, { algorithm: 'HS256', header: { alg: 'HS256', kid: KEY_ID } }),
      ],
      ['alg none', `${header({ alg: 'none', typ: 'JWT' })}.${header(claims)}.`],
      ['alg none with a kid', `${header({ alg: 'none', kid: KEY_ID })}.${header(claims)}.`],
      ['a token of local mode', app.get(CitizenAccessTokens).issue(randomUUID()).accessToken],
      ['garbage', 'not.a.token'],
    ];
    for (const [name, bearer] of refused) {
      const response = await me(`Bearer ${bearer}`);
      expect([name, response.status]).toEqual([name, 401]);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect([(await me('')).status, (await request(app.getHttpServer()).get('/v1/auth/me')).status]).toEqual([401, 401]);
    expect(await accountsOf(subject)).toHaveLength(0);
  });

  it('offers no code sign-in: the external provider signs citizens in', async () => {
    await request(app.getHttpServer()).post('/v1/auth/codes').send({ email: 'sam@example.test' }).expect(404);
    await request(app.getHttpServer())
      .post('/v1/auth/tokens')
      .send({ email: 'sam@example.test', code: '123456' })
      .expect(404);
    await request(app.getHttpServer())
      .post('/v1/auth/refresh')
      .send({ refreshToken: 'A'.repeat(43) })
      .expect(404);
  });
});
