import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { matchContext, profileContext } from '@redress/application';
import { currentConsentWording } from '@redress/domain';
import { PostgresDirectoryImportStore } from '@redress/persistence';
import { FieldCipher } from '@redress/platform';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestCitizen, startCitizenApi, type TestCitizen } from './support/citizen-api.js';

const seed = JSON.parse(readFileSync('data/directory/seed-directory.json', 'utf8'));
const HARBOURLIGHT: string = seed.organizations.find((o: { name: string }) => o.name === 'Harbourlight Victim Care').id;
const ROUNDS = 30;
const version = currentConsentWording['support-referral'].version;

/**
 * The victim consents to a referral and withdraws their consent to the same organisation at the same moment.
 * Every consent path takes the consent lock first and the referral locks after it (docs/referrals.md, "Lock order"),
 * so the two queue behind each other: neither may fail with a deadlock (SQLSTATE 40P01), and the outcome is one of
 * the two serial orders.
 */
describe('consent and withdrawal of the same victim and organisation at once', () => {
  let app: NestFastifyApplication;
  let dataSource: DataSource;
  let victim: TestCitizen;
  let serviceId: string;

  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await startCitizenApi();
    dataSource = app.get(DataSource);
    await new PostgresDirectoryImportStore(dataSource).upsert(
      (await import('@redress/application')).parseHsdsDocument(seed),
    );
    victim = await createTestCitizen(app);
    const [service] = await dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM directory_service WHERE organization_id = $1 ORDER BY id LIMIT 1`,
      [HARBOURLIGHT],
    );
    serviceId = service!.id;
  });
  afterAll(async () => {
    await app.close();
  });

  /** Two proposed referrals with the organisation, as a proposal would leave them (the proposal route is rate limited). */
  async function proposeTwo(): Promise<[string, string]> {
    const cipher = app.get(FieldCipher);
    const profile = {
      needs: ['feeling-safe'],
      circumstances: [],
      age: null,
      location: { localAuthorityCode: 'E09000007', postcodeDistrict: 'NW1' },
      contact: { name: 'Sam', email: 'sam@example.test', phone: null, channels: ['email'] },
      summary: null,
    };
    const ids: [string, string] = [randomUUID(), randomUUID()];
    // A request offers a service once: one request for each referral.
    await dataSource.transaction(async (manager) => {
      for (const id of ids) {
        const requestId = randomUUID();
        await manager.query(
          `INSERT INTO referral_request (id, citizen_id, claim_id, profile_encrypted, created_at) VALUES ($1, $2, NULL, $3, now())`,
          [requestId, victim.citizenId, cipher.encrypt(JSON.stringify(profile), profileContext(requestId))],
        );
        await manager.query(
          `INSERT INTO referral (id, request_id, citizen_id, claim_id, organization_id, service_id, replaces_referral_id,
             status, rank, score, match_encrypted, created_at, updated_at)
           VALUES ($1, $2, $3, NULL, $4, $5, NULL, 'proposed', 1, 100, $6, now(), now())`,
          [
            id,
            requestId,
            victim.citizenId,
            HARBOURLIGHT,
            serviceId,
            cipher.encrypt(JSON.stringify({ needsMet: ['feeling-safe'], reasons: [] }), matchContext(id)),
          ],
        );
      }
    });
    return ids;
  }

  const consent = (referralId: string) =>
    http()
      .post(`/v1/referrals/${referralId}/consent`)
      .set('authorization', victim.authorization)
      .send({ consent: true, wordingVersion: version });
  const withdraw = () =>
    http().post(`/v1/referral-consents/${HARBOURLIGHT}/withdrawal`).set('authorization', victim.authorization);

  it(`never deadlocks or fails, and leaves the ledger and referrals as one serial order would (${ROUNDS} rounds)`, async () => {
    const outcomes = { consentFirst: 0, withdrawalFirst: 0 };
    for (let round = 0; round < ROUNDS; round += 1) {
      const [earlier, contested] = await proposeTwo();
      // Consent stands (given for the earlier referral), so the withdrawal always has something to withdraw.
      expect((await consent(earlier)).status).toBe(200);

      const [consented, withdrawn] = await Promise.all([consent(contested), withdraw()]);
      const context = {
        round,
        consent: [consented.status, consented.body],
        withdrawal: [withdrawn.status, withdrawn.body],
      };
      expect(context).toMatchObject({ withdrawal: [200, { withdrawnReferrals: 2 }] });
      // Consent after the withdrawal finds the referral withdrawn (409); a 5xx would be a deadlock or other failure.
      if (![200, 409].includes(consented.status)) throw new Error(`unexpected answer: ${JSON.stringify(context)}`);

      // Either serial order ends with consent withdrawn and no referral with the organisation left open.
      const ledger = await dataSource.query<Array<{ action: string; referral_id: string | null }>>(
        `SELECT action, referral_id FROM referral_consent WHERE citizen_id = $1 AND organization_id = $2 ORDER BY position`,
        [victim.citizenId, HARBOURLIGHT],
      );
      // One consent (the earlier referral's) and one withdrawal a round: the contested consent relied on the consent
      // that stood, or found its referral withdrawn; it never wrote a second "given".
      expect(ledger.slice(-2)).toEqual([
        { action: 'given', referral_id: earlier },
        { action: 'withdrawn', referral_id: null },
      ]);
      expect(ledger).toHaveLength(2 * (round + 1));
      const open = await dataSource.query<unknown[]>(
        `SELECT id FROM referral WHERE citizen_id = $1 AND organization_id = $2
           AND status NOT IN ('declined', 'closed', 'withdrawn', 'expired')`,
        [victim.citizenId, HARBOURLIGHT],
      );
      expect(open).toEqual([]);

      const [row] = await dataSource.query<Array<{ status: string; consented_at: Date | null }>>(
        `SELECT status, consented_at FROM referral WHERE id = $1`,
        [contested],
      );
      const events = (
        await dataSource.query<Array<{ type: string }>>(
          `SELECT type FROM referral_event WHERE referral_id = $1 ORDER BY type`,
          [contested],
        )
      ).map((event) => event.type);
      const queued = await dataSource.query<unknown[]>(
        `SELECT 1 FROM outbox_message WHERE job_name = 'referrals.send' AND payload->>'referralId' = $1`,
        [contested],
      );
      if (consented.status === 200) {
        // The consent went first: the referral was consented (and queued to be sent), then withdrawn with the rest.
        outcomes.consentFirst += 1;
        expect(consented.body.status).toBe('consented');
        expect(row).toMatchObject({ status: 'withdrawn', consented_at: expect.any(Date) });
        expect(events).toEqual(['referral.consented', 'referral.withdrawn']);
        expect(queued).toHaveLength(1);
      } else {
        // The withdrawal went first: the proposal was withdrawn, and consenting to it is a conflict, not a failure.
        outcomes.withdrawalFirst += 1;
        expect(consented.headers['content-type']).toContain('application/problem+json');
        expect(row).toEqual({ status: 'withdrawn', consented_at: null });
        expect(events).toEqual(['referral.withdrawn']);
        expect(queued).toEqual([]);
      }
    }
    expect(outcomes.consentFirst + outcomes.withdrawalFirst).toBe(ROUNDS);
  }, 120_000);
});
