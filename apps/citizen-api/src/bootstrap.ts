import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { configureHttpApp, createFastifyAdapter } from '@redress/platform';
import { CitizenApiModule } from './app.module.js';
import type { CitizenApiConfig } from './config.js';

export const API_DESCRIPTION = {
  name: 'citizen-api',
  title: 'Redress citizen API',
  description: 'For victims of violent crime and those applying for them: check eligibility, apply, follow a claim.',
  version: '1',
  bearerAuth: true,
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
  return configureHttpApp(app, config, API_DESCRIPTION);
}
