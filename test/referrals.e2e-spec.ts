import { readFileSync } from 'node:fs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  CheckReferralClocks,
  FixedClock,
  SendReferral,
  type FieldEncryption,
  type ReferralSettings,
} from '@redress/application';
import { currentConsentWording, defaultReferralClockSettings, englandAndWalesWorkingDays } from '@redress/domain';
import { PostgresDirectoryImportStore, PostgresReferralStore, PostgresSupportDirectory } from '@redress/persistence';
import { AuditLog, FieldCipher } from '@redress/platform';
import pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestCitizen, startCitizenApi, type TestCitizen } from './support/citizen-api.js';

const seed = JSON.parse(readFileSync('data/directory/seed-directory.json', 'utf8'));
const org = (name: string): string => seed.organizations.find((o: { name: string }) => o.name === name).id;
const HARBOURLIGHT = org('Harbourlight Victim Care');
const BLUEBELL = org('Bluebell Domestic Abuse Service');
const LANTERN = org('Lantern Home Security Project');

const contact = { name: 'Sam', email: 'sam@example.test', channels: ['email'], voicemailOk: false, codeWord: 'heron' };
const proposal = {
  needs: ['feeling-safe'],
  circumstances: ['domestic-abuse'],
  age: 30,
  postcode: 'NW1 2DB',
  localAuthorityCode: 'E09000007',
  contact,
  summary: 'Please text first.',
};

