import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { currentConsentWording } from '@redress/domain';
import { routeInventory } from '@redress/platform';
import request from 'supertest';
import type { StaffRole } from '../apps/caseworker-api/src/auth/index.js';
import { eligibilityExamples } from '../apps/citizen-api/src/eligibility/eligibility-examples.js';
import { testStaff } from './support/caseworker-api.js';
import { OpenApiContract, type Answer } from './support/openapi-contract.js';
import {
  buildSecurityFixtures,
  caseworkerMatrixRoutes,
  startSecurityApis,
  type SecurityApis,
  type SecurityFixtures,
} from './support/security-fixtures.js';

/**
 * The authorisation matrix over both APIs: every citizen API route and every partner route of the caseworker API,
 * called as every kind of actor. Staff routes are the caseworker matrix's (test/caseworker-access.e2e-spec.ts);
 * here they are only checked to be listed there, and to refuse citizen and partner credentials. A route served
 * by either app that neither table lists fails the suite.
 *
 * Kinds of route:
 * - `owned`: one citizen's resource. The owner gets `owner`; another citizen 404 (as if it did not exist) and
 *   nothing changes; anonymous callers, staff tokens and partner keys 401.
 * - `self`: the caller's own things (lists, their data, a new draft). Another citizen gets the same status as the
 *   owner but never a trace of the owner's resources; everyone else 401.
 * - `public`: no credentials needed (sign-in, the eligibility checker). Every actor gets the same answer: a
 *   credential of any kind changes nothing.
 * - `partner`: one organisation's referral. Organisation A (the owner) gets `owner`; B 404 and nothing changes;
 *   citizens, staff and anonymous callers 401.
 * - `partner-list`: A sees its referral; B gets 200 without it; everyone else 401.
 * - `partner-any`: every partner key gets `owner` (403 on the routes only a person signed in to the partner portal
 *   may use: test/partner-users.e2e-spec.ts), everyone else 401.
 */
type Kind = 'owned' | 'self' | 'public' | 'partner' | 'partner-list' | 'partner-any';
type Actor = 'anonymous' | 'owner' | 'other-citizen' | `staff:${StaffRole}` | 'partner-a' | 'partner-b';
const staffRoles: StaffRole[] = ['caseworker', 'senior-caseworker', 'team-leader', 'auditor', 'administrator'];
const actors: Actor[] = [
  'anonymous',
  'other-citizen',
  ...staffRoles.map((role) => `staff:${role}` as const),
  'partner-a',
  'partner-b',
  'owner',
];

interface Entry {
  kind: Kind;
  /** The owner's status (for `public`, everyone's). */
  owner: number;
  /** The other citizen's status on an `owned` route, when it is not 404 (sign-out answers alike for any token). */
  other?: number;
  url?: (f: SecurityFixtures) => string;
  body?: (f: SecurityFixtures, actor: Actor) => object;
  headers?: (f: SecurityFixtures) => Record<string, string>;
  file?: boolean;
}

const wordingVersion = currentConsentWording['support-referral'].version;
/** A service of organisation A (Harbourlight) in the seed directory, for the partner directory routes. */
const serviceOfA: string = JSON.parse(readFileSync('data/directory/seed-directory.json', 'utf8')).organizations.find(
  (o: { name: string }) => o.name === 'Harbourlight Victim Care',
).services[0].id;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
let emails = 0;

