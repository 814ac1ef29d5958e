import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CitizenAccessTokens } from '../apps/citizen-api/src/auth/index.js';
import { startCitizenApi } from './support/citizen-api.js';
import { MACHINE_CLIENT_ID, TEST_CLIENT_ID, TestOidcProvider } from './support/oidc-provider.js';

/** The citizen API in OIDC mode against a real OpenID Connect provider configured as GOV.UK One Login is. */
describe('citizen API, OIDC mode: only a person’s access token, for us, at the confidence asked for', () => {
  let provider: TestOidcProvider;
  let other: TestOidcProvider;
  let app: NestFastifyApplication;
  let db: DataSource;

  const settings = (idp: TestOidcProvider): Record<string, string> => ({
    CITIZEN_AUTH_MODE: 'oidc',
    OIDC_ISSUER: idp.issuer,
    OIDC_AUDIENCE: 'https://api.redress.test/citizen',
    OIDC_JWKS_URL: idp.jwksUrl,
    OIDC_ALGORITHM: 'ES256',
    OIDC_CLIENT_ID: TEST_CLIENT_ID,
    OIDC_MIN_CONFIDENCE: 'Cl.Cm',
  });

  beforeAll(async () => {
    provider = await TestOidcProvider.start();
    other = await TestOidcProvider.start();
    app = await startCitizenApi(settings(provider));
    db = app.get(DataSource);
  });
  afterAll(async () => {
    await app.close();
    await provider.stop();
    await other.stop();
  });

  const me = (authorization: string) =>
    request(app.getHttpServer()).get('/v1/auth/me').set('authorization', authorization);
  const accountsOf = (subject: string) =>
    db.query<Array<{ id: string; external_issuer: string; last_signed_in_at: Date | null }>>(
      'SELECT id, external_issuer, last_signed_in_at FROM citizen_account WHERE external_subject = $1',
      [subject],
    );
  const newSubject = () => `urn:fdc:gov.uk:2022:${randomUUID()}`;

  const issuedAt = (token: string) =>
    (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { iat: number }).iat;

  it('maps a person’s access token to an account made on first sight, audits each sign-in and keeps its time', async () => {
    const subject = provider.account(newSubject(), { email: 'sam@example.test' });
    const { accessToken } = await provider.signIn(subject);
    const first = await me(`Bearer ${accessToken}`).expect(200);
    const [account] = await accountsOf(subject);
    expect(first.body).toEqual({ citizenId: account!.id });
    expect(account!.external_issuer).toBe(provider.issuer);
    expect(account!.last_signed_in_at!.getTime()).toBe(issuedAt(accessToken) * 1000);
    // The same token again is the same sign-in.
    await me(`Bearer ${accessToken}`).expect(200);
    // A new sign-in at the provider (a token issued a second or more later) is a new sign-in here.
    let again = await provider.signIn(subject);
    while (issuedAt(again.accessToken) === issuedAt(accessToken)) again = await provider.signIn(subject);
    const second = await me(`Bearer ${again.accessToken}`).expect(200);
    expect(second.body.citizenId).toBe(account!.id);
    const audit = await db.query<Array<{ action: string; details: unknown }>>(
      `SELECT action, details FROM audit_log WHERE actor_id = $1 ORDER BY sequence`,
      [account!.id],
    );
    expect(audit).toEqual([
      { action: 'citizen.account.created', details: { method: 'oidc' } },
      { action: 'citizen.signed-in', details: { method: 'oidc' } },
      { action: 'citizen.signed-in', details: { method: 'oidc' } },
    ]);
    const [after] = await accountsOf(subject);
    expect(after!.last_signed_in_at!.getTime()).toBe(issuedAt(again.accessToken) * 1000);
  });

  it('makes one account when the first requests of a new person arrive together', async () => {
    const subject = provider.account(newSubject());
    const { accessToken } = await provider.signIn(subject);
    const responses = await Promise.all(Array.from({ length: 5 }, () => me(`Bearer ${accessToken}`)));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(responses.map((response) => response.body.citizenId)).size).toBe(1);
    expect(await accountsOf(subject)).toHaveLength(1);
  });

  it('refuses a sign-in below the confidence level asked for (vot Cl under Cl.Cm)', async () => {
    const subject = provider.account(newSubject(), { vot: 'Cl' });
    const { accessToken } = await provider.signIn(subject);
    await me(`Bearer ${accessToken}`).expect(401);
    provider.account(subject, { vot: 'Cl.Cm' });
    await me(`Bearer ${(await provider.signIn(subject)).accessToken}`).expect(200);
  });

  it('does not trust the same subject from another issuer', async () => {
    const subject = newSubject();
    other.account(subject);
    await me(`Bearer ${(await other.signIn(subject)).accessToken}`).expect(401);
    expect(await accountsOf(subject)).toHaveLength(0);
  });

  it('refuses forged and stale tokens with 401 (algorithm confusion, none, tampering) and makes no account', async () => {
    const subject = provider.account(newSubject());
    const { accessToken } = await provider.signIn(subject);
    const [header, payload, signature] = accessToken.split('.') as [string, string, string];
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const headerOf = JSON.parse(Buffer.from(header, 'base64url').toString()) as Record<string, unknown>;
    const refused: Array<[string, string]> = [
      ['another subject, same signature', `${header}.${encode({ ...claims, sub: newSubject() })}.${signature}`],
      ['alg none', `${encode({ ...headerOf, alg: 'none' })}.${payload}.`],
      ['HS256 header', `${encode({ ...headerOf, alg: 'HS256' })}.${payload}.${signature}`],
      ['a token of local mode', app.get(CitizenAccessTokens).issue(randomUUID()).accessToken],
      ['garbage', 'not.a.token'],
    ];
    for (const [name, bearer] of refused) {
      const response = await me(`Bearer ${bearer}`);
      expect([name, response.status]).toEqual([name, 401]);
    }
    expect([(await me('')).status, (await request(app.getHttpServer()).get('/v1/auth/me')).status]).toEqual([401, 401]);
    expect(await accountsOf(subject)).toHaveLength(0);
  });

  it('offers no code sign-in: the external provider signs citizens in', async () => {
    await request(app.getHttpServer()).post('/v1/auth/codes').send({ email: 'sam@example.test' }).expect(404);
  });
});