describe('citizen referral routes', () => {
  let app: NestFastifyApplication;
  let dataSource: DataSource;
  let alice: TestCitizen;
  let bob: TestCitizen;

  const http = () => request(app.getHttpServer());
  const count = async (sql: string, parameters: unknown[] = []) =>
    Number((await dataSource.query<Array<{ n: string }>>(sql, parameters))[0]!.n);
  const settings: ReferralSettings = {
    clocks: defaultReferralClockSettings,
    calendar: englandAndWalesWorkingDays,
    proposals: 3,
  };
  const store = () =>
    new PostgresReferralStore(dataSource, (manager, entry) => app.get(AuditLog).append(manager, entry));

  beforeAll(async () => {
    app = await startCitizenApi();
    dataSource = app.get(DataSource);
    await new PostgresDirectoryImportStore(dataSource).upsert(
      (await import('@redress/application')).parseHsdsDocument(seed),
    );
    alice = await createTestCitizen(app);
    bob = await createTestCitizen(app);
  });
  afterAll(async () => {
    await app.close();
  });

  async function propose(citizen: TestCitizen, body: object = proposal) {
    return http().post('/v1/referrals/proposals').set('authorization', citizen.authorization).send(body);
  }

  describe('POST /v1/referrals/proposals', () => {
    it('refuses a caller who is not signed in', async () => {
      const response = await http().post('/v1/referrals/proposals').send(proposal);
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
    });

    it.each([
      ['no needs', { ...proposal, needs: [] }],
      ['an unknown need', { ...proposal, needs: ['a-pony'] }],
      ['an unknown circumstance', { ...proposal, circumstances: ['other'] }],
      ['a postcode that is not one', { ...proposal, postcode: 'not a postcode' }],
      ['neither postcode nor local authority', { ...proposal, postcode: undefined, localAuthorityCode: undefined }],
      ['a Scottish council code', { ...proposal, localAuthorityCode: 'S12000036' }],
      ['no contact', { ...proposal, contact: undefined }],
      ['an email channel without an email', { ...proposal, contact: { ...contact, email: undefined } }],
      ['a text channel without a phone', { ...proposal, contact: { ...contact, channels: ['text'] } }],
      ['an age of 300', { ...proposal, age: 300 }],
      ['a summary too long', { ...proposal, summary: 'x'.repeat(501) }],
      ['an unknown field', { ...proposal, dateOfBirth: '1990-01-01' }],
      ['a claim id that is not a UUID', { ...proposal, claimId: '12' }],
    ])('answers 400 problem+json for %s, and stores nothing', async (_name, body) => {
      const response = await propose(alice, body);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.errors.length).toBeGreaterThan(0);
      expect(await count('SELECT count(*) AS n FROM referral_request WHERE citizen_id = $1', [alice.citizenId])).toBe(
        0,
      );
    });

    it('answers 404 for a claim that is not the citizen’s, and stores nothing', async () => {
      const response = await propose(alice, { ...proposal, claimId: '00000000-0000-4000-8000-000000000000' });
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('referrals.claim-not-found');
      expect(await count('SELECT count(*) AS n FROM referral_request WHERE citizen_id = $1', [alice.citizenId])).toBe(
        0,
      );
    });

    it('proposes matching services, best first, each with its reasons and the consent words', async () => {
      const response = await propose(alice);
      expect(response.status).toBe(201);
      const organisations = response.body.referrals.map((r: { organisationId: string }) => r.organisationId);
      expect(organisations).toEqual(expect.arrayContaining([HARBOURLIGHT, BLUEBELL, LANTERN]));
      for (const referral of response.body.referrals) {
        expect(referral.status).toBe('proposed');
        expect(referral.reasons[0]).toBe('Helps with feeling safe.');
        expect(referral.consentWording.version).toBe(currentConsentWording['support-referral'].version);
        expect(referral.consentWording.text).toContain(referral.organisationName);
      }
      const bluebell = response.body.referrals.find((r: { organisationId: string }) => r.organisationId === BLUEBELL);
      expect(bluebell.reasons).toContain('Specialises in supporting people affected by domestic abuse.');
      expect(bluebell.reasons).toContain('Is very busy at the moment, so it may take longer to hear back.');
      // The full postcode and the contact details are stored encrypted, never in clear.
      const [row] = await dataSource.query('SELECT profile_encrypted FROM referral_request WHERE citizen_id = $1', [
        alice.citizenId,
      ]);
      expect(row.profile_encrypted).not.toContain('sam@example.test');
      expect(row.profile_encrypted).not.toContain('domestic');
    });
  });

  describe('reading referrals', () => {
    it('lists only the caller’s referrals, and another citizen’s referral is 404', async () => {
      const mine = await http().get('/v1/referrals').set('authorization', alice.authorization).expect(200);
      expect(mine.body.length).toBeGreaterThan(0);
      const id = mine.body[0].id;
      await http().get(`/v1/referrals/${id}`).set('authorization', alice.authorization).expect(200);
      const other = await http().get(`/v1/referrals/${id}`).set('authorization', bob.authorization);
      expect(other.status).toBe(404);
      expect(other.body).toMatchObject({ status: 404, code: 'referrals.not-found' });
      expect((await http().get('/v1/referrals').set('authorization', bob.authorization).expect(200)).body).toEqual([]);
      await http().get('/v1/referrals').expect(401);
      expect((await http().get('/v1/referrals/not-a-uuid').set('authorization', alice.authorization)).status).toBe(400);
    });
  });

  describe('consent', () => {
    async function proposedReferral(citizen: TestCitizen, organisationId: string): Promise<string> {
      const list = await http().get('/v1/referrals').set('authorization', citizen.authorization).expect(200);
      return list.body.find(
        (r: { organisationId: string; status: string }) =>
          r.organisationId === organisationId && r.status === 'proposed',
      ).id;
    }
    const version = currentConsentWording['support-referral'].version;

    it.each([
      ['consent not ticked', { consent: false, wordingVersion: version }],
      ['consent missing', { wordingVersion: version }],
      ['consent given as text', { consent: 'yes', wordingVersion: version }],
      ['no wording version', { consent: true }],
      ['an unknown field', { consent: true, wordingVersion: version, everything: true }],
    ])('answers 400 for %s, and records nothing', async (_name, body) => {
      const id = await proposedReferral(alice, HARBOURLIGHT);
      const response = await http()
        .post(`/v1/referrals/${id}/consent`)
        .set('authorization', alice.authorization)
        .send(body);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(await count('SELECT count(*) AS n FROM referral_consent WHERE citizen_id = $1', [alice.citizenId])).toBe(
        0,
      );
    });

    it('answers 409 when the words shown are out of date, 404 for another citizen, 401 signed out; nothing recorded', async () => {
      const id = await proposedReferral(alice, HARBOURLIGHT);
      const outdated = await http()
        .post(`/v1/referrals/${id}/consent`)
        .set('authorization', alice.authorization)
        .send({ consent: true, wordingVersion: 'support-referral/2000-01-01' });
      expect(outdated.status).toBe(409);
      expect(outdated.body.code).toBe('referrals.consent-wording-outdated');
      const other = await http()
        .post(`/v1/referrals/${id}/consent`)
        .set('authorization', bob.authorization)
        .send({ consent: true, wordingVersion: version });
      expect(other.status).toBe(404);
      await http().post(`/v1/referrals/${id}/consent`).send({ consent: true, wordingVersion: version }).expect(401);
      expect(
        await count('SELECT count(*) AS n FROM referral_consent WHERE citizen_id IN ($1, $2)', [
          alice.citizenId,
          bob.citizenId,
        ]),
      ).toBe(0);
    });

    it('records explicit consent in the ledger, starts the right 4 clock and queues the sending', async () => {
      const id = await proposedReferral(alice, HARBOURLIGHT);
      const response = await http()
        .post(`/v1/referrals/${id}/consent`)
        .set('authorization', alice.authorization)
        .send({ consent: true, wordingVersion: version });
      expect(response.status).toBe(200);
      expect(response.body.status).toBe('consented');
      expect(response.body.sendDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(response.body.consentWording).toBeNull();
      const [entry] = await dataSource.query('SELECT * FROM referral_consent WHERE citizen_id = $1', [alice.citizenId]);
      expect(entry).toMatchObject({
        organization_id: HARBOURLIGHT,
        action: 'given',
        wording_version: version,
        referral_id: id,
        // Given online by the victim themselves, the moment it was recorded, with no member of staff.
        actor_type: 'citizen',
        actor_id: alice.citizenId,
        method: 'online',
        recorded_by_staff_id: null,
      });
      expect(entry.given_at).toEqual(entry.recorded_at);
      expect(
        await count(
          `SELECT count(*) AS n FROM outbox_message WHERE job_name = 'referrals.send' AND payload->>'referralId' = $1`,
          [id],
        ),
      ).toBe(1);
      const again = await http()
        .post(`/v1/referrals/${id}/consent`)
        .set('authorization', alice.authorization)
        .send({ consent: true, wordingVersion: version });
      expect(again.status).toBe(409);
    });

    it('keeps the consent ledger append-only: the database refuses to change or delete an entry', async () => {
      // The app's own role has no right to (security-database-roles); the trigger refuses even the schema owner.
      await expect(dataSource.query(`UPDATE referral_consent SET action = 'given'`)).rejects.toThrow(
        /permission denied/,
      );
      await expect(dataSource.query(`DELETE FROM referral_consent`)).rejects.toThrow(/permission denied/);
      const owner = new pg.Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
      await owner.connect();
      try {
        await expect(owner.query(`UPDATE referral_consent SET action = 'given'`)).rejects.toThrow(/append-only/);
        await expect(owner.query(`DELETE FROM referral_consent`)).rejects.toThrow(/append-only/);
      } finally {
        await owner.end();
      }
    });

    it('sends the referral once (running the job twice changes nothing)', async () => {
      const id = (
        await dataSource.query(`SELECT id FROM referral WHERE citizen_id = $1 AND status = 'consented'`, [
          alice.citizenId,
        ])
      )[0].id;
      const send = new SendReferral(store(), settings, new FixedClock(new Date()));
      expect(await send.execute({ referralId: id })).toBe('sent');
      expect(await send.execute({ referralId: id })).toBe('nothing-to-do');
      const shown = await http().get(`/v1/referrals/${id}`).set('authorization', alice.authorization).expect(200);
      expect(shown.body).toMatchObject({ status: 'sent', sendBreached: false });
    });

    it('shows who has the citizen’s details, and withdraws consent from one organisation at once', async () => {
      const consents = await http().get('/v1/referral-consents').set('authorization', alice.authorization).expect(200);
      expect(consents.body.live.map((c: { organisationId: string }) => c.organisationId)).toEqual([HARBOURLIGHT]);
      expect(
        (await http().get('/v1/referral-consents').set('authorization', bob.authorization).expect(200)).body.live,
      ).toEqual([]);

      expect(
        (await http().post('/v1/referral-consents/not-a-uuid/withdrawal').set('authorization', alice.authorization))
          .status,
      ).toBe(400);
      const none = await http()
        .post(`/v1/referral-consents/${LANTERN}/withdrawal`)
        .set('authorization', alice.authorization);
      expect(none.status).toBe(404);
      const notBobs = await http()
        .post(`/v1/referral-consents/${HARBOURLIGHT}/withdrawal`)
        .set('authorization', bob.authorization);
      expect(notBobs.status).toBe(404);
      await http().post(`/v1/referral-consents/${HARBOURLIGHT}/withdrawal`).expect(401);
      expect(
        await count(
          `SELECT count(*) AS n FROM referral_consent WHERE action = 'withdrawn' AND citizen_id IN ($1, $2)`,
          [alice.citizenId, bob.citizenId],
        ),
      ).toBe(0);

      const withdrawn = await http()
        .post(`/v1/referral-consents/${HARBOURLIGHT}/withdrawal`)
        .set('authorization', alice.authorization);
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toEqual({ withdrawnReferrals: 1 });
      const after = await http().get('/v1/referral-consents').set('authorization', alice.authorization).expect(200);
      expect(after.body.live).toEqual([]);
      expect(after.body.history.map((c: { action: string }) => c.action)).toEqual(['withdrawn', 'given']);
      // The ledger says how, when and by whom, for the withdrawal as for the consent; so does the victim's view.
      const ledger = await dataSource.query(
        `SELECT action, actor_type, method, given_at, recorded_by_staff_id, recorded_at FROM referral_consent
          WHERE citizen_id = $1 ORDER BY position DESC`,
        [alice.citizenId],
      );
      expect(ledger.map((row: { action: string }) => row.action)).toEqual(['withdrawn', 'given']);
      for (const [index, row] of ledger.entries()) {
        expect(row).toMatchObject({ actor_type: 'citizen', method: 'online', recorded_by_staff_id: null });
        expect(row.given_at).toEqual(row.recorded_at);
        expect(after.body.history[index]).toMatchObject({
          action: row.action,
          method: 'online',
          givenAt: row.given_at.toISOString(),
          recordedBy: 'citizen',
          recordedAt: row.recorded_at.toISOString(),
        });
      }
      const list = await http().get('/v1/referrals').set('authorization', alice.authorization).expect(200);
      expect(list.body.find((r: { organisationId: string }) => r.organisationId === HARBOURLIGHT).status).toBe(
        'withdrawn',
      );
    });
  });

  describe('the referral clocks', () => {
    it('flags a consented referral still unsent after 2 working days, and expires an unanswered one with a next best offer', async () => {
      const carol = await createTestCitizen(app);
      // Four services fit; three are proposed, so a fourth is left to offer next.
      const proposed = await propose(carol, {
        ...proposal,
        needs: ['feeling-safe', 'emotional-support'],
        circumstances: ['domestic-abuse', 'bereavement'],
      });
      expect(proposed.status).toBe(201);
      const [first, second] = proposed.body.referrals;
      const version = currentConsentWording['support-referral'].version;
      for (const referral of [first, second]) {
        await http()
          .post(`/v1/referrals/${referral.id}/consent`)
          .set('authorization', carol.authorization)
          .send({ consent: true, wordingVersion: version })
          .expect(200);
      }
      const consentedAt = new Date(
        (await dataSource.query('SELECT consented_at FROM referral WHERE id = $1', [first.id]))[0].consented_at,
      );
      // The first is sent at once; the second is left unsent.
      await new SendReferral(store(), settings, new FixedClock(consentedAt)).execute({ referralId: first.id });

      const directory = new PostgresSupportDirectory(dataSource);
      const encryption = app.get<FieldCipher, FieldEncryption>(FieldCipher);
      const inThreeWeeks = new FixedClock(new Date(consentedAt.getTime() + 21 * 24 * 3600 * 1000));
      const sweep = new CheckReferralClocks(store(), directory, encryption, inThreeWeeks);
      const result = await sweep.execute();
      expect(result.sendBreaches).toBeGreaterThanOrEqual(1);
      expect(result.expired).toBeGreaterThanOrEqual(1);

      const list = await http().get('/v1/referrals').set('authorization', carol.authorization).expect(200);
      const byId = new Map(list.body.map((r: { id: string }) => [r.id, r]));
      expect(byId.get(first.id)).toMatchObject({ status: 'expired' });
      expect(byId.get(second.id)).toMatchObject({ status: 'consented', sendBreached: true });
      const replacement = list.body.find(
        (r: { replacesReferralId: string | null }) => r.replacesReferralId === first.id,
      );
      expect(replacement).toMatchObject({ status: 'proposed' });
      expect([first.organisationId, second.organisationId]).not.toContain(replacement.organisationId);
      // Sweeping again finds nothing new.
      expect(await sweep.execute()).toEqual({ sendBreaches: 0, expired: 0, nextBestOffered: 0 });
    });
  });
});
