import {
  DenyAllQueueDashboardAuthorizer,
  mountQueueDashboard,
  QueueDashboardAuthorizer,
  type QueueDashboardAccess,
} from '@redress/platform';
import Fastify, { type FastifyRequest } from 'fastify';
import { Queue, type ConnectionOptions } from 'bullmq';
import { redisOptions } from '@redress/platform';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Stands in for the caseworker API's staff check: a header only tests can set. */
class HeaderAuthorizer extends QueueDashboardAuthorizer {
  async authorize(request: FastifyRequest): Promise<QueueDashboardAccess> {
    const role = request.headers['x-test-role'];
    if (role === undefined) return 'unauthenticated';
    return role === 'administrator' ? 'allowed' : 'forbidden';
  }
}

describe('queue dashboard (Bull Board)', () => {
  const prefix = `${process.env.QUEUE_PREFIX}-dashboard`;

  async function start(authorizer: QueueDashboardAuthorizer) {
    const fastify = Fastify();
    const dashboard = await mountQueueDashboard(fastify, {
      redisUrl,
      queuePrefix: prefix,
      queueNames: ['claims', 'notifications'],
      authorizer,
    });
    await fastify.ready();
    return { fastify, dashboard };
  }

  it('is closed to everyone by default: 404 on the page and its API, as if absent', async () => {
    const { fastify, dashboard } = await start(new DenyAllQueueDashboardAuthorizer());
    try {
      for (const url of ['/admin/queues', '/admin/queues/api/queues', '/admin/queues/static/favicon-32x32.png']) {
        const response = await fastify.inject({ url, headers: { 'x-test-role': 'administrator' } });
        expect(response.statusCode).toBe(404);
        expect(response.body).not.toMatch(/bull|queue/i);
      }
    } finally {
      await dashboard.close();
      await fastify.close();
    }
  });

  it('shows the queues and their jobs to an administrator, and nothing to anyone else', async () => {
    const queue = new Queue('claims', { connection: redisOptions(redisUrl) as ConnectionOptions, prefix });
    await queue.add('claims.assess', { claimId: 'c-1' }, { jobId: 'dashboard-job-1' });
    const { fastify, dashboard } = await start(new HeaderAuthorizer());
    try {
      const page = await fastify.inject({ url: '/admin/queues', headers: { 'x-test-role': 'administrator' } });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      const api = await fastify.inject({
        url: '/admin/queues/api/queues',
        headers: { 'x-test-role': 'administrator' },
      });
      expect(api.statusCode).toBe(200);
      const names = api
        .json<{ queues: Array<{ name: string }> }>()
        .queues.map((q) => q.name)
        .sort();
      expect(names).toEqual(['claims', 'notifications']);
      const waiting = await fastify.inject({
        url: '/admin/queues/api/queues?activeQueue=claims&status=waiting&page=1',
        headers: { 'x-test-role': 'administrator' },
      });
      expect(waiting.body).toContain('dashboard-job-1');

      for (const [headers, status] of [
        [{}, 401],
        [{ 'x-test-role': 'caseworker' }, 403],
      ] as const) {
        for (const url of [
          '/admin/queues',
          '/admin/queues/api/queues?activeQueue=claims&status=waiting&page=1',
          '/admin/queues/static/favicon-32x32.png',
        ]) {
          const refused = await fastify.inject({ url, headers });
          expect(refused.statusCode).toBe(status);
          expect(refused.headers['content-type']).toContain('application/problem+json');
          expect(refused.json()).toMatchObject({ status });
          expect(refused.body).not.toContain('dashboard-job-1');
        }
        // Nor may they act on a job (removing it, here).
        const retry = await fastify.inject({
          method: 'PUT',
          url: '/admin/queues/api/queues/claims/dashboard-job-1/clean',
          headers,
        });
        expect(retry.statusCode).toBe(status);
        expect(await queue.getJob('dashboard-job-1')).toBeDefined();
      }
      const unauthenticated = await fastify.inject({ url: '/admin/queues' });
      expect(unauthenticated.headers['www-authenticate']).toBe('Bearer');
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
      await dashboard.close();
      await fastify.close();
    }
  });
});
