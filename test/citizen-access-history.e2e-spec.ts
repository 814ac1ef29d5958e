import { accessHistoryQuery } from '@redress/persistence';
import { AuditLog } from '@redress/platform';
import request from 'supertest';
import { submittedClaim } from './support/applications.js';
import { testStaff } from './support/caseworker-api.js';
import { createTestCitizen, type TestCitizen } from './support/citizen-api.js';
import {
  buildSecurityFixtures,
  ORG_A,
  startSecurityApis,
  type SecurityApis,
  type SecurityFixtures,
} from './support/security-fixtures.js';

interface Entry {
  at: string;
  firstAt: string;
  count: number;
  who: {
    kind: string;
    role?: string;
    team?: string | null;
    organisationId?: string;
    organisationName?: string | null;
    description: string;
  };
  purpose: string;
  purposeDescription: string;
  viewed: { type: string; claimReference: string | null; referralId?: string; views: string[] };
}

/**
 * "Who has seen my claim" (GET /v1/me/access-history): staff reads of the citizen's claims and support
 * organisations' reads of their referrals, seeded through the real caseworker and partner routes (and, for reads
 * at chosen times, through AuditLog.record as the access logs write them).
 */
describe('GET /v1/me/access-history', () => {
  let apis: SecurityApis;
  let f: SecurityFixtures;
  const caseworker = testStaff('caseworker', { team: 'general' });
  const auditor = testStaff('auditor', { team: 'general' });
  const claimIdOf = async (reference: string) =>
    (await apis.db.query<Array<{ id: string }>>('SELECT id FROM claim WHERE reference = $1', [reference]))[0]!.id;
  const history = (who: TestCitizen, query: Record<string, string | number> = {}) =>
    request(apis.citizenApi.getHttpServer())
      .get('/v1/me/access-history')
      .query(query)
      .set('authorization', who.authorization);
  const staffRead = (staff: ReturnType<typeof testStaff>, reference: string, purpose: string) =>
    request(apis.caseworkerApi.getHttpServer())
      .get(`/v1/claims/${reference}`)
      .query({ purpose })
      .set('authorization', staff.authorization)
      .expect(200);
  let othersClaim: string;

  beforeAll(async () => {
    apis = await startSecurityApis('access_history');
    f = await buildSecurityFixtures(apis);
    othersClaim = (await submittedClaim(apis.citizenApi, f.other)).reference;
    await staffRead(caseworker, f.claims.submitted, 'casework');
    await staffRead(caseworker, f.claims.submitted, 'casework');
    await staffRead(auditor, f.claims.submitted, 'audit');
    await staffRead(caseworker, othersClaim, 'casework');
    const partner = () => request(apis.caseworkerApi.getHttpServer());
    await partner()
      .get(`/v1/partner/referrals/${f.referrals.sentToA}`)
      .set('authorization', `Bearer ${f.partnerA.apiKey}`)
      .expect(200);
    // The list names the owner's referral and a third citizen's.
    await partner().get('/v1/partner/referrals').set('authorization', `Bearer ${f.partnerA.apiKey}`).expect(200);
    // The citizen's own read (were one ever logged) is not a recipient of their data.
    await apis.citizenApi.get(AuditLog).record({
      actorType: 'citizen',
      actorId: f.owner.citizenId,
      action: 'claim.read',
      targetType: 'claim',
      targetId: await claimIdOf(f.claims.submitted),
      details: { view: 'claim', purpose: 'casework' },
    });
  }, 180_000);
  afterAll(async () => {
    await apis?.close();
  });

  it('shows a caseworker’s reads of the victim’s claim by role, team and purpose, never a staff id', async () => {
    const response = await history(f.owner).expect(200);
    const entries = response.body.entries as Entry[];
    const casework = entries.filter(
      (entry) => entry.viewed.claimReference === f.claims.submitted && entry.who.role === 'caseworker',
    );
    expect(casework.reduce((sum, entry) => sum + entry.count, 0)).toBe(2);
    expect(casework[0]).toMatchObject({
      who: { kind: 'staff', role: 'caseworker', team: 'general', description: 'a caseworker in team general' },
      purpose: 'casework',
      purposeDescription: 'to work on your claim',
      viewed: { type: 'claim', claimReference: f.claims.submitted, views: ['claim'] },
    });
    expect(entries).toContainEqual(
      expect.objectContaining({
        who: { kind: 'staff', role: 'auditor', team: null, description: 'an auditor' },
        purpose: 'audit',
        count: 1,
      }),
    );
    const body = JSON.stringify(response.body);
    expect(body).not.toContain(caseworker.staffId);
    expect(body).not.toContain(auditor.staffId);
    expect(body).not.toMatch(/staffId|actorId/);
    // The citizen's own read is not listed: every entry is staff or an organisation.
    expect(entries.every((entry) => ['staff', 'support-organisation'].includes(entry.who.kind))).toBe(true);
    expect(entries.filter((entry) => entry.viewed.claimReference === f.claims.submitted)).toHaveLength(
      casework.length + 1,
    );
  });

  it('shows a support organisation’s reads of the victim’s referral with its public name', async () => {
    const entries = (await history(f.owner).expect(200)).body.entries as Entry[];
    const partnerReads = entries.filter((entry) => entry.who.kind === 'support-organisation');
    expect(partnerReads.every((entry) => entry.viewed.referralId === f.referrals.sentToA)).toBe(true);
    expect(partnerReads.reduce((sum, entry) => sum + entry.count, 0)).toBe(2);
    expect(partnerReads[0]).toMatchObject({
      who: {
        kind: 'support-organisation',
        organisationId: ORG_A,
        organisationName: 'Harbourlight Victim Care',
        description: 'Harbourlight Victim Care (a support organisation)',
      },
      purpose: 'support-referral',
      viewed: { type: 'referral', referralId: f.referrals.sentToA },
    });
    expect(partnerReads.flatMap((entry) => entry.viewed.views).sort()).toEqual(['list', 'referral']);
  });

  it('never shows another victim’s reads, and the other victim sees only their own', async () => {
    const owners = JSON.stringify((await history(f.owner).expect(200)).body);
    expect(owners).not.toContain(othersClaim);
    expect(owners).not.toContain(f.referrals.secondSentToA);
    const others = (await history(f.other).expect(200)).body.entries as Entry[];
    expect(others).toEqual([
      expect.objectContaining({
        who: expect.objectContaining({ role: 'caseworker', team: 'general' }),
        count: 1,
        viewed: { type: 'claim', claimReference: othersClaim, views: ['claim'] },
      }),
    ]);
    const nobody = await createTestCitizen(apis.citizenApi);
    expect((await history(nobody).expect(200)).body).toEqual({ entries: [], nextCursor: null });
  });

  it('still shows the owner the reads of a claim that is now restricted', async () => {
    const before = (await history(f.owner).expect(200)).body.entries as Entry[];
    await apis.db.query(`UPDATE claim SET restricted = true WHERE reference = $1`, [f.claims.submitted]);
    try {
      expect((await history(f.owner).expect(200)).body.entries).toEqual(before);
      expect(before.some((entry) => entry.viewed.claimReference === f.claims.submitted)).toBe(true);
    } finally {
      await apis.db.query(`UPDATE claim SET restricted = false WHERE reference = $1`, [f.claims.submitted]);
    }
  });

  it('refuses anonymous callers, staff tokens and bad paging with problem+json', async () => {
    const server = apis.citizenApi.getHttpServer();
    const anonymous = await request(server).get('/v1/me/access-history').expect(401);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
    await request(server).get('/v1/me/access-history').set('authorization', caseworker.authorization).expect(401);
    const queries: Array<Record<string, string | number>> = [
      { limit: 0 },
      { limit: 101 },
      { limit: 'ten' },
      { cursor: 'not a cursor!' },
      { cursor: 'e30' },
    ];
    for (const query of queries) {
      const response = await history(f.owner, query);
      expect([query, response.status]).toEqual([query, 400]);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('groups reads by role and purpose within each hour, newest first, and pages through them by cursor', async () => {
    const citizen = await createTestCitizen(apis.citizenApi);
    const reference = (await submittedClaim(apis.citizenApi, citizen)).reference;
    const claimId = await claimIdOf(reference);
    const audit = apis.citizenApi.get(AuditLog);
    const read = (occurredAt: Date, purpose: string, roles: string[], view = 'claim') =>
      audit.record({
        actorType: 'staff',
        actorId: `staff-${roles[0]}`,
        action: 'claim.read',
        targetType: 'claim',
        targetId: claimId,
        details: { view, purpose, roles, team: 'north' },
        occurredAt,
      });
    const hour = (n: number) => new Date(Date.UTC(2026, 0, 10, n, 0, 0));
    const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);
    // Hour 9: three casework reads (two views) are one entry; a review read is another.
    await read(minutes(hour(9), 5), 'casework', ['caseworker']);
    await read(minutes(hour(9), 20), 'casework', ['caseworker'], 'decision');
    await read(minutes(hour(9), 59), 'casework', ['caseworker']);
    await read(minutes(hour(9), 30), 'review', ['senior-caseworker']);
    // Hours 10 to 14: one approval read each (written out of order).
    for (const n of [12, 10, 14, 11, 13]) await read(minutes(hour(n), 1), 'approval', ['senior-caseworker']);
    // An earlier hour's casework read is a separate entry from hour 9's.
    await read(minutes(hour(8), 50), 'casework', ['caseworker']);

    const pages: Entry[][] = [];
    let cursor: string | null = null;
    do {
      const response: request.Response = await history(citizen, { limit: 3, ...(cursor ? { cursor } : {}) }).expect(
        200,
      );
      pages.push(response.body.entries as Entry[]);
      cursor = response.body.nextCursor as string | null;
    } while (cursor && pages.length < 10);
    expect(pages.map((page) => page.length)).toEqual([3, 3, 2]);
    const entries = pages.flat();
    expect(entries.map((entry) => [entry.at, entry.purpose, entry.count])).toEqual([
      [minutes(hour(14), 1).toISOString(), 'approval', 1],
      [minutes(hour(13), 1).toISOString(), 'approval', 1],
      [minutes(hour(12), 1).toISOString(), 'approval', 1],
      [minutes(hour(11), 1).toISOString(), 'approval', 1],
      [minutes(hour(10), 1).toISOString(), 'approval', 1],
      // Within an hour, the group whose first read came last is first.
      [minutes(hour(9), 30).toISOString(), 'review', 1],
      [minutes(hour(9), 59).toISOString(), 'casework', 3],
      [minutes(hour(8), 50).toISOString(), 'casework', 1],
    ]);
    expect(entries[6]).toMatchObject({
      firstAt: minutes(hour(9), 5).toISOString(),
      who: { role: 'caseworker', team: 'north', description: 'a caseworker in team north' },
      viewed: { claimReference: reference, views: ['claim', 'decision'] },
    });
    expect(entries[0]!.who.description).toBe('a senior caseworker in team north');
    // The same pages again, in one page of 100.
    expect((await history(citizen, { limit: 100 }).expect(200)).body).toEqual({ entries, nextCursor: null });
  });

  it('reads the audit log through its indexes, not by scanning it', async () => {
    // Enough unrelated reads that a scan would cost more than the indexes.
    await apis.db.query(
      `INSERT INTO audit_log (id, occurred_at, actor_type, actor_id, action, target_type, target_id, details)
       SELECT gen_random_uuid(), now() - n * interval '1 minute', 'staff', 'staff-bulk', 'claim.read', 'claim',
              gen_random_uuid()::text, '{"view":"claim","purpose":"casework","roles":["caseworker"],"team":"bulk"}'
       FROM generate_series(1, 20000) AS n`,
    );
    await apis.db.query(
      `INSERT INTO audit_log (id, occurred_at, actor_type, actor_id, action, target_type, target_id, details)
       SELECT gen_random_uuid(), now() - n * interval '1 minute', 'partner', 'partner-bulk', 'referral.read',
              'referral', NULL,
              jsonb_build_object('view', 'list', 'organisationId', $1::text, 'count', 1,
                                 'referralIds', jsonb_build_array(gen_random_uuid()::text))
       FROM generate_series(1, 5000) AS n`,
      [ORG_A],
    );
    // Only the table's owner may ANALYZE it (the app role is refused with a warning and nothing done).
    await apis.owner.query('ANALYZE audit_log');
    const { sql, parameters } = accessHistoryQuery(f.owner.citizenId, { after: null, limit: 26 });
    const [row] = await apis.db.query<Array<{ 'QUERY PLAN': unknown }>>(`EXPLAIN (FORMAT JSON) ${sql}`, parameters);
    const plan = JSON.stringify(row!['QUERY PLAN']);
    const scans = [...plan.matchAll(/"Relation Name":"audit_log"/g)].length;
    expect(scans).toBe(3);
    // Claims and single referrals by their target; list reads by the ids they name (migration 1764460000000).
    expect(plan).toContain('audit_log_target_idx');
    expect(plan).toContain('audit_log_referral_list_reads_idx');
    expect(plan).not.toMatch(/"Seq Scan"[^{}]*"Relation Name":"audit_log"/);
  });
});
