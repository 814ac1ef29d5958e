import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { configureHttpApp, createFastifyAdapter } from '@redress/platform';
import { CaseworkerApiModule } from './app.module.js';
import type { CaseworkerApiConfig } from './config.js';
import { viewSchemas } from './openapi-views.schemas.js';

export const API_DESCRIPTION = {
  name: 'caseworker-api',
  title: 'Redress caseworker API',
  description: 'For caseworkers, approvers, team leaders, auditors, administrators, and partner support organisations.',
  version: '1',
  bearerAuth: true,
  views: viewSchemas,
};

/** Builds the app exactly as it runs; main.ts and the end-to-end tests both call this. */
export async function createCaseworkerApi(config: CaseworkerApiConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    CaseworkerApiModule.forRoot(config),
    createFastifyAdapter(config),
    {
      bufferLogs: true,
      // Throw instead of exiting the process, so that a test (or main.ts) sees the reason.
      abortOnError: false,
    },
  );
  return configureHttpApp(app, config, API_DESCRIPTION);
}
