import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { InstructPayment, SystemClock } from '@redress/application';
import { PostgresPaymentInstructions } from '@redress/persistence';
import { FieldCipher } from '@redress/platform';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { HttpFinanceSystem } from '../apps/worker/src/handlers/payments-finance.adapter.js';
import { seedClaim, startCaseworkerApi, testStaff, type SeededClaim } from './support/caseworker-api.js';
import { startCitizenApi } from './support/citizen-api.js';
import { CitizenAccessTokens } from '../apps/citizen-api/src/auth/index.js';

/**
 * Issue 19, point "payments under four eyes": money leaves only when two people agree. One person alone can
 * neither choose who is paid nor send a payment; each refusal is a problem+json answer that changes nothing.
 */
describe('payments under four eyes', () => {
  let staffApi: NestFastifyApplication;
  let citizenApi: NestFastifyApplication;
  let db: DataSource;
  const staffHttp = () => request(staffApi.getHttpServer());
  const holder = testStaff('caseworker');
  const otherCaseworker = testStaff('caseworker');
  const calculatingSenior = testStaff('senior-caseworker');
  const approver = testStaff('senior-caseworker');

  beforeAll(async () => {
    [staffApi, citizenApi] = await Promise.all([startCaseworkerApi(), startCitizenApi()]);
    db = staffApi.get(DataSource);
  });
  afterAll(async () => {
    await Promise.all([staffApi?.close(), citizenApi?.close()]);
  });

  const version = async (claim: SeededClaim) =>
    (await db.query<Array<{ version: number }>>(`SELECT version FROM claim WHERE id = $1`, [claim.claimId]))[0]!
      .version;
  /** Everything a payment step writes, to show that a refusal wrote none of it. */
  const footprint = async (claim: SeededClaim) =>
    (
      await db.query(
        `SELECT json_build_object(
           'version', (SELECT version FROM claim WHERE id = $1),
           'payees', (SELECT json_agg(json_build_array(id, approved_by_staff_id) ORDER BY id) FROM claim_payee
                       WHERE claim_id = $1),
           'payments', (SELECT json_agg(json_build_array(id, status) ORDER BY id) FROM claim_payment WHERE claim_id = $1),
           'outbox', (SELECT count(*) FROM outbox_message WHERE ordering_key = 'claim:' || $1::text),
           'events', (SELECT count(*) FROM claim_event WHERE claim_id = $1)
         ) AS state`,
        [claim.claimId],
      )
    )[0].state;

  /** An in-assessment claim held by `holder`, with an award calculation made by `calculatingSenior`. */
  async function calculated(): Promise<SeededClaim> {
    const claim = await seedClaim(staffApi, { status: 'in_assessment', assignedStaffId: holder.staffId });
    await staffHttp()
      .post(`/v1/claims/${claim.reference}/award-calculations`)
      .set('authorization', calculatingSenior.authorization)
      .send({ decidedOn: '2026-11-27', injuries: [{ code: 'A-HEAD-BRAIN-MINOR' }] })
      .expect(201);
    return claim;
  }

  /** The victim gives their own account through the citizen service (signed in as the claim's owner). */
  async function victimGivesAccount(claim: SeededClaim): Promise<string> {
    const { accessToken } = citizenApi.get(CitizenAccessTokens).issue(claim.citizenId);
    const given = await request(citizenApi.getHttpServer())
      .post(`/v1/claims/${claim.reference}/payment-details`)
      .set('authorization', `Bearer ${accessToken}`)
      .send({ payeeKind: 'victim', account: '40-47-84 70872490' })
      .expect(201);
    return given.body.payeeId as string;
  }

  const propose = async (claim: SeededClaim, as: { authorization: string }, body: Record<string, unknown>) =>
    staffHttp()
      .post(`/v1/claims/${claim.reference}/payments`)
      .set('authorization', as.authorization)
      .send({ version: await version(claim), kind: 'interim', amountPence: 100_000, ...body });
  const approve = async (claim: SeededClaim, as: { authorization: string }, paymentId: string) =>
    staffHttp()
      .post(`/v1/claims/${claim.reference}/payments/${paymentId}/approval`)
      .set('authorization', as.authorization)
      .send({ version: await version(claim) });

  function expectRefusal(response: request.Response, status: number, code?: string) {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    if (code) expect(response.body.code).toBe(code);
  }

  it('pays a victim’s own account only after a second person, a senior who neither proposed nor calculated, approves', async () => {
    const claim = await calculated();
    const payeeId = await victimGivesAccount(claim);
    const proposed = await propose(claim, holder, { payeeId });
    expect(proposed.status).toBe(201);
    expect(proposed.body.status).toBe('proposed');
    // Proposed is not paid: nothing is queued for the finance system, and a stray job for it is refused.
    expect(await db.query(`SELECT 1 FROM outbox_message WHERE ordering_key = $1`, [`claim:${claim.claimId}`])).toEqual(
      [],
    );
    const instruct = new InstructPayment(
      new PostgresPaymentInstructions(db, staffApi.get(FieldCipher)),
      new HttpFinanceSystem('http://127.0.0.1:9', 500),
      new SystemClock(),
    );
    expect(await instruct.execute({ paymentId: proposed.body.id })).toBe('not-approved');

    const before = await footprint(claim);
    expectRefusal(await approve(claim, otherCaseworker, proposed.body.id), 403);
    expectRefusal(await approve(claim, calculatingSenior, proposed.body.id), 403, 'payment.own-calculation');
    expect(await footprint(claim)).toEqual(before);

    const approved = await approve(claim, approver, proposed.body.id);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('instructing');
    expect(
      await db.query(`SELECT payload FROM outbox_message WHERE ordering_key = $1`, [`claim:${claim.claimId}`]),
    ).toEqual([{ payload: { paymentId: proposed.body.id } }]);
    const [row] = await db.query(
      `SELECT status, requested_by_staff_id, approved_by_staff_id FROM claim_payment WHERE id = $1`,
      [proposed.body.id],
    );
    expect(row).toEqual({
      status: 'instructing',
      requested_by_staff_id: holder.staffId,
      approved_by_staff_id: approver.staffId,
    });
    // Every step on the claim's timeline and in the audit log, by whom.
    const events = await db.query(
      `SELECT type, actor_kind, actor_id FROM claim_event WHERE claim_id = $1 AND type LIKE 'claim.pay%' ORDER BY version`,
      [claim.claimId],
    );
    expect(events).toEqual([
      { type: 'claim.payee-recorded', actor_kind: 'citizen', actor_id: claim.citizenId },
      { type: 'claim.payment-proposed', actor_kind: 'caseworker', actor_id: holder.staffId },
      { type: 'claim.payment-approved', actor_kind: 'senior-caseworker', actor_id: approver.staffId },
    ]);
    const audit = await db.query(
      `SELECT action FROM audit_log WHERE target_id = $1 AND action LIKE 'claim.pay%' ORDER BY sequence`,
      [claim.claimId],
    );
    expect(audit.map((entry: { action: string }) => entry.action)).toEqual([
      'claim.payee-recorded',
      'claim.payment-proposed',
      'claim.payment-approved',
    ]);
    // Approved once: a second approval is refused.
    expectRefusal(await approve(claim, testStaff('senior-caseworker'), proposed.body.id), 409, 'payment.not-proposed');
  });

  it('refuses the proposer approving their own payment', async () => {
    const seniorHolder = testStaff('senior-caseworker');
    const claim = await seedClaim(staffApi, { status: 'in_assessment', assignedStaffId: seniorHolder.staffId });
    await staffHttp()
      .post(`/v1/claims/${claim.reference}/award-calculations`)
      .set('authorization', holder.authorization)
      .send({ decidedOn: '2026-11-27', injuries: [{ code: 'A-HEAD-BRAIN-MINOR' }] })
      .expect(201);
    const payeeId = await victimGivesAccount(claim);
    const proposed = await propose(claim, seniorHolder, { payeeId });
    expect(proposed.status).toBe(201);
    const before = await footprint(claim);
    expectRefusal(await approve(claim, seniorHolder, proposed.body.id), 403, 'payment.own-proposal');
    expect(await footprint(claim)).toEqual(before);
  });

  it('pays a payee a caseworker recorded only once a second person approved it', async () => {
    const claim = await calculated();
    const recorded = await staffHttp()
      .post(`/v1/claims/${claim.reference}/payees`)
      .set('authorization', holder.authorization)
      .send({ version: await version(claim), payeeKind: 'representative', account: '20-00-00 55779911' })
      .expect(201);
    expect(recorded.body.approved).toBe(false);
    let before = await footprint(claim);
    expectRefusal(await propose(claim, holder, { payeeId: recorded.body.id }), 403, 'payment.payee-not-approved');
    expect(await footprint(claim)).toEqual(before);

    // A senior who recorded a payee cannot approve it themselves.
    const seniorRecorded = await staffHttp()
      .post(`/v1/claims/${claim.reference}/payees`)
      .set('authorization', approver.authorization)
      .send({ version: await version(claim), payeeKind: 'deputy', account: '30-00-00 11223344' })
      .expect(201);
    before = await footprint(claim);
    const own = await staffHttp()
      .post(`/v1/claims/${claim.reference}/payees/${seniorRecorded.body.id}/approval`)
      .set('authorization', approver.authorization)
      .send({ version: await version(claim) });
    expectRefusal(own, 403, 'payee.own-record');
    expect(await footprint(claim)).toEqual(before);

    await staffHttp()
      .post(`/v1/claims/${claim.reference}/payees/${recorded.body.id}/approval`)
      .set('authorization', approver.authorization)
      .send({ version: await version(claim) })
      .expect(200);
    expect((await propose(claim, holder, { payeeId: recorded.body.id })).status).toBe(201);
  });

  it('refuses a payee of another claim, and a payment proposed by anyone but the caseworker holding the claim', async () => {
    const claim = await calculated();
    const elsewhere = await calculated();
    const foreignPayee = await victimGivesAccount(elsewhere);
    const ownPayee = await victimGivesAccount(claim);
    const before = await footprint(claim);
    expectRefusal(await propose(claim, holder, { payeeId: foreignPayee }), 404, 'payee.not-found');
    expectRefusal(await propose(claim, otherCaseworker, { payeeId: ownPayee }), 403, 'payment.claim-not-assigned');
    expectRefusal(await propose(claim, approver, { payeeId: ownPayee }), 403, 'payment.claim-not-assigned');
    expect(await footprint(claim)).toEqual(before);
  });

  it('keeps interim payments within the configured share of the latest award calculation', async () => {
    const claim = await calculated(); // 1,100,000 pence: at most 550,000 in interim payments (50 per cent)
    const payeeId = await victimGivesAccount(claim);
    expect((await propose(claim, holder, { payeeId, amountPence: 500_000 })).status).toBe(201);
    const before = await footprint(claim);
    expectRefusal(await propose(claim, holder, { payeeId, amountPence: 50_001 }), 422, 'payment.interim-exceeds-share');
    expect(await footprint(claim)).toEqual(before);
  });

  it('the finance adapter refuses plain http and no credentials in production, and sends a client-credentials token', async () => {
    expect(() => new HttpFinanceSystem('http://finance.internal', 1000, { production: true })).toThrow(/https/);
    expect(() => new HttpFinanceSystem('https://finance.internal', 1000, { production: true })).toThrow(
      /client credentials/,
    );
    const seen: Array<{ url: string; authorization: string | undefined }> = [];
    const server: Server = createServer((req, res) => {
      seen.push({ url: req.url!, authorization: req.headers.authorization });
      res.setHeader('content-type', 'application/json');
      if (req.url === '/token') {
        const expected = `Basic ${Buffer.from('redress-worker:a-long-enough-client-secret').toString('base64')}`;
        if (req.headers.authorization !== expected) return void res.writeHead(401).end('{}');
        return void res.end(JSON.stringify({ access_token: 'token-1', expires_in: 300, token_type: 'Bearer' }));
      }
      if (req.headers.authorization !== 'Bearer token-1') return void res.writeHead(401).end('{}');
      res.writeHead(201).end(JSON.stringify({ financeReference: 'FIN-1' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const finance = new HttpFinanceSystem(base, 2000, {
        clientCredentials: {
          tokenUrl: `${base}/token`,
          clientId: 'redress-worker',
          clientSecret: 'a-long-enough-client-secret',
        },
      });
      const instruction = {
        paymentId: '00000000-0000-4000-8000-000000000001',
        claimReference: '26-000001-6',
        kind: 'interim' as const,
        amountPence: 1000,
        payeeKind: 'victim' as const,
        payeeReference: '40-47-84 70872490',
        holdUntil: null,
      };
      expect(await finance.instruct(instruction)).toEqual({ financeReference: 'FIN-1' });
      expect(await finance.instruct(instruction)).toEqual({ financeReference: 'FIN-1' });
      // One token, used for both payments.
      expect(seen.map((call) => call.url)).toEqual(['/token', '/v1/payments', '/v1/payments']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
