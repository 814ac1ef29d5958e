import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { startCaseworkerApi } from './support/caseworker-api.js';
import { TestOidcProvider } from './support/oidc-provider.js';

/**
 * Staff tokens as Microsoft Entra ID and others issue them, from a real OpenID Connect provider. Each API runs
 * alone: passport keeps one strategy per name in the process, so the last API started wins.
 */
const RESOURCE = 'api://redress-caseworker';
const CASEWORK_GROUP = randomUUID();
const FRAUD_GROUP = randomUUID();
const jwksSettings = (idp: TestOidcProvider): Record<string, string> => ({
  STAFF_TOKEN_KEY_SOURCE: 'jwks',
  STAFF_TOKEN_JWKS_URL: idp.jwksUrl,
  STAFF_TOKEN_ISSUER: idp.issuer,
  STAFF_TOKEN_AUDIENCE: RESOURCE,
  STAFF_TOKEN_ALGORITHM: 'ES256',
});
const headerOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as Record<string, unknown>;
const withKeyId = (token: string, kid: string) => {
  const [, payload, signature] = token.split('.');
  const header = Buffer.from(JSON.stringify({ ...headerOf(token), kid })).toString('base64url');
  return `${header}.${payload}.${signature}`;
};

async function waitFor(check: () => Promise<boolean>, withinMs: number, what: string): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not happen within ${withinMs} ms`);
}

describe('staff tokens like Entra ID: oid, app roles mapped, team from groups, two issuers and audiences', () => {
  let idp: TestOidcProvider;
  let app: NestFastifyApplication;
  beforeAll(async () => {
    idp = await TestOidcProvider.start({ resource: RESOURCE, resourceScope: 'casework' });
    app = await startCaseworkerApi({
      ...jwksSettings(idp),
      // Entra's v1 and v2 tokens: two issuers, and the app id URI or the client id as audience.
      STAFF_TOKEN_ISSUER: `https://sts.example.test/tenant/,${idp.issuer}`,
      STAFF_TOKEN_AUDIENCE: `${randomUUID()},${RESOURCE}`,
      STAFF_ID_CLAIM: 'oid',
      STAFF_ROLE_MAPPING: 'Redress.Caseworker=caseworker, Redress.TeamLeader=team-leader',
      STAFF_TEAM_CLAIM: 'groups',
      STAFF_TEAM_MAPPING: `${CASEWORK_GROUP}=general,${FRAUD_GROUP}=fraud`,
    });
  });
  afterAll(async () => {
    await app.close();
    await idp.stop();
  });

  const me = (token: string) =>
    request(app.getHttpServer()).get('/v1/staff/me').set('authorization', `Bearer ${token}`);
  const staffToken = async (claims: Record<string, unknown>) => {
    const subject = idp.account(`pairwise-${randomUUID()}`, { accessTokenClaims: () => claims });
    return (await idp.signIn(subject, { scope: 'openid casework' })).accessToken;
  };

  it('takes the staff id from oid, maps app roles to ours and the team from the first mapped group', async () => {
    const oid = randomUUID();
    const token = await staffToken({
      oid,
      roles: ['Redress.Caseworker', 'Redress.TeamLeader', 'Other.App.Role', 'auditor'],
      groups: [randomUUID(), FRAUD_GROUP, CASEWORK_GROUP],
    });
    const response = await me(token).expect(200);
    // `auditor` is not a mapped value: with a mapping, only mapped values count.
    expect(response.body).toEqual({ staffId: oid, roles: ['caseworker', 'team-leader'], team: 'fraud' });
  });

  it('refuses a token without the staff id claim, or with no mapped role; a person in no mapped group has no team', async () => {
    await me(await staffToken({ roles: ['Redress.Caseworker'] })).expect(401);
    await me(await staffToken({ oid: randomUUID(), roles: ['caseworker', 'Other.App.Role'] })).expect(401);
    const noTeam = await me(await staffToken({ oid: randomUUID(), roles: 'Redress.Caseworker', groups: [] })).expect(
      200,
    );
    expect(noTeam.body).toMatchObject({ roles: ['caseworker'], team: null });
  });

  it('allows a clock difference: nbf 5 s ahead is accepted, 5 minutes ahead is not', async () => {
    const claims = (ahead: number) => ({
      oid: randomUUID(),
      roles: ['Redress.Caseworker'],
      nbf: Math.floor(Date.now() / 1000) + ahead,
    });
    await me(await staffToken(claims(5))).expect(200);
    await me(await staffToken(claims(300))).expect(401);
  });
});

