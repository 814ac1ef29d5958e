import { Controller, Get, Inject, Module, type DynamicModule, type OnApplicationShutdown, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { LoggerModule } from 'nestjs-pino';
import type { Redis } from 'ioredis';
import { Redis as RedisClient } from 'ioredis';
import { loggerParams, redisOptions } from '@redress/platform';
import type { Translator } from './i18n.js';
import type { WebConfig } from './web-config.js';

export const WEB_REDIS = Symbol('WEB_REDIS');
export const WEB_TRANSLATOR = Symbol('WEB_TRANSLATOR');
export const WEB_UPSTREAMS = Symbol('WEB_UPSTREAMS');

const CHECK_TIMEOUT_MS = 1500;

/** Liveness: the process runs. Readiness: Redis (sessions) and every API the service calls answer. */
@Controller('health')
export class WebHealthController {
  constructor(
    @Inject(WEB_REDIS) private readonly redis: Redis,
    @Inject(WEB_UPSTREAMS) private readonly upstreams: Record<string, string>,
  ) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const checks: Record<string, { status: 'up' | 'down' }> = {};
    const timeout = () => AbortSignal.timeout(CHECK_TIMEOUT_MS);
    checks.redis = await Promise.race([
      this.redis.ping().then(() => ({ status: 'up' as const })),
      new Promise<{ status: 'down' }>((resolve) =>
        setTimeout(() => resolve({ status: 'down' }), CHECK_TIMEOUT_MS).unref(),
      ),
    ]).catch(() => ({ status: 'down' as const }));
    for (const [name, baseUrl] of Object.entries(this.upstreams)) {
      checks[name] = await fetch(new URL('/health/live', baseUrl), { signal: timeout() })
        .then((answer) => ({ status: answer.ok ? ('up' as const) : ('down' as const) }))
        .catch(() => ({ status: 'down' as const }));
    }
    const ok = Object.values(checks).every((check) => check.status === 'up');
    void reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'error', details: checks };
  }
}

export interface WebPlatformOptions {
  config: WebConfig;
  translator: Translator;
  /** The APIs this service calls, by name: readiness checks each. */
  upstreams: Record<string, string>;
}

/** Logging, the session Redis connection, the translator and the health routes of a web service. */
@Module({})
export class WebPlatformModule implements OnApplicationShutdown {
  constructor(@Inject(WEB_REDIS) private readonly redis: Redis) {}

  static forRoot(options: WebPlatformOptions): DynamicModule {
    return {
      module: WebPlatformModule,
      global: true,
      imports: [LoggerModule.forRoot(loggerParams(options.config.LOG_LEVEL))],
      controllers: [WebHealthController],
      providers: [
        {
          provide: WEB_REDIS,
          useFactory: () =>
            // Commands wait for the first connection (a request right after boot) but fail fast while Redis is down.
            new RedisClient(
              redisOptions(options.config.REDIS_URL, {
                connectionName: 'web-sessions',
                maxRetriesPerRequest: 1,
                connectTimeout: 2000,
              }),
            ),
        },
        { provide: WEB_TRANSLATOR, useValue: options.translator },
        { provide: WEB_UPSTREAMS, useValue: options.upstreams },
      ],
      exports: [WEB_REDIS, WEB_TRANSLATOR],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
