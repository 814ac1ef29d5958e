import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { exampleAnswers, seedClaim, startCaseworkerApi, testStaff } from './support/caseworker-api.js';

describe('caseworker judgements and award calculations', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  const http = () => request(app.getHttpServer());
  beforeAll(async () => {
    app = await startCaseworkerApi();
    db = app.get(DataSource);
  });
  afterAll(async () => {
    await app.close();
  });
  const caseworker = testStaff('caseworker');

  // A crime in 2020, applied for in 2026 with a reason: the engine refers the time limit to a person (para 89).
  const lateAnswers = () =>
    exampleAnswers({
      crime: {
        pattern: 'single-incident',
        date: '2020-03-01',
        place: 'england',
        kind: 'physical-attack',
        reportedToPolice: true,
        reportedOn: '2020-03-01',
        cooperatedWithPolice: true,
        lateApplicationReason: 'In hospital for two years',
      },
    });

  it('records a para 89 finding with its reason, re-runs eligibility and stores the run with its trace', async () => {
    const claim = await seedClaim(app, {
      status: 'in_assessment',
      answers: lateAnswers(),
      submittedAt: new Date('2026-06-01T10:00:00Z'),
    });
    const before = await http()
      .get(`/v1/claims/${claim.reference}`)
      .set('authorization', caseworker.authorization)
      .expect(200);
    expect(before.body.eligibility.results.find((r: { rule: string }) => r.rule === 'time-limit').result).toBe('refer');

    const response = await http()
      .post(`/v1/claims/${claim.reference}/judgements`)
      .set('authorization', caseworker.authorization)
      .set('if-match', '"1"')
      .send({
        judgements: [{ kind: 'late-application-accepted', reason: 'Hospital records confirm two years of care.' }],
      })
      .expect(201);
    const timeLimit = response.body.assessment.results.find((r: { rule: string }) => r.rule === 'time-limit');
    expect(timeLimit).toMatchObject({
      result: 'pass',
      engineResult: 'refer',
      judgement: { kind: 'late-application-accepted', by: caseworker.staffId },
    });
    expect(response.body.version).toBe(2);

    // A later conduct finding stands with the first: both are applied to the next run.
    const second = await http()
      .post(`/v1/claims/${claim.reference}/judgements`)
      .set('authorization', caseworker.authorization)
      .send({
        version: 2,
        judgements: [
          { kind: 'conduct', conductEffect: 'reduce', reductionPercent: 25, reason: 'Threw the first punch.' },
        ],
      })
      .expect(201);
    expect(second.body.assessment.reductionPercent).toBe(25);
    expect(second.body.assessment.results.find((r: { rule: string }) => r.rule === 'time-limit').result).toBe('pass');
    expect(second.body.assessment.results.at(-1)).toMatchObject({ rule: 'conduct', paragraph: '25', result: 'pass' });

    const view = await http()
      .get(`/v1/claims/${claim.reference}`)
      .set('authorization', caseworker.authorization)
      .expect(200);
    expect(view.body.eligibilitySource).toBe('caseworker-run');
    expect(view.body.eligibility.reductionPercent).toBe(25);
    expect(
      view.body.judgements.map((j: { kind: string; paragraph: string; reason: string }) => [
        j.kind,
        j.paragraph,
        j.reason,
      ]),
    ).toEqual([
      ['late-application-accepted', '89', 'Hospital records confirm two years of care.'],
      ['conduct', '25', 'Threw the first punch.'],
    ]);
    const [stored] = await db.query(`SELECT reason_encrypted FROM judgement WHERE claim_id = $1 AND kind = 'conduct'`, [
      claim.claimId,
    ]);
    expect(stored.reason_encrypted).not.toContain('punch');
  });

  it('refuses a finding without a reason, a percentage on the wrong finding, a stale version and the wrong role', async () => {
    const claim = await seedClaim(app, { status: 'in_assessment', answers: lateAnswers() });
    const path = `/v1/claims/${claim.reference}/judgements`;
    await http()
      .post(path)
      .set('authorization', caseworker.authorization)
      .send({ version: 1, judgements: [{ kind: 'conduct', reason: '' }] })
      .expect(400);
    await http()
      .post(path)
      .set('authorization', caseworker.authorization)
      .send({ version: 1, judgements: [] })
      .expect(400);
    await http()
      .post(path)
      .set('authorization', caseworker.authorization)
      .send({ version: 1, judgements: [{ kind: 'late-application-accepted', reason: 'x', reductionPercent: 10 }] })
      .expect(400);
    await http()
      .post(path)
      .set('authorization', caseworker.authorization)
      .send({ version: 5, judgements: [{ kind: 'late-application-accepted', reason: 'x' }] })
      .expect(412);
    await http()
      .post(path)
      .set('authorization', testStaff('auditor').authorization)
      .send({ version: 1, judgements: [{ kind: 'late-application-accepted', reason: 'x' }] })
      .expect(403);
    const [{ n }] = await db.query(`SELECT count(*) AS n FROM eligibility_run WHERE claim_id = $1`, [claim.claimId]);
    expect(Number(n)).toBe(0);
  });

  it('calculates an award with the tariff and stores each calculation, encrypted', async () => {
    const claim = await seedClaim(app, { status: 'in_assessment' });
    const path = `/v1/claims/${claim.reference}/award-calculations`;
    const response = await http()
      .post(path)
      .set('authorization', caseworker.authorization)
      .send({ decidedOn: '2026-11-27', injuries: [{ code: 'A-HEAD-BRAIN-MINOR' }, { code: 'A-HEAD-SKULL-FRACTURE' }] })
      .expect(201);
    // 11,000 at 100% and 2,000 at 30%.
    expect(response.body.breakdown).toMatchObject({ grossPence: 1_160_000, totalPence: 1_160_000 });
    expect(response.body.breakdown.lines.map((line: { percent: number }) => line.percent)).toEqual([100, 30]);
    await http()
      .post(path)
      .set('authorization', caseworker.authorization)
      .send({ decidedOn: '2026-11-27', injuries: [{ code: 'A-HEAD-BRAIN-MINOR' }], reductionPercent: 10 })
      .expect(201);
    const rows = await db.query(
      `SELECT total_pence, calculation_encrypted FROM award_calculation WHERE claim_id = $1 ORDER BY calculated_at`,
      [claim.claimId],
    );
    expect(rows.map((row: { total_pence: string }) => Number(row.total_pence))).toEqual([1_160_000, 990_000]);
    expect(rows[0].calculation_encrypted).not.toContain('BRAIN');
    const view = await http()
      .get(`/v1/claims/${claim.reference}`)
      .set('authorization', caseworker.authorization)
      .expect(200);
    expect(view.body.awardCalculations).toHaveLength(2);
  });

  it('refuses impossible award input with 400 and stores nothing, and the wrong role with 403', async () => {
    const claim = await seedClaim(app, { status: 'in_assessment' });
    const path = `/v1/claims/${claim.reference}/award-calculations`;
    const unknown = await http()
      .post(path)
      .set('authorization', caseworker.authorization)
      .send({ decidedOn: '2026-11-27', injuries: [{ code: 'NO-SUCH-CODE' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    await http()
      .post(path)
      .set('authorization', caseworker.authorization)
      .send({ decidedOn: '2026-02-30', injuries: [] })
      .expect(400);
    await http()
      .post(path)
      .set('authorization', caseworker.authorization)
      .send({ decidedOn: '2026-11-27', injuries: [], reductionPercent: 101 })
      .expect(400);
    await http()
      .post(path)
      .set('authorization', testStaff('team-leader').authorization)
      .send({ decidedOn: '2026-11-27', injuries: [] })
      .expect(403);
    const [{ n }] = await db.query(`SELECT count(*) AS n FROM award_calculation WHERE claim_id = $1`, [claim.claimId]);
    expect(Number(n)).toBe(0);
  });
});
