import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  ConfigurePartnerWebhook,
  CreatePartnerCredential,
  parseHsdsDocument,
  PartnerKeyHasher,
  ProposeReferrals,
  SendReferral,
  SystemClock,
  type ReferralProfile,
  type ReferralSettings,
} from '@redress/application';
import {
  calendarDateInUk,
  currentConsentWording,
  defaultReferralClockSettings,
  englandAndWalesWorkingDays,
} from '@redress/domain';
import {
  PostgresClaimSupportAnswers,
  PostgresDirectoryImportStore,
  PostgresPartnerAccessStore,
  PostgresReferralStore,
  PostgresSupportDirectory,
} from '@redress/persistence';
import { AuditLog, FieldCipher } from '@redress/platform';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEVELOPMENT_PARTNER_KEY_PEPPER } from '../apps/caseworker-api/src/config.js';
import { CitizenAccessTokens } from '../apps/citizen-api/src/auth/index.js';
import { ReferralConsentMethod1764440000000 } from '../migrations/1764440000000-referral-consent-method.js';
import {
  auditEntriesFor,
  exampleAnswers,
  seedClaim,
  startCaseworkerApi,
  testStaff,
  type SeededClaim,
} from './support/caseworker-api.js';
import { startCitizenApi } from './support/citizen-api.js';
import { createIsolatedDatabase } from './support/isolated-database.js';

const seed = JSON.parse(readFileSync('data/directory/seed-directory.json', 'utf8'));
const org = (name: string): string => seed.organizations.find((o: { name: string }) => o.name === name).id;
const serviceOf = (name: string): string =>
  seed.organizations.find((o: { name: string }) => o.name === name).services[0].id;
const HARBOURLIGHT = org('Harbourlight Victim Care');
const LANTERN = org('Lantern Home Security Project');
const LANTERN_SERVICE = serviceOf('Lantern Home Security Project');
const KESTREL = org('Kestrel Legal Advice Clinic');
const WORDING = currentConsentWording['support-referral'].version;

/** An application that says what help the victim wants and how to reach them safely (Camden, NW1). */
const answers = exampleAnswers({
  applicant: {
    firstName: 'Alex',
    lastName: 'Morgan',
    dateOfBirth: '1990-04-12',
    address: { line1: '1 High Street', town: 'London', postcode: 'NW1 2DB' },
  },
  'support-needs': { needs: ['feeling-safe'], circumstances: ['domestic-abuse'], wantsSupport: true },
  'contact-preferences': {
    method: 'text',
    email: 'alex@example.test',
    phone: '07700 900001',
    safeContact: { safePhone: '07700 900999', safeTimes: 'Weekdays 10 to 2', noVoicemail: true },
  },
});

const consent = (overrides: Record<string, unknown> = {}) => ({
  given: true,
  method: 'phone',
  wordingVersion: WORDING,
  givenAt: new Date(Date.now() - 60_000).toISOString(),
  organisationId: HARBOURLIGHT,
  ...overrides,
});

