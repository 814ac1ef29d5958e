import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { eligibilityExamples } from '../apps/citizen-api/src/eligibility/eligibility-examples.js';
import { startCitizenApi } from './support/citizen-api.js';

const eligible = eligibilityExamples.eligible.value;

describe('POST /v1/eligibility-checks (anonymous pre-check)', () => {
  let app: NestFastifyApplication;
  const post = (body: unknown, ip = '10.0.0.1') =>
    request(app.getHttpServer())
      .post('/v1/eligibility-checks')
      .set('x-forwarded-for', ip)
      .set('content-type', 'application/json')
      .send(JSON.stringify(body));

  beforeAll(async () => {
    app = await startCitizenApi({ TRUST_PROXY: 'true', RATE_LIMIT_OVERRIDES: 'eligibility-check=30/60000' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers the assessment for the contract example 1, with each rule and paragraph', async () => {
    const response = await post(eligible).expect(200);
    expect(response.body).toMatchObject({
      outcome: 'eligible',
      edition: 'CICS-2012 as amended 2019-06-13',
      deadline: '2027-03-14',
      receivedOn: '2026-11-27',
    });
    expect(response.body.results).toContainEqual(
      expect.objectContaining({ rule: 'time-limit', paragraph: '87', result: 'pass' }),
    );
    // The victim-facing answer carries the plain reasons only.
    expect(response.body.results[0]).toEqual({
      rule: expect.any(String),
      paragraph: expect.any(String),
      result: expect.any(String),
      reason: expect.any(String),
    });
  });

  it('explains a late application with a reason as a matter for a caseworker (para 89)', async () => {
    const response = await post(eligibilityExamples.lateWithReason.value).expect(200);
    expect(response.body.outcome).toBe('refer');
    const timeLimit = response.body.results.find((r: { rule: string }) => r.rule === 'time-limit');
    expect(timeLimit).toMatchObject({ result: 'refer', paragraph: '89' });
    expect(timeLimit.reason).toMatch(/caseworker/i);
  });

  it('answers incomplete for an empty body rather than guessing', async () => {
    const response = await post({}).expect(200);
    expect(response.body.outcome).toBe('incomplete');
  });

  it('lists every invalid field in a 400 problem+json', async () => {
    const response = await post({
      route: 'stranger',
      applicant: { dateOfBirth: '1990-02-30', residence: ['mars'] },
      incident: { date: 'yesterday', reportedToPolice: 'yes' },
      injuries: { mentalInjury: { durationWeeks: -1 } },
      unknownField: 1,
    }).expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const fields = response.body.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'route',
        'applicant.dateOfBirth',
        'applicant.residence',
        'incident.date',
        'incident.reportedToPolice',
        'injuries.mentalInjury.durationWeeks',
        'unknownField',
      ]),
    );
  });

  it('rejects impossible facts with every problem listed', async () => {
    const response = await post({
      ...eligible,
      incident: { ...eligible.incident, date: '2027-01-01', lastDate: '2026-12-01', reportedOn: '2026-12-31' },
      applicant: { ...eligible.applicant, dateOfBirth: '2027-06-01' },
    }).expect(400);
    expect(response.body.code).toBe('eligibility.impossible-facts');
    expect(response.body.errors.length).toBeGreaterThanOrEqual(3);
  });

  it('rejects bodies of the wrong shape without a 500', async () => {
    for (const body of [
      [],
      'text',
      42,
      null,
      { applicant: [] },
      { incident: 'x' },
      { injuries: { mentalInjury: [1] } },
    ]) {
      const response = await post(body);
      expect([JSON.stringify(body), response.status]).toEqual([JSON.stringify(body), 400]);
    }
  });

  it('stores nothing', async () => {
    const dataSource = app.get(DataSource);
    const before = await dataSource.query<{ n: number }[]>(
      `SELECT (SELECT count(*) FROM audit_log)::int + (SELECT count(*) FROM outbox_message)::int AS n`,
    );
    await post(eligible).expect(200);
    const after = await dataSource.query<{ n: number }[]>(
      `SELECT (SELECT count(*) FROM audit_log)::int + (SELECT count(*) FROM outbox_message)::int AS n`,
    );
    expect(after).toEqual(before);
  });

  it('limits each client to 30 checks a minute, with Retry-After, without limiting others', async () => {
    const ip = '10.9.9.9';
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1) statuses.push((await post(eligible, ip)).status);
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    const limited = await post(eligible, ip);
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await post(eligible, '10.9.9.10').expect(200);
  });

  it('is documented in OpenAPI with worked examples', async () => {
    const document = (await request(app.getHttpServer()).get('/docs-json').expect(200)).body;
    const operation = document.paths['/v1/eligibility-checks'].post;
    expect(Object.keys(operation.requestBody.content['application/json'].examples)).toEqual(
      expect.arrayContaining(['eligible', 'lateWithReason', 'childAbuse']),
    );
    expect(operation.responses['200']).toBeDefined();
  });
});
