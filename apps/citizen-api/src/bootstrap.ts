import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { MAX_EVIDENCE_BYTES } from '@redress/domain';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { configureHttpApp, createFastifyAdapter, type ApiDescription } from '@redress/platform';
import { CitizenApiModule } from './app.module.js';
import type { CitizenApiConfig } from './config.js';
import { viewSchemas } from './openapi-views.schemas.js';

export const API_DESCRIPTION: ApiDescription = {
  name: 'citizen-api',
  title: 'Redress citizen API',
  description: 'For victims of violent crime and those applying for them: check eligibility, apply, follow a claim.',
  version: '1',
  bearerAuth: true,
  // The citizen API's own words (reasons, task names, timeline, problem details) in Welsh when asked for.
  languages: ['en', 'cy'],
  views: viewSchemas,
};

/** Builds the app exactly as it runs; main.ts and the end-to-end tests both call this. */
export async function createCitizenApi(config: CitizenApiConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    CitizenApiModule.forRoot(config),
    createFastifyAdapter(config),
    {
      bufferLogs: true,
      // Throw instead of exiting the process, so that a test (or main.ts) sees the reason.
      abortOnError: false,
    },
  );
  // Evidence uploads need Fastify's multipart parser, with a 20 MB limit on the one file a request may carry
  // (JSON routes keep the small body limit). Registered here, before Nest sets up its routes and error
  // handler: registering it from a module's onModuleInit left errors thrown in onRequest hooks (the rate
  // limiter's 429) to Fastify's default handler instead of the problem+json filter.
  await app.register(multipart, {
    limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 5, parts: 6, headerPairs: 100 },
  });
  return configureHttpApp(app, config, API_DESCRIPTION);
}