describe('caseworker referral routes', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let claim: SeededClaim;
  const caseworker = testStaff('caseworker', { team: 'general' });
  const http = () => request(app.getHttpServer());
  const settings: ReferralSettings = {
    clocks: defaultReferralClockSettings,
    calendar: englandAndWalesWorkingDays,
    proposals: 3,
  };
  const auditAppend = () => (manager: Parameters<AuditLog['append']>[0], entry: Parameters<AuditLog['append']>[1]) =>
    app.get(AuditLog).append(manager, entry);
  const referralStore = () => new PostgresReferralStore(db, auditAppend());
  const count = async (sql: string, parameters: unknown[] = []) =>
    Number((await db.query<Array<{ n: string }>>(sql, parameters))[0]!.n);
  /** Everything a referral attempt could write for the victim of a claim (other suites share the database). */
  const written = async ({ citizenId, claimId }: SeededClaim) => ({
    requests: await count('SELECT count(*) AS n FROM referral_request WHERE citizen_id = $1', [citizenId]),
    referrals: await count('SELECT count(*) AS n FROM referral WHERE citizen_id = $1', [citizenId]),
    consents: await count('SELECT count(*) AS n FROM referral_consent WHERE citizen_id = $1', [citizenId]),
    outbox: await count(
      `SELECT count(*) AS n FROM outbox_message o JOIN referral r ON r.id::text = o.payload->>'referralId'
        WHERE r.citizen_id = $1`,
      [citizenId],
    ),
    audit: await count(`SELECT count(*) AS n FROM audit_log WHERE details->>'claimId' = $1`, [claimId]),
  });
  const refer = (reference: string, body: object, staff = caseworker) =>
    http().post(`/v1/claims/${reference}/referrals`).set('authorization', staff.authorization).send(body);
  const list = (reference: string, staff = caseworker) =>
    http().get(`/v1/claims/${reference}/referrals`).set('authorization', staff.authorization);

  beforeAll(async () => {
    app = await startCaseworkerApi();
    db = app.get(DataSource);
    await new PostgresDirectoryImportStore(db).upsert(parseHsdsDocument(seed));
    claim = await seedClaim(app, { status: 'in_assessment', answers });
  });
  afterAll(async () => {
    await app.close();
  });

  describe('authorisation', () => {
    it.each(['caseworker', 'senior-caseworker', 'team-leader', 'auditor'] as const)(
      'lets a %s read the claim’s referrals, and logs the read first',
      async (role) => {
        const staff = testStaff(role);
        const response = await list(claim.reference, staff);
        expect(response.status).toBe(200);
        expect(Array.isArray(response.body)).toBe(true);
        const reads = (await auditEntriesFor(app, claim.claimId)).filter(
          (entry) => entry.action === 'claim.read' && entry.actor_id === staff.staffId,
        );
        expect(reads.map((entry) => entry.details)).toEqual([
          expect.objectContaining({ view: 'referrals', purpose: 'casework', roles: [role] }),
        ]);
      },
    );

    it('refuses an administrator both routes, and an auditor the write (403, nothing written)', async () => {
      const before = await written(claim);
      for (const [staff, method] of [
        [testStaff('administrator'), 'get'],
        [testStaff('administrator'), 'post'],
        [testStaff('auditor'), 'post'],
      ] as const) {
        const response =
          method === 'get'
            ? await list(claim.reference, staff)
            : await refer(claim.reference, { consent: consent() }, staff);
        expect(response.status).toBe(403);
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
      expect(await written(claim)).toEqual(before);
    });

    it('answers 401 without a token', async () => {
      expect((await http().get(`/v1/claims/${claim.reference}/referrals`)).status).toBe(401);
      expect((await http().post(`/v1/claims/${claim.reference}/referrals`).send({ consent: consent() })).status).toBe(
        401,
      );
    });

    it('answers 404 for a claim that does not exist', async () => {
      for (const response of [
        await list('CRN-2026-99999999'),
        await refer('CRN-2026-99999999', { consent: consent() }),
      ]) {
        expect(response.status).toBe(404);
        expect(response.body.code).toBe('claim.not-found');
      }
    });

    it('hides a restricted claim from anyone not named on it (404, logged, nothing written)', async () => {
      const restricted = await seedClaim(app, { status: 'in_assessment', answers });
      const leader = testStaff('team-leader');
      const named = testStaff('caseworker');
      const outsider = testStaff('caseworker');
      await http()
        .put(`/v1/claims/${restricted.reference}/restriction`)
        .set('authorization', leader.authorization)
        .send({ restricted: true, staffIds: [named.staffId], reasonCode: 'staff-member' })
        .expect(200);
      const before = await written(restricted);
      const read = await list(restricted.reference, outsider);
      const write = await refer(restricted.reference, { consent: consent() }, outsider);
      for (const response of [read, write]) {
        expect(response.status).toBe(404);
        expect(response.body.detail).toBe('There is no such claim.');
      }
      expect(await written(restricted)).toEqual(before);
      const refused = (await auditEntriesFor(app, restricted.claimId)).filter(
        (entry) => entry.action === 'claim.access-refused' && entry.actor_id === outsider.staffId,
      );
      expect(refused.map((entry) => entry.details.view)).toEqual(['referrals', 'referral']);
      await list(restricted.reference, named).expect(200);
    });

    it('treats another team’s claim exactly as the claim view does (a reason is needed outside one’s own work)', async () => {
      const other = testStaff('caseworker', { team: 'some-other-team' });
      const view = await http().get(`/v1/claims/${claim.reference}`).set('authorization', other.authorization);
      const referrals = await list(claim.reference, other);
      expect(referrals.status).toBe(view.status);
    });
  });

  describe('bad input', () => {
    it.each([
      ['a service id that is not a UUID', { serviceId: '12', consent: consent() }],
      ['an unknown field', { consent: consent(), dateOfBirth: '1990-01-01' }],
      ['an unknown consent method', { consent: consent({ method: 'email' }) }],
      ['a consent time that is not a time', { consent: consent({ givenAt: 'yesterday' }) }],
      ['a consent time without a zone', { consent: consent({ givenAt: '2026-11-30T10:00:00' }) }],
      ['a malformed wording version', { consent: consent({ wordingVersion: 'Version 1!' }) }],
      ['an organisation id that is not a UUID', { consent: consent({ organisationId: 'harbourlight' }) }],
      ['consent given as a string', { consent: consent({ given: 'yes' }) }],
      ['an unknown field in the consent', { consent: { ...consent(), recordedBy: 'me' } }],
      ['an unknown need', { needs: ['a-pony'], consent: consent() }],
      ['a summary too long', { summary: 'x'.repeat(501), consent: consent() }],
    ])('answers 400 problem+json for %s, and writes nothing', async (_name, body) => {
      const before = await written(claim);
      const response = await refer(claim.reference, body);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.errors.length).toBeGreaterThan(0);
      expect(await written(claim)).toEqual(before);
    });

    it('answers 400 for an unknown purpose on the read', async () => {
      const response = await http()
        .get(`/v1/claims/${claim.reference}/referrals?purpose=curiosity`)
        .set('authorization', caseworker.authorization);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    });

    it('answers 400 for consent dated in the future, and writes nothing', async () => {
      const before = await written(claim);
      const response = await refer(claim.reference, {
        consent: consent({ givenAt: new Date(Date.now() + 3_600_000).toISOString() }),
      });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('referrals.consent-in-future');
      expect(await written(claim)).toEqual(before);
    });

    it.each([
      ['no consent at all', {}],
      ['consent not given', { consent: consent({ given: false }) }],
    ])('answers 422 for %s, and writes nothing', async (_name, body) => {
      const before = await written(claim);
      const response = await refer(claim.reference, body);
      expect(response.status).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.code).toBe('referrals.consent-required');
      expect(await written(claim)).toEqual(before);
    });

    it('answers 409 for words other than the current ones, and writes nothing', async () => {
      const before = await written(claim);
      const response = await refer(claim.reference, {
        consent: consent({ wordingVersion: 'support-referral/2020-01-01' }),
      });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('referrals.consent-wording-outdated');
      expect(await written(claim)).toEqual(before);
    });

    it('answers 422 when the named service is of another organisation than the consented one', async () => {
      const before = await written(claim);
      const response = await refer(claim.reference, { serviceId: LANTERN_SERVICE, consent: consent() });
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('referrals.consent-other-organisation');
      expect(await written(claim)).toEqual(before);
    });

    it('answers 422 when no service of the consented organisation fits the victim', async () => {
      // Kestrel gives legal advice only; the victim asked for help feeling safe.
      const response = await refer(claim.reference, { consent: consent({ organisationId: KESTREL }) });
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('referrals.no-matching-service');
    });

    it('answers 422 when the application gives no safe way to contact the victim', async () => {
      const { 'contact-preferences': _omitted, ...withoutContact } = answers;
      const bare = await seedClaim(app, { status: 'in_assessment', answers: withoutContact });
      const before = await written(bare);
      const response = await refer(bare.reference, { consent: consent() });
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('referrals.no-safe-contact');
      expect(await written(bare)).toEqual(before);
    });
  });

  describe('referring with recorded consent', () => {
    let partnerKey: string;
    let referralId: string;
    let proposedIds: string[];
    const givenAt = new Date(Date.now() - 5 * 60_000);

    beforeAll(async () => {
      const partners = new PostgresPartnerAccessStore(db, auditAppend());
      const hasher = new PartnerKeyHasher(DEVELOPMENT_PARTNER_KEY_PEPPER);
      const actor = { type: 'staff' as const, id: 'test-admin' };
      partnerKey = (
        await new CreatePartnerCredential(partners, hasher, new SystemClock()).execute({
          organisationId: HARBOURLIGHT,
          actor,
        })
      ).apiKey;
      await new ConfigurePartnerWebhook(partners, app.get(FieldCipher), new SystemClock(), 3_600_000).execute({
        organisationId: HARBOURLIGHT,
        url: 'https://harbourlight.example.org/hooks/redress',
        actor,
      });
    });

    it('refers to the matcher’s best service of the consented organisation, with needs and contact from the application', async () => {
      const response = await refer(claim.reference, {
        summary: 'Prefers a text first.',
        consent: consent({ method: 'in-person', givenAt: givenAt.toISOString() }),
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        organisationId: HARBOURLIGHT,
        serviceId: serviceOf('Harbourlight Victim Care'),
        needsFrom: 'application',
      });
      expect(response.body.sendDueOn).toBe(
        englandAndWalesWorkingDays.addWorkingDays(
          calendarDateInUk(givenAt),
          defaultReferralClockSettings.sendWithinWorkingDays,
        ),
      );
      referralId = response.body.referralId;
      proposedIds = response.body.proposedReferralIds;
      expect(proposedIds.length).toBeGreaterThan(0);

      const [row] = await db.query(
        `SELECT r.status, r.consented_at, r.claim_id, q.id AS request_id, q.profile_encrypted
           FROM referral r JOIN referral_request q ON q.id = r.request_id WHERE r.id = $1`,
        [referralId],
      );
      expect(row.status).toBe('consented');
      expect(row.claim_id).toBe(claim.claimId);
      expect(new Date(row.consented_at).toISOString()).toBe(givenAt.toISOString());
      const profile = JSON.parse(
        app.get(FieldCipher).decrypt(row.profile_encrypted, `referral-request:${row.request_id}:profile`),
      ) as ReferralProfile;
      expect(profile.needs).toEqual(['feeling-safe']);
      expect(profile.circumstances).toEqual(['domestic-abuse']);
      expect(profile.location.postcodeDistrict).toBe('NW1');
      expect(profile.contact).toMatchObject({
        name: 'Alex',
        phone: '07700 900999',
        channels: ['text', 'email', 'phone'],
        safeTimes: 'Weekdays 10 to 2',
        voicemailOk: false,
      });
      expect(profile.summary).toBe('Prefers a text first.');

      const others = await db.query(`SELECT status FROM referral WHERE id = ANY($1)`, [proposedIds]);
      expect(others.map((other: { status: string }) => other.status)).toEqual(proposedIds.map(() => 'proposed'));
      expect(
        await count(
          `SELECT count(*) AS n FROM outbox_message WHERE job_name = 'referrals.send' AND payload->>'referralId' = $1`,
          [referralId],
        ),
      ).toBe(1);
    });

    it('writes the consent to the append-only ledger with how and when it was given and the caseworker as recorder, and to the audit log', async () => {
      const ledger = await db.query(
        `SELECT organization_id, action, wording_version, referral_id, actor_type, actor_id, method, given_at,
                recorded_by_staff_id, recorded_at FROM referral_consent
          WHERE citizen_id = $1 ORDER BY position`,
        [claim.citizenId],
      );
      expect(ledger).toEqual([
        {
          organization_id: HARBOURLIGHT,
          action: 'given',
          wording_version: WORDING,
          referral_id: referralId,
          actor_type: 'staff',
          actor_id: caseworker.staffId,
          method: 'in-person',
          given_at: givenAt,
          recorded_by_staff_id: caseworker.staffId,
          recorded_at: expect.any(Date),
        },
      ]);
      // Recorded after the victim gave it: the ledger keeps both times.
      expect(ledger[0].recorded_at.getTime()).toBeGreaterThan(givenAt.getTime());
      await expect(
        db.query(`UPDATE referral_consent SET action = 'withdrawn' WHERE citizen_id = $1`, [claim.citizenId]),
      ).rejects.toThrow(/permission denied/); // the app role may only add to the ledger (security-database-roles)
      const [audit] = await db.query(
        `SELECT actor_type, actor_id, details FROM audit_log WHERE action = 'referral-consent.given' AND details->>'referralId' = $1`,
        [referralId],
      );
      expect(audit).toMatchObject({
        actor_type: 'staff',
        actor_id: caseworker.staffId,
        details: {
          method: 'in-person',
          givenAt: givenAt.toISOString(),
          wordingVersion: WORDING,
          claimId: claim.claimId,
        },
      });
      const [event] = await db.query(
        `SELECT actor_type, actor_id, details FROM referral_event WHERE referral_id = $1 AND type = 'referral.consented'`,
        [referralId],
      );
      expect(event).toMatchObject({
        actor_type: 'staff',
        actor_id: caseworker.staffId,
        details: { method: 'in-person' },
      });
    });

    it('shows the referral to the partner only once it is sent, and tells the partner by webhook', async () => {
      const partner = (id: string) => http().get(`/v1/partner/referrals/${id}`).set('x-api-key', partnerKey);
      expect((await partner(referralId)).status).toBe(404);
      const listed = await http().get('/v1/partner/referrals').set('x-api-key', partnerKey).expect(200);
      expect(JSON.stringify(listed.body)).not.toContain(referralId);
      // Proposals made without the victim's consent are never shared, whichever organisation they are for.
      for (const id of proposedIds) expect((await partner(id)).status).toBe(404);

      expect(await new SendReferral(referralStore(), settings, new SystemClock()).execute({ referralId })).toBe('sent');
      const shared = await partner(referralId);
      expect(shared.status).toBe(200);
      const webhooks = await db.query(
        `SELECT event_type FROM referral_webhook_delivery WHERE referral_id = $1 ORDER BY created_at`,
        [referralId],
      );
      expect(webhooks).toEqual([{ event_type: 'referral.sent' }]);
    });

    it('lists the claim’s referrals with organisation, consent and the right 4 clock', async () => {
      const response = await list(claim.reference);
      expect(response.status).toBe(200);
      const made = response.body.find((referral: { id: string }) => referral.id === referralId);
      expect(made).toMatchObject({
        status: 'sent',
        organisationId: HARBOURLIGHT,
        organisationName: 'Harbourlight Victim Care',
        consent: {
          standing: true,
          lastAction: 'given',
          recordedBy: { type: 'staff', id: caseworker.staffId },
          method: 'in-person',
          givenAt: givenAt.toISOString(),
          wordingVersion: WORDING,
        },
        sendBreached: false,
        sendOverdue: false,
      });
      expect(made.sentAt).not.toBeNull();
      const proposed = response.body.filter((referral: { id: string }) => proposedIds.includes(referral.id));
      expect(proposed.length).toBe(proposedIds.length);
      for (const referral of proposed) expect(referral.status).toBe('proposed');
    });

    it('shows the victim, in their own consent view, how and when they gave it and that a caseworker recorded it', async () => {
      const citizenApi = await startCitizenApi();
      try {
        const { accessToken } = citizenApi.get(CitizenAccessTokens).issue(claim.citizenId);
        const response = await request(citizenApi.getHttpServer())
          .get('/v1/referral-consents')
          .set('authorization', `Bearer ${accessToken}`)
          .expect(200);
        const entry = {
          organisationId: HARBOURLIGHT,
          action: 'given',
          wordingVersion: WORDING,
          method: 'in-person',
          givenAt: givenAt.toISOString(),
          recordedBy: 'staff',
        };
        expect(response.body.live).toEqual([expect.objectContaining(entry)]);
        expect(response.body.history).toEqual([expect.objectContaining(entry)]);
        // The member of staff is named to staff, not to the victim.
        expect(JSON.stringify(response.body)).not.toContain(caseworker.staffId);
      } finally {
        await citizenApi.close();
      }
    });

    it('refers to a named service, and flags right 4 when the consent is older than 2 working days', async () => {
      const late = await seedClaim(app, { status: 'in_assessment', answers });
      const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000);
      const response = await refer(late.reference, {
        serviceId: LANTERN_SERVICE,
        consent: consent({ organisationId: LANTERN, method: 'in-writing', givenAt: tenDaysAgo.toISOString() }),
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ organisationId: LANTERN, serviceId: LANTERN_SERVICE });
      const before = (await list(late.reference)).body.find((r: { id: string }) => r.id === response.body.referralId);
      expect(before).toMatchObject({ status: 'consented', sendOverdue: true, sendBreached: false });
      expect(before.consent).toMatchObject({ method: 'in-writing', givenAt: tenDaysAgo.toISOString() });
      const [entry] = await db.query(
        `SELECT method, given_at, recorded_by_staff_id FROM referral_consent WHERE referral_id = $1`,
        [response.body.referralId],
      );
      expect(entry).toEqual({ method: 'in-writing', given_at: tenDaysAgo, recorded_by_staff_id: caseworker.staffId });
      await new SendReferral(referralStore(), settings, new SystemClock()).execute({
        referralId: response.body.referralId,
      });
      const after = (await list(late.reference)).body.find((r: { id: string }) => r.id === response.body.referralId);
      expect(after).toMatchObject({ status: 'sent', sendOverdue: false, sendBreached: true });
    });
  });

  describe('recording a withdrawal on the victim’s behalf', () => {
    let partnerKey: string;
    const partnerRead = (id: string) => http().get(`/v1/partner/referrals/${id}`).set('x-api-key', partnerKey);
    const withdraw = (reference: string, referralId: string, body: object, staff = caseworker) =>
      http()
        .post(`/v1/claims/${reference}/referrals/${referralId}/consent-withdrawal`)
        .set('authorization', staff.authorization)
        .send(body);
    const withdrawal = (overrides: Record<string, unknown> = {}) => ({
      method: 'phone',
      withdrawnAt: new Date(Date.now() - 60_000).toISOString(),
      reasonCode: 'support-found-elsewhere',
      ...overrides,
    });
    /** A claim whose victim consented by phone to Harbourlight an hour ago, the referral sent (the partner reads it). */
    const referredAndSent = async () => {
      const victim = await seedClaim(app, { status: 'in_assessment', answers });
      const made = await refer(victim.reference, {
        consent: consent({ givenAt: new Date(Date.now() - 3_600_000).toISOString() }),
      }).expect(201);
      const referralId = made.body.referralId as string;
      await new SendReferral(referralStore(), settings, new SystemClock()).execute({ referralId });
      return { victim, referralId, proposedIds: made.body.proposedReferralIds as string[] };
    };
    /** Everything a withdrawal writes for the victim: ledger, referrals' states and events, audit and webhooks. */
    const effects = async ({ citizenId, claimId }: SeededClaim) => ({
      ...(await written({ citizenId, claimId } as SeededClaim)),
      withdrawn: await count(`SELECT count(*) AS n FROM referral WHERE citizen_id = $1 AND status = 'withdrawn'`, [
        citizenId,
      ]),
      events: await count(
        `SELECT count(*) AS n FROM referral_event e JOIN referral r ON r.id = e.referral_id WHERE r.citizen_id = $1`,
        [citizenId],
      ),
      webhooks: await count(
        `SELECT count(*) AS n FROM referral_webhook_delivery d JOIN referral r ON r.id = d.referral_id
          WHERE r.citizen_id = $1`,
        [citizenId],
      ),
      referralAudit: await count(
        `SELECT count(*) AS n FROM audit_log a JOIN referral r ON r.id::text = a.target_id WHERE r.citizen_id = $1`,
        [citizenId],
      ),
    });

    beforeAll(async () => {
      const partners = new PostgresPartnerAccessStore(db, auditAppend());
      const actor = { type: 'staff' as const, id: 'test-admin' };
      partnerKey = (
        await new CreatePartnerCredential(
          partners,
          new PartnerKeyHasher(DEVELOPMENT_PARTNER_KEY_PEPPER),
          new SystemClock(),
        ).execute({ organisationId: HARBOURLIGHT, actor })
      ).apiKey;
      await new ConfigurePartnerWebhook(partners, app.get(FieldCipher), new SystemClock(), 3_600_000).execute({
        organisationId: HARBOURLIGHT,
        url: 'https://harbourlight.example.org/hooks/redress',
        actor,
      });
    });

    describe('by phone', () => {
      let victim: SeededClaim;
      let referralId: string;
      const withdrawnAt = new Date(Date.now() - 10 * 60_000);
      let recordedAt: Date;

      beforeAll(async () => {
        ({ victim, referralId } = await referredAndSent());
      });

      it('takes the organisation’s access away at once: 201, and the partner’s next read of the referral is 404', async () => {
        expect((await partnerRead(referralId)).status).toBe(200);
        const [{ version: versionBefore }] = await db.query(`SELECT version FROM claim WHERE id = $1`, [
          victim.claimId,
        ]);

        const response = await withdraw(
          victim.reference,
          referralId,
          withdrawal({ withdrawnAt: withdrawnAt.toISOString() }),
        );
        expect(response.status).toBe(201);
        expect(response.body).toEqual({
          recorded: true,
          organisationId: HARBOURLIGHT,
          withdrawnReferrals: 1,
          withdrawnReferralIds: [referralId],
          consent: {
            standing: false,
            lastAction: 'withdrawn',
            recordedBy: { type: 'staff', id: caseworker.staffId },
            method: 'phone',
            givenAt: withdrawnAt.toISOString(),
            wordingVersion: WORDING,
            recordedAt: expect.any(String),
          },
        });
        recordedAt = new Date(response.body.consent.recordedAt);

        const read = await partnerRead(referralId);
        expect(read.status).toBe(404);
        expect(read.headers['content-type']).toContain('application/problem+json');
        const listed = await http().get('/v1/partner/referrals').set('x-api-key', partnerKey).expect(200);
        expect(JSON.stringify(listed.body)).not.toContain(referralId);
        const acknowledge = await http()
          .post(`/v1/partner/referrals/${referralId}/acknowledge`)
          .set('x-api-key', partnerKey)
          .send({});
        expect(acknowledge.status).toBe(404);
        // The refused read is in the access log as a withdrawn consent.
        const [refused] = await db.query(
          `SELECT details FROM audit_log WHERE action = 'referral.access-refused' AND target_id = $1`,
          [referralId],
        );
        expect(refused.details).toMatchObject({ organisationId: HARBOURLIGHT, reason: 'consent-withdrawn' });
        // Like referring on the victim's behalf, it changes the victim's consent and referrals, not the claim.
        const [{ version: versionAfter }] = await db.query(`SELECT version FROM claim WHERE id = $1`, [victim.claimId]);
        expect(versionAfter).toBe(versionBefore);
      });

      it('writes a withdrawal to the ledger with how, when and who recorded it', async () => {
        const ledger = await db.query(
          `SELECT organization_id, action, wording_version, referral_id, actor_type, actor_id, method, given_at,
                  recorded_by_staff_id, recorded_at FROM referral_consent WHERE citizen_id = $1 ORDER BY position`,
          [victim.citizenId],
        );
        expect(ledger).toEqual([
          expect.objectContaining({ action: 'given', method: 'phone', organization_id: HARBOURLIGHT }),
          {
            organization_id: HARBOURLIGHT,
            action: 'withdrawn',
            wording_version: WORDING,
            referral_id: referralId,
            actor_type: 'staff',
            actor_id: caseworker.staffId,
            method: 'phone',
            given_at: withdrawnAt,
            recorded_by_staff_id: caseworker.staffId,
            recorded_at: recordedAt,
          },
        ]);
        expect(ledger[1].recorded_at.getTime()).toBeGreaterThan(withdrawnAt.getTime());
      });

      it('withdraws the referral with its event, audit entries (ids and codes only) and a webhook, as online', async () => {
        const [row] = await db.query(`SELECT status, withdrawn_at FROM referral WHERE id = $1`, [referralId]);
        expect(row).toEqual({ status: 'withdrawn', withdrawn_at: recordedAt });
        const details = {
          method: 'phone',
          withdrawnAt: withdrawnAt.toISOString(),
          reasonCode: 'support-found-elsewhere',
        };
        const events = await db.query(
          `SELECT actor_type, actor_id, details FROM referral_event WHERE referral_id = $1 AND type = 'referral.withdrawn'`,
          [referralId],
        );
        expect(events).toEqual([{ actor_type: 'staff', actor_id: caseworker.staffId, details }]);
        const audit = await db.query(
          `SELECT action, actor_type, actor_id, target_type, target_id, details FROM audit_log
            WHERE (action = 'referral-consent.withdrawn' AND details->>'claimId' = $1)
               OR (action = 'referral.withdrawn' AND target_id = $2)
            ORDER BY sequence`,
          [victim.claimId, referralId],
        );
        expect(audit).toEqual([
          {
            action: 'referral-consent.withdrawn',
            actor_type: 'staff',
            actor_id: caseworker.staffId,
            target_type: 'referral-consent',
            target_id: HARBOURLIGHT,
            details: { purpose: 'support-referral', ...details, referralId, claimId: victim.claimId },
          },
          {
            action: 'referral.withdrawn',
            actor_type: 'staff',
            actor_id: caseworker.staffId,
            target_type: 'referral',
            target_id: referralId,
            details,
          },
        ]);
        // Nothing of the victim's: no name, contact detail or postcode.
        for (const secret of ['Alex', 'Morgan', '07700', 'example.test', 'NW1']) {
          expect(JSON.stringify(audit)).not.toContain(secret);
        }
        const webhooks = await db.query(
          `SELECT event_type FROM referral_webhook_delivery WHERE referral_id = $1 ORDER BY created_at`,
          [referralId],
        );
        expect(webhooks).toEqual([{ event_type: 'referral.sent' }, { event_type: 'referral.withdrawn' }]);
      });

      it('shows staff the withdrawal in the claim’s referrals', async () => {
        const made = (await list(victim.reference).expect(200)).body.find((r: { id: string }) => r.id === referralId);
        expect(made).toMatchObject({
          status: 'withdrawn',
          withdrawnAt: recordedAt.toISOString(),
          consent: {
            standing: false,
            lastAction: 'withdrawn',
            recordedBy: { type: 'staff', id: caseworker.staffId },
            method: 'phone',
            givenAt: withdrawnAt.toISOString(),
          },
        });
      });

      it('shows the victim, in their own consent view, the withdrawal, how they gave it and that a caseworker recorded it', async () => {
        const citizenApi = await startCitizenApi();
        try {
          const { accessToken } = citizenApi.get(CitizenAccessTokens).issue(victim.citizenId);
          const response = await request(citizenApi.getHttpServer())
            .get('/v1/referral-consents')
            .set('authorization', `Bearer ${accessToken}`)
            .expect(200);
          expect(response.body.live).toEqual([]);
          expect(response.body.history).toEqual([
            expect.objectContaining({
              organisationId: HARBOURLIGHT,
              action: 'withdrawn',
              method: 'phone',
              givenAt: withdrawnAt.toISOString(),
              recordedBy: 'staff',
            }),
            expect.objectContaining({ organisationId: HARBOURLIGHT, action: 'given', method: 'phone' }),
          ]);
          expect(JSON.stringify(response.body)).not.toContain(caseworker.staffId);
        } finally {
          await citizenApi.close();
        }
      });

      it('is idempotent: withdrawing again answers 200 with the withdrawal that stands, and writes nothing', async () => {
        const before = await effects(victim);
        const leader = testStaff('team-leader');
        const response = await withdraw(victim.reference, referralId, withdrawal({ method: 'in-writing' }), leader);
        expect(response.status).toBe(200);
        expect(response.body).toEqual({
          recorded: false,
          organisationId: HARBOURLIGHT,
          withdrawnReferrals: 0,
          withdrawnReferralIds: [],
          consent: {
            standing: false,
            lastAction: 'withdrawn',
            recordedBy: { type: 'staff', id: caseworker.staffId },
            method: 'phone',
            givenAt: withdrawnAt.toISOString(),
            wordingVersion: WORDING,
            recordedAt: recordedAt.toISOString(),
          },
        });
        expect(await effects(victim)).toEqual(before);
        // The answer shows the claim's referral data: logged as a read.
        const reads = (await auditEntriesFor(app, victim.claimId)).filter(
          (entry) => entry.action === 'claim.read' && entry.actor_id === leader.staffId,
        );
        expect(reads.map((entry) => entry.details)).toEqual([
          expect.objectContaining({ view: 'referral-consent', purpose: 'casework', roles: ['team-leader'] }),
        ]);
      });
    });

    it('records one withdrawal when two members of staff record it at once: one 201, one 200', async () => {
      const { victim, referralId } = await referredAndSent();
      const responses = await Promise.all([
        withdraw(victim.reference, referralId, withdrawal()),
        withdraw(victim.reference, referralId, withdrawal({ method: 'in-person' }), testStaff('senior-caseworker')),
      ]);
      expect(responses.map((response) => response.status).sort()).toEqual([200, 201]);
      expect(
        await count(`SELECT count(*) AS n FROM referral_consent WHERE citizen_id = $1 AND action = 'withdrawn'`, [
          victim.citizenId,
        ]),
      ).toBe(1);
      expect((await partnerRead(referralId)).status).toBe(404);
    });

    it.each(['caseworker', 'senior-caseworker', 'team-leader'] as const)('lets a %s record it', async (role) => {
      const { victim, referralId } = await referredAndSent();
      const response = await withdraw(
        victim.reference,
        referralId,
        withdrawal({ method: 'in-person' }),
        testStaff(role),
      );
      expect(response.status).toBe(201);
      expect(response.body.consent).toMatchObject({ method: 'in-person', recordedBy: { type: 'staff' } });
    });

    it('refuses an auditor and an administrator (403 problem+json), and writes nothing', async () => {
      const { victim, referralId } = await referredAndSent();
      const before = await effects(victim);
      for (const role of ['auditor', 'administrator'] as const) {
        const response = await withdraw(victim.reference, referralId, withdrawal(), testStaff(role));
        expect(response.status).toBe(403);
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
      expect(await effects(victim)).toEqual(before);
      expect((await partnerRead(referralId)).status).toBe(200);
      expect(
        (
          await http()
            .post(`/v1/claims/${victim.reference}/referrals/${referralId}/consent-withdrawal`)
            .send(withdrawal())
        ).status,
      ).toBe(401);
    });

    it('answers 404 for an unknown referral, a referral of another claim, or a claim that does not exist', async () => {
      const { victim, referralId } = await referredAndSent();
      const other = await referredAndSent();
      const before = await effects(victim);
      const beforeOther = await effects(other.victim);
      for (const [reference, id, code] of [
        [victim.reference, randomUUID(), 'referrals.not-found'],
        [victim.reference, other.referralId, 'referrals.not-found'],
        [other.victim.reference, referralId, 'referrals.not-found'],
        ['CRN-2026-99999999', referralId, 'claim.not-found'],
      ] as const) {
        const response = await withdraw(reference, id, withdrawal());
        expect([response.status, response.body.code]).toEqual([404, code]);
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
      expect(await effects(victim)).toEqual(before);
      expect(await effects(other.victim)).toEqual(beforeOther);
      expect((await partnerRead(referralId)).status).toBe(200);
      expect((await partnerRead(other.referralId)).status).toBe(200);
    });

    it('hides a restricted claim from anyone not named on it (404, logged, nothing written); the named one records it', async () => {
      const { victim, referralId } = await referredAndSent();
      const named = testStaff('caseworker');
      const outsider = testStaff('senior-caseworker');
      await http()
        .put(`/v1/claims/${victim.reference}/restriction`)
        .set('authorization', testStaff('team-leader').authorization)
        .send({ restricted: true, staffIds: [named.staffId], reasonCode: 'staff-member' })
        .expect(200);
      const before = await effects(victim);
      const refused = await withdraw(victim.reference, referralId, withdrawal(), outsider);
      expect(refused.status).toBe(404);
      expect(refused.body.detail).toBe('There is no such claim.');
      expect(await effects(victim)).toEqual(before);
      expect((await partnerRead(referralId)).status).toBe(200);
      const logged = (await auditEntriesFor(app, victim.claimId)).filter(
        (entry) => entry.action === 'claim.access-refused' && entry.actor_id === outsider.staffId,
      );
      expect(logged.map((entry) => entry.details.view)).toEqual(['referral']);

      expect((await withdraw(victim.reference, referralId, withdrawal(), named)).status).toBe(201);
      expect((await partnerRead(referralId)).status).toBe(404);
    });

    it.each([
      ['an unknown method', withdrawal({ method: 'email' })],
      ['the victim’s own method (online)', withdrawal({ method: 'online' })],
      ['no time', { method: 'phone' }],
      ['a time that is not a time', withdrawal({ withdrawnAt: 'yesterday' })],
      ['a time without a zone', withdrawal({ withdrawnAt: '2026-11-30T10:00:00' })],
      ['an unknown reason', withdrawal({ reasonCode: 'changed my mind about everything' })],
      ['an unknown field', { ...withdrawal(), note: 'Said so on the phone.' }],
      ['a body that is not an object', ['phone']],
    ])('answers 400 problem+json for %s, and writes nothing', async (_name, body) => {
      const { victim, referralId } = await referredAndSent();
      const before = await effects(victim);
      const response = await withdraw(victim.reference, referralId, body);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(await effects(victim)).toEqual(before);
      expect((await partnerRead(referralId)).status).toBe(200);
    });

    it('answers 400 for a referral id that is not a UUID', async () => {
      const { victim } = await referredAndSent();
      const response = await withdraw(victim.reference, 'harbourlight', withdrawal());
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    });

    it('answers 400 for a withdrawal dated in the future beyond 5 minutes, and accepts one within them', async () => {
      const { victim, referralId } = await referredAndSent();
      const before = await effects(victim);
      const future = await withdraw(
        victim.reference,
        referralId,
        withdrawal({ withdrawnAt: new Date(Date.now() + 3_600_000).toISOString() }),
      );
      expect([future.status, future.body.code]).toEqual([400, 'referrals.withdrawal-in-future']);
      expect(await effects(victim)).toEqual(before);
      const skewed = await withdraw(
        victim.reference,
        referralId,
        withdrawal({ withdrawnAt: new Date(Date.now() + 2 * 60_000).toISOString() }),
      );
      expect(skewed.status).toBe(201);
    });

    it('answers 409 for a withdrawal dated before the consent that stands, and writes nothing', async () => {
      const { victim, referralId } = await referredAndSent();
      const before = await effects(victim);
      const response = await withdraw(
        victim.reference,
        referralId,
        withdrawal({ withdrawnAt: new Date(Date.now() - 2 * 3_600_000).toISOString() }),
      );
      expect([response.status, response.body.code]).toEqual([409, 'referrals.withdrawal-before-consent']);
      expect(await effects(victim)).toEqual(before);
      expect((await partnerRead(referralId)).status).toBe(200);
    });

    it('answers 409 for an organisation the victim never consented to (a proposal), and writes nothing', async () => {
      const { victim, proposedIds } = await referredAndSent();
      const before = await effects(victim);
      const response = await withdraw(victim.reference, proposedIds[0]!, withdrawal());
      expect([response.status, response.body.code]).toEqual([409, 'referrals.consent-not-given']);
      expect(await effects(victim)).toEqual(before);
    });
  });

  describe('victim’s own proposals on a claim', () => {
    it('use the application’s support-needs and contact-preferences sections over the request', async () => {
      const propose = new ProposeReferrals(
        referralStore(),
        new PostgresSupportDirectory(db),
        app.get(FieldCipher),
        settings,
        new SystemClock(),
        new PostgresClaimSupportAnswers(db, app.get(FieldCipher)),
      );
      const { requestId } = await propose.execute({
        citizenId: claim.citizenId,
        claimId: claim.claimId,
        needs: ['money'],
        circumstances: [],
        age: 30,
        postcode: 'NW1 2DB',
        localAuthorityCode: 'E09000007',
        contact: {
          name: 'Al',
          email: 'other@example.test',
          phone: null,
          channels: ['email'],
          safeTimes: null,
          voicemailOk: true,
          codeWord: 'heron',
        },
        summary: null,
      });
      const [row] = await db.query(`SELECT profile_encrypted FROM referral_request WHERE id = $1`, [requestId]);
      const profile = JSON.parse(
        app.get(FieldCipher).decrypt(row.profile_encrypted, `referral-request:${requestId}:profile`),
      ) as ReferralProfile;
      expect(profile.needs).toEqual(['feeling-safe']);
      expect(profile.circumstances).toEqual(['domestic-abuse']);
      expect(profile.contact).toMatchObject({
        name: 'Al',
        codeWord: 'heron',
        phone: '07700 900999',
        voicemailOk: false,
      });
      expect(profile.contact.channels[0]).toBe('text');
    });

    it('keep the request’s needs when the application has no support-needs section', async () => {
      const { 'support-needs': _omitted, ...withoutNeeds } = answers;
      const plain = await seedClaim(app, { status: 'in_assessment', answers: withoutNeeds });
      const { requestId } = await new ProposeReferrals(
        referralStore(),
        new PostgresSupportDirectory(db),
        app.get(FieldCipher),
        settings,
        new SystemClock(),
        new PostgresClaimSupportAnswers(db, app.get(FieldCipher)),
      ).execute({
        citizenId: plain.citizenId,
        claimId: plain.claimId,
        needs: ['money'],
        circumstances: [],
        age: 30,
        postcode: 'NW1 2DB',
        localAuthorityCode: null,
        contact: {
          name: 'Al',
          email: 'al@example.test',
          phone: null,
          channels: ['email'],
          safeTimes: null,
          voicemailOk: true,
          codeWord: null,
        },
        summary: null,
      });
      const [row] = await db.query(`SELECT profile_encrypted FROM referral_request WHERE id = $1`, [requestId]);
      const profile = JSON.parse(
        app.get(FieldCipher).decrypt(row.profile_encrypted, `referral-request:${requestId}:profile`),
      ) as ReferralProfile;
      expect(profile.needs).toEqual(['money']);
    });
  });

  describe('the consent ledger’s method, time and recorder (migration 1764440000000)', () => {
    it('fills entries made before it from the audit log or the referral’s events, else unknown; new entries must say how', async () => {
      const isolated = await createIsolatedDatabase('consent_method');
      const runner = isolated.dataSource.createQueryRunner();
      const migration = new ReferralConsentMethod1764440000000();
      try {
        const iso = isolated.dataSource;
        await new PostgresDirectoryImportStore(iso).upsert(parseHsdsDocument(seed));
        const citizenId = randomUUID();
        await iso.query(`INSERT INTO citizen_account (id, email_blind_index, email_encrypted) VALUES ($1, $2, 'x')`, [
          citizenId,
          `index-${citizenId}`,
        ]);
        await migration.down(runner);

        const requestId = randomUUID();
        await iso.query(
          `INSERT INTO referral_request (id, citizen_id, profile_encrypted) VALUES ($1, $2, 'encrypted')`,
          [requestId, citizenId],
        );
        const [byAudit, byEvent, byNothing] = [randomUUID(), randomUUID(), randomUUID()];
        const services = [
          [byAudit, LANTERN, LANTERN_SERVICE],
          [byEvent, HARBOURLIGHT, serviceOf('Harbourlight Victim Care')],
          [byNothing, KESTREL, serviceOf('Kestrel Legal Advice Clinic')],
        ] as const;
        for (const [id, organisationId, serviceId] of services) {
          await iso.query(
            `INSERT INTO referral (id, request_id, citizen_id, organization_id, service_id, status, rank, score,
               match_encrypted) VALUES ($1, $2, $3, $4, $5, 'consented', 1, 1000, 'encrypted')`,
            [id, requestId, citizenId, organisationId, serviceId],
          );
        }
        const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
        const ledger = [
          // [id, organisation, action, referral, actor type, actor id, recorded at]
          [randomUUID(), HARBOURLIGHT, 'given', null, 'citizen', citizenId, at(50)],
          [randomUUID(), HARBOURLIGHT, 'withdrawn', null, 'citizen', citizenId, at(45)],
          [randomUUID(), LANTERN, 'given', byAudit, 'staff', 'staff-audit', at(40)],
          [randomUUID(), HARBOURLIGHT, 'given', byEvent, 'staff', 'staff-event', at(30)],
          [randomUUID(), KESTREL, 'given', byNothing, 'staff', 'staff-nothing', at(20)],
        ] as const;
        for (const [id, organisationId, action, referralId, actorType, actorId, recordedAt] of ledger) {
          await iso.query(
            `INSERT INTO referral_consent (id, citizen_id, organization_id, purpose, action, wording_version,
               referral_id, actor_type, actor_id, recorded_at)
             VALUES ($1, $2, $3, 'support-referral', $4, $5, $6, $7, $8, $9)`,
            [id, citizenId, organisationId, action, WORDING, referralId, actorType, actorId, recordedAt],
          );
        }
        // As ReferOnBehalf wrote them before the ledger had the columns: the audit log has how and when...
        const auditLog = new AuditLog(iso);
        await auditLog.record({
          actorType: 'staff',
          actorId: 'staff-audit',
          action: 'referral-consent.given',
          targetType: 'referral-consent',
          targetId: LANTERN,
          details: { referralId: byAudit, method: 'phone', givenAt: at(42).toISOString(), wordingVersion: WORDING },
        });
        // ...and so has the referral's event (for the first, one that disagrees: the audit log wins).
        for (const [referralId, actorId, method, givenAt] of [
          [byAudit, 'staff-audit', 'in-writing', at(41)],
          [byEvent, 'staff-event', 'in-writing', at(33)],
        ] as const) {
          await iso.query(
            `INSERT INTO referral_event (id, referral_id, type, actor_type, actor_id, occurred_at, details)
             VALUES ($1, $2, 'referral.consented', 'staff', $3, now(), $4)`,
            [randomUUID(), referralId, actorId, JSON.stringify({ method, givenAt: givenAt.toISOString() })],
          );
        }
        const auditGivenAt = (
          await iso.query(`SELECT details->>'givenAt' AS given FROM audit_log WHERE details->>'referralId' = $1`, [
            byAudit,
          ])
        )[0].given;
        const eventGivenAt = (
          await iso.query(`SELECT details->>'givenAt' AS given FROM referral_event WHERE referral_id = $1`, [byEvent])
        )[0].given;

        await runner.startTransaction();
        await migration.up(runner);
        await runner.commitTransaction();

        const rows = await iso.query(
          `SELECT actor_type, actor_id, action, method, given_at, recorded_by_staff_id, recorded_at
             FROM referral_consent WHERE citizen_id = $1 ORDER BY position`,
          [citizenId],
        );
        expect(rows).toEqual([
          {
            actor_type: 'citizen',
            actor_id: citizenId,
            action: 'given',
            method: 'online',
            given_at: ledger[0][6],
            recorded_by_staff_id: null,
            recorded_at: ledger[0][6],
          },
          {
            actor_type: 'citizen',
            actor_id: citizenId,
            action: 'withdrawn',
            method: 'online',
            given_at: ledger[1][6],
            recorded_by_staff_id: null,
            recorded_at: ledger[1][6],
          },
          {
            actor_type: 'staff',
            actor_id: 'staff-audit',
            action: 'given',
            method: 'phone',
            given_at: new Date(auditGivenAt),
            recorded_by_staff_id: 'staff-audit',
            recorded_at: ledger[2][6],
          },
          {
            actor_type: 'staff',
            actor_id: 'staff-event',
            action: 'given',
            method: 'in-writing',
            given_at: new Date(eventGivenAt),
            recorded_by_staff_id: 'staff-event',
            recorded_at: ledger[3][6],
          },
          {
            actor_type: 'staff',
            actor_id: 'staff-nothing',
            action: 'given',
            method: 'unknown',
            given_at: null,
            recorded_by_staff_id: 'staff-nothing',
            recorded_at: ledger[4][6],
          },
        ]);

        // Still append-only.
        await expect(iso.query(`UPDATE referral_consent SET method = 'phone'`)).rejects.toThrow(/append-only/);
        // Every new entry says how, when and who recorded it, consistently with who recorded it.
        const insert = (values: {
          actorType: string;
          method: string | null;
          givenAt: Date | null;
          staff: string | null;
        }) =>
          iso.query(
            `INSERT INTO referral_consent (id, citizen_id, organization_id, purpose, action, wording_version,
               actor_type, actor_id, method, given_at, recorded_by_staff_id, recorded_at)
             VALUES ($1, $2, $3, 'support-referral', 'given', $4, $5, $6, $7, $8, $9, now())`,
            [
              randomUUID(),
              citizenId,
              LANTERN,
              WORDING,
              values.actorType,
              values.staff ?? citizenId,
              values.method,
              values.givenAt,
              values.staff,
            ],
          );
        const now = new Date();
        await expect(insert({ actorType: 'staff', method: 'unknown', givenAt: null, staff: 's-1' })).rejects.toThrow(
          /referral_consent_method_known/,
        );
        await expect(insert({ actorType: 'staff', method: null, givenAt: now, staff: 's-1' })).rejects.toThrow(
          /null value/,
        );
        await expect(insert({ actorType: 'staff', method: 'email', givenAt: now, staff: 's-1' })).rejects.toThrow(
          /referral_consent_method/,
        );
        await expect(insert({ actorType: 'citizen', method: 'phone', givenAt: now, staff: null })).rejects.toThrow(
          /referral_consent_recorder/,
        );
        await expect(insert({ actorType: 'staff', method: 'online', givenAt: now, staff: 's-1' })).rejects.toThrow(
          /referral_consent_recorder/,
        );
        await expect(insert({ actorType: 'staff', method: 'phone', givenAt: null, staff: 's-1' })).rejects.toThrow(
          /referral_consent_given_at/,
        );
        await expect(
          insert({ actorType: 'staff', method: 'phone', givenAt: new Date(Date.now() + 3_600_000), staff: 's-1' }),
        ).rejects.toThrow(/referral_consent_given_at/);
        await insert({ actorType: 'staff', method: 'phone', givenAt: now, staff: 's-1' });
        await insert({ actorType: 'citizen', method: 'online', givenAt: now, staff: null });
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
        await isolated.drop();
      }
    }, 60_000);
  });
});
