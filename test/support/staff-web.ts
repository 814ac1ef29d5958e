// The caseworker API first: it loads jwks-rsa, which require()s jose; jest cannot then load jose again as an ES
// module for oidc-provider and openid-client unless those come later (dynamic imports below).
import { createServer } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@redress/platform';
import { startCaseworkerApi } from './caseworker-api.js';

export interface StaffStack {
  api: NestFastifyApplication;
  web: NestFastifyApplication;
  apiUrl: string;
  webUrl: string;
  issuer: string;
  /** The team every development user belongs to in this stack (claims seeded for the test go there). */
  team: string;
  /** Stops the identity provider only (to show what a person sees when it is down). */
  stopProvider(): Promise<void>;
  close(): Promise<void>;
}

/** A port nobody listens on now (the provider and the web service must know their addresses before they start). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The development OIDC provider, the caseworker API trusting its JWKS (issuer and audience pinned), and the staff
 * web service signing in there, each on a port of 127.0.0.1 and on this test run's database; calls go over HTTP.
 */
export async function startStaffStack(
  options: { apiOverrides?: Record<string, string>; webOverrides?: Record<string, string> } = {},
): Promise<StaffStack> {
  const team = `staff-web-${randomUUID().slice(0, 8)}`;
  const [providerPort, webPort] = [await freePort(), await freePort()];
  const webBase = `http://127.0.0.1:${webPort}`;
  const { DevOidcProviderConfig } = await import('../../apps/dev-oidc-provider/src/config.js');
  const { startDevOidcProvider } = await import('../../apps/dev-oidc-provider/src/provider.js');
  const provider = await startDevOidcProvider(
    loadConfig(DevOidcProviderConfig, {
      NODE_ENV: 'test',
      PORT: String(providerPort),
      OIDC_REDIRECT_URIS: `${webBase}/sign-in/callback`,
      OIDC_POST_LOGOUT_REDIRECT_URIS: `${webBase}/signed-out`,
      DEV_USERS_TEAM: team,
    }),
  );
  const api = await startCaseworkerApi({
    STAFF_TOKEN_KEY_SOURCE: 'jwks',
    STAFF_TOKEN_JWKS_URL: `${provider.issuer}/jwks`,
    STAFF_TOKEN_ISSUER: provider.issuer,
    STAFF_TOKEN_AUDIENCE: 'redress-caseworker-api',
    ...options.apiOverrides,
  });
  await api.listen(0, '127.0.0.1');
  const apiUrl = (await api.getUrl()).replace('[::1]', '127.0.0.1');
  const { createStaffWeb } = await import('../../apps/staff-web/src/bootstrap.js');
  const { StaffWebConfig } = await import('../../apps/staff-web/src/config.js');
  const web = await createStaffWeb(
    loadConfig(StaffWebConfig, {
      ...process.env,
      CASEWORKER_API_URL: apiUrl,
      OIDC_ISSUER: provider.issuer,
      OIDC_REDIRECT_URL: `${webBase}/sign-in/callback`,
      OIDC_POST_LOGOUT_REDIRECT_URL: `${webBase}/signed-out`,
      ...options.webOverrides,
    }),
  );
  await web.listen(webPort, '127.0.0.1');
  let providerOpen = true;
  return {
    api,
    web,
    apiUrl,
    webUrl: webBase,
    issuer: provider.issuer,
    team,
    async stopProvider() {
      if (providerOpen) await provider.close();
      providerOpen = false;
    },
    async close() {
      await web.close();
      // A test may already have stopped the API (to show the service-problem page).
      await api.close().catch(() => undefined);
      if (providerOpen) await provider.close();
    },
  };
}

/** Another staff web service over the same API, with settings of its own (an identity provider that is down). */
export async function startStaffWebOnly(
  overrides: Record<string, string>,
): Promise<{ url: string; close(): Promise<void> }> {
  const { createStaffWeb } = await import('../../apps/staff-web/src/bootstrap.js');
  const { StaffWebConfig } = await import('../../apps/staff-web/src/config.js');
  const web = await createStaffWeb(loadConfig(StaffWebConfig, { ...process.env, ...overrides }));
  await web.listen(0, '127.0.0.1');
  return { url: (await web.getUrl()).replace('[::1]', '127.0.0.1'), close: () => web.close() };
}
