import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { REQUEST_REDIS } from '../tokens.js';
import { DependencyHealth } from './dependency-health.js';

const CHECK_TIMEOUT_MS = 1500;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref()),
  ]);
}

/** Liveness says the process runs; readiness says it can serve (PostgreSQL and Redis answer). */
@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REQUEST_REDIS) private readonly redis: Redis,
    private readonly dependencies: DependencyHealth,
  ) {}

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /**
   * 200 when ready; 503 with the state of each dependency when not (the body tells operators which). An outside
   * service reported down (an identity provider) makes it 200 with `status: "degraded"` and `degraded` naming it.
   */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    try {
      const result = await this.checkDependencies();
      const degraded = this.dependencies.degraded();
      return Object.keys(degraded).length ? { ...result, status: 'degraded', degraded } : result;
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      void reply.status(503);
      return error.getResponse();
    }
  }

  private checkDependencies() {
    return this.health.check([
      () => this.database.pingCheck('postgresql', { timeout: CHECK_TIMEOUT_MS }),
      async () => {
        const check = this.indicators.check('redis');
        try {
          await withTimeout(this.redis.ping(), CHECK_TIMEOUT_MS);
          return check.up();
        } catch {
          return check.down({ message: 'Redis did not answer' });
        }
      },
    ]);
  }
}
