import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { currentConsentWording, exampleCompleteApplication } from '@redress/domain';
import { routeInventory } from '@redress/platform';
import fc from 'fast-check';
import type { StaffRole } from '../apps/caseworker-api/src/auth/index.js';
import { eligibilityExamples } from '../apps/citizen-api/src/eligibility/eligibility-examples.js';
import { testStaff } from './support/caseworker-api.js';
import { malformedBodies, type MalformedBody } from './support/malformed-bodies.js';
import {
  buildSecurityFixtures,
  referralProposal,
  startSecurityApis,
  type SecurityApis,
  type SecurityFixtures,
} from './support/security-fixtures.js';

/**
 * Bad input on every route of both APIs that takes a JSON body: at least 200 certainly-invalid bodies each
 * (test/support/malformed-bodies.ts), from a fixed seed, sent with the owning actor's credentials and valid path
 * parameters and headers, so that validation is what answers. No 5xx, every answer 400 (or 413 when a body
 * outgrows the limit) as problem+json, and not one row added to any table. A POST/PUT/PATCH route of either app
 * that is in neither list below fails the suite.
 */
const SEED = 20_261_127;
const BODIES_PER_ROUTE = 200;
const CONCURRENCY = 8;

type Credentials = 'none' | 'owner' | 'partner-a' | StaffRole;
interface BodyRoute {
  app: 'citizen' | 'caseworker';
  as: Credentials;
  url: (f: SecurityFixtures, index: number) => string;
  template: (f: SecurityFixtures, index: number) => Record<string, unknown>;
  headers?: (f: SecurityFixtures) => Record<string, string>;
}

/** A service of organisation A (Harbourlight) in the seed directory. */
const serviceOfA: string = JSON.parse(readFileSync('data/directory/seed-directory.json', 'utf8')).organizations.find(
  (o: { name: string }) => o.name === 'Harbourlight Victim Care',
).services[0].id;
const complete = exampleCompleteApplication() as unknown as Record<string, Record<string, unknown>>;
const sections = ['crime', 'applicant', 'injuries', 'residence', 'offender'];
const claim = (path: string) => (f: SecurityFixtures) => `/v1/claims/${f.staffClaim.reference}${path}`;
const partner = (action: string) => (f: SecurityFixtures) => `/v1/partner/referrals/${f.referrals.sentToA}/${action}`;

