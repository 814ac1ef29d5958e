import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  CreatePartnerCredential,
  GiveConsent,
  parseHsdsDocument,
  PartnerKeyHasher,
  ProposeReferrals,
  SendReferral,
  SystemClock,
  type FieldEncryption,
  type ReferralSettings,
} from '@redress/application';
import { currentConsentWording, defaultReferralClockSettings, englandAndWalesWorkingDays } from '@redress/domain';
import {
  PostgresDirectoryImportStore,
  PostgresPartnerAccessStore,
  PostgresReferralStore,
  PostgresSupportDirectory,
} from '@redress/persistence';
import { AuditLog, FieldCipher, LocalSinkNotifier } from '@redress/platform';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEVELOPMENT_PARTNER_KEY_PEPPER } from '../apps/caseworker-api/src/config.js';
import { startCaseworkerApi, testStaff } from './support/caseworker-api.js';
import { lastPartnerCode, totpCode } from './support/partner-users.js';

const seed = JSON.parse(readFileSync('data/directory/seed-directory.json', 'utf8'));
const org = (name: string): string => seed.organizations.find((o: { name: string }) => o.name === name).id;
const ORG_A = org('Harbourlight Victim Care');
const ORG_B = org('Kestrel Legal Advice Clinic');
const PROBLEM = 'application/problem+json';

