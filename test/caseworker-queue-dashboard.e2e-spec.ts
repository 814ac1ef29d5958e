import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { queuesInUse } from '@redress/jobs';
import { redisOptions } from '@redress/platform';
import { Queue, type ConnectionOptions } from 'bullmq';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import {
  DEVELOPMENT_ONLY_STAFF_PRIVATE_KEY,
  DEVELOPMENT_ONLY_STAFF_TOKEN_AUDIENCE,
  DEVELOPMENT_ONLY_STAFF_TOKEN_ISSUER,
  DEVELOPMENT_ONLY_STAFF_TOKEN_KEY_ID,
} from '../apps/caseworker-api/src/auth/index.js';
import { dashboardQueueNames } from '../apps/caseworker-api/src/admin/queue-dashboard.module.js';
import { startCaseworkerApi, testStaff } from './support/caseworker-api.js';

/**
 * Bull Board at /admin/queues on the caseworker API: administrators only, through the same staff token
 * verification as every staff route. A queue prefix of its own, so that nothing here touches other suites' jobs.
 */
describe('queue dashboard on the caseworker API', () => {
  const queuePrefix = `${process.env.QUEUE_PREFIX}-cwdb`;
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  let app: NestFastifyApplication;
  let claims: Queue;
  const http = () => request(app.getHttpServer());
  const administrator = testStaff('administrator', { team: null });

  beforeAll(async () => {
    app = await startCaseworkerApi({ QUEUE_PREFIX: queuePrefix });
    claims = new Queue('claims', { connection: redisOptions(redisUrl) as ConnectionOptions, prefix: queuePrefix });
    await claims.add('claims.assess', { claimId: 'dashboard-claim' }, { jobId: 'cw-dashboard-job-1' });
  });
  afterAll(async () => {
    await claims.obliterate({ force: true });
    await claims.close();
    await app.close();
  });

  it('shows an administrator the page and every queue of the job table, with their jobs', async () => {
    const page = await http().get('/admin/queues').set('authorization', administrator.authorization).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('Redress queues');

    const api = await http().get('/admin/queues/api/queues').set('authorization', administrator.authorization);
    expect(api.status).toBe(200);
    const names = (api.body as { queues: Array<{ name: string }> }).queues.map((queue) => queue.name).sort();
    expect(names).toEqual(dashboardQueueNames());
    expect(names).toEqual(expect.arrayContaining([...queuesInUse(), 'claims', 'notifications', 'housekeeping']));

    const waiting = await http()
      .get('/admin/queues/api/queues?activeQueue=claims&status=waiting&page=1')
      .set('authorization', administrator.authorization)
      .expect(200);
    expect(waiting.text).toContain('cw-dashboard-job-1');
  });

  it.each(['caseworker', 'senior-caseworker', 'team-leader', 'auditor'] as const)(
    'refuses a %s with 403 problem+json on the page, the API and static files, and lets them change nothing',
    async (role) => {
      const staff = testStaff(role);
      for (const url of [
        '/admin/queues',
        '/admin/queues/api/queues?activeQueue=claims&status=waiting&page=1',
        '/admin/queues/static/favicon-32x32.png',
      ]) {
        const response = await http().get(url).set('authorization', staff.authorization);
        expect(response.status).toBe(403);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.body).toMatchObject({ status: 403, title: 'Forbidden' });
        expect(response.text).not.toContain('cw-dashboard-job-1');
      }
      await http()
        .put('/admin/queues/api/queues/claims/cw-dashboard-job-1/clean')
        .set('authorization', staff.authorization)
        .expect(403);
      await http().put('/admin/queues/api/queues/pause').set('authorization', staff.authorization).expect(403);
      expect(await claims.getJob('cw-dashboard-job-1')).toBeDefined();
      expect(await claims.isPaused()).toBe(false);
    },
  );

  it('refuses anyone without a valid staff token with 401 problem+json', async () => {
    const expired = testStaff('administrator', { expiresIn: -60 });
    // HMAC with a shared secret: the strategy pins one asymmetric algorithm.
    const hmac = `Bearer ${jwt.sign({ roles: ['administrator'] }, 'a-shared-secret', {
      algorithm: 'HS256',
      subject: 'someone',
      issuer: DEVELOPMENT_ONLY_STAFF_TOKEN_ISSUER,
      audience: DEVELOPMENT_ONLY_STAFF_TOKEN_AUDIENCE,
    })}`;
    // Properly signed, but with no role this API knows.
    const onlyUnknownRoles = `Bearer ${jwt.sign({ roles: ['superuser'] }, DEVELOPMENT_ONLY_STAFF_PRIVATE_KEY, {
      algorithm: 'RS256',
      keyid: DEVELOPMENT_ONLY_STAFF_TOKEN_KEY_ID,
      subject: 'someone',
      issuer: DEVELOPMENT_ONLY_STAFF_TOKEN_ISSUER,
      audience: DEVELOPMENT_ONLY_STAFF_TOKEN_AUDIENCE,
      expiresIn: 600,
    })}`;
    const wrongAudience = `Bearer ${jwt.sign({ roles: ['administrator'] }, DEVELOPMENT_ONLY_STAFF_PRIVATE_KEY, {
      algorithm: 'RS256',
      subject: 'someone',
      issuer: DEVELOPMENT_ONLY_STAFF_TOKEN_ISSUER,
      audience: 'another-api',
      expiresIn: 600,
    })}`;
    const [header, payload, signature] = administrator.authorization.slice('Bearer '.length).split('.');
    const tampered = `Bearer ${header}.${payload}.${signature!.startsWith('A') ? 'B' : 'A'}${signature!.slice(1)}`;
    for (const authorization of [
      undefined,
      'Bearer not-a-token',
      expired.authorization,
      hmac,
      onlyUnknownRoles,
      wrongAudience,
      tampered,
    ]) {
      for (const url of ['/admin/queues', '/admin/queues/api/queues', '/admin/queues/static/favicon-32x32.png']) {
        const pending = http().get(url);
        const response = await (authorization ? pending.set('authorization', authorization) : pending);
        expect(response.status).toBe(401);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.headers['www-authenticate']).toBe('Bearer');
        expect(response.text).not.toContain('cw-dashboard-job-1');
      }
    }
    await http().put('/admin/queues/api/queues/claims/cw-dashboard-job-1/clean').expect(401);
    expect(await claims.getJob('cw-dashboard-job-1')).toBeDefined();
  });
});
