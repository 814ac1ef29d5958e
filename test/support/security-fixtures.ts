import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  CreatePartnerCredential,
  DocumentStorage,
  parseHsdsDocument,
  PartnerKeyHasher,
  SendReferral,
  SystemClock,
  type ReferralSettings,
} from '@redress/application';
import { currentConsentWording, defaultReferralClockSettings, englandAndWalesWorkingDays } from '@redress/domain';
import { PostgresDirectoryImportStore, PostgresPartnerAccessStore, PostgresReferralStore } from '@redress/persistence';
import { AuditLog, FieldCipher, LocalSinkNotifier } from '@redress/platform';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEVELOPMENT_PARTNER_KEY_PEPPER } from '../../apps/caseworker-api/src/config.js';
import { createApplication, submittedClaim } from './applications.js';
import { seedClaim, startCaseworkerApi } from './caseworker-api.js';
import { createTestCitizen, startCitizenApi, type TestCitizen } from './citizen-api.js';
import { createIsolatedDatabase } from './isolated-database.js';

const seed = JSON.parse(readFileSync('data/directory/seed-directory.json', 'utf8')) as {
  organizations: Array<{ id: string; name: string }>;
};
const organisation = (name: string): string => seed.organizations.find((o) => o.name === name)!.id;
/** Partner organisation A owns the referrals under test; B is another organisation with a key of its own. */
export const ORG_A = organisation('Harbourlight Victim Care');
export const ORG_B = organisation('Kestrel Legal Advice Clinic');

/** Needs that the seed directory meets with A and B (docs/referrals.md). */
export const referralProposal = {
  needs: ['emotional-support', 'legal-help'],
  circumstances: [],
  age: 40,
  localAuthorityCode: 'E09000007',
  contact: { name: 'Robin', phone: '07700 900123', channels: ['text'], voicemailOk: false, codeWord: 'lark' },
  summary: 'Text before calling.',
};

export interface SecurityApis {
  citizenApi: NestFastifyApplication;
  caseworkerApi: NestFastifyApplication;
  /** The apps' connection (the app role). */
  db: DataSource;
  /** The schema owner's connection, for what only the owner may do (ANALYZE, tampering). */
  owner: DataSource;
  close(): Promise<void>;
}

/**
 * Both APIs on a database of the suite's own (so that other suites' partner keys, revocations and rows cannot
 * disturb it, and a count of every table means something), with the seed directory imported.
 */
export async function startSecurityApis(suffix: string, overrides: Record<string, string> = {}): Promise<SecurityApis> {
  const database = await createIsolatedDatabase(suffix);
  const documents = mkdtempSync(join(tmpdir(), `redress-${suffix}-`));
  const settings = {
    DATABASE_URL: database.url,
    DOCUMENT_STORAGE: 'filesystem',
    DOCUMENT_STORAGE_DIR: documents,
    ...overrides,
  };
  const citizenApi = await startCitizenApi(settings);
  const caseworkerApi = await startCaseworkerApi(settings);
  const db = citizenApi.get(DataSource);
  await new PostgresDirectoryImportStore(db).upsert(parseHsdsDocument(seed));
  return {
    citizenApi,
    caseworkerApi,
    db,
    owner: database.dataSource,
    close: async () => {
      await citizenApi.close();
      await caseworkerApi.close();
      await database.drop();
      rmSync(documents, { recursive: true, force: true });
    },
  };
}

export interface Partner {
  organisationId: string;
  apiKey: string;
}

export interface SecurityFixtures {
  owner: TestCitizen & { refreshToken: string };
  other: TestCitizen;
  drafts: { main: string; mainETag: string; complete: string; disposable: string };
  documentId: string;
  claims: { submitted: string; decided: string; reviewable: string; awaitingInformation: string };
  letterId: string;
  informationRequestId: string;
  referrals: { proposed: string; consentedToB: string; sentToA: string; secondSentToA: string; sentToB: string };
  partnerA: Partner;
  partnerB: Partner;
  /** A staff claim (seeded in assessment) for the caseworker routes. */
  staffClaim: { reference: string; claimId: string };
}

