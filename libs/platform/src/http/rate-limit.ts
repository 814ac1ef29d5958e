import rateLimit from '@fastify/rate-limit';
import { MergeRouteConfig } from './route-config.js';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';

/** A generous default per client; sensitive routes set tighter limits with @RateLimit. */
export const DEFAULT_RATE_LIMIT = { max: 600, timeWindow: 60_000 };

export interface RouteRateLimit {
  /** Names the limit, so that configuration (RATE_LIMIT_OVERRIDES) can change it without a code change. */
  name?: string;
  max: number;
  /** Milliseconds. */
  timeWindow: number;
  /** Counts per something other than the client address (for example the email a code is sent to). */
  keyGenerator?: (request: FastifyRequest) => string;
  /** Run after the body is parsed, when the key needs it. */
  hook?: 'onRequest' | 'preHandler';
}

/** Sets a route's own rate limit (counted per client address unless a key generator is given). */
export function RateLimit(limit: RouteRateLimit): MethodDecorator & ClassDecorator {
  return MergeRouteConfig({ rateLimit: limit });
}

/**
 * Registers @fastify/rate-limit with counters in Redis, so that every replica counts together.
 * While Redis is down requests are let through: refusing every citizen would be worse than a short
 * gap in rate limiting, and the health check reports the outage.
 */
export async function registerRateLimit(
  app: NestFastifyApplication,
  redis: Redis,
  nameSpace: string,
  overrides: Record<string, { max: number; timeWindow: number }> = {},
  defaultPerMinute = DEFAULT_RATE_LIMIT.max,
): Promise<void> {
  // Runs before the plugin's own onRoute hook (registered after it), so named limits take their configured values.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      const limit = (route.config as { rateLimit?: RouteRateLimit } | undefined)?.rateLimit;
      const override = limit?.name ? overrides[limit.name] : undefined;
      if (limit && override) Object.assign(limit, override);
    });
  await app.register(rateLimit, {
    global: true,
    max: defaultPerMinute,
    timeWindow: DEFAULT_RATE_LIMIT.timeWindow,
    redis,
    nameSpace: `${nameSpace}:rate-limit:`,
    skipOnError: true,
    allowList: (request) => /^\/(health|metrics)(\/|$|\?)/.test(request.url),
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error('Too many requests'), {
        statusCode: 429,
        code: 'FST_RATE_LIMITED',
        retryAfterSeconds: Math.ceil(context.ttl / 1000),
      }),
  });
}

/** Parses `name=max/windowMs` pairs, comma separated (for example `eligibility-check=60/60000`). */
export function parseRateLimitOverrides(text: string): Record<string, { max: number; timeWindow: number }> {
  const overrides: Record<string, { max: number; timeWindow: number }> = {};
  for (const pair of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^([a-z0-9-]+)=(\d+)\/(\d+)$/.exec(pair);
    if (!match) throw new Error(`RATE_LIMIT_OVERRIDES entry "${pair}" must be name=max/windowMs`);
    overrides[match[1]!] = { max: Number(match[2]), timeWindow: Number(match[3]) };
  }
  return overrides;
}