const routes: Record<string, BodyRoute> = {
  'POST /v1/auth/codes': {
    app: 'citizen',
    as: 'none',
    url: () => '/v1/auth/codes',
    template: () => ({ email: 'bad-input@example.test' }),
  },
  'POST /v1/auth/tokens': {
    app: 'citizen',
    as: 'none',
    url: () => '/v1/auth/tokens',
    template: () => ({ email: 'bad-input@example.test', code: '123456' }),
  },
  'POST /v1/auth/refresh': {
    app: 'citizen',
    as: 'none',
    url: () => '/v1/auth/refresh',
    template: (f) => ({ refreshToken: f.owner.refreshToken }),
  },
  'POST /v1/auth/sign-out': {
    app: 'citizen',
    as: 'owner',
    url: () => '/v1/auth/sign-out',
    template: (f) => ({ refreshToken: f.owner.refreshToken }),
  },
  'POST /v1/eligibility-checks': {
    app: 'citizen',
    as: 'none',
    url: () => '/v1/eligibility-checks',
    template: () => eligibilityExamples.eligible.value,
  },
  'POST /v1/referrals/proposals': {
    app: 'citizen',
    as: 'owner',
    url: () => '/v1/referrals/proposals',
    template: () => referralProposal,
  },
  'POST /v1/referrals/:referralId/consent': {
    app: 'citizen',
    as: 'owner',
    url: (f) => `/v1/referrals/${f.referrals.proposed}/consent`,
    template: () => ({ consent: true, wordingVersion: currentConsentWording['support-referral'].version }),
  },
  // Each body goes to one of several sections in turn, with the section's own complete answers as its template.
  'PUT /v1/me/preferences': {
    app: 'citizen',
    as: 'owner',
    url: () => '/v1/me/preferences',
    template: () => ({ preferredLanguage: 'cy', bilingualLetters: false }),
  },
  'PUT /v1/applications/:id/sections/:section': {
    app: 'citizen',
    as: 'owner',
    url: (f, index) => `/v1/applications/${f.drafts.main}/sections/${sections[index % sections.length]}`,
    template: (_f, index) => complete[sections[index % sections.length]!]!,
    headers: (f) => ({ 'if-match': f.drafts.mainETag }),
  },
  'POST /v1/applications/:id/submission': {
    app: 'citizen',
    as: 'owner',
    url: (f) => `/v1/applications/${f.drafts.complete}/submission`,
    template: () => ({ applicationVersion: 20 }),
    headers: () => ({ 'idempotency-key': randomUUID() }),
  },
  'POST /v1/claims/:reference/payment-details': {
    app: 'citizen',
    as: 'owner',
    url: (f) => `/v1/claims/${f.claims.decided}/payment-details`,
    template: () => ({ payeeKind: 'victim', account: '40-47-84 70872490' }),
  },
  'POST /v1/claims/:reference/withdrawal': {
    app: 'citizen',
    as: 'owner',
    url: (f) => `/v1/claims/${f.claims.submitted}/withdrawal`,
    template: () => ({ reason: 'other' }),
  },
  'POST /v1/claims/:reference/review-request': {
    app: 'citizen',
    as: 'owner',
    url: (f) => `/v1/claims/${f.claims.reviewable}/review-request`,
    template: () => ({ reasons: 'The award does not reflect my injuries.' }),
  },
  'POST /v1/claims/:reference/information-requests/:requestId/answer': {
    app: 'citizen',
    as: 'owner',
    url: (f) => `/v1/claims/${f.claims.awaitingInformation}/information-requests/${f.informationRequestId}/answer`,
    template: () => ({ answer: 'My GP letter is attached.' }),
  },
  'POST /v1/claims/:reference/release': {
    app: 'caseworker',
    as: 'caseworker',
    url: claim('/release'),
    template: () => ({ version: 1 }),
  },
  'POST /v1/claims/:reference/assignment': {
    app: 'caseworker',
    as: 'team-leader',
    url: claim('/assignment'),
    template: () => ({ version: 1, staffId: 'staff-bad-input', team: 'security', priority: 2 }),
  },
  'PUT /v1/claims/:reference/restriction': {
    app: 'caseworker',
    as: 'team-leader',
    url: claim('/restriction'),
    template: () => ({ restricted: true, staffIds: ['staff-bad-input'], reasonCode: 'other' }),
  },
  'POST /v1/claims/:reference/information-requests': {
    app: 'caseworker',
    as: 'caseworker',
    url: claim('/information-requests'),
    template: () => ({
      version: 1,
      recipient: 'applicant',
      topic: 'medical-evidence',
      question: 'Please send your GP letter.',
      workingDays: 10,
    }),
  },
  'POST /v1/claims/:reference/information-requests/:requestId/due-date': {
    app: 'caseworker',
    as: 'caseworker',
    url: (f) => claim(`/information-requests/${randomUUID()}/due-date`)(f),
    template: () => ({ version: 1, workingDays: 10, reason: 'The hospital asked for more time.' }),
  },
  'POST /v1/claims/:reference/information-requests/:requestId/response': {
    app: 'caseworker',
    as: 'caseworker',
    url: (f) => claim(`/information-requests/${randomUUID()}/response`)(f),
    template: () => ({
      version: 1,
      summary: 'The GP confirmed the treatment dates.',
      documentIds: ['5e1d0c7b-8a9f-4e3d-b2c1-0f9e8d7c6b02'],
    }),
  },
  'POST /v1/claims/:reference/information-requests/:requestId/cancellation': {
    app: 'caseworker',
    as: 'caseworker',
    url: (f) => claim(`/information-requests/${randomUUID()}/cancellation`)(f),
    template: () => ({ version: 1, reason: 'The letter arrived by post.' }),
  },
  'POST /v1/claims/:reference/notes': {
    app: 'caseworker',
    as: 'caseworker',
    url: claim('/notes'),
    template: () => ({ version: 1, body: 'Called the applicant.' }),
  },
  'POST /v1/claims/:reference/judgements': {
    app: 'caseworker',
    as: 'caseworker',
    url: claim('/judgements'),
    template: () => ({ version: 1, judgements: [{ kind: 'conduct', reason: 'No bearing.' }] }),
  },
  'POST /v1/claims/:reference/award-calculations': {
    app: 'caseworker',
    as: 'caseworker',
    url: claim('/award-calculations'),
    template: () => ({ decidedOn: '2026-11-27', injuries: [{ code: 'A-HEAD-BRAIN-MINOR' }] }),
  },
  'POST /v1/claims/:reference/decisions': {
    app: 'caseworker',
    as: 'caseworker',
    url: claim('/decisions'),
    template: () => ({ version: 1, kind: 'award', awardCalculationId: randomUUID(), reasons: 'The notes confirm it.' }),
  },
  'POST /v1/claims/:reference/decisions/:decisionId/approval': {
    app: 'caseworker',
    as: 'senior-caseworker',
    url: (f) => claim(`/decisions/${randomUUID()}/approval`)(f),
    template: () => ({ version: 1 }),
  },
  'POST /v1/claims/:reference/decisions/:decisionId/rejection': {
    app: 'caseworker',
    as: 'senior-caseworker',
    url: (f) => claim(`/decisions/${randomUUID()}/rejection`)(f),
    template: () => ({ version: 1, reasonCode: 'amount-wrong' }),
  },
  'POST /v1/claims/:reference/reviews': {
    app: 'caseworker',
    as: 'caseworker',
    url: claim('/reviews'),
    template: () => ({ version: 1, requestedOn: '2026-11-27' }),
  },
  'POST /v1/claims/:reference/review-decision': {
    app: 'caseworker',
    as: 'caseworker',
    url: claim('/review-decision'),
    template: () => ({ version: 1, kind: 'refusal', reasons: 'The original decision stands.' }),
  },
  'POST /v1/claims/:reference/appeals': {
    app: 'caseworker',
    as: 'caseworker',
    url: claim('/appeals'),
    template: () => ({ version: 1, lodgedOn: '2026-11-27', tribunalReference: 'FTT/123' }),
  },
  'POST /v1/claims/:reference/appeals/:appealId/outcome': {
    app: 'caseworker',
    as: 'caseworker',
    url: (f) => claim(`/appeals/${randomUUID()}/outcome`)(f),
    template: () => ({ version: 1, outcome: 'upheld', outcomeOn: '2026-11-27' }),
  },
  'POST /v1/claims/:reference/payments': {
    app: 'caseworker',
    as: 'caseworker',
    url: claim('/payments'),
    template: () => ({ version: 1, kind: 'final', amountPence: 1000, payeeId: randomUUID() }),
  },
  'POST /v1/claims/:reference/payments/:paymentId/approval': {
    app: 'caseworker',
    as: 'senior-caseworker',
    url: (f) => claim(`/payments/${randomUUID()}/approval`)(f),
    template: () => ({ version: 1 }),
  },
  'POST /v1/claims/:reference/payees': {
    app: 'caseworker',
    as: 'caseworker',
    url: claim('/payees'),
    template: () => ({ version: 1, payeeKind: 'deputy', account: 'BANK 1234' }),
  },
  'POST /v1/claims/:reference/payees/:payeeId/approval': {
    app: 'caseworker',
    as: 'senior-caseworker',
    url: (f) => claim(`/payees/${randomUUID()}/approval`)(f),
    template: () => ({ version: 1 }),
  },
  'POST /v1/claims/:reference/referrals': {
    app: 'caseworker',
    as: 'caseworker',
    url: claim('/referrals'),
    template: () => ({ needs: ['emotional-support'], summary: 'Please call in the morning.' }),
  },
  'POST /v1/claims/:reference/referrals/:referralId/consent-withdrawal': {
    app: 'caseworker',
    as: 'caseworker',
    url: (f) => claim(`/referrals/${randomUUID()}/consent-withdrawal`)(f),
    template: () => ({ method: 'phone', withdrawnAt: '2026-11-27T10:00:00Z', reasonCode: 'other' }),
  },
  'POST /v1/partner/referrals/:referralId/acknowledge': {
    app: 'caseworker',
    as: 'partner-a',
    url: partner('acknowledge'),
    template: () => ({ note: 'Received.' }),
  },
  'POST /v1/partner/referrals/:referralId/accept': {
    app: 'caseworker',
    as: 'partner-a',
    url: partner('accept'),
    template: () => ({ note: 'Taking it on.' }),
  },
  'POST /v1/partner/referrals/:referralId/decline': {
    app: 'caseworker',
    as: 'partner-a',
    url: partner('decline'),
    template: () => ({ reason: 'no-capacity', note: 'Full until March.' }),
  },
  'POST /v1/partner/referrals/:referralId/updates': {
    app: 'caseworker',
    as: 'partner-a',
    url: partner('updates'),
    template: () => ({ note: 'First session booked.' }),
  },
  'POST /v1/partner/referrals/:referralId/close': {
    app: 'caseworker',
    as: 'partner-a',
    url: partner('close'),
    template: () => ({ outcome: 'support-given', note: 'Finished.' }),
  },
  // Partner portal sign-in (docs/partner-portal.md).
  'POST /v1/partner/auth/sign-in': {
    app: 'caseworker',
    as: 'none',
    url: () => '/v1/partner/auth/sign-in',
    template: () => ({ email: 'bad-input@example.org' }),
  },
  'POST /v1/partner/auth/code': {
    app: 'caseworker',
    as: 'none',
    url: () => '/v1/partner/auth/code',
    template: () => ({ challenge: `rpc_${'A'.repeat(43)}`, code: '123456' }),
  },
  'POST /v1/partner/auth/totp-setup': {
    app: 'caseworker',
    as: 'none',
    url: () => '/v1/partner/auth/totp-setup',
    template: () => ({ challenge: `rpc_${'A'.repeat(43)}` }),
  },
  'POST /v1/partner/auth/totp-setup/confirm': {
    app: 'caseworker',
    as: 'none',
    url: () => '/v1/partner/auth/totp-setup/confirm',
    template: () => ({ challenge: `rpc_${'A'.repeat(43)}`, code: '123456' }),
  },
  'POST /v1/partner/auth/second-factor': {
    app: 'caseworker',
    as: 'none',
    url: () => '/v1/partner/auth/second-factor',
    template: () => ({ challenge: `rpc_${'A'.repeat(43)}`, method: 'totp', code: '123456' }),
  },
  'PATCH /v1/partner/organisation/services/:serviceId': {
    app: 'caseworker',
    as: 'partner-a',
    url: () => `/v1/partner/organisation/services/${serviceOfA}`,
    template: () => ({ acceptingReferrals: true, description: 'Open to new referrals.', minimumAge: 16 }),
  },
  'POST /v1/support-organisations/:organisationId/users': {
    app: 'caseworker',
    as: 'administrator',
    url: (f) => `/v1/support-organisations/${f.partnerB.organisationId}/users`,
    template: () => ({ email: 'first-admin@example.org', role: 'administrator' }),
  },
};

