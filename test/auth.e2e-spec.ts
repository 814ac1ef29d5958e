import { randomUUID } from 'node:crypto';
import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Clock, FixedClock } from '@redress/application';
import { configureHttpApp, createFastifyAdapter, FieldCipher, LocalSinkNotifier, loadConfig } from '@redress/platform';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CitizenApiModule } from '../apps/citizen-api/src/app.module.js';
import { API_DESCRIPTION } from '../apps/citizen-api/src/bootstrap.js';
import { CitizenApiConfig, DEVELOPMENT_CITIZEN_TOKEN_SECRET } from '../apps/citizen-api/src/config.js';
import { createTestCitizen } from './support/citizen-api.js';

/** The citizen API as createCitizenApi builds it, with the clock replaced by one the test moves. */
async function startWithClock(clock: Clock, overrides: Record<string, string> = {}): Promise<NestFastifyApplication> {
  // TRUST_PROXY lets each test count as its own client (X-Forwarded-For), so per-client limits stay apart.
  const config = loadConfig(CitizenApiConfig, { ...process.env, TRUST_PROXY: 'true', ...overrides });
  const moduleRef = await Test.createTestingModule({ imports: [CitizenApiModule.forRoot(config)] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(config), {
    bufferLogs: true,
  });
  return configureHttpApp(app, config, API_DESCRIPTION);
}

const randomIp = (): string =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
const newEmail = (): string => `citizen-${randomUUID()}@example.test`;
const PROBLEM = 'application/problem+json';

describe('citizen sign-in (local mode)', () => {
  const clock = new FixedClock(new Date('2026-03-02T09:00:00Z'));
  let app: NestFastifyApplication;
  let sink: LocalSinkNotifier;
  let db: DataSource;
  let cipher: FieldCipher;
  let client: string;

  beforeAll(async () => {
    app = await startWithClock(clock);
    sink = app.get(LocalSinkNotifier);
    db = app.get(DataSource);
    cipher = app.get(FieldCipher);
  });
  afterAll(async () => {
    await app.close();
  });
  beforeEach(() => {
    client = randomIp();
  });

  const http = () => request(app.getHttpServer());
  const post = (path: string, body: unknown, ip = client) =>
    http()
      .post(path)
      .set('x-forwarded-for', ip)
      .send(body as object);

  async function requestCode(email: string): Promise<string> {
    await post('/v1/auth/codes', { email }).expect(202);
    const message = sink.lastEmailTo(email);
    if (!message) throw new Error('no code was sent');
    return String(message.personalisation.code);
  }

  async function signIn(email = newEmail()) {
    const code = await requestCode(email);
    const response = await post('/v1/auth/tokens', { email, code }).expect(200);
    return { email, ...(response.body as { accessToken: string; refreshToken: string; expiresIn: number }) };
  }

  const countRows = async (table: string): Promise<number> =>
    Number((await db.query<Array<{ count: string }>>(`SELECT count(*) FROM ${table}`))[0]!.count);
  const codeRowsFor = (email: string) =>
    db.query<Array<{ code_hash: string; code_salt: string; failed_attempts: number; closed_reason: string | null }>>(
      'SELECT * FROM citizen_sign_in_code WHERE email_blind_index = $1 ORDER BY position',
      [cipher.blindIndex('citizen-email', email)],
    );

  describe('POST /v1/auth/codes', () => {
    it('emails a 6-digit code through the notifier and stores only its keyed hash', async () => {
      const email = newEmail();
      const response = await post('/v1/auth/codes', { email: `  ${email.toUpperCase()} ` }).expect(202);
      expect(response.body).toEqual({
        message: 'If the address can receive email, a code is on its way.',
        codeExpiresIn: 600,
      });
      const message = sink.lastEmailTo(email)!;
      expect(message.type).toBe('email');
      expect(message.emailAddress).toBe(email);
      expect(message.templateId).toBe('local-sign-in-code');
      expect(String(message.personalisation.code)).toMatch(/^\d{6}$/);
      expect(message.personalisation.minutes).toBe(10);
      const rows = await codeRowsFor(email);
      expect(rows).toHaveLength(1);
      const row = rows[0]!;
      expect(message.reference).toBe((row as unknown as { id: string }).id);
      expect(JSON.stringify(row)).not.toContain(String(message.personalisation.code));
      expect(JSON.stringify(row)).not.toContain(email);
      expect(row.code_hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it('answers a known and an unknown address the same way, in similar time', async () => {
      const known = await createTestCitizen(app, newEmail());
      const timings: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] };
      const bodies = new Set<string>();
      for (let round = 0; round < 4; round += 1) {
        for (const kind of ['known', 'unknown'] as const) {
          const email = kind === 'known' ? known.email : newEmail();
          const started = process.hrtime.bigint();
          const response = await post('/v1/auth/codes', { email }, randomIp());
          timings[kind].push(Number(process.hrtime.bigint() - started) / 1e6);
          expect(response.status).toBe(202);
          bodies.add(JSON.stringify(response.body));
        }
      }
      expect(bodies.size).toBe(1);
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
      // Both take the same path (no account lookup); a loose bound keeps the test steady on a busy machine.
      expect(Math.abs(median(timings.known) - median(timings.unknown))).toBeLessThan(50);
    });

    it.each([
      ['not an email', { email: 'not-an-email' }],
      ['no domain', { email: 'sam@' }],
      ['display name', { email: 'Sam <sam@example.test>' }],
      ['a number', { email: 12345 }],
      ['missing', {}],
      ['huge', { email: `${'a'.repeat(5000)}@example.test` }],
      ['an extra property', { email: 'sam@example.test', admin: true }],
    ])('refuses %s with 400 problem+json and writes nothing', async (_name, body) => {
      const codesBefore = await countRows('citizen_sign_in_code');
      const sentBefore = sink.messages.length;
      const response = await post('/v1/auth/codes', body).expect(400);
      expect(response.headers['content-type']).toContain(PROBLEM);
      expect(response.body.errors.length).toBeGreaterThan(0);
      expect(await countRows('citizen_sign_in_code')).toBe(codesBefore);
      expect(sink.messages.length).toBe(sentBefore);
    });

    it('limits codes per email address (5 in 15 minutes), whichever client asks', async () => {
      const email = newEmail();
      for (let index = 0; index < 5; index += 1) await post('/v1/auth/codes', { email }, randomIp()).expect(202);
      const refused = await post('/v1/auth/codes', { email: email.toUpperCase() }, randomIp()).expect(429);
      expect(refused.headers['content-type']).toContain(PROBLEM);
      expect(refused.headers['retry-after']).toBeDefined();
      expect((await codeRowsFor(email)).length).toBe(5);
      await post('/v1/auth/codes', { email: newEmail() }, randomIp()).expect(202);
    });

    it('limits sign-in requests per client and route (20 a minute)', async () => {
      for (let index = 0; index < 20; index += 1) await post('/v1/auth/codes', { email: newEmail() }).expect(202);
      const refused = await post('/v1/auth/codes', { email: newEmail() }).expect(429);
      expect(refused.headers['content-type']).toContain(PROBLEM);
      await post('/v1/auth/codes', { email: newEmail() }, randomIp()).expect(202);
      for (let index = 0; index < 20; index += 1) {
        await post('/v1/auth/tokens', { email: newEmail(), code: '123456' }).expect(400);
      }
      await post('/v1/auth/tokens', { email: newEmail(), code: '123456' }).expect(429);
    });
  });

  describe('POST /v1/auth/tokens', () => {
    it('signs a new address in, making its account with the email encrypted', async () => {
      const email = newEmail();
      const index = cipher.blindIndex('citizen-email', email);
      expect(await db.query('SELECT id FROM citizen_account WHERE email_blind_index = $1', [index])).toHaveLength(0);
      const code = await requestCode(email);
      const response = await post('/v1/auth/tokens', { email, code: `${code.slice(0, 3)} ${code.slice(3)}` }).expect(
        200,
      );
      expect(response.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, refreshTokenExpiresIn: 86400 });
      expect(response.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(response.headers['cache-control']).toContain('no-store');
      const [account] = await db.query<Array<{ id: string; email_encrypted: string }>>(
        'SELECT id, email_encrypted FROM citizen_account WHERE email_blind_index = $1',
        [index],
      );
      expect(cipher.decrypt(account!.email_encrypted, `citizen:${account!.id}:email`)).toBe(email);
      const me = await http()
        .get('/v1/auth/me')
        .set('authorization', `Bearer ${response.body.accessToken}`)
        .expect(200);
      expect(me.body).toEqual({ citizenId: account!.id });
      const stored = await db.query(
        'SELECT token_hash FROM citizen_refresh_token t JOIN citizen_session s ON s.id = t.session_id WHERE s.citizen_id = $1',
        [account!.id],
      );
      expect(stored).toHaveLength(1);
      expect(stored[0].token_hash).not.toBe(response.body.refreshToken);
    });

    it('signs a known address into its existing account', async () => {
      const known = await createTestCitizen(app, newEmail());
      const session = await signIn(known.email);
      const me = await http().get('/v1/auth/me').set('authorization', `Bearer ${session.accessToken}`).expect(200);
      expect(me.body.citizenId).toBe(known.citizenId);
      expect(
        await db.query('SELECT id FROM citizen_account WHERE email_blind_index = $1', [
          cipher.blindIndex('citizen-email', known.email),
        ]),
      ).toHaveLength(1);
    });

    it('refuses a used code, and an earlier code once a newer one was sent', async () => {
      const email = newEmail();
      const first = await requestCode(email);
      const second = await requestCode(email);
      if (first !== second) await post('/v1/auth/tokens', { email, code: first }).expect(400);
      await post('/v1/auth/tokens', { email, code: second }).expect(200);
      const again = await post('/v1/auth/tokens', { email, code: second }).expect(400);
      expect(again.body.code).toBe('auth.sign-in-code-invalid');
    });

    it('allows 5 tries: the fifth wrong code ends the code with 429, even for the right code after', async () => {
      const email = newEmail();
      const code = await requestCode(email);
      const wrong = code === '000000' ? '111111' : '000000';
      for (let attempt = 1; attempt <= 4; attempt += 1) {
        const response = await post('/v1/auth/tokens', { email, code: wrong }).expect(400);
        expect(response.body.code).toBe('auth.sign-in-code-invalid');
      }
      const fifth = await post('/v1/auth/tokens', { email, code: wrong }).expect(429);
      expect(fifth.headers['content-type']).toContain(PROBLEM);
      expect(fifth.body.code).toBe('auth.sign-in-code-attempts-exceeded');
      const right = await post('/v1/auth/tokens', { email, code }).expect(429);
      expect(right.body.code).toBe('auth.sign-in-code-attempts-exceeded');
      const [row] = await codeRowsFor(email);
      expect(row).toMatchObject({ failed_attempts: 5, closed_reason: 'too-many-attempts' });
      // A new code starts again.
      const fresh = await requestCode(email);
      await post('/v1/auth/tokens', { email, code: fresh }).expect(200);
    });

    it('accepts the right code after 4 wrong ones', async () => {
      const email = newEmail();
      const code = await requestCode(email);
      const wrong = code === '999999' ? '888888' : '999999';
      for (let attempt = 1; attempt <= 4; attempt += 1)
        await post('/v1/auth/tokens', { email, code: wrong }).expect(400);
      await post('/v1/auth/tokens', { email, code }).expect(200);
    });

    it('lets a code work for 10 minutes and no longer', async () => {
      const early = newEmail();
      const earlyCode = await requestCode(early);
      const late = newEmail();
      const lateCode = await requestCode(late);
      clock.advance(10 * 60_000 - 1000);
      await post('/v1/auth/tokens', { email: early, code: earlyCode }).expect(200);
      clock.advance(1000);
      const expired = await post('/v1/auth/tokens', { email: late, code: lateCode }).expect(400);
      expect(expired.body.code).toBe('auth.sign-in-code-invalid');
    });

    it('answers the same for an address that never asked for a code', async () => {
      const response = await post('/v1/auth/tokens', { email: newEmail(), code: '123456' }).expect(400);
      expect(response.body.code).toBe('auth.sign-in-code-invalid');
    });

    it.each([
      ['a 5-digit code', { code: '12345' }],
      ['a 7-digit code', { code: '1234567' }],
      ['letters', { code: 'abcdef' }],
      ['an empty code', { code: '' }],
      ['a numeric code', { code: 123456 }],
      ['a huge code', { code: '1'.repeat(100_000) }],
      ['a malformed email', { email: 'nobody' }],
      ['an extra property', { extra: 'x' }],
    ])('refuses %s with 400 problem+json and changes nothing', async (_name, change) => {
      const email = newEmail();
      const code = await requestCode(email);
      const sessionsBefore = await countRows('citizen_session');
      const accountsBefore = await countRows('citizen_account');
      const response = await post('/v1/auth/tokens', { email, code, ...change }).expect(400);
      expect(response.headers['content-type']).toContain(PROBLEM);
      expect(response.body.errors.length).toBeGreaterThan(0);
      expect(await countRows('citizen_session')).toBe(sessionsBefore);
      expect(await countRows('citizen_account')).toBe(accountsBefore);
      expect((await codeRowsFor(email))[0]).toMatchObject({ failed_attempts: 0, closed_reason: null });
    });
  });

  describe('POST /v1/auth/refresh', () => {
    it('rotates: each refresh gives new tokens and the old refresh token stops working', async () => {
      const session = await signIn();
      const first = await post('/v1/auth/refresh', { refreshToken: session.refreshToken }).expect(200);
      expect(first.body.refreshToken).not.toBe(session.refreshToken);
      const me = await http().get('/v1/auth/me').set('authorization', `Bearer ${first.body.accessToken}`).expect(200);
      const second = await post('/v1/auth/refresh', { refreshToken: first.body.refreshToken }).expect(200);
      expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
      const again = await http().get('/v1/auth/me').set('authorization', `Bearer ${second.body.accessToken}`);
      expect(again.body.citizenId).toBe(me.body.citizenId);
    });

    it('revokes the whole family when a used refresh token comes back', async () => {
      const session = await signIn();
      const rotated = await post('/v1/auth/refresh', { refreshToken: session.refreshToken }).expect(200);
      const reuse = await post('/v1/auth/refresh', { refreshToken: session.refreshToken }).expect(400);
      expect(reuse.headers['content-type']).toContain(PROBLEM);
      expect(reuse.body.code).toBe('auth.refresh-token-invalid');
      // The newest token of the family, held by whoever rotated first, is dead too.
      await post('/v1/auth/refresh', { refreshToken: rotated.body.refreshToken }).expect(400);
      const [revoked] = await db.query<Array<{ revoked_reason: string; id: string }>>(
        `SELECT s.id, s.revoked_reason FROM citizen_session s JOIN citizen_refresh_token t ON t.session_id = s.id
         WHERE t.token_hash = encode(sha256($1::bytea), 'hex')`,
        [Buffer.from(session.refreshToken)],
      );
      expect(revoked!.revoked_reason).toBe('refresh-token-reuse');
      const audit = await db.query(
        `SELECT actor_type FROM audit_log WHERE action = 'citizen.refresh-token.reused' AND target_id = $1`,
        [revoked!.id],
      );
      expect(audit).toHaveLength(1);
    });

    it('refuses an expired refresh token', async () => {
      const session = await signIn();
      clock.advance(24 * 3600_000 + 1000);
      await post('/v1/auth/refresh', { refreshToken: session.refreshToken }).expect(400);
    });

    it('refuses an unknown token, and malformed bodies with 400 problem+json', async () => {
      const unknown = await post('/v1/auth/refresh', { refreshToken: 'A'.repeat(43) }).expect(400);
      expect(unknown.body.code).toBe('auth.refresh-token-invalid');
      for (const body of [{}, { refreshToken: 'short' }, { refreshToken: 'x'.repeat(10_000) }, { refreshToken: 42 }]) {
        const response = await post('/v1/auth/refresh', body).expect(400);
        expect(response.headers['content-type']).toContain(PROBLEM);
        expect(response.body.errors.length).toBeGreaterThan(0);
      }
      const session = await signIn();
      await post('/v1/auth/refresh', { refreshToken: session.refreshToken, citizenId: randomUUID() }).expect(400);
      // The refused request did not use the token up.
      await post('/v1/auth/refresh', { refreshToken: session.refreshToken }).expect(200);
    });
  });

  describe('POST /v1/auth/sign-out', () => {
    it('revokes the family: no token of the session refreshes any more', async () => {
      const session = await signIn();
      const rotated = await post('/v1/auth/refresh', { refreshToken: session.refreshToken }).expect(200);
      await http()
        .post('/v1/auth/sign-out')
        .set('authorization', `Bearer ${rotated.body.accessToken}`)
        .send({ refreshToken: rotated.body.refreshToken })
        .expect(204);
      await post('/v1/auth/refresh', { refreshToken: rotated.body.refreshToken }).expect(400);
      const me = await http().get('/v1/auth/me').set('authorization', `Bearer ${rotated.body.accessToken}`).expect(200);
      const audit = await db.query(
        `SELECT details FROM audit_log WHERE action = 'citizen.signed-out' AND actor_id = $1`,
        [me.body.citizenId],
      );
      expect(audit).toHaveLength(1);
      // Signing out twice is harmless.
      await http()
        .post('/v1/auth/sign-out')
        .set('authorization', `Bearer ${rotated.body.accessToken}`)
        .send({ refreshToken: rotated.body.refreshToken })
        .expect(204);
    });

    it("changes nothing with another citizen's refresh token", async () => {
      const alice = await signIn();
      const bob = await signIn();
      await http()
        .post('/v1/auth/sign-out')
        .set('authorization', `Bearer ${alice.accessToken}`)
        .send({ refreshToken: bob.refreshToken })
        .expect(204);
      await post('/v1/auth/refresh', { refreshToken: bob.refreshToken }).expect(200);
      await post('/v1/auth/refresh', { refreshToken: alice.refreshToken }).expect(200);
    });

    it('needs a valid access token', async () => {
      const session = await signIn();
      const citizenId = (await http().get('/v1/auth/me').set('authorization', `Bearer ${session.accessToken}`)).body
        .citizenId as string;
      const sign = (payload: object, secret = DEVELOPMENT_CITIZEN_TOKEN_SECRET, options: jwt.SignOptions = {}) =>
        jwt.sign(payload, secret, {
          algorithm: 'HS256',
          issuer: 'redress-citizen-api',
          audience: 'redress-citizen',
          subject: citizenId,
          ...options,
        });
      const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(
        JSON.stringify({ sub: citizenId, typ: 'access', iss: 'redress-citizen-api', aud: 'redress-citizen', exp: 4e9 }),
      ).toString('base64url')}.`;
      const refused: Array<[string, string | undefined]> = [
        ['no token', undefined],
        ['not a JWT', 'Bearer not-a-token'],
        ['expired', `Bearer ${sign({ typ: 'access', exp: Math.floor(Date.now() / 1000) - 60 })}`],
        ['wrong secret', `Bearer ${sign({ typ: 'access' }, 'another-secret-that-is-long-enough-0123456789')}`],
        ['wrong audience', `Bearer ${sign({ typ: 'access' }, undefined, { audience: 'someone-else' })}`],
        ['not an access token', `Bearer ${sign({ typ: 'refresh' })}`],
        ['alg none', `Bearer ${unsigned}`],
        ['not Bearer', `Basic ${session.accessToken}`],
      ];
      for (const [name, authorization] of refused) {
        const call = http().post('/v1/auth/sign-out').send({ refreshToken: session.refreshToken });
        if (authorization) void call.set('authorization', authorization);
        const response = await call;
        expect([name, response.status]).toEqual([name, 401]);
        expect(response.headers['content-type']).toContain(PROBLEM);
        const me = http().get('/v1/auth/me');
        if (authorization) void me.set('authorization', authorization);
        expect([name, (await me).status]).toEqual([name, 401]);
      }
      // None of them signed the session out.
      await post('/v1/auth/refresh', { refreshToken: session.refreshToken }).expect(200);
    });

    it('refuses a malformed body with 400 problem+json', async () => {
      const session = await signIn();
      for (const body of [{}, { refreshToken: 'nope' }, { refreshToken: session.refreshToken, all: true }]) {
        const response = await http()
          .post('/v1/auth/sign-out')
          .set('authorization', `Bearer ${session.accessToken}`)
          .send(body)
          .expect(400);
        expect(response.headers['content-type']).toContain(PROBLEM);
      }
      await post('/v1/auth/refresh', { refreshToken: session.refreshToken }).expect(200);
    });
  });

  it('records sign-in events in the audit log with ids only', async () => {
    const { email } = await signIn();
    const index = cipher.blindIndex('citizen-email', email);
    const [account] = await db.query<Array<{ id: string }>>(
      'SELECT id FROM citizen_account WHERE email_blind_index = $1',
      [index],
    );
    const entries = await db.query<Array<{ action: string; details: object }>>(
      `SELECT action, details, actor_id, target_id FROM audit_log WHERE actor_id = $1 ORDER BY sequence`,
      [account!.id],
    );
    expect(entries.map((entry) => entry.action)).toEqual(['citizen.account.created', 'citizen.signed-in']);
    const everything = JSON.stringify(await db.query(`SELECT * FROM audit_log WHERE action LIKE 'citizen.%'`));
    expect(everything).not.toContain('@example.test');
    expect(everything).not.toContain(index);
    for (const message of sink.messages) expect(everything).not.toContain(`"${String(message.personalisation.code)}"`);
  });
});
