import { Injectable, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { jobDefinitions, queuesInUse } from '@redress/jobs';
import {
  mountQueueDashboard,
  QueueDashboardAuthorizer,
  type QueueDashboard,
  type QueueDashboardAccess,
} from '@redress/platform';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { verifyStaffRequest } from '../auth/index.js';
import { CaseworkerApiConfig } from '../config.js';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * The queue dashboard's door: the staff bearer token, verified as every staff route verifies it (the app
 * module's `StaffJwtStrategy`, through passport; were it missing, every request would be refused), and the
 * `administrator` role. No valid token: 401; another role: 403 (docs/caseworker.md, issue 7 item 14).
 */
@Injectable()
export class StaffQueueDashboardAuthorizer extends QueueDashboardAuthorizer {
  async authorize(request: FastifyRequest): Promise<QueueDashboardAccess> {
    const staff = await verifyStaffRequest(request);
    if (!staff) return 'unauthenticated';
    return staff.roles.includes('administrator') ? 'allowed' : 'forbidden';
  }
}

/** Every queue a job of the job table goes to (one list, so a queue added there appears here). */
export function dashboardQueueNames(): string[] {
  return [...new Set<string>([...queuesInUse(), ...Object.values(jobDefinitions).map((job) => job.queue)])].sort();
}

/**
 * Mounts Bull Board at /admin/queues when the app boots (after Nest's routes and the platform's hooks, before
 * Fastify is ready) and closes its queue connections on shutdown.
 */
@Injectable()
export class QueueDashboardMount implements OnApplicationBootstrap, OnApplicationShutdown {
  private dashboard: QueueDashboard | null = null;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: CaseworkerApiConfig,
    private readonly authorizer: StaffQueueDashboardAuthorizer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    this.dashboard = await mountQueueDashboard(fastify, {
      redisUrl: this.config.REDIS_URL,
      queuePrefix: this.config.QUEUE_PREFIX,
      queueNames: dashboardQueueNames(),
      authorizer: this.authorizer,
      basePath: QUEUE_DASHBOARD_PATH,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.dashboard?.close();
    this.dashboard = null;
  }
}

@Module({
  providers: [StaffQueueDashboardAuthorizer, QueueDashboardMount],
})
export class QueueDashboardModule {}
