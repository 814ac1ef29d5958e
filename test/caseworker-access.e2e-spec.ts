import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { routeInventory } from '@redress/platform';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { StaffRole } from '../apps/caseworker-api/src/auth/index.js';
import { seedClaim, startCaseworkerApi, testStaff } from './support/caseworker-api.js';
import { OpenApiContract } from './support/openapi-contract.js';

/**
 * The authorisation matrix of every staff route of the caseworker API (partner routes have their own): each role
 * that may use a route gets past the guards (whatever the use case then says), each other role gets 403
 * problem+json and changes nothing, and an anonymous caller gets 401. A route missing from this table fails.
 */
const everyone: StaffRole[] = ['caseworker', 'senior-caseworker', 'team-leader', 'auditor', 'administrator'];
const caseworkers: StaffRole[] = ['caseworker', 'senior-caseworker'];
const readers: StaffRole[] = ['caseworker', 'senior-caseworker', 'team-leader', 'auditor'];
const managers: StaffRole[] = ['team-leader', 'auditor'];
const administrators: StaffRole[] = ['administrator'];

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
const matrix: Array<[Method, string, StaffRole[]]> = [
  ['GET', '/v1/staff/me', everyone],
  ['GET', '/v1/work', readers],
  ['POST', '/v1/work/next', caseworkers],
  ['POST', '/v1/claims/:reference/release', [...caseworkers, 'team-leader']],
  ['POST', '/v1/claims/:reference/assignment', ['team-leader']],
  ['GET', '/v1/claims/:reference', readers],
  ['PUT', '/v1/claims/:reference/restriction', ['team-leader']],
  ['POST', '/v1/claims/:reference/information-requests', caseworkers],
  ['POST', '/v1/claims/:reference/information-requests/:requestId/due-date', caseworkers],
  ['POST', '/v1/claims/:reference/information-requests/:requestId/response', caseworkers],
  ['POST', '/v1/claims/:reference/information-requests/:requestId/cancellation', caseworkers],
  ['POST', '/v1/claims/:reference/notes', [...caseworkers, 'team-leader']],
  ['POST', '/v1/claims/:reference/judgements', caseworkers],
  ['POST', '/v1/claims/:reference/award-calculations', caseworkers],
  ['POST', '/v1/claims/:reference/decisions', caseworkers],
  ['POST', '/v1/claims/:reference/decisions/:decisionId/approval', ['senior-caseworker']],
  ['POST', '/v1/claims/:reference/decisions/:decisionId/rejection', ['senior-caseworker']],
  ['POST', '/v1/claims/:reference/reviews', caseworkers],
  ['POST', '/v1/claims/:reference/review-decision', caseworkers],
  ['POST', '/v1/claims/:reference/appeals', [...caseworkers, 'team-leader']],
  ['POST', '/v1/claims/:reference/appeals/:appealId/outcome', [...caseworkers, 'team-leader']],
  ['POST', '/v1/claims/:reference/payees', caseworkers],
  ['POST', '/v1/claims/:reference/payees/:payeeId/approval', ['senior-caseworker']],
  ['POST', '/v1/claims/:reference/payments', caseworkers],
  ['POST', '/v1/claims/:reference/payments/:paymentId/approval', ['senior-caseworker']],
  ['GET', '/v1/claims/:reference/referrals', readers],
  ['POST', '/v1/claims/:reference/referrals', [...caseworkers, 'team-leader']],
  ['POST', '/v1/claims/:reference/referrals/:referralId/consent-withdrawal', [...caseworkers, 'team-leader']],
  // A Redress administrator invites a person to a support organisation's portal (docs/partner-portal.md).
  ['POST', '/v1/support-organisations/:organisationId/users', administrators],
  ['GET', '/v1/search/claims', readers],
  ['GET', '/v1/tariff', readers],
  ['GET', '/v1/approvals', ['senior-caseworker']],
  ['GET', '/v1/claims/:reference/letters', readers],
  ['GET', '/v1/claims/:reference/letters/:letterId', readers],
  ['GET', '/v1/claims/:reference/documents', readers],
  ['GET', '/v1/claims/:reference/documents/:documentId', readers],
  ['GET', '/v1/reports/claims-per-week', managers],
  ['GET', '/v1/reports/time-to-decision', managers],
  ['GET', '/v1/reports/service-level', managers],
  ['GET', '/v1/reports/outcomes', managers],
  ['GET', '/v1/reports/refusals-by-characteristic', managers],
  ['GET', '/v1/reports/out-of-team-reads', ['team-leader']],
  // The queue dashboard (Bull Board), every route of it: administrators only.
  ['GET', '/admin/queues', administrators],
  ['GET', '/admin/queues/metrics-history', administrators],
  ['GET', '/admin/queues/job-schedulers', administrators],
  ['GET', '/admin/queues/queue/:queueName', administrators],
  ['GET', '/admin/queues/queue/:queueName/:jobId', administrators],
  ['GET', '/admin/queues/api/redis/stats', administrators],
  ['GET', '/admin/queues/api/queues', administrators],
  ['GET', '/admin/queues/api/job-schedulers', administrators],
  ['GET', '/admin/queues/api/queues/:queueName/metrics', administrators],
  ['GET', '/admin/queues/api/queues/:queueName/default-job-options', administrators],
  ['GET', '/admin/queues/api/queues/:queueName/workers', administrators],
  ['GET', '/admin/queues/api/queues/:queueName/rate-limit', administrators],
  ['GET', '/admin/queues/api/queues/:queueName/job-data-schema', administrators],
  ['PUT', '/admin/queues/api/queues/pause', administrators],
  ['PUT', '/admin/queues/api/queues/resume', administrators],
  ['GET', '/admin/queues/api/queues/:queueName/:jobId/logs', administrators],
  ['GET', '/admin/queues/api/queues/:queueName/:jobId/flow', administrators],
  ['GET', '/admin/queues/api/queues/:queueName/:jobId', administrators],
  ['POST', '/admin/queues/api/queues/:queueName/add', administrators],
  ['PUT', '/admin/queues/api/queues/:queueName/retry/:queueStatus', administrators],
  ['PUT', '/admin/queues/api/queues/:queueName/promote', administrators],
  ['PUT', '/admin/queues/api/queues/:queueName/clean/:queueStatus', administrators],
  ['PUT', '/admin/queues/api/queues/:queueName/pause', administrators],
  ['PUT', '/admin/queues/api/queues/:queueName/resume', administrators],
  ['PUT', '/admin/queues/api/queues/:queueName/concurrency', administrators],
  ['PUT', '/admin/queues/api/queues/:queueName/rate-limit', administrators],
  ['PUT', '/admin/queues/api/queues/:queueName/rate-limit/release', administrators],
  ['PUT', '/admin/queues/api/queues/:queueName/empty', administrators],
  ['PUT', '/admin/queues/api/queues/:queueName/obliterate', administrators],
  ['PUT', '/admin/queues/api/queues/:queueName/job-schedulers/:schedulerId/remove', administrators],
  ['PATCH', '/admin/queues/api/queues/:queueName/job-schedulers/:schedulerId', administrators],
  ['PUT', '/admin/queues/api/queues/:queueName/job-schedulers/:schedulerId/run', administrators],
  ['PUT', '/admin/queues/api/queues/:queueName/:jobId/retry', administrators],
  ['PUT', '/admin/queues/api/queues/:queueName/:jobId/clean', administrators],
  ['PUT', '/admin/queues/api/queues/:queueName/:jobId/promote', administrators],
  ['PATCH', '/admin/queues/api/queues/:queueName/:jobId/update-data', administrators],
  ['PATCH', '/admin/queues/api/queues/:queueName/:jobId/delay', administrators],
  ['PATCH', '/admin/queues/api/queues/:queueName/:jobId/priority', administrators],
  ['PUT', '/admin/queues/api/queues/:queueName/:jobId/remove-unprocessed-children', administrators],
  ['GET', '/admin/queues/static/*', administrators],
];