// Ordered so that each owner call finds its fixture in the state it needs (the owner is always called last).
const table: Array<[string, Entry]> = [
  ['POST /v1/auth/codes', { kind: 'public', owner: 202, body: () => ({ email: `matrix-${++emails}@example.test` }) }],
  [
    'POST /v1/auth/tokens',
    { kind: 'public', owner: 400, body: () => ({ email: `matrix-${++emails}@example.test`, code: '000000' }) },
  ],
  ['POST /v1/auth/refresh', { kind: 'public', owner: 400, body: () => ({ refreshToken: 'A'.repeat(43) }) }],
  ['GET /v1/auth/me', { kind: 'self', owner: 200 }],
  ['POST /v1/eligibility-checks', { kind: 'public', owner: 200, body: () => eligibilityExamples.eligible.value }],
  ['GET /v1/applications', { kind: 'self', owner: 200 }],
  ['GET /v1/applications/:id', { kind: 'owned', owner: 200 }],
  ['GET /v1/applications/:id/tasks', { kind: 'owned', owner: 200 }],
  ['GET /v1/applications/:id/eligibility', { kind: 'owned', owner: 200 }],
  [
    'PUT /v1/applications/:id/sections/:section',
    {
      kind: 'owned',
      owner: 200,
      url: (f) => `/v1/applications/${f.drafts.main}/sections/applying-for`,
      body: () => ({ role: 'self' }),
      headers: (f) => ({ 'if-match': f.drafts.mainETag }),
    },
  ],
  ['GET /v1/applications/:id/documents', { kind: 'owned', owner: 200 }],
  ['POST /v1/applications/:id/documents', { kind: 'owned', owner: 201, file: true }],
  [
    'DELETE /v1/applications/:id/documents/:documentId',
    { kind: 'owned', owner: 204, url: (f) => `/v1/applications/${f.drafts.main}/documents/${f.documentId}` },
  ],
  [
    'POST /v1/applications/:id/submission',
    {
      kind: 'owned',
      owner: 201,
      url: (f) => `/v1/applications/${f.drafts.complete}/submission`,
      headers: () => ({ 'idempotency-key': randomUUID() }),
    },
  ],
  ['DELETE /v1/applications/:id', { kind: 'owned', owner: 204, url: (f) => `/v1/applications/${f.drafts.disposable}` }],
  ['POST /v1/applications', { kind: 'self', owner: 201 }],
  ['GET /v1/claims', { kind: 'self', owner: 200 }],
  ['GET /v1/claims/:reference', { kind: 'owned', owner: 200 }],
  [
    'GET /v1/claims/:reference/letters/:letterId',
    { kind: 'owned', owner: 200, url: (f) => `/v1/claims/${f.claims.decided}/letters/${f.letterId}` },
  ],
  [
    'POST /v1/claims/:reference/payment-details',
    { kind: 'owned', owner: 201, body: () => ({ payeeKind: 'victim', account: '40-47-84 70872490' }) },
  ],
  ['POST /v1/claims/:reference/acceptance', { kind: 'owned', owner: 200 }],
  [
    'POST /v1/claims/:reference/withdrawal',
    {
      kind: 'owned',
      owner: 200,
      url: (f) => `/v1/claims/${f.claims.submitted}/withdrawal`,
      body: () => ({ reason: 'no-longer-wanted' }),
    },
  ],
  [
    'POST /v1/claims/:reference/review-request',
    {
      kind: 'owned',
      owner: 201,
      url: (f) => `/v1/claims/${f.claims.reviewable}/review-request`,
      body: () => ({ reasons: 'The award does not reflect how long my arm took to heal.' }),
    },
  ],
  [
    'POST /v1/claims/:reference/information-requests/:requestId/answer',
    {
      kind: 'owned',
      owner: 201,
      url: (f) => `/v1/claims/${f.claims.awaitingInformation}/information-requests/${f.informationRequestId}/answer`,
      body: () => ({ answer: 'My GP letter is on its way.' }),
    },
  ],
  ['GET /v1/referrals', { kind: 'self', owner: 200 }],
  ['GET /v1/referrals/:referralId', { kind: 'owned', owner: 200 }],
  [
    'POST /v1/referrals/:referralId/consent',
    { kind: 'owned', owner: 200, body: () => ({ consent: true, wordingVersion }) },
  ],
  [
    'POST /v1/referrals/proposals',
    {
      kind: 'self',
      owner: 201,
      body: () => ({
        needs: ['emotional-support'],
        age: 40,
        localAuthorityCode: 'E09000007',
        contact: { name: 'Robin', phone: '07700 900123', channels: ['text'], voicemailOk: false },
      }),
    },
  ],
  ['GET /v1/referral-consents', { kind: 'self', owner: 200 }],
  ['POST /v1/referral-consents/:organisationId/withdrawal', { kind: 'owned', owner: 200 }],
  ['GET /v1/me/data', { kind: 'self', owner: 200 }],
  ['GET /v1/me/access-history', { kind: 'self', owner: 200 }],
  ['GET /v1/me/preferences', { kind: 'self', owner: 200 }],
  ['PUT /v1/me/preferences', { kind: 'self', owner: 200, body: () => ({ preferredLanguage: 'cy' }) }],
  [
    'POST /v1/auth/sign-out',
    { kind: 'owned', owner: 204, other: 204, body: (f) => ({ refreshToken: f.owner.refreshToken }) },
  ],
  ['GET /v1/partner/referrals', { kind: 'partner-list', owner: 200 }],
  ['GET /v1/partner/referrals/:referralId', { kind: 'partner', owner: 200 }],
  ['POST /v1/partner/referrals/:referralId/acknowledge', { kind: 'partner', owner: 200, body: () => ({}) }],
  ['POST /v1/partner/referrals/:referralId/accept', { kind: 'partner', owner: 200, body: () => ({}) }],
  [
    'POST /v1/partner/referrals/:referralId/decline',
    {
      kind: 'partner',
      owner: 200,
      url: (f) => `/v1/partner/referrals/${f.referrals.secondSentToA}/decline`,
      body: () => ({ reason: 'no-capacity', note: 'Full until March.' }),
    },
  ],
  [
    'POST /v1/partner/referrals/:referralId/updates',
    { kind: 'partner', owner: 200, body: () => ({ note: 'First session booked.' }) },
  ],
  [
    'POST /v1/partner/referrals/:referralId/close',
    { kind: 'partner', owner: 200, body: () => ({ outcome: 'support-given' }) },
  ],
  // Partner portal sign-in: the same answer for anyone (a challenge no code was sent for is a wrong code).
  ['POST /v1/partner/auth/sign-in', { kind: 'public', owner: 202, body: () => ({ email: 'nobody@example.org' }) }],
  [
    'POST /v1/partner/auth/code',
    { kind: 'public', owner: 400, body: () => ({ challenge: `rpc_${'A'.repeat(43)}`, code: '123456' }) },
  ],
  [
    'POST /v1/partner/auth/totp-setup',
    { kind: 'public', owner: 400, body: () => ({ challenge: `rpc_${'A'.repeat(43)}` }) },
  ],
  [
    'POST /v1/partner/auth/totp-setup/confirm',
    { kind: 'public', owner: 400, body: () => ({ challenge: `rpc_${'A'.repeat(43)}`, code: '123456' }) },
  ],
  [
    'POST /v1/partner/auth/second-factor',
    {
      kind: 'public',
      owner: 400,
      body: () => ({ challenge: `rpc_${'A'.repeat(43)}`, method: 'totp', code: '123456' }),
    },
  ],
  // The organisation's own directory entry: a service of A is 404 to B.
  ['GET /v1/partner/organisation/services', { kind: 'partner-any', owner: 200 }],
  [
    'GET /v1/partner/organisation/services/:serviceId',
    { kind: 'partner', owner: 200, url: () => `/v1/partner/organisation/services/${serviceOfA}` },
  ],
  [
    'PATCH /v1/partner/organisation/services/:serviceId',
    {
      kind: 'partner',
      owner: 200,
      url: () => `/v1/partner/organisation/services/${serviceOfA}`,
      body: () => ({ acceptingReferrals: true }),
    },
  ],
  ['GET /v1/partner/organisation/figures', { kind: 'partner-any', owner: 403 }],
  ['POST /v1/partner/organisation/api-keys', { kind: 'partner-any', owner: 403 }],
  ['POST /v1/partner/organisation/api-keys/revocation', { kind: 'partner-any', owner: 403 }],
  [
    'PUT /v1/partner/organisation/webhook',
    { kind: 'partner-any', owner: 403, body: () => ({ url: 'https://cases.example.org/hook' }) },
  ],
  ['POST /v1/partner/auth/sign-out', { kind: 'partner-any', owner: 403 }],
  ['GET /v1/partner/auth/me', { kind: 'partner-any', owner: 403 }],
  ['GET /v1/partner/organisation/users', { kind: 'partner-any', owner: 403 }],
  [
    'POST /v1/partner/organisation/users',
    { kind: 'partner-any', owner: 403, body: () => ({ email: 'colleague@example.org', role: 'caseworker' }) },
  ],
  [
    'DELETE /v1/partner/organisation/users/:userId',
    { kind: 'partner-any', owner: 403, url: () => `/v1/partner/organisation/users/${randomUUID()}` },
  ],
];