/** Routes that change something but take no JSON body (multipart, or nothing). */
const withoutBody = [
  'POST /v1/applications',
  'DELETE /v1/applications/:id',
  'POST /v1/applications/:id/documents',
  'DELETE /v1/applications/:id/documents/:documentId',
  'POST /v1/claims/:reference/acceptance',
  'POST /v1/referral-consents/:organisationId/withdrawal',
  'POST /v1/work/next',
  'POST /v1/partner/auth/sign-out',
  'DELETE /v1/partner/organisation/users/:userId',
  // These take a body (users, webhook), but only from a person signed in to the portal (no fixture here has one):
  // their bad input is tested in test/partner-users.e2e-spec.ts.
  'POST /v1/partner/organisation/users',
  'PUT /v1/partner/organisation/webhook',
  'POST /v1/partner/organisation/api-keys',
  'POST /v1/partner/organisation/api-keys/revocation',
];

/** The same seed for every run; each route draws its own stream of bodies from it. */
function bodiesFor(route: string, f: SecurityFixtures): Array<MalformedBody & { index: number }> {
  const seed = SEED ^ createHash('sha256').update(route).digest().readUInt32BE(0);
  const spec = routes[route]!;
  // A route whose template changes with the body (the sections) draws for each template in turn.
  const templates = [0, 1, 2, 3, 4].map((index) => spec.template(f, index));
  const varies = new Set(templates.map((template) => JSON.stringify(template))).size > 1;
  if (!varies) return fc.sample(malformedBodies(templates[0]!), { numRuns: BODIES_PER_ROUTE, seed }).map(numbered);
  const perTemplate = Math.ceil(BODIES_PER_ROUTE / templates.length);
  return templates
    .flatMap((template, t) =>
      fc.sample(malformedBodies(template), { numRuns: perTemplate, seed: seed + t }).map((body, i) => ({
        ...body,
        index: t + i * templates.length,
      })),
    )
    .sort((a, b) => a.index - b.index);
}
const numbered = (body: MalformedBody, index: number) => ({ ...body, index });