describe('staff tokens with nested roles and a team array (Keycloak-like), roles as they are', () => {
  let idp: TestOidcProvider;
  let app: NestFastifyApplication;
  beforeAll(async () => {
    idp = await TestOidcProvider.start({ resource: RESOURCE, accessTokenAlg: 'RS256', idTokenAlg: 'RS256' });
    app = await startCaseworkerApi({
      ...jwksSettings(idp),
      STAFF_TOKEN_ALGORITHM: 'RS256',
      STAFF_ROLES_CLAIM: 'realm_access.roles',
    });
  });
  afterAll(async () => {
    await app.close();
    await idp.stop();
  });

  it('reads roles from a nested claim and the first valid team of an array, the subject as staff id', async () => {
    const subject = idp.account(`kc-${randomUUID()}`, {
      accessTokenClaims: () => ({
        realm_access: { roles: ['senior-caseworker', 'offline_access'] },
        team: ['Not A Team!', 'fraud', 'general'],
      }),
    });
    const { accessToken } = await idp.signIn(subject);
    const response = await request(app.getHttpServer())
      .get('/v1/staff/me')
      .set('authorization', `Bearer ${accessToken}`)
      .expect(200);
    expect(response.body).toEqual({ staffId: subject, roles: ['senior-caseworker'], team: 'fraud' });
  });
});

describe('staff token keys: junk key ids, rotation, withdrawal and an unreachable provider', () => {
  let idp: TestOidcProvider;
  let app: NestFastifyApplication;
  beforeAll(async () => {
    idp = await TestOidcProvider.start({ resource: RESOURCE });
    app = await startCaseworkerApi({ ...jwksSettings(idp), STAFF_TOKEN_JWKS_CACHE_SECONDS: '1' });
  });
  afterAll(async () => {
    await app.close();
    await idp.stop();
  });

  const me = (token: string) =>
    request(app.getHttpServer()).get('/v1/staff/me').set('authorization', `Bearer ${token}`);
  const staffToken = async () => {
    const subject = idp.account(`cw-${randomUUID()}`, { accessTokenClaims: () => ({ roles: ['caseworker'] }) });
    return (await idp.signIn(subject)).accessToken;
  };

  it('takes a rotated key at once after 20 tokens with junk key ids, which cost at most two fetches', async () => {
    const good = await staffToken();
    await me(good).expect(200);
    const before = idp.jwksRequests;
    const junk = await Promise.all(Array.from({ length: 20 }, () => me(withKeyId(good, randomUUID()))));
    expect(junk.map((response) => response.status)).toEqual(Array.from({ length: 20 }, () => 401));
    expect(idp.jwksRequests - before).toBeLessThanOrEqual(2);
    await idp.rotateKeys({ withdrawOld: false });
    const rotated = await staffToken();
    expect(headerOf(rotated).kid).toBe(idp.keyIds[0]);
    expect(headerOf(rotated).kid).not.toBe(headerOf(good).kid);
    await me(rotated).expect(200);
    await me(good).expect(200);
  });

  it('stops trusting a key withdrawn from the JWKS once the cache is renewed', async () => {
    const old = await staffToken();
    await me(old).expect(200);
    await idp.rotateKeys({ withdrawOld: true });
    await waitFor(async () => (await me(old)).status === 401, 5000, 'the withdrawn key being refused');
    await me(await staffToken()).expect(200);
  });
});

describe('staff tokens while the provider cannot be reached', () => {
  let idp: TestOidcProvider;
  let app: NestFastifyApplication;
  beforeAll(async () => {
    idp = await TestOidcProvider.start({ resource: RESOURCE });
    app = await startCaseworkerApi(jwksSettings(idp));
  });
  afterAll(async () => {
    await app.close();
    await idp.stop();
  });

  it('answers 503 problem+json with Retry-After (not 401), shows readiness degraded, and recovers', async () => {
    const subject = idp.account(`cw-${randomUUID()}`, { accessTokenClaims: () => ({ roles: ['caseworker'] }) });
    const { accessToken } = await idp.signIn(subject);
    await idp.stop();
    const down = await request(app.getHttpServer())
      .get('/v1/staff/me')
      .set('authorization', `Bearer ${accessToken}`)
      .expect(503);
    expect(down.headers['content-type']).toContain('application/problem+json');
    expect(Number(down.headers['retry-after'])).toBeGreaterThan(0);
    const ready = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({
      status: 'degraded',
      degraded: { 'staff-identity-provider': { status: 'down' } },
    });
    await idp.listen();
    await waitFor(
      async () =>
        (await request(app.getHttpServer()).get('/v1/staff/me').set('authorization', `Bearer ${accessToken}`))
          .status === 200,
      5000,
      'the provider being reached again',
    );
    expect((await request(app.getHttpServer()).get('/health/ready').expect(200)).body.status).toBe('ok');
  });
});