/** Fills a route pattern's parameters with the fixture each parameter usually means. */
function defaultUrl(pattern: string, f: SecurityFixtures): string {
  const partner = pattern.startsWith('/v1/partner/');
  return pattern
    .replace(':id', f.drafts.main)
    .replace(':reference', f.claims.decided)
    .replace(':referralId', partner ? f.referrals.sentToA : f.referrals.proposed)
    .replace(':organisationId', f.partnerB.organisationId);
}

/** Every answer of this suite is checked against the API's OpenAPI document (see the last test). */
const contracts = { citizen: new OpenApiContract('citizen-api'), caseworker: new OpenApiContract('caseworker-api') };
function checkContract(method: string, response: Answer & { request: { url: string } }): void {
  const path = new URL(response.request.url).pathname;
  const contract =
    path.startsWith('/v1/partner/') || path.startsWith('/v1/staff') ? contracts.caseworker : contracts.citizen;
  contract.check(method, path, response);
}

describe('authorisation matrix over the citizen API and the partner API', () => {
  let apis: SecurityApis;
  let f: SecurityFixtures;
  const staff = Object.fromEntries(staffRoles.map((role) => [role, testStaff(role, { team: 'security' })]));

  beforeAll(async () => {
    // Forwarded addresses are trusted so that the sign-in routes' fixed per-client limits count this suite's
    // callers apart from every other suite's (all of them call from 127.0.0.1).
    apis = await startSecurityApis('authorisation_matrix', {
      TRUST_PROXY: 'true',
      RATE_LIMIT_OVERRIDES: 'referral-proposals=1000/60000,application-submission=1000/60000',
    });
    f = await buildSecurityFixtures(apis);
  }, 120_000);
  afterAll(async () => {
    await apis?.close();
  });

  const authorization = (actor: Actor): string | undefined => {
    if (actor === 'anonymous') return undefined;
    if (actor === 'owner') return f.owner.authorization;
    if (actor === 'other-citizen') return f.other.authorization;
    if (actor === 'partner-a') return `Bearer ${f.partnerA.apiKey}`;
    if (actor === 'partner-b') return `Bearer ${f.partnerB.apiKey}`;
    return staff[actor.slice('staff:'.length)]!.authorization;
  };

  let address = 0;
  function call(route: string, entry: Entry, actor: Actor) {
    const [method, pattern] = route.split(' ') as [string, string];
    const app = pattern.startsWith('/v1/partner/') ? apis.caseworkerApi : apis.citizenApi;
    const url = entry.url ? entry.url(f) : defaultUrl(pattern, f);
    let pending = request(app.getHttpServer())
      [method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](url)
      .set('x-forwarded-for', `10.77.${Math.floor(++address / 250)}.${address % 250}`);
    for (const [name, value] of Object.entries(entry.headers?.(f) ?? {})) pending = pending.set(name, value);
    const token = authorization(actor);
    if (token) pending = pending.set('authorization', token);
    if (entry.file) return pending.attach('file', PDF, 'letter.pdf');
    return entry.body ? pending.send(entry.body(f, actor)) : method === 'GET' ? pending : pending.send();
  }

  /** What the owner (citizen and organisation A) holds, to show that nobody else's call changed any of it. */
  const ownerState = async () =>
    (
      await apis.db.query<Array<{ state: unknown }>>(
        `SELECT json_build_object(
           'applications', (SELECT json_agg(json_build_array(id, status, version) ORDER BY id) FROM application
                             WHERE owner_citizen_id = $1),
           'claims', (SELECT json_agg(json_build_array(id, status, version) ORDER BY id) FROM claim
                       WHERE owner_citizen_id = $1),
           'documents', (SELECT count(*) FROM evidence_document WHERE owner_citizen_id = $1),
           'requests', (SELECT json_agg(json_build_array(r.id, r.status) ORDER BY r.id) FROM information_request r
                         JOIN claim c ON c.id = r.claim_id WHERE c.owner_citizen_id = $1),
           'reviews', (SELECT count(*) FROM review_request WHERE requested_by_citizen_id = $1),
           'referrals', (SELECT json_agg(json_build_array(id, status) ORDER BY id) FROM referral
                          WHERE citizen_id = $1 OR id = ANY($2)),
           'consents', (SELECT count(*) FROM referral_consent WHERE citizen_id = $1),
           'payees', (SELECT count(*) FROM claim_payee p JOIN claim c ON c.id = p.claim_id
                       WHERE c.owner_citizen_id = $1),
           'sessions', (SELECT count(*) FROM citizen_session WHERE citizen_id = $1 AND revoked_at IS NULL)
         ) AS state`,
        [f.owner.citizenId, [f.referrals.sentToA, f.referrals.secondSentToA, f.referrals.sentToB]],
      )
    )[0]!.state;

  function expected(entry: Entry, actor: Actor): number {
    const citizen = actor === 'owner' || actor === 'other-citizen';
    const partner = actor === 'partner-a' || actor === 'partner-b';
    switch (entry.kind) {
      case 'public':
        return entry.owner;
      case 'owned':
        return actor === 'owner' ? entry.owner : actor === 'other-citizen' ? (entry.other ?? 404) : 401;
      case 'self':
        return citizen ? entry.owner : 401;
      case 'partner':
        return actor === 'partner-a' ? entry.owner : actor === 'partner-b' ? 404 : 401;
      case 'partner-list':
      case 'partner-any':
        return partner ? entry.owner : 401;
    }
  }

  it('lists every route of both APIs, here or in the caseworker matrix, and none in both', () => {
    const served = (app: SecurityApis['citizenApi']) =>
      routeInventory(app.getHttpAdapter().getInstance())
        .filter((route) => route.url.startsWith('/v1/'))
        .map((route) => `${route.method} ${route.url}`);
    const staffRoutes = caseworkerMatrixRoutes();
    const partner = (route: string) => route.split(' ')[1]!.startsWith('/v1/partner/');
    expect(staffRoutes.length).toBeGreaterThan(20);
    const listed = table.map(([route]) => route);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.filter((route) => partner(route) && staffRoutes.includes(route))).toEqual([]);
    expect(served(apis.citizenApi).sort()).toEqual(listed.filter((route) => !partner(route)).sort());
    expect(served(apis.caseworkerApi).sort()).toEqual([...listed.filter(partner), ...staffRoutes].sort());
  });

  it.each(table)('%s', async (route, entry) => {
    const mutating = !route.startsWith('GET ');
    const secrets = [f.owner.citizenId, f.owner.email, f.drafts.main, f.claims.decided, f.referrals.sentToA];
    const failures: string[] = [];
    // The owning actor goes last, so that everyone else meets the fixture as it was.
    const owning: Actor = entry.kind.startsWith('partner') ? 'partner-a' : 'owner';
    for (const actor of [...actors.filter((a) => a !== owning), owning]) {
      const before = mutating && actor !== owning && entry.kind !== 'public' ? await ownerState() : undefined;
      const response = await call(route, entry, actor);
      checkContract(route.split(' ')[0]!, response);
      const want = expected(entry, actor);
      const problem = String(response.headers['content-type'] ?? '').includes('application/problem+json');
      if (response.status !== want) failures.push(`${actor}: ${response.status}, expected ${want}`);
      else if (want >= 400 && !problem) failures.push(`${actor}: ${want} without problem+json`);
      if (before !== undefined && JSON.stringify(await ownerState()) !== JSON.stringify(before))
        failures.push(`${actor}: changed the owner's data`);
      // Nobody but the owner learns anything of the owner's: no id, email or reference in what they are told.
      const seen = JSON.stringify({ ...(response.body as object), instance: undefined });
      if (actor !== 'owner' && actor !== 'partner-a' && entry.kind !== 'public') {
        const leaked = secrets.filter((secret) => seen.includes(secret));
        if (leaked.length) failures.push(`${actor}: saw ${leaked.join(', ')}`);
      }
      if (entry.kind === 'partner-list' && actor === 'partner-a' && !seen.includes(f.referrals.sentToA))
        failures.push('partner-a: its own referral is missing from its list');
    }
    expect(failures).toEqual([]);
  });

  it.each(caseworkerMatrixRoutes())('%s refuses citizen tokens and partner keys with 401', async (route) => {
    const [method, pattern] = route.split(' ') as [string, string];
    const url = pattern
      .replace(':reference', f.staffClaim.reference)
      .replace(':decisionId', randomUUID())
      .replace(':appealId', randomUUID());
    for (const actor of ['owner', 'other-citizen', 'partner-a', 'partner-b'] as const) {
      const pending = request(apis.caseworkerApi.getHttpServer())
        [method.toLowerCase() as 'get' | 'post' | 'put'](url)
        .set('authorization', authorization(actor)!);
      const response = method === 'GET' ? await pending : await pending.send({});
      contracts.caseworker.check(method, url, response);
      expect([actor, response.status]).toEqual([actor, 401]);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('answers only as the OpenAPI documents say, and each citizen and partner operation succeeded', () => {
    expect([...contracts.citizen.failures, ...contracts.caseworker.failures]).toEqual([]);
    // Sign-in's token and refresh routes are called here without a valid code or token (their successes are
    // auth.e2e-spec.ts's); every other citizen operation succeeded for its owner.
    expect(contracts.citizen.neverSucceeded()).toEqual(['POST /v1/auth/tokens', 'POST /v1/auth/refresh']);
    // The named partner users' sign-in and organisation routes need a signed-in partner user (emailed code and
    // second factor): their successes are partner-users.e2e-spec.ts's. Every other partner operation succeeded here.
    const partnerUserOperations = /^(POST|GET|PUT|DELETE) \/v1\/partner\/(auth|organisation)\//;
    expect(
      contracts.caseworker
        .neverSucceeded()
        .filter((operation) => operation.includes(' /v1/partner/') && !partnerUserOperations.test(operation)),
    ).toEqual([]);
  });
});
