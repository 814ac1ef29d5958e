import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { InstructPayment, SystemClock } from '@redress/application';
import { PostgresPaymentInstructions } from '@redress/persistence';
import { FieldCipher } from '@redress/platform';
import { FinanceStub } from '@redress/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { HttpFinanceSystem } from '../apps/worker/src/handlers/payments-finance.adapter.js';
import {
  exampleAnswers,
  seedClaim,
  startCaseworkerApi,
  testStaff,
  type SeededClaim,
} from './support/caseworker-api.js';

describe('caseworker payments and the finance instruction', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let finance: FinanceStub;
  let instruct: InstructPayment;
  const http = () => request(app.getHttpServer());
  const caseworker = testStaff('caseworker');
  const calculator = testStaff('caseworker');
  const senior = testStaff('senior-caseworker');
  const secondSenior = testStaff('senior-caseworker');
  beforeAll(async () => {
    app = await startCaseworkerApi();
    db = app.get(DataSource);
    finance = await FinanceStub.start();
    instruct = new InstructPayment(
      new PostgresPaymentInstructions(db, app.get(FieldCipher)),
      new HttpFinanceSystem(finance.baseUrl, 2000),
      new SystemClock(),
    );
  });
  afterAll(async () => {
    await finance.close();
    await app.close();
  });

  const version = async (claim: SeededClaim) =>
    (await db.query<Array<{ version: number }>>(`SELECT version FROM claim WHERE id = $1`, [claim.claimId]))[0]!
      .version;
  /** A payee recorded by the caseworker and approved by a senior caseworker (four eyes on who is paid). */
  async function approvedPayee(claim: SeededClaim, payeeKind = 'victim'): Promise<string> {
    const recorded = await http()
      .post(`/v1/claims/${claim.reference}/payees`)
      .set('authorization', caseworker.authorization)
      .send({ version: await version(claim), payeeKind, account: '40-47-84 70872490' })
      .expect(201);
    await http()
      .post(`/v1/claims/${claim.reference}/payees/${recorded.body.id}/approval`)
      .set('authorization', senior.authorization)
      .send({ version: await version(claim) })
      .expect(200);
    return recorded.body.id as string;
  }

  const payees = new Map<string, string>();
  /** Proposes a payment as the caseworker holding the claim and, when it is accepted, approves it as a senior. */
  const pay = async (claim: SeededClaim, body: Record<string, unknown>) => {
    if (!payees.has(claim.claimId)) payees.set(claim.claimId, await approvedPayee(claim));
    const proposed = await http()
      .post(`/v1/claims/${claim.reference}/payments`)
      .set('authorization', caseworker.authorization)
      .send({ version: await version(claim), payeeId: payees.get(claim.claimId), ...body });
    if (proposed.status !== 201) return proposed;
    expect(proposed.body.status).toBe('proposed');
    const approved = await http()
      .post(`/v1/claims/${claim.reference}/payments/${proposed.body.id}/approval`)
      .set('authorization', secondSenior.authorization)
      .send({ version: await version(claim) })
      .expect(200);
    return Object.assign(proposed, { body: { ...proposed.body, status: approved.body.status } });
  };

  async function awarded(answers = exampleAnswers()): Promise<SeededClaim> {
    const claim = await seedClaim(app, { status: 'in_assessment', answers, assignedStaffId: caseworker.staffId });
    const calculation = await http()
      .post(`/v1/claims/${claim.reference}/award-calculations`)
      .set('authorization', calculator.authorization)
      .send({ decidedOn: '2026-11-27', injuries: [{ code: 'A-HEAD-BRAIN-MINOR' }] })
      .expect(201);
    await http()
      .post(`/v1/claims/${claim.reference}/decisions`)
      .set('authorization', caseworker.authorization)
      .send({
        version: await version(claim),
        kind: 'award',
        awardCalculationId: calculation.body.id,
        reasons: 'Medical evidence is clear.',
      })
      .expect(201);
    return claim;
  }

  it('makes an interim payment up to the award, the final only after acceptance, and instructs finance once', async () => {
    const claim = await awarded();
    const tooMuch = await pay(claim, { kind: 'interim', amountPence: 1_100_001 });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.code).toBe('payment.interim-exceeds-award');
    // Interim payments reach at most INTERIM_PAYMENT_MAX_PERCENT (50) of the calculation (1,100,000 pence).
    const overShare = await pay(claim, { kind: 'interim', amountPence: 550_001 });
    expect(overShare.status).toBe(422);
    expect(overShare.body.code).toBe('payment.interim-exceeds-share');
    const interim = await pay(claim, { kind: 'interim', amountPence: 300_000 });
    expect(interim.status).toBe(201);
    expect(interim.body).toMatchObject({ status: 'instructing', holdUntil: null });
    const [row] = await db.query(`SELECT payee_reference_encrypted, status FROM claim_payment WHERE id = $1`, [
      interim.body.id,
    ]);
    expect(row.payee_reference_encrypted).toMatch(/^f1\./);
    const outbox = await db.query(
      `SELECT payload FROM outbox_message WHERE job_name = 'payments.instruct' AND ordering_key = $1`,
      [`claim:${claim.claimId}`],
    );
    expect(outbox).toEqual([{ payload: { paymentId: interim.body.id } }]);

    // The finance system is down, then takes the payment but the answer is lost; each retry is the same payment.
    finance.failures.push(503);
    await expect(instruct.execute({ paymentId: interim.body.id })).rejects.toThrow(/503/);
    finance.dropAnswers = 1;
    await expect(instruct.execute({ paymentId: interim.body.id })).rejects.toThrow();
    expect(await instruct.execute({ paymentId: interim.body.id })).toBe('instructed');
    const requestsSoFar = finance.requests;
    expect(await instruct.execute({ paymentId: interim.body.id })).toBe('already-instructed');
    expect(finance.requests).toBe(requestsSoFar);
    expect([...finance.payments.values()].filter((p) => p.paymentId === interim.body.id)).toHaveLength(1);
    expect(finance.payments.get(interim.body.id)!.body).toMatchObject({
      amountPence: 300_000,
      payeeReference: '40-47-84 70872490',
    });
    const [instructed] = await db.query(`SELECT status, finance_reference FROM claim_payment WHERE id = $1`, [
      interim.body.id,
    ]);
    expect(instructed.status).toBe('instructed');
    expect(instructed.finance_reference).toMatch(/^FIN-/);

    const early = await pay(claim, { kind: 'final', amountPence: 800_000 });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('payment.not-accepted');
    await db.query(`UPDATE claim SET status = 'accepted' WHERE id = $1`, [claim.claimId]);
    const wrong = await pay(claim, { kind: 'final', amountPence: 700_000 });
    expect(wrong.body.code).toBe('payment.final-not-balance');
    const final = await pay(claim, { kind: 'final', amountPence: 800_000 });
    expect(final.status).toBe(201);
    const [claimRow] = await db.query(`SELECT status FROM claim WHERE id = $1`, [claim.claimId]);
    expect(claimRow.status).toBe('paid');
  });

  it('marks a child’s payment to be held until their 18th birthday', async () => {
    const answers = exampleAnswers();
    (answers.applicant as Record<string, unknown>).dateOfBirth = '2015-05-20';
    const claim = await awarded(answers);
    payees.set(claim.claimId, await approvedPayee(claim, 'child-trust-fund'));
    const response = await pay(claim, { kind: 'interim', amountPence: 100_000 });
    expect(response.status).toBe(201);
    expect(response.body.holdUntil).toBe('2033-05-20');
    expect(await instruct.execute({ paymentId: response.body.id })).toBe('instructed');
    expect(finance.payments.get(response.body.id)!.body.holdUntil).toBe('2033-05-20');
  });

  it('refuses bad input and payments with no award, writing nothing', async () => {
    const claim = await seedClaim(app, { status: 'in_assessment', assignedStaffId: caseworker.staffId });
    const none = await pay(claim, { kind: 'interim', amountPence: 1000 });
    expect(none.status).toBe(422);
    const payments = () => db.query(`SELECT id FROM claim_payment WHERE claim_id = $1`, [claim.claimId]);
    expect(await payments()).toEqual([]);
    for (const body of [
      { kind: 'bonus', amountPence: 1000 },
      { kind: 'interim', amountPence: 0 },
      { kind: 'interim', amountPence: 10.5 },
      { kind: 'interim', amountPence: 1000, payeeId: 'cousin' },
      { kind: 'interim', amountPence: 1000, payeeReference: '40-47-84 70872490' },
      { kind: 'interim', amountPence: 1000, extra: true },
    ]) {
      const response = await pay(claim, body);
      expect([response.status, body]).toEqual([400, body]);
    }
    expect(await payments()).toEqual([]);
    expect(await instruct.execute({ paymentId: '00000000-0000-4000-8000-000000000000' })).toBe('not-found');
  });
});
