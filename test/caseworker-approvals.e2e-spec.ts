import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { seedClaim, startCaseworkerApi, testStaff, type SeededClaim } from './support/caseworker-api.js';
import { createIsolatedDatabase } from './support/isolated-database.js';

describe('caseworker API: what waits for my approval (GET /v1/approvals)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  // A database of its own: the list spans every claim, so other suites' proposals would appear in it.
  let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;
  const senior = testStaff('senior-caseworker');
  const proposer = testStaff('senior-caseworker');
  const get = (path: string, who?: { authorization: string }) => {
    const call = request(app.getHttpServer()).get(path);
    return who ? call.set('authorization', who.authorization) : call;
  };

  const pendingDecision = async (claim: SeededClaim, by: string, at: Date): Promise<string> => {
    const id = randomUUID();
    await db.query(
      `INSERT INTO claim_decision (id, claim_id, kind, amount_pence, reasons_encrypted, needs_approval, approval_reasons,
         status, proposed_by_staff_id, proposed_at)
       VALUES ($1, $2, 'award', 6000000, 'not-read-here', true, '{award-above-threshold}', 'pending-approval', $3, $4)`,
      [id, claim.claimId, by, at],
    );
    return id;
  };
  const proposedPayment = async (claim: SeededClaim, by: string, calculatedBy: string, at: Date): Promise<string> => {
    await db.query(
      `INSERT INTO award_calculation (id, claim_id, edition, total_pence, gross_pence, calculation_encrypted,
         calculated_by_staff_id, calculated_at) VALUES ($1, $2, 'cics-2012', 110000, 110000, 'not-read-here', $3, $4)`,
      [randomUUID(), claim.claimId, calculatedBy, at],
    );
    const id = randomUUID();
    await db.query(
      `INSERT INTO claim_payment (id, claim_id, kind, amount_pence, payee_kind, payee_reference_encrypted, status,
         requested_by_staff_id, requested_at) VALUES ($1, $2, 'interim', 50000, 'victim', 'not-read-here', 'proposed', $3, $4)`,
      [id, claim.claimId, by, at],
    );
    return id;
  };

  let visibleDecision: { claim: SeededClaim; id: string };
  let visiblePayment: { claim: SeededClaim; id: string };
  beforeAll(async () => {
    database = await createIsolatedDatabase('approvals');
    app = await startCaseworkerApi({ DATABASE_URL: database.url });
    db = app.get(DataSource);
    const t = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 9, minutes));
    const a = await seedClaim(app, { status: 'decision_pending_approval' });
    visibleDecision = { claim: a, id: await pendingDecision(a, proposer.staffId, t(1)) };
    // The senior's own proposal: never theirs to approve.
    await pendingDecision(await seedClaim(app, { status: 'decision_pending_approval' }), senior.staffId, t(2));
    const c = await seedClaim(app, { status: 'decided' });
    visiblePayment = { claim: c, id: await proposedPayment(c, proposer.staffId, 'staff-calculator', t(3)) };
    // A payment of an award the senior calculated: not theirs to approve.
    await proposedPayment(await seedClaim(app, { status: 'decided' }), proposer.staffId, senior.staffId, t(4));
    // A restricted claim that names someone else: the senior may not see it at all.
    const hidden = await seedClaim(app, { status: 'decision_pending_approval' });
    await db.query(`UPDATE claim SET restricted = true WHERE id = $1`, [hidden.claimId]);
    await db.query(
      `INSERT INTO claim_restricted_staff (claim_id, staff_id, granted_by_staff_id, granted_at)
       VALUES ($1, 'someone-else', 'a-leader', now())`,
      [hidden.claimId],
    );
    await pendingDecision(hidden, proposer.staffId, t(5));
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('lists only what the signed-in senior caseworker may approve, oldest first, a page at a time', async () => {
    const first = await get('/v1/approvals?limit=1', senior).expect(200);
    expect(first.body.items).toEqual([
      {
        kind: 'decision',
        id: visibleDecision.id,
        reference: visibleDecision.claim.reference,
        what: 'award',
        amountPence: 6_000_000,
        proposedBy: proposer.staffId,
        proposedAt: '2026-12-01T09:01:00.000Z',
      },
    ]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await get(`/v1/approvals?limit=1&cursor=${first.body.nextCursor}`, senior).expect(200);
    expect(second.body).toEqual({
      items: [
        {
          kind: 'payment',
          id: visiblePayment.id,
          reference: visiblePayment.claim.reference,
          what: 'interim',
          amountPence: 50_000,
          proposedBy: proposer.staffId,
          proposedAt: '2026-12-01T09:03:00.000Z',
        },
      ],
      nextCursor: null,
    });
    // The proposer sees the senior's own proposal and the payment the senior calculated, but not their own.
    const theirs = await get('/v1/approvals', proposer).expect(200);
    expect(theirs.body.items.map((item: { kind: string }) => item.kind)).toEqual(['decision']);
  });

  it('refuses roles that do not approve, and a caller without a token', async () => {
    for (const role of ['caseworker', 'team-leader', 'auditor', 'administrator'] as const) {
      const response = await get('/v1/approvals', testStaff(role)).expect(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    await get('/v1/approvals').expect(401);
  });

  it('answers bad input with a 400 problem and changes nothing', async () => {
    const before = await db.query(`SELECT count(*)::int AS n FROM audit_log`);
    for (const query of ['limit=0', 'limit=101', 'limit=x', 'cursor=%3Cscript%3E', 'cursor=bm90LWEtY3Vyc29y']) {
      const response = await get(`/v1/approvals?${query}`, senior);
      expect([query, response.status]).toEqual([query, 400]);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect(await db.query(`SELECT count(*)::int AS n FROM audit_log`)).toEqual(before);
  });
});