describe('bad input on every JSON route of both APIs', () => {
  let apis: SecurityApis;
  let f: SecurityFixtures;
  const staff = (role: StaffRole) => testStaff(role, { team: 'security' }).authorization;

  beforeAll(async () => {
    // Named limits out of the way, and forwarded addresses trusted so that the sign-in routes' fixed per-client
    // limits count each request as its own client: otherwise answers would be 429s, not validation.
    apis = await startSecurityApis('bad_input', {
      TRUST_PROXY: 'true',
      RATE_LIMIT_OVERRIDES:
        'referral-proposals=1000000/60000,application-submission=1000000/60000,eligibility-check=1000000/60000',
    });
    f = await buildSecurityFixtures(apis);
  }, 120_000);
  afterAll(async () => {
    await apis?.close();
  });

  /** The number of rows of every table of the public schema. */
  async function rowCounts(): Promise<Record<string, number>> {
    const tables = await apis.db.query<Array<{ name: string }>>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const rows = await apis.db.query<Array<{ name: string; n: number }>>(
      tables.map(({ name }) => `SELECT '${name}' AS name, count(*)::int AS n FROM "${name}"`).join(' UNION ALL '),
    );
    return Object.fromEntries(rows.map(({ name, n }) => [name, n]));
  }

  it('lists every route that takes a body', () => {
    const changing = (app: NestFastifyApplication) =>
      routeInventory(app.getHttpAdapter().getInstance())
        .filter((route) => route.url.startsWith('/v1/') && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method))
        .map((route) => `${route.method} ${route.url}`);
    expect([...changing(apis.citizenApi), ...changing(apis.caseworkerApi)].sort()).toEqual(
      [...Object.keys(routes), ...withoutBody].sort(),
    );
  });

  let client = 0;
  it.each(Object.keys(routes))('%s: 200+ malformed bodies, all 400 problem+json, nothing written', async (route) => {
    const spec = routes[route]!;
    const app = spec.app === 'citizen' ? apis.citizenApi : apis.caseworkerApi;
    const fastify = app.getHttpAdapter().getInstance();
    const bodies = bodiesFor(route, f);
    expect(bodies.length).toBeGreaterThanOrEqual(BODIES_PER_ROUTE);
    const credentials =
      spec.as === 'none'
        ? undefined
        : spec.as === 'owner'
          ? f.owner.authorization
          : spec.as === 'partner-a'
            ? `Bearer ${f.partnerA.apiKey}`
            : staff(spec.as);
    const [method] = route.split(' ') as ['POST' | 'PUT' | 'PATCH'];

    const before = await rowCounts();
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        client += 1;
        const response = await fastify.inject({
          method,
          url: spec.url(f, body.index),
          headers: {
            'content-type': 'application/json',
            'x-forwarded-for': `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}`,
            ...(credentials ? { authorization: credentials } : {}),
            ...spec.headers?.(f),
          },
          // Each request its own address at sign-in, so that the per-address limits never answer instead.
          payload: body.payload.replaceAll('bad-input@example.test', `bad-input-${client}@example.test`),
        });
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        const problem = String(response.headers['content-type'] ?? '').includes('application/problem+json');
        const tooLarge = response.statusCode === 413 && Buffer.byteLength(body.payload) > 256 * 1024;
        if ((response.statusCode !== 400 && !tooLarge) || !problem) {
          failures.push(
            `#${body.index} ${body.category} -> ${response.statusCode} ${response.body.slice(0, 160)} | ${body.payload.slice(0, 160)}`,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const after = await rowCounts();

    expect(failures.slice(0, 10)).toEqual([]);
    expect(Object.fromEntries(Object.entries(after).filter(([table, n]) => before[table] !== n))).toEqual({});
    expect([...statuses.keys()].every((status) => status < 500)).toBe(true);
  });
});