// Each API below runs alone: passport keeps one strategy per name in the process, so the last API started wins.
describe('citizen API, OIDC mode: tokens told apart by what they are and where they come from', () => {
  const settings = (idp: TestOidcProvider, audience = 'https://api.redress.test/citizen'): Record<string, string> => ({
    CITIZEN_AUTH_MODE: 'oidc',
    OIDC_ISSUER: idp.issuer,
    OIDC_AUDIENCE: audience,
    OIDC_JWKS_URL: idp.jwksUrl,
    OIDC_ALGORITHM: 'ES256',
    OIDC_CLIENT_ID: TEST_CLIENT_ID,
  });
  const newSubject = () => `urn:fdc:gov.uk:2022:${randomUUID()}`;

  it('refuses the provider’s ID token even where its audience is ours: it grants nothing here', async () => {
    // A provider whose access tokens are for the client id, as the ID tokens are: only `typ` tells them apart.
    const sameAudience = await TestOidcProvider.start({ audience: TEST_CLIENT_ID });
    const api = await startCitizenApi(settings(sameAudience, TEST_CLIENT_ID));
    try {
      const subject = sameAudience.account(newSubject());
      const { accessToken, idToken } = await sameAudience.signIn(subject);
      const call = (token: string) =>
        request(api.getHttpServer()).get('/v1/auth/me').set('authorization', `Bearer ${token}`);
      const refused = await call(idToken).expect(401);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      const accounts = await api
        .get(DataSource)
        .query('SELECT id FROM citizen_account WHERE external_subject = $1', [subject]);
      expect(accounts).toEqual([]);
      await call(accessToken).expect(200);
    } finally {
      await api.close();
      await sameAudience.stop();
    }
  });

  it('keys accounts by issuer and subject: the same subject at another issuer is another person', async () => {
    const first = await TestOidcProvider.start();
    const second = await TestOidcProvider.start();
    const subject = newSubject();
    const citizenIdAt = async (idp: TestOidcProvider) => {
      const api = await startCitizenApi(settings(idp));
      try {
        const response = await request(api.getHttpServer())
          .get('/v1/auth/me')
          .set('authorization', `Bearer ${(await idp.signIn(subject)).accessToken}`)
          .expect(200);
        return response.body.citizenId as string;
      } finally {
        await api.close();
      }
    };
    try {
      const atFirst = await citizenIdAt(first);
      const atSecond = await citizenIdAt(second);
      expect(atSecond).not.toBe(atFirst);
      expect(await citizenIdAt(first)).toBe(atFirst);
    } finally {
      await first.stop();
      await second.stop();
    }
  });

  it('refuses a client-credentials token, where scope and confidence are not asked for: no person is behind it', async () => {
    const idp = await TestOidcProvider.start();
    const api = await startCitizenApi({
      ...settings(idp),
      OIDC_CLIENT_ID: '',
      OIDC_REQUIRED_SCOPE: 'redress',
      OIDC_MIN_CONFIDENCE: 'none',
    });
    try {
      const call = (token: string) =>
        request(api.getHttpServer()).get('/v1/auth/me').set('authorization', `Bearer ${token}`);
      await call(await idp.clientCredentialsToken()).expect(401);
      const machine = await api
        .get(DataSource)
        .query('SELECT id FROM citizen_account WHERE external_subject = $1', [MACHINE_CLIENT_ID]);
      expect(machine).toEqual([]);
      await call((await idp.signIn(newSubject())).accessToken).expect(200);
    } finally {
      await api.close();
      await idp.stop();
    }
  });

  it('gives an account made before issuers were kept to its subject at the old issuer only', async () => {
    const idp = await TestOidcProvider.start();
    const stranger = await TestOidcProvider.start();
    const subject = newSubject();
    const call = async (trusted: TestOidcProvider) => {
      // Each deployment says whose subjects the accounts of before were (OIDC_UNSCOPED_ACCOUNTS_ISSUER).
      const api = await startCitizenApi({ ...settings(trusted), OIDC_UNSCOPED_ACCOUNTS_ISSUER: idp.issuer });
      try {
        const response = await request(api.getHttpServer())
          .get('/v1/auth/me')
          .set('authorization', `Bearer ${(await trusted.signIn(subject)).accessToken}`)
          .expect(200);
        return response.body.citizenId as string;
      } finally {
        await api.close();
      }
    };
    const api = await startCitizenApi(settings(idp));
    const legacyId = randomUUID();
    await api
      .get(DataSource)
      .query('INSERT INTO citizen_account (id, external_subject, created_at) VALUES ($1, $2, now())', [
        legacyId,
        subject,
      ]);
    await api.close();
    try {
      // A new provider does not get the row of the old one's subject; the old provider's subject does, and keeps it.
      expect(await call(stranger)).not.toBe(legacyId);
      expect(await call(idp)).toBe(legacyId);
      expect(await call(idp)).toBe(legacyId);
    } finally {
      await idp.stop();
      await stranger.stop();
    }
  });

  it('answers 503 with Retry-After, not 401, while the provider cannot be reached, and readiness says degraded', async () => {
    const idp = await TestOidcProvider.start();
    const api = await startCitizenApi(settings(idp));
    try {
      const { accessToken } = await idp.signIn(newSubject());
      await idp.stop();
      const response = await request(api.getHttpServer())
        .get('/v1/auth/me')
        .set('authorization', `Bearer ${accessToken}`)
        .expect(503);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.headers['retry-after']).toBe('5');
      const ready = await request(api.getHttpServer()).get('/health/ready').expect(200);
      expect(ready.body).toMatchObject({
        status: 'degraded',
        degraded: { 'citizen-identity-provider': { status: 'down' } },
      });
    } finally {
      await api.close();
      await idp.stop();
    }
  });
});
