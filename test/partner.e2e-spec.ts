import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  ConfigurePartnerWebhook,
  CreatePartnerCredential,
  DeliverReferralWebhook,
  FixedClock,
  GiveConsent,
  parseHsdsDocument,
  PartnerKeyHasher,
  ProposeReferrals,
  RevokePartnerCredentials,
  RotatePartnerCredentials,
  SendReferral,
  SystemClock,
  WebhookNotDeliveredError,
  WithdrawConsent,
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
import { AuditLog, FieldCipher } from '@redress/platform';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEVELOPMENT_PARTNER_KEY_PEPPER } from '../apps/caseworker-api/src/config.js';
import { FetchWebhookSender } from '../apps/worker/src/handlers/referrals-providers.js';

// The suite's webhook receiver listens on 127.0.0.1: allowed explicitly, as in development.
const localReceiver = { production: false, allowPrivateAddresses: true };
import { startCaseworkerApi } from './support/caseworker-api.js';

const seed = JSON.parse(readFileSync('data/directory/seed-directory.json', 'utf8'));
const org = (name: string): string => seed.organizations.find((o: { name: string }) => o.name === name).id;
const ORG_A = org('Harbourlight Victim Care');
const ORG_B = org('Kestrel Legal Advice Clinic');
const actor = { type: 'staff' as const, id: 'test-admin' };

/**
 * Verifies a Redress webhook exactly as docs/referrals.md tells a partner to: split the header, HMAC-SHA256 of
 * `t + "." + raw body` under the secret, constant-time compare with any v1, and a 5-minute tolerance.
 */
/** What a partner does with the Standard Webhooks library: true when one of the signatures is their secret's. */
function partnerVerifies(
  rawBody: string,
  headers: Record<string, string | string[] | undefined>,
  secret: string,
): boolean {
  try {
    new Webhook(secret).verify(rawBody, {
      'webhook-id': String(headers['webhook-id']),
      'webhook-timestamp': String(headers['webhook-timestamp']),
      'webhook-signature': String(headers['webhook-signature']),
    });
    return true;
  } catch (error) {
    if (error instanceof WebhookVerificationError) return false;
    throw error;
  }
}