describe('partner users: invitations, sign-in with two factors, scoping', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let sink: LocalSinkNotifier;
  let referralA: string;
  let referralB: string;
  const http = () => request(app.getHttpServer());
  const admin = testStaff('administrator');
  const email = (name: string) => `${name}-${randomUUID().slice(0, 8)}@harbourlight.example.org`;
  const bearer = (token: string) => `Bearer ${token}`;

  async function sentReferrals(): Promise<Map<string, string>> {
    const audit = (manager: Parameters<AuditLog['append']>[0], entry: Parameters<AuditLog['append']>[1]) =>
      app.get(AuditLog).append(manager, entry);
    const store = new PostgresReferralStore(db, audit);
    const settings: ReferralSettings = {
      clocks: defaultReferralClockSettings,
      calendar: englandAndWalesWorkingDays,
      proposals: 3,
    };
    const citizenId = randomUUID();
    await db.query('INSERT INTO citizen_account (id, email_blind_index, email_encrypted) VALUES ($1, $2, $3)', [
      citizenId,
      `index-${citizenId}`,
      'encrypted',
    ]);
    const clock = new SystemClock();
    const { referralIds } = await new ProposeReferrals(
      store,
      new PostgresSupportDirectory(db),
      app.get<FieldCipher, FieldEncryption>(FieldCipher),
      settings,
      clock,
    ).execute({
      citizenId,
      claimId: null,
      needs: ['emotional-support', 'legal-help'],
      circumstances: [],
      age: 40,
      postcode: null,
      localAuthorityCode: 'E09000007',
      contact: {
        name: 'Robin',
        email: null,
        phone: '07700 900123',
        channels: ['text'],
        safeTimes: 'Weekdays',
        voicemailOk: false,
        codeWord: 'lark',
      },
      summary: 'Text first.',
    });
    const byOrganisation = new Map<string, string>();
    for (const id of referralIds) {
      await new GiveConsent(store, settings, clock).execute({
        citizenId,
        referralId: id,
        wordingVersion: currentConsentWording['support-referral'].version,
      });
      await new SendReferral(store, settings, clock).execute({ referralId: id });
      const [row] = await db.query('SELECT organization_id FROM referral WHERE id = $1', [id]);
      byOrganisation.set(row.organization_id, id);
    }
    return byOrganisation;
  }

  /** Invites (as Redress staff) and signs a user in through every step; answers their token and TOTP secret. */
  async function signedInUser(organisationId: string, role: 'administrator' | 'caseworker' = 'administrator') {
    const address = email(role);
    const invited = await http()
      .post(`/v1/support-organisations/${organisationId}/users`)
      .set('authorization', admin.authorization)
      .send({ email: address, role })
      .expect(201);
    const session = await signIn(address);
    return { ...session, email: address, userId: invited.body.userId as string };
  }

  async function signIn(address: string) {
    const started = await http().post('/v1/partner/auth/sign-in').send({ email: address }).expect(202);
    const challenge = started.body.challenge as string;
    const checked = await http()
      .post('/v1/partner/auth/code')
      .send({ challenge, code: lastPartnerCode(sink, address) })
      .expect(200);
    expect(checked.body.next).toBe('totp-setup');
    const setup = await http().post('/v1/partner/auth/totp-setup').send({ challenge }).expect(200);
    expect(setup.body.qrSvg).toMatch(/^<svg/);
    expect(setup.body.uri).toContain(`secret=${setup.body.secret}`);
    const session = await http()
      .post('/v1/partner/auth/totp-setup/confirm')
      .send({ challenge, code: totpCode(setup.body.secret) })
      .expect(200);
    expect(session.body.recoveryCodes).toHaveLength(10);
    return {
      token: session.body.accessToken as string,
      secret: setup.body.secret as string,
      recoveryCodes: session.body.recoveryCodes as string[],
    };
  }

  beforeAll(async () => {
    app = await startCaseworkerApi();
    db = app.get(DataSource);
    sink = app.get(LocalSinkNotifier);
    await new PostgresDirectoryImportStore(db).upsert(parseHsdsDocument(seed));
    const sent = await sentReferrals();
    referralA = sent.get(ORG_A)!;
    referralB = sent.get(ORG_B)!;
    expect(referralA && referralB).toBeTruthy();
  });
  afterAll(async () => {
    await app.close();
  });

  it('lets only a Redress administrator invite, and refuses bad input with problem+json, writing nothing', async () => {
    const address = email('first');
    const path = `/v1/support-organisations/${ORG_A}/users`;
    const caseworker = testStaff('caseworker');
    expect(
      (
        await http()
          .post(path)
          .set('authorization', caseworker.authorization)
          .send({ email: address, role: 'administrator' })
      ).status,
    ).toBe(403);
    expect((await http().post(path).send({ email: address, role: 'administrator' })).status).toBe(401);
    for (const body of [{ email: 'not-an-email', role: 'administrator' }, { email: address, role: 'owner' }, {}]) {
      const response = await http().post(path).set('authorization', admin.authorization).send(body);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain(PROBLEM);
    }
    const unknown = await http()
      .post(`/v1/support-organisations/${randomUUID()}/users`)
      .set('authorization', admin.authorization)
      .send({ email: address, role: 'administrator' });
    expect(unknown.status).toBe(404);
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM partner_user`);
    expect(count).toBe(0);
    expect(sink.lastEmailTo(address)).toBeUndefined();

    await http()
      .post(path)
      .set('authorization', admin.authorization)
      .send({ email: address, role: 'administrator' })
      .expect(201);
    expect(sink.lastEmailTo(address)?.personalisation.url).toBe('http://localhost:3004');
    const again = await http()
      .post(path)
      .set('authorization', admin.authorization)
      .send({ email: address.toUpperCase(), role: 'caseworker' });
    expect(again.status).toBe(409);
    const [row] = await db.query(`SELECT email_encrypted, status FROM partner_user WHERE status = 'invited'`);
    expect(row.email_encrypted).not.toContain('@');
  });

  it('signs an administrator in with the emailed code and a TOTP set up on the way, scoped to their organisation', async () => {
    const { token, userId } = await signedInUser(ORG_A);
    const me = await http().get('/v1/partner/auth/me').set('authorization', bearer(token)).expect(200);
    expect(me.body).toMatchObject({
      id: userId,
      role: 'administrator',
      organisationId: ORG_A,
      organisationName: 'Harbourlight Victim Care',
    });

    const list = await http().get('/v1/partner/referrals').set('authorization', bearer(token)).expect(200);
    const listed = list.body.map((referral: { id: string }) => referral.id);
    expect(listed).toContain(referralA);
    expect(listed).not.toContain(referralB);
    await http().get(`/v1/partner/referrals/${referralA}`).set('authorization', bearer(token)).expect(200);
    const reads = await db.query(
      `SELECT actor_type, actor_id FROM audit_log WHERE action = 'referral.read' AND target_id = $1`,
      [referralA],
    );
    expect(reads).toContainEqual({ actor_type: 'partner', actor_id: userId });

    // Organisation B's referral is not found, and the attempt is audited against this user.
    const other = await http().get(`/v1/partner/referrals/${referralB}`).set('authorization', bearer(token));
    expect(other.status).toBe(404);
    expect(other.headers['content-type']).toContain(PROBLEM);
    const refused = await db.query(
      `SELECT details FROM audit_log WHERE action = 'referral.access-refused' AND target_id = $1 AND actor_id = $2`,
      [referralB, userId],
    );
    expect(refused[0].details).toMatchObject({ organisationId: ORG_A, reason: 'other-organisation' });
    expect(
      (await http().post(`/v1/partner/referrals/${referralB}/accept`).set('authorization', bearer(token)).send({}))
        .status,
    ).toBe(404);
  });

  it('lets an organisation administrator invite and remove colleagues; a removed user’s token stops at once', async () => {
    const administrator = await signedInUser(ORG_A);
    const colleague = email('colleague');
    const invited = await http()
      .post('/v1/partner/organisation/users')
      .set('authorization', bearer(administrator.token))
      .send({ email: colleague, role: 'caseworker' })
      .expect(201);
    for (const body of [{ email: 'nope', role: 'caseworker' }, { email: email('x'), role: 'owner' }, { email: 42 }]) {
      const bad = await http()
        .post('/v1/partner/organisation/users')
        .set('authorization', bearer(administrator.token))
        .send(body);
      expect(bad.status).toBe(400);
      expect(bad.headers['content-type']).toContain(PROBLEM);
    }
    const session = await signIn(colleague);
    await http().get('/v1/partner/referrals').set('authorization', bearer(session.token)).expect(200);
    // A caseworker is not an administrator.
    expect(
      (await http().get('/v1/partner/organisation/users').set('authorization', bearer(session.token))).status,
    ).toBe(403);
    // An API key is not a person either.
    const key = await new CreatePartnerCredential(
      new PostgresPartnerAccessStore(db, (manager, entry) => app.get(AuditLog).append(manager, entry)),
      new PartnerKeyHasher(DEVELOPMENT_PARTNER_KEY_PEPPER),
      new SystemClock(),
    ).execute({ organisationId: ORG_A, actor: { type: 'staff', id: 'test' } });
    expect((await http().get('/v1/partner/organisation/users').set('x-api-key', key.apiKey)).status).toBe(403);
    await http().get('/v1/partner/referrals').set('x-api-key', key.apiKey).expect(200);

    const users = await http()
      .get('/v1/partner/organisation/users')
      .set('authorization', bearer(administrator.token))
      .expect(200);
    expect(users.body).toContainEqual(
      expect.objectContaining({ id: invited.body.userId, email: colleague, status: 'active' }),
    );

    // Organisation B's administrator cannot remove A's user.
    const adminB = await signedInUser(ORG_B);
    expect(
      (
        await http()
          .delete(`/v1/partner/organisation/users/${invited.body.userId}`)
          .set('authorization', bearer(adminB.token))
      ).status,
    ).toBe(404);
    expect(
      (
        await http()
          .delete(`/v1/partner/organisation/users/${administrator.userId}`)
          .set('authorization', bearer(administrator.token))
      ).status,
    ).toBe(409);

    await http()
      .delete(`/v1/partner/organisation/users/${invited.body.userId}`)
      .set('authorization', bearer(administrator.token))
      .expect(204);
    expect((await http().get('/v1/partner/referrals').set('authorization', bearer(session.token))).status).toBe(401);
    // And they cannot start again.
    const retry = await http().post('/v1/partner/auth/sign-in').send({ email: colleague }).expect(202);
    expect(retry.body.challenge).toMatch(/^rpc_/);
    const before = sink.lastEmailTo(colleague);
    expect(before?.personalisation.code).toBeDefined();
    await http().post('/v1/partner/auth/sign-in').send({ email: colleague }).expect(202);
    expect(sink.lastEmailTo(colleague)).toBe(before);
  });

  it('locks sign-in for 15 minutes after five wrong codes or second factors', async () => {
    const user = await signedInUser(ORG_A, 'caseworker');
    const started = await http().post('/v1/partner/auth/sign-in').send({ email: user.email }).expect(202);
    const challenge = started.body.challenge;
    await http()
      .post('/v1/partner/auth/code')
      .send({ challenge, code: lastPartnerCode(sink, user.email) })
      .expect(200);
    const good = totpCode(user.secret);
    const wrong = good === '000000' ? '111111' : '000000';
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const response = await http()
        .post('/v1/partner/auth/second-factor')
        .send({ challenge, method: 'totp', code: wrong });
      expect([response.status, response.body]).toEqual([400, expect.objectContaining({})]);
      expect(response.body.code ?? response.body.type).toMatch(/code-invalid/);
    }
    const fifth = await http().post('/v1/partner/auth/second-factor').send({ challenge, method: 'totp', code: wrong });
    expect(fifth.status).toBe(429);
    expect(fifth.headers['content-type']).toContain(PROBLEM);
    // Even the right code is refused now, and no new code is emailed while locked.
    expect(
      (await http().post('/v1/partner/auth/second-factor').send({ challenge, method: 'totp', code: good })).status,
    ).toBe(429);
    const emailsBefore = sink.lastEmailTo(user.email);
    await http().post('/v1/partner/auth/sign-in').send({ email: user.email }).expect(202);
    expect(sink.lastEmailTo(user.email)).toBe(emailsBefore);
    const [row] = await db.query(`SELECT locked_until FROM partner_user WHERE id = $1`, [user.userId]);
    const minutes = (new Date(row.locked_until).getTime() - Date.now()) / 60000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    const locks = await db.query(
      `SELECT 1 FROM audit_log WHERE action = 'partner-user.sign-in-locked' AND target_id = $1`,
      [user.userId],
    );
    expect(locks).toHaveLength(1);

    // When the 15 minutes are over, sign-in works again (the lock is moved into the past rather than waited for).
    await db.query(`UPDATE partner_user SET locked_until = now() - interval '1 second' WHERE id = $1`, [user.userId]);
    const next = await http().post('/v1/partner/auth/sign-in').send({ email: user.email }).expect(202);
    await http()
      .post('/v1/partner/auth/code')
      .send({ challenge: next.body.challenge, code: lastPartnerCode(sink, user.email) })
      .expect(200);
    // The next step's code: the set-up just used this step's, and each step works once.
    const code = totpCode(user.secret, 1);
    await http()
      .post('/v1/partner/auth/second-factor')
      .send({ challenge: next.body.challenge, method: 'totp', code })
      .expect(200);

    // The same code again (replayed, or seen over a shoulder) is a wrong answer.
    const again = await http().post('/v1/partner/auth/sign-in').send({ email: user.email }).expect(202);
    await http()
      .post('/v1/partner/auth/code')
      .send({ challenge: again.body.challenge, code: lastPartnerCode(sink, user.email) })
      .expect(200);
    const replay = await http()
      .post('/v1/partner/auth/second-factor')
      .send({ challenge: again.body.challenge, method: 'totp', code });
    expect(replay.status).toBe(400);
    expect(replay.body.code).toBe('partner-auth.code-invalid');
  });

  it('locks after five wrong emailed codes too', async () => {
    const user = await signedInUser(ORG_A, 'caseworker');
    const started = await http().post('/v1/partner/auth/sign-in').send({ email: user.email }).expect(202);
    const right = lastPartnerCode(sink, user.email);
    const wrong = right === '999999' ? '888888' : '999999';
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      statuses.push(
        (await http().post('/v1/partner/auth/code').send({ challenge: started.body.challenge, code: wrong })).status,
      );
    }
    expect(statuses).toEqual([400, 400, 400, 400, 429]);
    expect(
      (await http().post('/v1/partner/auth/code').send({ challenge: started.body.challenge, code: right })).status,
    ).toBe(429);
  });

  it('takes each recovery code once', async () => {
    const user = await signedInUser(ORG_A, 'caseworker');
    const [first] = user.recoveryCodes;
    for (const expected of [200, 400]) {
      const started = await http().post('/v1/partner/auth/sign-in').send({ email: user.email }).expect(202);
      await http()
        .post('/v1/partner/auth/code')
        .send({ challenge: started.body.challenge, code: lastPartnerCode(sink, user.email) })
        .expect(200);
      const response = await http()
        .post('/v1/partner/auth/second-factor')
        .send({ challenge: started.body.challenge, method: 'recovery-code', code: first });
      expect(response.status).toBe(expected);
      if (expected === 200) expect(response.body).toMatchObject({ recoveryCodesLeft: 9 });
    }
  });

  it('refuses steps out of order and malformed input with problem+json', async () => {
    const user = await signedInUser(ORG_A, 'caseworker');
    const started = await http().post('/v1/partner/auth/sign-in').send({ email: user.email }).expect(202);
    const challenge = started.body.challenge;
    // The second factor before the emailed code.
    const early = await http()
      .post('/v1/partner/auth/second-factor')
      .send({ challenge, method: 'totp', code: totpCode(user.secret) });
    expect(early.status).toBe(409);
    for (const [path, body] of [
      ['/v1/partner/auth/sign-in', {}],
      ['/v1/partner/auth/sign-in', { email: ['a@b.c'] }],
      ['/v1/partner/auth/code', { challenge: 'nope', code: '123456' }],
      ['/v1/partner/auth/code', { challenge, code: '12345x' }],
      ['/v1/partner/auth/second-factor', { challenge, method: 'sms', code: '123456' }],
    ] as const) {
      const response = await http().post(path).send(body);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain(PROBLEM);
    }
    // An unknown challenge (no code was sent) is just a wrong code.
    const unknown = await http()
      .post('/v1/partner/auth/code')
      .send({ challenge: `rpc_${'A'.repeat(43)}`, code: '123456' });
    expect(unknown.status).toBe(400);
    // Sign-out ends the token at once.
    await http().post('/v1/partner/auth/sign-out').set('authorization', bearer(user.token)).expect(204);
    expect((await http().get('/v1/partner/referrals').set('authorization', bearer(user.token))).status).toBe(401);
  });

  it('lets a user keep their organisation’s directory entry: dated, attributed, scoped, and newer than an older import', async () => {
    const user = await signedInUser(ORG_A, 'caseworker');
    const auth = bearer(user.token);
    const services = await http().get('/v1/partner/organisation/services').set('authorization', auth).expect(200);
    expect(services.body.length).toBeGreaterThan(0);
    const service = services.body[0];
    expect(service.acceptingReferrals).toBe(true);
    const path = `/v1/partner/organisation/services/${service.id}`;
    const before = await db.query('SELECT * FROM directory_service WHERE id = $1', [service.id]);

    // Bad input: problem+json, nothing changed.
    for (const body of [
      { acceptingReferrals: 'no' },
      { minimumAge: -1 },
      { email: 'not-an-email' },
      { areas: [{ areaType: 'planet', code: 'E09000007', name: 'Camden' }] },
      { name: 'A new name' },
      { minimumAge: 40, maximumAge: 18 },
    ]) {
      const response = await http().patch(path).set('authorization', auth).send(body);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain(PROBLEM);
    }
    expect(await db.query('SELECT * FROM directory_service WHERE id = $1', [service.id])).toEqual(before);

    // Organisation B cannot read or change it: 404, and the attempt is audited.
    const other = await signedInUser(ORG_B, 'caseworker');
    for (const call of [
      http().get(path).set('authorization', bearer(other.token)),
      http().patch(path).set('authorization', bearer(other.token)).send({ acceptingReferrals: false }),
    ]) {
      const response = await call;
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toContain(PROBLEM);
    }
    const refused = await db.query(
      `SELECT details FROM audit_log WHERE action = 'support-directory.access-refused' AND target_id = $1 AND actor_id = $2`,
      [service.id, other.userId],
    );
    expect(refused).toHaveLength(2);
    expect(refused[0].details).toMatchObject({ organisationId: ORG_B, reason: 'other-organisation' });

    const updated = await http()
      .patch(path)
      .set('authorization', auth)
      .send({ acceptingReferrals: false, description: 'Full until January.', minimumAge: 16 })
      .expect(200);
    expect(updated.body).toMatchObject({
      acceptingReferrals: false,
      description: 'Full until January.',
      minimumAge: 16,
    });
    const shown = await http().get(path).set('authorization', auth).expect(200);
    expect(shown.body.history[0]).toMatchObject({ byType: 'partner', byId: user.userId });
    expect(shown.body.history[0].fields.sort()).toEqual(['acceptingReferrals', 'description', 'minimumAge']);

    // An import of the same record made before the edit leaves it as the organisation set it; a newer one wins.
    const store = new PostgresDirectoryImportStore(db);
    const earlier = await store.upsert(parseHsdsDocument(seed), { recordsAsOf: new Date(Date.now() - 60_000) });
    expect(earlier.keptPortalEdits).toBe(1);
    const [kept] = await db.query('SELECT accepting_referrals, description FROM directory_service WHERE id = $1', [
      service.id,
    ]);
    expect(kept).toEqual({ accepting_referrals: false, description: 'Full until January.' });
    const later = await store.upsert(parseHsdsDocument(seed), { recordsAsOf: new Date(Date.now() + 60_000) });
    expect(later.keptPortalEdits).toBe(0);
    const [replaced] = await db.query('SELECT accepting_referrals FROM directory_service WHERE id = $1', [service.id]);
    expect(replaced.accepting_referrals).toBe(true);
  });

  it('lets an administrator issue a key shown once, revoke keys, set the webhook and see the figures', async () => {
    const administrator = await signedInUser(ORG_B);
    const caseworker = await signedInUser(ORG_B, 'caseworker');
    const auth = bearer(administrator.token);
    for (const [method, path] of [
      ['get', '/v1/partner/organisation/figures'],
      ['post', '/v1/partner/organisation/api-keys'],
      ['post', '/v1/partner/organisation/api-keys/revocation'],
      ['put', '/v1/partner/organisation/webhook'],
    ] as const) {
      expect((await http()[method](path).set('authorization', bearer(caseworker.token)).send({})).status).toBe(403);
    }
    const issued = await http().post('/v1/partner/organisation/api-keys').set('authorization', auth).expect(201);
    expect(issued.body.apiKey).toMatch(/^rpk_/);
    await http().get('/v1/partner/referrals').set('x-api-key', issued.body.apiKey).expect(200);
    const [stored] = await db.query('SELECT secret_hash FROM partner_credential WHERE key_id = $1', [
      issued.body.keyId,
    ]);
    expect(stored.secret_hash).not.toContain(issued.body.apiKey.split('.')[1]);
    await http().post('/v1/partner/organisation/api-keys/revocation').set('authorization', auth).expect(200);
    expect((await http().get('/v1/partner/referrals').set('x-api-key', issued.body.apiKey)).status).toBe(401);

    for (const body of [{ url: 'http://cases.example.org/hook' }, { url: 'not a url' }, {}]) {
      const bad = await http().put('/v1/partner/organisation/webhook').set('authorization', auth).send(body);
      expect(bad.status).toBe(400);
      expect(bad.headers['content-type']).toContain(PROBLEM);
    }
    expect(await db.query('SELECT 1 FROM partner_webhook_endpoint WHERE organization_id = $1', [ORG_B])).toHaveLength(
      0,
    );
    const hook = await http()
      .put('/v1/partner/organisation/webhook')
      .set('authorization', auth)
      .send({ url: 'https://cases.example.org/hook' })
      .expect(200);
    expect(hook.body.signingSecret).toMatch(/^whsec_/);

    const figures = await http().get('/v1/partner/organisation/figures').set('authorization', auth).expect(200);
    expect(figures.body.received).toBeGreaterThanOrEqual(1);
    expect(figures.body).toHaveProperty('accepted');
    expect(figures.body).toHaveProperty('medianHoursToFirstContact');
  });
});
