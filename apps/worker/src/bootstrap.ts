import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import type { WorkerConfig } from './config.js';
import { WorkerModule } from './worker.module.js';

/** The worker has no HTTP server: an application context with shutdown hooks. */
export async function createWorker(config: WorkerConfig): Promise<INestApplicationContext> {
  // abortOnError false: a failed boot (say, a job without a handler) throws, so tests and main.ts see why.
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.enableShutdownHooks();
  await app.init();
  return app;
}