const today = (): string => new Date().toISOString().slice(0, 10);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Builds, through the APIs where they can and the test helpers where they cannot, one of everything. */
export async function buildSecurityFixtures({
  citizenApi,
  caseworkerApi,
  db,
}: SecurityApis): Promise<SecurityFixtures> {
  const citizen = () => request(citizenApi.getHttpServer());
  const audit = (manager: Parameters<AuditLog['append']>[0], entry: Parameters<AuditLog['append']>[1]) =>
    citizenApi.get(AuditLog).append(manager, entry);
  const referralStore = new PostgresReferralStore(db, audit);
  const referralSettings: ReferralSettings = {
    clocks: defaultReferralClockSettings,
    calendar: englandAndWalesWorkingDays,
    proposals: 3,
  };

  // The owner signs in with an emailed code, so that they hold a refresh token too.
  const owner = await createTestCitizen(citizenApi);
  const other = await createTestCitizen(citizenApi);
  const forwardedFor = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.1`;
  await citizen().post('/v1/auth/codes').set('x-forwarded-for', forwardedFor).send({ email: owner.email }).expect(202);
  const code = String(citizenApi.get(LocalSinkNotifier).lastEmailTo(owner.email)!.personalisation.code);
  const tokens = await citizen()
    .post('/v1/auth/tokens')
    .set('x-forwarded-for', forwardedFor)
    .send({ email: owner.email, code })
    .expect(200);

  const main = await createApplication(citizenApi, owner, {
    'applying-for': { role: 'self' },
  });
  const complete = await createApplication(citizenApi, owner);
  const disposable = await createApplication(citizenApi, owner, {});
  const upload = await citizen()
    .post(`/v1/applications/${main.id}/documents`)
    .set('authorization', owner.authorization)
    .attach('file', PDF, 'letter.pdf')
    .expect(201);
  const mainETag = (
    await citizen().get(`/v1/applications/${main.id}`).set('authorization', owner.authorization).expect(200)
  ).headers.etag as string;

  const submitted = (await submittedClaim(citizenApi, owner)).reference;
  const decided = (await submittedClaim(citizenApi, owner)).reference;
  const reviewable = (await submittedClaim(citizenApi, owner)).reference;
  const awaitingInformation = (await submittedClaim(citizenApi, owner)).reference;
  const decision = {
    outcome: 'award',
    awardPence: 2_200_00,
    proposedBy: 'cw-1',
    decidedBy: 'senior-1',
    decidedOn: today(),
    isReview: false,
  };
  await db.query(
    `UPDATE claim SET status = 'decided', version = version + 1, decision = $2 WHERE reference = ANY($1)`,
    [[decided, reviewable], JSON.stringify(decision)],
  );
  const claimId = async (reference: string) =>
    (await db.query<Array<{ id: string }>>('SELECT id FROM claim WHERE reference = $1', [reference]))[0]!.id;
  const letterId = randomUUID();
  const decidedId = await claimId(decided);
  await citizenApi
    .get(DocumentStorage, { strict: false })
    .put(`claims/${decidedId}/letters/${letterId}`, PDF, 'application/pdf');
  await db.query(
    `INSERT INTO claim_letter (id, claim_id, kind, decision_id, storage_key, content_type, size_bytes, pages, created_at)
     VALUES ($1, $2, 'decision', $3, $4, 'application/pdf', $5, 1, now())`,
    [letterId, decidedId, randomUUID(), `claims/${decidedId}/letters/${letterId}`, PDF.length],
  );
  // As the caseworker API leaves it when it asks the applicant a question.
  const informationRequestId = randomUUID();
  const awaitingId = await claimId(awaitingInformation);
  await db.query(
    `INSERT INTO information_request (id, claim_id, topic, question_encrypted, requested_by_staff_id, requested_at, due_on)
     VALUES ($1, $2, 'medical-evidence', $3, 'caseworker-1', now(), $4)`,
    [
      informationRequestId,
      awaitingId,
      citizenApi.get(FieldCipher).encrypt('Your GP letter?', `information-request:${informationRequestId}:question`),
      '2099-12-31',
    ],
  );
  await db.query(`UPDATE claim SET status = 'awaiting_information', version = version + 1 WHERE id = $1`, [awaitingId]);

  // Referrals: proposed through the API, consented through the API, sent as the worker's job sends them.
  const wordingVersion = currentConsentWording['support-referral'].version;
  async function proposeFor(who: TestCitizen, body: object = referralProposal): Promise<Map<string, string>> {
    const response = await citizen()
      .post('/v1/referrals/proposals')
      .set('authorization', who.authorization)
      .send(body)
      .expect(201);
    return new Map(
      (response.body.referrals as Array<{ id: string; organisationId: string }>).map((r) => [r.organisationId, r.id]),
    );
  }
  const consentAndSend = async (who: TestCitizen, referralId: string, send = true) => {
    await citizen()
      .post(`/v1/referrals/${referralId}/consent`)
      .set('authorization', who.authorization)
      .send({ consent: true, wordingVersion })
      .expect(200);
    if (send) await new SendReferral(referralStore, referralSettings, new SystemClock()).execute({ referralId });
  };
  const ownersReferrals = await proposeFor(owner);
  const sentToA = ownersReferrals.get(ORG_A);
  const consentedToB = ownersReferrals.get(ORG_B);
  // A second request (feeling safe) leaves a referral proposed, for the consent route to consent to.
  const proposed = [...(await proposeFor(owner, { ...referralProposal, needs: ['feeling-safe'] })).values()][0];
  if (!sentToA || !consentedToB || !proposed) throw new Error('the seed directory no longer proposes A and B');
  await consentAndSend(owner, sentToA);
  await consentAndSend(owner, consentedToB, false);
  const third = await createTestCitizen(citizenApi);
  const thirds = await proposeFor(third);
  await consentAndSend(third, thirds.get(ORG_A)!);
  await consentAndSend(third, thirds.get(ORG_B)!);

  const hasher = new PartnerKeyHasher(DEVELOPMENT_PARTNER_KEY_PEPPER);
  const create = new CreatePartnerCredential(new PostgresPartnerAccessStore(db, audit), hasher, new SystemClock());
  const actor = { type: 'staff' as const, id: 'security-fixtures' };
  const partnerA = { organisationId: ORG_A, apiKey: (await create.execute({ organisationId: ORG_A, actor })).apiKey };
  const partnerB = { organisationId: ORG_B, apiKey: (await create.execute({ organisationId: ORG_B, actor })).apiKey };

  const staffClaim = await seedClaim(caseworkerApi, { status: 'in_assessment', team: 'security' });
  return {
    owner: { ...owner, refreshToken: tokens.body.refreshToken as string },
    other,
    drafts: { main: main.id, mainETag, complete: complete.id, disposable: disposable.id },
    documentId: upload.body.id as string,
    claims: { submitted, decided, reviewable, awaitingInformation },
    letterId,
    informationRequestId,
    referrals: {
      proposed,
      consentedToB,
      sentToA,
      secondSentToA: thirds.get(ORG_A)!,
      sentToB: thirds.get(ORG_B)!,
    },
    partnerA,
    partnerB,
    staffClaim: { reference: staffClaim.reference, claimId: staffClaim.claimId },
  };
}

/** The staff routes the caseworker access matrix (test/caseworker-access.e2e-spec.ts) lists, read from its table. */
export function caseworkerMatrixRoutes(): string[] {
  const source = readFileSync('test/caseworker-access.e2e-spec.ts', 'utf8');
  return [...source.matchAll(/\['(GET|POST|PUT|PATCH|DELETE)', '(\/v1\/[^']*)'/g)].map(
    ([, method, path]) => `${method} ${path}`,
  );
}