describe('caseworker API authorisation matrix', () => {
  /** Every answer to a /v1 route is checked against the OpenAPI document (the queue dashboard is not in it). */
  const contract = new OpenApiContract('caseworker-api');
  let app: NestFastifyApplication;
  let db: DataSource;
  let reference: string;
  let claimId: string;
  /** An open request to the police on the claim, so that the roles allowed reach the use case's own checks. */
  let requestId: string;
  beforeAll(async () => {
    // A queue prefix of its own: the administrator's calls to the queue dashboard pause, empty and obliterate
    // queues, which must not be other suites' queues.
    app = await startCaseworkerApi({ QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-acm` });
    db = app.get(DataSource);
    ({ reference, claimId } = await seedClaim(app, { status: 'in_assessment', team: 'access-matrix' }));
    const asked = await request(app.getHttpServer())
      .post(`/v1/claims/${reference}/information-requests`)
      .set('authorization', testStaff('caseworker', { team: 'access-matrix' }).authorization)
      .send({ version: 1, recipient: 'police', topic: 'police-evidence', question: 'Synthetic.', workingDays: 10 })
      .expect(201);
    requestId = (asked.body as { id: string }).id;
  });
  afterAll(async () => {
    await app.close();
  });

  const call = async (method: Method, pattern: string, authorization?: string) => {
    const response = await send(method, pattern, authorization);
    const path = new URL(response.request.url).pathname;
    if (path.startsWith('/v1/')) contract.check(method, path, response);
    return response;
  };
  const send = (method: Method, pattern: string, authorization?: string) => {
    const url = pattern
      .replace(':reference', reference)
      .replace(':decisionId', randomUUID())
      .replace(':requestId', requestId)
      .replace(':appealId', randomUUID())
      .replace(':payeeId', randomUUID())
      .replace(':paymentId', randomUUID())
      .replace(':letterId', randomUUID())
      .replace(':documentId', randomUUID())
      .replace(':queueName', 'claims')
      .replace(':jobId', 'no-such-job')
      .replace(':queueStatus', 'failed')
      .replace(':schedulerId', 'no-such-scheduler')
      .replace('*', 'favicon-32x32.png');
    const agent = request(app.getHttpServer());
    const pending =
      method === 'GET'
        ? agent.get(url)
        : method === 'PUT'
          ? agent.put(url).send({})
          : method === 'PATCH'
            ? agent.patch(url).send({})
            : agent.post(url).send({});
    return authorization ? pending.set('authorization', authorization) : pending;
  };
  const writes = async () =>
    (
      await db.query<Array<{ version: number; n: number }>>(
        `SELECT c.version, (SELECT count(*)::int FROM audit_log WHERE target_id = $2 AND action <> 'claim.read') AS n
           FROM claim c WHERE c.id = $1`,
        [claimId, claimId],
      )
    )[0];

  it('lists every staff route the app serves', () => {
    const served = routeInventory(app.getHttpAdapter().getInstance())
      .filter(
        (route) =>
          (route.url.startsWith('/v1/') && !route.url.startsWith('/v1/partner')) || route.url.startsWith('/admin/'),
      )
      .map((route) => `${route.method} ${route.url}`)
      .sort();
    expect(served).toEqual(matrix.map(([method, path]) => `${method} ${path}`).sort());
  });

  const cases = matrix.flatMap(([method, path, allowed]) =>
    everyone.map((role) => [method, path, role, allowed.includes(role)] as const),
  );

  it.each(cases)('%s %s as %s: allowed %s', async (method, path, role, allowed) => {
    const staff = testStaff(role, { team: 'access-matrix' });
    const before = await writes();
    const response = await call(method, path, staff.authorization);
    if (allowed) {
      expect([401, 403]).not.toContain(response.status);
      expect(response.status).toBeLessThan(500);
    } else {
      expect(response.status).toBe(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(await writes()).toEqual(before);
    }
  });

  it.each(matrix)('%s %s without a token: 401', async (method, path) => {
    const before = await writes();
    const response = await call(method, path);
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(await writes()).toEqual(before);
  });

  it('answers only as the OpenAPI document says, on every staff operation', () => {
    expect(contract.failures).toEqual([]);
    expect(contract.unanswered().filter((operation) => !operation.includes(' /v1/partner/'))).toEqual([]);
  });
});
