import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import type { HttpConfig } from '../config/app-config.js';
import { instrumentHttp } from '../metrics/metrics.js';
import { METRICS_REGISTRY, REQUEST_REDIS } from '../tokens.js';
import { parseRateLimitOverrides, registerRateLimit } from './rate-limit.js';
import { recordRoutes } from './route-inventory.js';

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,64}$/;

/** The Fastify adapter with our body limit, proxy trust and request ids (a caller's id is kept if it is well formed). */
export function createFastifyAdapter(config: HttpConfig): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    // A hop count, never `true` (which takes the left-most, client-written X-Forwarded-For entry).
    trustProxy:
      config.TRUST_PROXY === 'true' ? (_address: string, hop: number) => hop < config.TRUSTED_PROXY_HOPS : false,
    requestIdHeader: false,
    genReqId: (request: IncomingMessage) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
    },
    // Reject prototype-poisoning keys in JSON bodies instead of passing them on.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  });
}

export interface ApiDescription {
  /** Short name of the app, used to keep its rate-limit counters apart. */
  name: string;
  title: string;
  description: string;
  version: string;
  /** Adds the bearer security scheme to the document. */
  bearerAuth?: boolean;
}

/**
 * Everything about an HTTP app that lives on the adapter rather than in a module: logger, security
 * headers, CORS, the request-id response header, metrics, OpenAPI at /docs and /docs-json, shutdown hooks.
 * Used by main.ts and by the end-to-end tests alike, so both run the same app.
 */
export async function configureHttpApp(
  app: NestFastifyApplication,
  config: HttpConfig,
  api: ApiDescription,
): Promise<NestFastifyApplication> {
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.enableShutdownHooks();
  app.useSecurityHeaders({
    // Swagger UI needs inline styles; everything else is same-origin only.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  const origins = config.CORS_ORIGINS.split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  app.enableCors({
    origin: origins.length ? origins : false,
    credentials: false,
    exposedHeaders: ['etag', 'x-request-id', 'location'],
  });

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    // Personal data must not be cached by browsers or intermediaries (ASVS 14.3.2).
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    done(null, payload);
  });
  recordRoutes(fastify);
  instrumentHttp(fastify, app.get<Registry>(METRICS_REGISTRY));
  await registerRateLimit(
    app,
    app.get<Redis>(REQUEST_REDIS),
    `${config.RATE_LIMIT_NAMESPACE || config.QUEUE_PREFIX}:${api.name}`,
    parseRateLimitOverrides(config.RATE_LIMIT_OVERRIDES),
    config.RATE_LIMIT_DEFAULT_PER_MINUTE,
  );

  const builder = new DocumentBuilder().setTitle(api.title).setDescription(api.description).setVersion(api.version);
  if (api.bearerAuth) builder.addBearerAuth();
  const document = SwaggerModule.createDocument(app, builder.build());
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });

  await app.init();
  await fastify.ready();
  return app;
}
