import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Catch, type ArgumentsHost, type ExceptionFilter, type DynamicModule, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyCookie from '@fastify/cookie';
import fastifySession from '@fastify/session';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifyView from '@fastify/view';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { Logger } from 'nestjs-pino';
import nunjucks from 'nunjucks';
import { isLanguage, languageFromAcceptLanguage, LANGUAGES, type Language, type Translator } from './i18n.js';
import { configureNunjucks } from './nunjucks.js';
import { languageLinks } from './language-links.js';
import { frontendPaths, webLibPaths } from './paths.js';
import { RedisSessionStore } from './redis-session-store.js';
import type { WebConfig } from './web-config.js';
import { renderErrorPage } from './web-errors.js';
import { WEB_REDIS } from './web-platform.module.js';

declare module 'fastify' {
  interface Session {
    lang?: Language;
  }
  interface FastifyReply {
    /** What every template of this request sees (merged by @fastify/view). */
    locals: Record<string, unknown>;
  }
  interface FastifyContextConfig {
    /** The route reads its CSRF token itself (multipart forms, whose body Fastify does not parse). */
    csrfInHandler?: boolean;
  }
}

export interface WebAppOptions {
  /** Short name: `citizen-web`, used in the cookie name and Redis keys. */
  name: string;
  /** The app's own templates, then libs/web's, then GOV.UK Frontend's and MOJ Frontend's. */
  viewsDir: string;
  /** Where a page that needs a signed-in person sends them. */
  signInPath?: string;
  /** Adds MOJ Frontend's styles and scripts (staff and partner services). */
  moj?: boolean;
  /** Words every page of this service may use, in every template's context. */
  globals?: Record<string, unknown>;
  /** Values every template of a request sees, such as the navigation for a signed-in person. */
  requestLocals?: (request: FastifyRequest) => Record<string, unknown>;
  /**
   * Runs when a person chooses a language with the toggle (`?lang=` differs from the session's), for example to
   * save it on their account. A failure is logged and the page still shows (the choice is kept in the session).
   */
  onLanguageChosen?: (app: NestFastifyApplication, request: FastifyRequest, language: Language) => Promise<void>;
  /** Runs before the app is initialised (register more Fastify plugins, such as multipart). */
  beforeInit?: (app: NestFastifyApplication) => Promise<void>;
}

/** Nest's filter for errors thrown by controllers: the same page as Fastify's own handler gives. */
@Catch()
class WebExceptionFilter implements ExceptionFilter {
  constructor(private readonly signInPath: string | undefined) {}
  async catch(error: unknown, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    await renderErrorPage(http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), error, this.signInPath);
  }
}

/**
 * Builds a web service exactly as it runs (main.ts and the browser tests both call this): Nunjucks views with
 * GOV.UK Frontend, server-side sessions in Redis behind one opaque HttpOnly cookie, CSRF on every unsafe
 * request, helmet's headers with a nonce-based CSP, static assets, the page's language, `no-store` on pages.
 */
export async function createWebApp(
  module: DynamicModule | Type,
  config: WebConfig,
  translator: Translator,
  options: WebAppOptions,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.FORM_BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY === 'true',
    requestIdHeader: false,
    genReqId: (_request: IncomingMessage) => randomUUID(),
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.enableShutdownHooks();
  app.useGlobalFilters(new WebExceptionFilter(options.signInPath));

  const production = config.NODE_ENV === 'production';
  await app.register(fastifyHelmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        upgradeInsecureRequests: production ? [] : null,
      },
    },
    strictTransportSecurity: production ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(fastifyCookie);
  const redis = app.get<Redis>(WEB_REDIS);
  await app.register(fastifySession, {
    secret: config.SESSION_SECRET,
    // `__Host-` pins the cookie to this host, path / and https (production only: it needs Secure).
    cookieName: production ? `__Host-${options.name}` : options.name,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: production,
      path: '/',
      maxAge: config.SESSION_IDLE_SECONDS * 1000,
    },
    store: new RedisSessionStore(
      redis,
      `${config.QUEUE_PREFIX}:web-session:${options.name}:`,
      config.SESSION_IDLE_SECONDS,
    ),
    saveUninitialized: false,
    rolling: true,
  });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/session',
    getToken: (request: FastifyRequest) => {
      const body = request.body as Record<string, unknown> | undefined;
      return typeof body?._csrf === 'string' ? body._csrf : undefined;
    },
  });
  await app.register(fastifyStatic, {
    root: [
      webLibPaths.public,
      `${frontendPaths.govukDist}/govuk/assets`,
      `${frontendPaths.govukDist}/govuk`,
      ...(options.moj ? [`${frontendPaths.mojRoot}/moj/assets`, `${frontendPaths.mojRoot}/moj`] : []),
    ],
    prefix: '/assets/',
    cacheControl: true,
    maxAge: '1d',
    index: false,
    list: false,
    allowedPath: (pathName) => /\.(css|js|mjs|woff2?|png|svg|ico|json)$/.test(pathName) && !pathName.endsWith('.map'),
  });
  await app.register(fastifyView, {
    engine: { nunjucks },
    templates: [options.viewsDir, webLibPaths.views, frontendPaths.govukDist, frontendPaths.mojRoot],
    options: {
      autoescape: true,
      throwOnUndefined: false,
      onConfigure: (environment: nunjucks.Environment) => configureNunjucks(environment),
    },
    defaultContext: { moj: Boolean(options.moj), languages: LANGUAGES, ...options.globals },
  });

  const fastify = app.getHttpAdapter().getInstance();
  // The page's language: an explicit ?lang= choice (kept in the session), the session's, or Accept-Language.
  fastify.addHook('onRequest', async (request, reply) => {
    const asked = (request.query as Record<string, unknown> | undefined)?.lang;
    if (isLanguage(asked) && request.session.lang !== asked) {
      request.session.lang = asked;
      await options.onLanguageChosen?.(app, request, asked).catch((error: unknown) => {
        request.log.warn({ err: error }, 'the language choice could not be saved beyond the session');
      });
    }
    const lang = request.session.lang ?? languageFromAcceptLanguage(request.headers['accept-language']);
    const path = request.url.split('?')[0] ?? '/';
    reply.locals = {
      ...reply.locals,
      lang,
      t: translator.forLanguage(lang),
      cspNonce: reply.cspNonce?.script,
      currentPath: path,
      languageLinks: languageLinks(fastify, request),
      csrfToken: () => reply.generateCsrf(),
      ...options.requestLocals?.(request),
    };
  });
  // Every unsafe request carries the form's CSRF token (routes reading multipart bodies check it themselves).
  fastify.addHook('preHandler', (request, reply, done) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(request.method) || request.routeOptions.config?.csrfInHandler)
      return done();
    fastify.csrfProtection(request, reply, done);
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    if (!request.url.startsWith('/assets/')) void reply.header('cache-control', 'no-store');
    done(null, payload);
  });
  // Nest sets Fastify's error and not-found handlers itself: both run the global filter above, so errors raised in
  // hooks (a CSRF refusal, a body too large) get the same pages as errors raised in controllers.

  if (options.beforeInit) await options.beforeInit(app);
  await app.init();
  await fastify.ready();
  return app;
}
