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
  const pay = async (claim: SeededClaim, body: Record<string, unknown>) =>
    http()
      .post(`/v1/claims/${claim.reference}/payments`)
      .set('authorization', caseworker.authorization)
      .send({ version: await version(claim), payeeKind: 'victim', payeeReference: '40-47-84 70872490', ...body });

  async function awarded(answers = exampleAnswers()): Promise<SeededClaim> {
    const claim = await seedClaim(app, { status: 'in_assessment', answers });
    const calculation = await http()
      .post(`/v1/claims/${claim.reference}/award-calculations`)
      .set('authorization', caseworker.authorization)
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
    const response = await pay(claim, { kind: 'interim', amountPence: 100_000, payeeKind: 'child-trust-fund' });
    expect(response.status).toBe(201);
    expect(response.body.holdUntil).toBe('2033-05-20');
    expect(await instruct.execute({ paymentId: response.body.id })).toBe('instructed');
    expect(finance.payments.get(response.body.id)!.body.holdUntil).toBe('2033-05-20');
  });

  it('refuses bad input and payments with no award, writing nothing', async () => {
    const claim = await seedClaim(app, { status: 'in_assessment' });
    const none = await pay(claim, { kind: 'interim', amountPence: 1000 });
    expect(none.status).toBe(422);
    for (const body of [
      { kind: 'bonus', amountPence: 1000 },
      { kind: 'interim', amountPence: 0 },
      { kind: 'interim', amountPence: 10.5 },
      { kind: 'interim', amountPence: 1000, payeeKind: 'cousin' },
      { kind: 'interim', amountPence: 1000, payeeReference: '<script>' },
      { kind: 'interim', amountPence: 1000, extra: true },
    ]) {
      const response = await pay(claim, body);
      expect([response.status, body]).toEqual([400, body]);
    }
    expect(await db.query(`SELECT id FROM claim_payment WHERE claim_id = $1`, [claim.claimId])).toEqual([]);
    expect(await instruct.execute({ paymentId: '00000000-0000-4000-8000-000000000000' })).toBe('not-found');
  });
});
