import { Inject, Injectable, ServiceUnavailableException, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import '@fastify/rate-limit';
import { normaliseEmail } from '@redress/application';
import { FieldCipher, REQUEST_REDIS } from '@redress/platform';
import type { Redis } from 'ioredis';
import { CITIZEN_EMAIL_INDEX_PURPOSE } from './field-cipher-email-protector.js';

/** Per email address: codes asked for, and codes tried. */
export const CODES_PER_EMAIL = { max: 5, timeWindow: 15 * 60_000 };
export const CODE_TRIES_PER_EMAIL = { max: 10, timeWindow: 15 * 60_000 };
/** Per client address, on each sign-in route. */
export const SIGN_IN_REQUESTS_PER_CLIENT = { max: 20, timeWindow: 60_000 };
export const REFRESHES_PER_CLIENT = { max: 60, timeWindow: 60_000 };

/** The routes limited per client here, on top of their per-email @RateLimit. */
const PER_CLIENT_ROUTES = new Set(['/v1/auth/codes', '/v1/auth/tokens']);

// Filled before validation, read by the route's rate limit key generator.
const emailKeys = new WeakMap<FastifyRequest, string>();

/**
 * The rate limit key of a sign-in request: the blind index of its normalised email, so that Redis never
 * holds an address (nor an unkeyed hash of one, which a dictionary would reverse). A body without a
 * usable email is counted per client instead; validation refuses it right after.
 */
export function emailRateLimitKey(request: FastifyRequest): string {
  return emailKeys.get(request) ?? `no-email:${request.ip}`;
}

function emailOf(body: unknown): string | undefined {
  const email = (body as { email?: unknown } | null | undefined)?.email;
  return typeof email === 'string' && email.length <= 320 ? email : undefined;
}

/**
 * Adds to the sign-in routes what one @RateLimit cannot: a per-client limit beside the per-email one
 * (@fastify/rate-limit runs one limit per route), and the email's blind index for the per-email key.
 * Both run in preValidation, before the route's own preHandler limit. Unlike the platform's other limits they
 * fail closed: while Redis is down, asking for and trying codes is refused with 503 (nothing sent, nothing kept).
 */
@Injectable()
export class AuthRateLimits implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly cipher: FieldCipher,
    @Inject(REQUEST_REDIS) private readonly redis: Redis,
  ) {}

  /** Whether the request-path Redis client is, or becomes within `ms`, ready. */
  private readyWithin(ms: number): Promise<boolean> {
    if (this.redis.status === 'ready') return Promise.resolve(true);
    if (this.redis.status === 'end') return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = (ready: boolean) => {
        clearTimeout(timer);
        this.redis.off('ready', onReady);
        resolve(ready);
      };
      const onReady = () => done(true);
      const timer = setTimeout(() => done(false), ms);
      this.redis.once('ready', onReady);
    });
  }

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter as { getInstance?: () => unknown } | undefined;
    const fastify = adapter?.getInstance?.() as FastifyInstance | undefined;
    if (!fastify?.addHook) return; // an application context without HTTP
    let perClient: ReturnType<FastifyInstance['createRateLimit']> | undefined;
    fastify.addHook('preValidation', async (request) => {
      const route = request.routeOptions.url;
      if (!route?.startsWith('/v1/auth/')) return;
      const email = emailOf(request.body);
      if (email) emailKeys.set(request, this.cipher.blindIndex(CITIZEN_EMAIL_INDEX_PURPOSE, normaliseEmail(email)));
      if (!PER_CLIENT_ROUTES.has(route)) return;
      if (!fastify.createRateLimit) throw new Error('@fastify/rate-limit must be registered before the auth routes');
      perClient ??= fastify.createRateLimit({
        ...SIGN_IN_REQUESTS_PER_CLIENT,
        keyGenerator: (limited) => `auth-client:${limited.routeOptions.url ?? ''}:${limited.ip}`,
        // Fail closed: without its counters, sign-in would be open to guessing codes and flooding inboxes.
        skipOnError: false,
      });
      const unavailable = () =>
        new ServiceUnavailableException('Signing in is not possible just now. Please try again in a few minutes.');
      let limit: Awaited<ReturnType<typeof perClient>>;
      try {
        limit = await perClient(request);
      } catch {
        // A client still connecting (just after start, or reconnecting) gets a moment before the refusal.
        if (!(await this.readyWithin(2000))) throw unavailable();
        try {
          limit = await perClient(request);
        } catch {
          throw unavailable();
        }
      }
      if (!limit.isAllowed && limit.isExceeded) {
        throw Object.assign(new Error('Too many requests'), {
          statusCode: 429,
          code: 'FST_RATE_LIMITED',
          retryAfterSeconds: Math.ceil(limit.ttl / 1000),
        });
      }
    });
  }
}
