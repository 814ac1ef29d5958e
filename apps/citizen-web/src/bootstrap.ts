import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import { createTranslator, createWebApp, webLibPaths } from '@redress/web';
import { CitizenWebModule } from './app.module.js';
import { CitizenSession } from './auth/citizen-session.js';
import type { CitizenWebConfig } from './config.js';
import { UPLOAD_LIMIT_BYTES } from './applications/evidence.controller.js';

const appRoot = join(import.meta.dirname, '..');
export const citizenWebPaths = { views: join(appRoot, 'views'), locales: join(appRoot, 'locales') };

const footerLinks = [
  { key: 'service.footer.cookies', href: '/cookies' },
  { key: 'service.footer.accessibility', href: '/accessibility' },
  { key: 'service.footer.privacy', href: '/privacy' },
];

function navigation(request: FastifyRequest) {
  if (!request.session.citizen) return [{ key: 'service.nav.signIn', href: '/sign-in' }];
  return [
    { key: 'service.nav.applications', href: '/applications', prefix: '/applications' },
    { key: 'service.nav.claims', href: '/claims', prefix: '/claims' },
    { key: 'service.nav.data', href: '/your-data', prefix: '/your-data' },
    { key: 'service.nav.signOut', href: '/sign-out' },
  ];
}

/** Builds the citizen web service exactly as it runs; main.ts and the browser tests both call this. */
export async function createCitizenWeb(config: CitizenWebConfig): Promise<NestFastifyApplication> {
  const translator = await createTranslator([webLibPaths.locales, citizenWebPaths.locales]);
  return createWebApp(CitizenWebModule.forRoot(config, translator), config, translator, {
    name: 'citizen-web',
    viewsDir: citizenWebPaths.views,
    signInPath: '/sign-in',
    globals: { serviceNameKey: 'service.name', footerLinks, languageToggle: true },
    // A signed-in person's choice is saved on their account, so messages and letters follow it too.
    onLanguageChosen: (app, request, language) => app.get(CitizenSession).saveLanguage(request, language),
    requestLocals: (request) => ({
      navigation: navigation(request),
      signedIn: Boolean(request.session.citizen),
      sessionIdleSeconds: config.SESSION_IDLE_SECONDS,
      // The timeout warning (views/session-timeout.njk, libs/web/public/session-timeout.mjs): signed in only.
      sessionTimeout: request.session.citizen
        ? { idleSeconds: config.SESSION_IDLE_SECONDS, warningSeconds: config.SESSION_WARNING_SECONDS }
        : undefined,
    }),
    // Evidence uploads: one file, the CSRF token as the part before it.
    beforeInit: async (app) => {
      await app.register(fastifyMultipart, {
        limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1, fields: 5, parts: 6, headerPairs: 100 },
      });
    },
  });
}
