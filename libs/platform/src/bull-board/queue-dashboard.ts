import { Queue, type ConnectionOptions } from 'bullmq';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { redisOptions } from '../redis/redis-connection.js';

/**
 * Decides whether a request may see the queue dashboard. The dashboard shows job ids, names and errors (never
 * personal data: payloads are ids only) and can retry or remove jobs, so only administrators may reach it.
 *
 * Staff authentication is the caseworker API's: it must provide an implementation that verifies the staff
 * bearer token (or session cookie, since the dashboard is a browser page that calls its own JSON API) and
 * answers true only for the `administrator` role. Until it does, `DenyAllQueueDashboardAuthorizer` keeps the
 * dashboard closed.
 */
export abstract class QueueDashboardAuthorizer {
  abstract isAdministrator(request: FastifyRequest): Promise<boolean>;
}

/** The default: nobody. The dashboard answers 404, as if it were not there. */
export class DenyAllQueueDashboardAuthorizer extends QueueDashboardAuthorizer {
  async isAdministrator(): Promise<boolean> {
    return false;
  }
}

export interface QueueDashboardOptions {
  redisUrl: string;
  queuePrefix: string;
  queueNames: readonly string[];
  authorizer: QueueDashboardAuthorizer;
  /** Where it is mounted; `/admin/queues` by default. */
  basePath?: string;
  /** Administrators may look but not retry, promote or remove jobs. */
  readOnly?: boolean;
}

export interface QueueDashboard {
  readonly basePath: string;
  close(): Promise<void>;
}

/**
 * Mounts Bull Board (`@bull-board/api` + `@bull-board/fastify`) on a Fastify instance (for Nest:
 * `app.getHttpAdapter().getInstance()`), every route behind `authorizer`: a request it does not accept gets 404
 * and learns nothing, not even that the dashboard exists.
 */
export async function mountQueueDashboard(
  fastify: FastifyInstance,
  options: QueueDashboardOptions,
): Promise<QueueDashboard> {
  // Loaded on demand: only the caseworker API mounts the dashboard, and the packages are large.
  const [{ createBullBoard }, { BullMQAdapter }, { FastifyAdapter }] = await Promise.all([
    import('@bull-board/api'),
    import('@bull-board/api/bullMQAdapter'),
    import('@bull-board/fastify'),
  ]);
  const basePath = options.basePath ?? '/admin/queues';
  const connection = redisOptions(options.redisUrl, { connectionName: 'queue-dashboard' }) as ConnectionOptions;
  const queues = options.queueNames.map((name) => {
    const queue = new Queue(name, { connection, prefix: options.queuePrefix });
    queue.on('error', () => undefined);
    return queue;
  });
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(basePath);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: options.readOnly ?? false })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Redress queues' } },
  });
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', async (request, reply) => {
      if (!(await options.authorizer.isAdministrator(request))) {
        await reply
          .code(404)
          .type('application/problem+json')
          .send({ type: 'about:blank', title: 'Not Found', status: 404 });
      }
    });
    await scope.register(serverAdapter.registerPlugin(), { prefix: basePath });
  });
  return {
    basePath,
    close: async () => {
      await Promise.all(queues.map((queue) => queue.close()));
    },
  };
}
