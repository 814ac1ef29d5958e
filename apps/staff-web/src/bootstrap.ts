import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { createTranslator, createWebApp, webLibPaths } from '@redress/web';
import { StaffWebModule } from './app.module.js';
import { permissionsOf } from './auth/staff-session.js';
import type { StaffWebConfig } from './config.js';

const appRoot = join(import.meta.dirname, '..');
export const staffWebPaths = { views: join(appRoot, 'views'), locales: join(appRoot, 'locales') };

function navigation(request: FastifyRequest) {
  const staff = request.session.staff;
  if (!staff) return [{ key: 'service.nav.signIn', href: '/sign-in' }];
  const can = permissionsOf(staff.roles);
  return [
    ...(can.work ? [{ key: 'service.nav.work', href: '/work', prefix: '/work' }] : []),
    ...(can.work ? [{ key: 'service.nav.search', href: '/search', prefix: '/search' }] : []),
    ...(can.reports ? [{ key: 'service.nav.reports', href: '/reports', prefix: '/reports' }] : []),
    ...(can.administer ? [{ key: 'service.nav.admin', href: '/admin', prefix: '/admin' }] : []),
  ];
}

/** Builds the staff web service exactly as it runs; main.ts and the browser tests both call this. */
export async function createStaffWeb(config: StaffWebConfig): Promise<NestFastifyApplication> {
  const translator = await createTranslator([webLibPaths.locales, staffWebPaths.locales]);
  return createWebApp(StaffWebModule.forRoot(config, translator), config, translator, {
    name: 'staff-web',
    viewsDir: staffWebPaths.views,
    signInPath: '/sign-in',
    moj: true,
    globals: { serviceNameKey: 'service.name', serviceUrl: '/work', footerLinks: [] },
    requestLocals: (request) => {
      const staff = request.session.staff;
      return {
        navigation: navigation(request),
        signedIn: Boolean(staff),
        staffMember: staff ? { name: staff.name, staffId: staff.staffId, roles: staff.roles, team: staff.team } : null,
        can: staff ? permissionsOf(staff.roles) : {},
      };
    },
  });
}
