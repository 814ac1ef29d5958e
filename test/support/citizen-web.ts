import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { LocalSinkNotifier, loadConfig } from '@redress/platform';
import { createCitizenWeb } from '../../apps/citizen-web/src/bootstrap.js';
import { CitizenWebConfig } from '../../apps/citizen-web/src/config.js';
import { startCitizenApi } from './citizen-api.js';

export interface CitizenStack {
  api: NestFastifyApplication;
  web: NestFastifyApplication;
  apiUrl: string;
  webUrl: string;
  /** The emails the citizen API would have sent (the sign-in codes). */
  notifySink: LocalSinkNotifier;
  close(): Promise<void>;
}

/**
 * The citizen API and the citizen web service exactly as they run, each on a free port of 127.0.0.1, on this
 * test run's database and queue prefix; the web service calls the API over HTTP like in production.
 */
export async function startCitizenStack(
  options: { apiOverrides?: Record<string, string>; webOverrides?: Record<string, string>; webPort?: number } = {},
): Promise<CitizenStack> {
  const folder = mkdtempSync(join(tmpdir(), 'redress-citizen-web-'));
  const api = await startCitizenApi({
    DOCUMENT_STORAGE_DIR: join(folder, 'documents'),
    ...options.apiOverrides,
  });
  await api.listen(0, '127.0.0.1');
  const apiUrl = await api.getUrl();
  const web = await createCitizenWeb(
    loadConfig(CitizenWebConfig, { ...process.env, CITIZEN_API_URL: apiUrl, ...options.webOverrides }),
  );
  await web.listen(options.webPort ?? 0, '127.0.0.1');
  const webUrl = (await web.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    api,
    web,
    apiUrl,
    webUrl,
    notifySink: api.get(LocalSinkNotifier),
    async close() {
      await web.close();
      await api.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The last sign-in code the API "emailed" to an address. */
export function lastSignInCode(sink: LocalSinkNotifier, email: string): string {
  const message = sink.lastEmailTo(email);
  if (!message) throw new Error(`no code was sent to ${email}`);
  return String(message.personalisation.code);
}

export function uniqueEmail(): string {
  return `victim-${randomUUID().slice(0, 8)}@example.test`;
}

/** A free port of 127.0.0.1, for a service whose address must be known before it starts (redirect URIs). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