describe('partner API and webhooks', () => {
  let app: NestFastifyApplication;
  let dataSource: DataSource;
  let encryption: FieldEncryption;
  let keyA: string;
  let keyB: string;
  let referralA: string;
  let referralB: string;
  let citizenId: string;
  const received: Array<{ headers: Record<string, string | string[] | undefined>; body: string }> = [];
  let answerWith = 200;
  let hook: Server;
  let hookUrl: string;

  const http = () => request(app.getHttpServer());
  const hasher = new PartnerKeyHasher(DEVELOPMENT_PARTNER_KEY_PEPPER);
  const settings: ReferralSettings = {
    clocks: defaultReferralClockSettings,
    calendar: englandAndWalesWorkingDays,
    proposals: 3,
  };
  const audit = () => (manager: Parameters<AuditLog['append']>[0], entry: Parameters<AuditLog['append']>[1]) =>
    app.get(AuditLog).append(manager, entry);
  const referralStore = () => new PostgresReferralStore(dataSource, audit());
  const partnerStore = () => new PostgresPartnerAccessStore(dataSource, audit());
  const statusOf = async (id: string) =>
    (await dataSource.query<Array<{ status: string }>>('SELECT status FROM referral WHERE id = $1', [id]))[0]!.status;

  async function newCitizen(): Promise<string> {
    const id = randomUUID();
    await dataSource.query('INSERT INTO citizen_account (id, email_blind_index, email_encrypted) VALUES ($1, $2, $3)', [
      id,
      `index-${id}`,
      'encrypted',
    ]);
    return id;
  }

  const robin = {
    name: 'Robin',
    email: null as string | null,
    phone: '07700 900123',
    channels: ['text', 'phone'] as Array<'email' | 'phone' | 'text'>,
    safeTimes: 'Weekdays 10am to 2pm',
    voicemailOk: false,
    codeWord: 'lark',
  };

  async function sentReferrals(forCitizen: string, contact = robin): Promise<Map<string, string>> {
    const clock = new SystemClock();
    const { referralIds } = await new ProposeReferrals(
      referralStore(),
      new PostgresSupportDirectory(dataSource),
      encryption,
      settings,
      clock,
    ).execute({
      citizenId: forCitizen,
      claimId: null,
      needs: ['emotional-support', 'legal-help'],
      circumstances: [],
      age: 40,
      postcode: null,
      localAuthorityCode: 'E09000007',
      contact,
      summary: 'Text before calling.',
    });
    const byOrganisation = new Map<string, string>();
    for (const id of referralIds) {
      await new GiveConsent(referralStore(), settings, clock).execute({
        citizenId: forCitizen,
        referralId: id,
        wordingVersion: currentConsentWording['support-referral'].version,
      });
      await new SendReferral(referralStore(), settings, clock).execute({ referralId: id });
      const [row] = await dataSource.query('SELECT organization_id FROM referral WHERE id = $1', [id]);
      byOrganisation.set(row.organization_id, id);
    }
    return byOrganisation;
  }

  beforeAll(async () => {
    hook = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.statusCode = answerWith;
        res.end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;

    app = await startCaseworkerApi();
    dataSource = app.get(DataSource);
    encryption = app.get<FieldCipher, FieldEncryption>(FieldCipher);
    await new PostgresDirectoryImportStore(dataSource).upsert(parseHsdsDocument(seed));
    const create = new CreatePartnerCredential(partnerStore(), hasher, new SystemClock());
    keyA = (await create.execute({ organisationId: ORG_A, actor })).apiKey;
    keyB = (await create.execute({ organisationId: ORG_B, actor })).apiKey;
    citizenId = await newCitizen();
    const sent = await sentReferrals(citizenId);
    referralA = sent.get(ORG_A)!;
    referralB = sent.get(ORG_B)!;
    expect(referralA && referralB).toBeTruthy();
  });
  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => hook.close(resolve));
  });

  describe('authentication', () => {
    it('refuses no key, a malformed key, a wrong secret, and a revoked key with 401 problem+json', async () => {
      const wrongSecret = `${keyA.split('.')[0]}.${'A'.repeat(43)}`;
      for (const header of [undefined, 'Bearer nonsense', `Bearer ${wrongSecret}`]) {
        const call = http().get('/v1/partner/referrals');
        const response = await (header ? call.set('authorization', header) : call);
        expect(response.status).toBe(401);
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
      const store = partnerStore();
      const other = await new CreatePartnerCredential(store, hasher, new SystemClock()).execute({
        organisationId: ORG_B,
        actor,
      });
      // A staff token is not a partner key either.
      expect((await http().get('/v1/partner/referrals').set('authorization', 'Bearer eyJhbGciOi.x.y')).status).toBe(
        401,
      );
      await http().get('/v1/partner/referrals').set('x-api-key', other.apiKey).expect(200);
      await new RevokePartnerCredentials(store, new SystemClock()).execute({ organisationId: ORG_B, actor });
      expect((await http().get('/v1/partner/referrals').set('x-api-key', other.apiKey)).status).toBe(401);
      // Revocation took every key of organisation B, so give it a fresh one.
      keyB = (
        await new CreatePartnerCredential(store, hasher, new SystemClock()).execute({ organisationId: ORG_B, actor })
      ).apiKey;
    });

    it('lets a rotated key work through its grace period and not after', async () => {
      const store = partnerStore();
      const clock = new SystemClock();
      const create = new CreatePartnerCredential(store, hasher, clock);
      const first = await create.execute({ organisationId: ORG_A, actor });
      const rotated = await new RotatePartnerCredentials(create, store, clock, 60_000).execute({
        organisationId: ORG_A,
        actor,
      });
      await http().get('/v1/partner/referrals').set('x-api-key', first.apiKey).expect(200);
      await http().get('/v1/partner/referrals').set('x-api-key', rotated.apiKey).expect(200);
      await dataSource.query(
        `UPDATE partner_credential SET expires_at = now() - interval '1 second' WHERE key_id = $1`,
        [first.keyId],
      );
      expect((await http().get('/v1/partner/referrals').set('x-api-key', first.apiKey)).status).toBe(401);
      // keyA was rotated out too: use the new one from here on.
      keyA = rotated.apiKey;
    });
  });

  describe('organisation scoping', () => {
    it('lists only the calling organisation’s referrals', async () => {
      const a = await http().get('/v1/partner/referrals').set('authorization', `Bearer ${keyA}`).expect(200);
      // Other suites send referrals to the same seed organisations, so look at these two only.
      const idsA = a.body.map((r: { id: string }) => r.id);
      expect(idsA).toContain(referralA);
      expect(idsA).not.toContain(referralB);
      const b = await http().get('/v1/partner/referrals').set('x-api-key', keyB).expect(200);
      const idsB = b.body.map((r: { id: string }) => r.id);
      expect(idsB).toContain(referralB);
      expect(idsB).not.toContain(referralA);
    });

    it('shows the minimum data: safe contact, needs and summary; never the claim, circumstances, age or place', async () => {
      const response = await http().get(`/v1/partner/referrals/${referralA}`).set('x-api-key', keyA).expect(200);
      expect(response.body.person).toEqual({
        contact: {
          name: 'Robin',
          email: null,
          phone: '07700 900123',
          channels: ['text', 'phone'],
          safeTimes: 'Weekdays 10am to 2pm',
          voicemailOk: false,
          codeWord: 'lark',
        },
        needs: ['emotional-support', 'legal-help'],
        summary: 'Text before calling.',
      });
      const text = JSON.stringify(response.body);
      for (const hidden of ['claim', 'circumstances', 'age', 'E09000007', 'citizen'])
        expect(text).not.toContain(hidden);
    });

    it.each([
      ['GET', ''],
      ['POST', '/acknowledge'],
      ['POST', '/accept'],
      ['POST', '/decline'],
      ['POST', '/updates'],
      ['POST', '/close'],
    ])('answers 404 to organisation A for B’s referral (%s %s), and changes nothing', async (method, path) => {
      const url = `/v1/partner/referrals/${referralB}${path}`;
      const call = method === 'GET' ? http().get(url) : http().post(url);
      const body = path === '/decline' ? { reason: 'other' } : path === '/close' ? { outcome: 'support-given' } : {};
      const response = await (method === 'GET' ? call : call.send(body)).set('x-api-key', keyA);
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ status: 404, code: 'referrals.not-found' });
      expect(await statusOf(referralB)).toBe('sent');
    });
  });

  describe('bad input', () => {
    it.each([
      ['decline', { reason: 'bored' }],
      ['decline', {}],
      ['decline', { reason: 'other', note: 'x'.repeat(1001) }],
      ['decline', { reason: 'other', extra: true }],
      ['close', { outcome: 'great' }],
      ['close', {}],
      ['updates', { note: 42 }],
      ['acknowledge', { status: 'accepted' }],
      ['accept', { anything: 1 }],
    ])('answers 400 problem+json to %s with %j, and changes nothing', async (action, body) => {
      const response = await http()
        .post(`/v1/partner/referrals/${referralA}/${action}`)
        .set('x-api-key', keyA)
        .send(body);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(await statusOf(referralA)).toBe('sent');
      expect(
        Number(
          (
            await dataSource.query(
              `SELECT count(*) AS n FROM referral_event WHERE referral_id = $1 AND actor_type = 'partner'`,
              [referralA],
            )
          )[0].n,
        ),
      ).toBe(0);
    });

    it('answers 400 for an id that is not a UUID and for a bad limit', async () => {
      expect((await http().get('/v1/partner/referrals/123').set('x-api-key', keyA)).status).toBe(400);
      expect((await http().post('/v1/partner/referrals/123/accept').set('x-api-key', keyA).send({})).status).toBe(400);
      expect((await http().get('/v1/partner/referrals?limit=0').set('x-api-key', keyA)).status).toBe(400);
      expect((await http().get('/v1/partner/referrals?limit=abc').set('x-api-key', keyA)).status).toBe(400);
    });
  });

  describe('the lifecycle through the API', () => {
    it('acknowledges, accepts, updates and closes with an outcome; refuses an illegal move with 409', async () => {
      const post = (action: string, body: object = {}) =>
        http().post(`/v1/partner/referrals/${referralA}/${action}`).set('x-api-key', keyA).send(body);
      expect((await post('acknowledge')).body).toEqual({ id: referralA, status: 'acknowledged' });
      expect((await post('acknowledge')).status).toBe(409);
      expect((await post('accept')).body.status).toBe('accepted');
      expect((await post('updates', { note: 'First session booked.' })).body.status).toBe('in_progress');
      expect((await post('updates', {})).body.status).toBe('in_progress');
      expect((await post('close', { outcome: 'support-given', note: 'Finished.' })).body.status).toBe('closed');
      const after = await post('decline', { reason: 'other' });
      expect(after.status).toBe(409);
      expect(after.body.code).toBe('referrals.illegal-transition');
      const events = await dataSource.query(
        `SELECT type, note_encrypted FROM referral_event WHERE referral_id = $1 AND actor_type = 'partner' ORDER BY occurred_at, type`,
        [referralA],
      );
      expect(events.map((e: { type: string }) => e.type)).toEqual(
        expect.arrayContaining([
          'referral.acknowledged',
          'referral.accepted',
          'referral.started',
          'referral.updated',
          'referral.closed',
        ]),
      );
      // Notes are personal data: stored encrypted.
      expect(JSON.stringify(events)).not.toContain('First session booked');
    });

    it('records a decline with its reason code', async () => {
      const response = await http()
        .post(`/v1/partner/referrals/${referralB}/decline`)
        .set('x-api-key', keyB)
        .send({ reason: 'no-capacity', note: 'Full until March.' });
      expect(response.body).toEqual({ id: referralB, status: 'declined' });
      const [row] = await dataSource.query('SELECT decline_reason FROM referral WHERE id = $1', [referralB]);
      expect(row.decline_reason).toBe('no-capacity');
    });
  });

  describe('the access log', () => {
    // A person of their own, with an email and a phone, to show that none of it reaches the audit log.
    const named: typeof robin = {
      ...robin,
      name: 'Rowan Audit',
      email: 'rowan.audit@example.test',
      channels: ['email', 'text'],
    };
    const personal = [named.name, 'Rowan', named.email, named.phone, named.codeWord, named.safeTimes, 'Text before'];
    let person: string;
    let sentToA: string;
    let sentToB: string;

    type AuditRow = {
      sequence: string;
      actor_type: string;
      actor_id: string | null;
      action: string;
      target_type: string;
      target_id: string | null;
      details: Record<string, unknown>;
    };
    const credentialOf = async (key: string) =>
      (
        await dataSource.query<Array<{ id: string }>>('SELECT id FROM partner_credential WHERE key_id = $1', [
          key.split('.')[0],
        ])
      )[0]!.id;
    const entries = async (action: string, where: string, parameters: unknown[]) =>
      dataSource.query<AuditRow[]>(
        `SELECT sequence, actor_type, actor_id, action, target_type, target_id, details FROM audit_log
          WHERE action = $1 AND ${where} ORDER BY sequence`,
        [action, ...parameters],
      );
    const expectNoPersonalData = (rows: AuditRow[]) => {
      const text = JSON.stringify(rows);
      for (const value of personal) expect(text).not.toContain(value);
    };

    beforeAll(async () => {
      person = await newCitizen();
      const sent = await sentReferrals(person, named);
      sentToA = sent.get(ORG_A)!;
      sentToB = sent.get(ORG_B)!;
      expect(sentToA && sentToB).toBeTruthy();
    });

    it('writes referral.read for one referral: the partner key, its organisation and the view, ids only', async () => {
      const credential = await credentialOf(keyA);
      expect(await entries('referral.read', 'target_id = $2', [sentToA])).toEqual([]);
      const response = await http().get(`/v1/partner/referrals/${sentToA}`).set('x-api-key', keyA).expect(200);
      // The read returned the person's details...
      expect(response.body.person.contact).toMatchObject({ name: named.name, email: named.email });
      // ...and was written to the audit log, once, by this key of organisation A, without any of them.
      const reads = await entries('referral.read', 'target_id = $2', [sentToA]);
      expect(reads).toEqual([
        {
          sequence: expect.any(String),
          actor_type: 'partner',
          actor_id: credential,
          action: 'referral.read',
          target_type: 'referral',
          target_id: sentToA,
          details: { view: 'referral', organisationId: ORG_A },
        },
      ]);
      expectNoPersonalData(reads);
      await http().get(`/v1/partner/referrals/${sentToA}`).set('authorization', `Bearer ${keyA}`).expect(200);
      expect(await entries('referral.read', 'target_id = $2', [sentToA])).toHaveLength(2);
    });

    it('writes one referral.read for the list, with how many referrals it returned and their ids', async () => {
      const credential = await credentialOf(keyB);
      const listsBefore = await entries('referral.read', `actor_id = $2 AND details->>'view' = 'list'`, [credential]);
      const response = await http().get('/v1/partner/referrals?limit=500').set('x-api-key', keyB).expect(200);
      const ids = response.body.map((referral: { id: string }) => referral.id);
      expect(ids).toContain(sentToB);
      expect(JSON.stringify(response.body)).toContain(named.email);
      const lists = await entries('referral.read', `actor_id = $2 AND details->>'view' = 'list'`, [credential]);
      expect(lists).toHaveLength(listsBefore.length + 1);
      const entry = lists.at(-1)!;
      expect(entry).toMatchObject({ actor_type: 'partner', actor_id: credential, target_type: 'referral' });
      expect(entry.target_id).toBeNull();
      expect(entry.details).toEqual({ view: 'list', organisationId: ORG_B, count: ids.length, referralIds: ids });
      expectNoPersonalData(lists);
      // A list that returns nothing is a read too.
      const empty = await http().get('/v1/partner/referrals?limit=1').set('x-api-key', keyB).expect(200);
      const after = await entries('referral.read', `actor_id = $2 AND details->>'view' = 'list'`, [credential]);
      expect(after).toHaveLength(lists.length + 1);
      expect(after.at(-1)!.details).toMatchObject({ count: empty.body.length });
    });

    it('logs a refused read (another organisation’s, none at all, consent withdrawn) and still answers the same 404', async () => {
      const credential = await credentialOf(keyA);
      const missing = randomUUID();
      const problem = (body: Record<string, unknown>) => ({
        status: body.status,
        code: body.code,
        title: body.title,
        detail: body.detail,
      });
      const otherOrganisation = await http().get(`/v1/partner/referrals/${sentToB}`).set('x-api-key', keyA);
      const none = await http().get(`/v1/partner/referrals/${missing}`).set('x-api-key', keyA);
      for (const response of [otherOrganisation, none]) {
        expect(response.status).toBe(404);
        expect(response.body).toMatchObject({ status: 404, code: 'referrals.not-found' });
      }
      expect(problem(otherOrganisation.body)).toEqual(problem(none.body));

      await new WithdrawConsent(referralStore(), new SystemClock()).execute({
        citizenId: person,
        organisationId: ORG_A,
      });
      const withdrawn = await http().get(`/v1/partner/referrals/${sentToA}`).set('x-api-key', keyA);
      expect(withdrawn.status).toBe(404);
      expect(problem(withdrawn.body)).toEqual(problem(none.body));

      const refused = await entries('referral.access-refused', 'actor_id = $2 AND target_id = ANY($3)', [
        credential,
        [sentToB, missing, sentToA],
      ]);
      expect(
        refused.map(({ actor_type, target_type, target_id, details }) => ({
          actor_type,
          target_type,
          target_id,
          details,
        })),
      ).toEqual([
        {
          actor_type: 'partner',
          target_type: 'referral',
          target_id: sentToB,
          details: { view: 'referral', organisationId: ORG_A, reason: 'other-organisation' },
        },
        {
          actor_type: 'partner',
          target_type: 'referral',
          target_id: missing,
          details: { view: 'referral', organisationId: ORG_A, reason: 'no-such-referral' },
        },
        {
          actor_type: 'partner',
          target_type: 'referral',
          target_id: sentToA,
          details: { view: 'referral', organisationId: ORG_A, reason: 'consent-withdrawn' },
        },
      ]);
      expectNoPersonalData(refused);
      // A refused read is not a read: organisation A never read B's referral, nor A's after the withdrawal.
      expect(await entries('referral.read', 'actor_id = $2 AND target_id = $3', [credential, sentToB])).toEqual([]);
      expect(await entries('referral.read', 'target_id = $2', [sentToA])).toHaveLength(2);
    });
  });

  describe('consent withdrawn', () => {
    it('removes the organisation’s access at once and pushes a signed withdrawal webhook', async () => {
      const other = await newCitizen();
      await new ConfigurePartnerWebhook(partnerStore(), encryption, new SystemClock(), 3_600_000).execute({
        organisationId: ORG_A,
        url: hookUrl,
        actor,
      });
      const sent = await sentReferrals(other);
      const id = sent.get(ORG_A)!;
      await http().get(`/v1/partner/referrals/${id}`).set('x-api-key', keyA).expect(200);

      await new WithdrawConsent(referralStore(), new SystemClock()).execute({
        citizenId: other,
        organisationId: ORG_A,
      });

      expect((await http().get(`/v1/partner/referrals/${id}`).set('x-api-key', keyA)).status).toBe(404);
      expect(
        (await http().post(`/v1/partner/referrals/${id}/acknowledge`).set('x-api-key', keyA).send({})).status,
      ).toBe(404);
      const list = await http().get('/v1/partner/referrals').set('x-api-key', keyA).expect(200);
      expect(list.body.map((r: { id: string }) => r.id)).not.toContain(id);
      // Organisation B keeps its own referral from the same person.
      await http()
        .get(`/v1/partner/referrals/${sent.get(ORG_B)!}`)
        .set('x-api-key', keyB)
        .expect(200);

      const deliveries = await dataSource.query(
        `SELECT d.id, d.event_type, o.job_name FROM referral_webhook_delivery d JOIN outbox_message o ON o.id = d.id
         WHERE d.referral_id = $1 ORDER BY d.created_at`,
        [id],
      );
      expect(deliveries.map((d: { event_type: string }) => d.event_type)).toEqual([
        'referral.sent',
        'referral.withdrawn',
      ]);
      expect(deliveries.every((d: { job_name: string }) => d.job_name === 'referrals.deliver-webhook')).toBe(true);

      const deliver = new DeliverReferralWebhook(
        partnerStore(),
        new FetchWebhookSender(localReceiver),
        encryption,
        new SystemClock(),
      );
      received.length = 0;
      expect(await deliver.execute({ deliveryId: deliveries[1].id, lastAttempt: false })).toBe('delivered');
      expect(await deliver.execute({ deliveryId: deliveries[1].id, lastAttempt: false })).toBe('nothing-to-do');
      expect(received).toHaveLength(1);
      const body = JSON.parse(received[0]!.body);
      expect(body).toMatchObject({
        id: deliveries[1].id,
        type: 'referral.withdrawn',
        data: { referralId: id, organisationId: ORG_A },
      });
      expect(received[0]!.headers['webhook-id']).toBe(deliveries[1].id);
    });
  });

  describe('webhook signatures', () => {
    async function freshDelivery(): Promise<string> {
      const other = await newCitizen();
      const sent = await sentReferrals(other);
      const [row] = await dataSource.query(
        `SELECT id FROM referral_webhook_delivery WHERE referral_id = $1 AND event_type = 'referral.sent'`,
        [sent.get(ORG_A)],
      );
      return row.id;
    }

    it('verifies with the standardwebhooks library, with both secrets during a rotation, and fails with a wrong secret', async () => {
      // A new secret with no grace period: only it signs.
      const { signingSecret: oldSecret } = await new ConfigurePartnerWebhook(
        partnerStore(),
        encryption,
        new SystemClock(),
        0,
      ).execute({
        organisationId: ORG_A,
        url: hookUrl,
        actor,
      });
      const configure = new ConfigurePartnerWebhook(partnerStore(), encryption, new SystemClock(), 3_600_000);
      const deliver = new DeliverReferralWebhook(
        partnerStore(),
        new FetchWebhookSender(localReceiver),
        encryption,
        new SystemClock(),
      );

      received.length = 0;
      await deliver.execute({ deliveryId: await freshDelivery(), lastAttempt: false });
      const single = received[0]!;
      expect(oldSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(single.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
      expect(single.headers['webhook-id']).toEqual(JSON.parse(single.body).id);
      expect(Math.abs(Number(single.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
      expect(partnerVerifies(single.body, single.headers, oldSecret)).toBe(true);
      expect(partnerVerifies(single.body, single.headers, `whsec_${randomBytes(32).toString('base64')}`)).toBe(false);
      expect(partnerVerifies(`${single.body} `, single.headers, oldSecret)).toBe(false);
      // A replay under another id, or at another time, does not verify either.
      expect(partnerVerifies(single.body, { ...single.headers, 'webhook-id': randomUUID() }, oldSecret)).toBe(false);
      const earlier = String(Number(single.headers['webhook-timestamp']) - 1);
      expect(partnerVerifies(single.body, { ...single.headers, 'webhook-timestamp': earlier }, oldSecret)).toBe(false);

      const { signingSecret: newSecret } = await configure.execute({ organisationId: ORG_A, url: hookUrl, actor });
      received.length = 0;
      await deliver.execute({ deliveryId: await freshDelivery(), lastAttempt: false });
      const rotated = received[0]!;
      expect(rotated.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}= v1,[A-Za-z0-9+/]{43}=$/);
      expect(partnerVerifies(rotated.body, rotated.headers, newSecret)).toBe(true);
      expect(partnerVerifies(rotated.body, rotated.headers, oldSecret)).toBe(true);
      // The signing secret is stored encrypted, never in clear.
      const [endpoint] = await dataSource.query('SELECT * FROM partner_webhook_endpoint WHERE organization_id = $1', [
        ORG_A,
      ]);
      expect(JSON.stringify(endpoint)).not.toContain(newSecret);
    });

    it('retries a failing endpoint within 24 hours, then leaves the delivery visible as failed', async () => {
      const deliveryId = await freshDelivery();
      answerWith = 503;
      try {
        const start = new FixedClock(new Date());
        const deliver = new DeliverReferralWebhook(
          partnerStore(),
          new FetchWebhookSender(localReceiver),
          encryption,
          start,
        );
        await expect(deliver.execute({ deliveryId, lastAttempt: false })).rejects.toBeInstanceOf(
          WebhookNotDeliveredError,
        );
        start.advance(12 * 3600 * 1000);
        await expect(deliver.execute({ deliveryId, lastAttempt: false })).rejects.toBeInstanceOf(
          WebhookNotDeliveredError,
        );
        start.advance(12 * 3600 * 1000);
        expect(await deliver.execute({ deliveryId, lastAttempt: false })).toBe('failed');
        const [row] = await dataSource.query('SELECT * FROM referral_webhook_delivery WHERE id = $1', [deliveryId]);
        expect(row).toMatchObject({ status: 'failed', attempts: 3, last_status_code: 503 });
        expect(await deliver.execute({ deliveryId, lastAttempt: false })).toBe('nothing-to-do');
      } finally {
        answerWith = 200;
      }
    });
  });
});
