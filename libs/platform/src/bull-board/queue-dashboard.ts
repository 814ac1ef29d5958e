import { Queue, type ConnectionOptions } from 'bullmq';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { problemType } from '../http/problem.js';
import { frameworkProblemCode } from '../http/problem-codes.js';
import { redisOptions } from '../redis/redis-connection.js';

/**
 * What a request may do with the queue dashboard:
 * - `allowed`: an administrator;
 * - `unauthenticated`: no valid staff credentials (401);
 * - `forbidden`: a valid staff member without the administrator role (403);
 * - `hidden`: answer 404, as if there were no dashboard (the default until an app wires its staff sign-in).
 */
export type QueueDashboardAccess = 'allowed' | 'unauthenticated' | 'forbidden' | 'hidden';

/**
 * Decides whether a request may see the queue dashboard. The dashboard shows job ids, names and errors (never
 * personal data: payloads are ids only) and can retry or remove jobs, so only administrators may reach it.
 *
 * Staff authentication is the caseworker API's: it provides an implementation that verifies the staff bearer
 * token with its own staff sign-in and allows only the `administrator` role. Until an app does,
 * `DenyAllQueueDashboardAuthorizer` keeps the dashboard hidden.
 */
export abstract class QueueDashboardAuthorizer {
  abstract authorize(request: FastifyRequest): Promise<QueueDashboardAccess>;
}

/** The default: nobody. The dashboard answers 404, as if it were not there. */
export class DenyAllQueueDashboardAuthorizer extends QueueDashboardAuthorizer {
  async authorize(): Promise<QueueDashboardAccess> {
    return 'hidden';
  }
}

const refusals: Record<Exclude<QueueDashboardAccess, 'allowed'>, { status: number; title: string; detail: string }> = {
  unauthenticated: { status: 401, title: 'Unauthorized', detail: 'Sign in to continue.' },
  forbidden: { status: 403, title: 'Forbidden', detail: 'Only administrators may see the queues.' },
  hidden: { status: 404, title: 'Not Found', detail: '' },
};

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
 * `app.getHttpAdapter().getInstance()`), every route (page, JSON API, static files) behind `authorizer`: a
 * request it does not allow gets 401, 403 or 404 problem+json and never reaches Bull Board.
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
      const access = await options.authorizer.authorize(request);
      if (access === 'allowed') return;
      const refusal = refusals[access];
      if (access === 'unauthenticated') void reply.header('www-authenticate', 'Bearer');
      await reply
        .code(refusal.status)
        .type('application/problem+json')
        .send({
          type: problemType(frameworkProblemCode(refusal.status)),
          title: refusal.title,
          status: refusal.status,
          code: frameworkProblemCode(refusal.status),
          // A hidden dashboard says nothing about itself, not even its path.
          ...(access === 'hidden' ? {} : { detail: refusal.detail, instance: request.url.split('?')[0] }),
          requestId: String(request.id),
        });
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
