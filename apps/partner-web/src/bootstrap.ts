import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { createTranslator, createWebApp, webLibPaths } from '@redress/web';
import { PartnerWebModule } from './app.module.js';
import type { PartnerWebConfig } from './config.js';

const appRoot = join(import.meta.dirname, '..');
export const partnerWebPaths = { views: join(appRoot, 'views'), locales: join(appRoot, 'locales') };

function navigation(request: FastifyRequest) {
  const partner = request.session.partner;
  if (!partner) return [{ key: 'service.nav.signIn', href: '/sign-in' }];
  return [
    { key: 'service.nav.referrals', href: '/referrals', prefix: '/referrals' },
    { key: 'service.nav.directory', href: '/directory', prefix: '/directory' },
    ...(partner.role === 'administrator'
      ? [{ key: 'service.nav.organisation', href: '/organisation', prefix: '/organisation' }]
      : []),
    { key: 'service.nav.signOut', href: '/sign-out' },
  ];
}

/** Builds the support organisation portal exactly as it runs; main.ts and the browser tests both call this. */
export async function createPartnerWeb(config: PartnerWebConfig): Promise<NestFastifyApplication> {
  const translator = await createTranslator([webLibPaths.locales, partnerWebPaths.locales]);
  return createWebApp(PartnerWebModule.forRoot(config, translator), config, translator, {
    name: 'partner-web',
    viewsDir: partnerWebPaths.views,
    signInPath: '/sign-in',
    moj: true,
    globals: { serviceNameKey: 'service.name', footerLinks: [], languageToggle: false },
    requestLocals: (request) => ({
      navigation: navigation(request),
      signedIn: Boolean(request.session.partner),
      sessionIdleSeconds: config.SESSION_IDLE_SECONDS,
    }),
  });
}
