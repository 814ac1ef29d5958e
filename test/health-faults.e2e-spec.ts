import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@redress/platform';
import { DisposableRedis } from '@redress/testing';
import request from 'supertest';
import { createCitizenApi } from '../apps/citizen-api/src/bootstrap.js';
import { CitizenApiConfig } from '../apps/citizen-api/src/config.js';

async function readyStatus(app: NestFastifyApplication): Promise<number> {
  return (await request(app.getHttpServer()).get('/health/ready')).status;
}

async function waitForStatus(app: NestFastifyApplication, status: number, withinMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < withinMs) {
    if ((await readyStatus(app)) === status) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`/health/ready did not answer ${status} within ${withinMs} ms`);
}

describe('readiness when Redis fails', () => {
  let redis: DisposableRedis;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    redis = await DisposableRedis.start();
    app = await createCitizenApi(loadConfig(CitizenApiConfig, { ...process.env, REDIS_URL: redis.url }));
  });
  afterAll(async () => {
    await app.close();
    await redis.stop();
  });

  it('answers 503 within 5 seconds of Redis stopping, and 200 again once it is back, without a restart', async () => {
    await waitForStatus(app, 200, 5000);
    await redis.stop();
    const started = Date.now();
    const response = await request(app.getHttpServer()).get('/health/ready');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(response.status).toBe(503);
    expect(response.body.error).toMatchObject({ redis: { status: 'down' } });
    expect(response.body.info ?? response.body.details).toMatchObject({ postgresql: { status: 'up' } });
    // Liveness does not depend on Redis: the process is fine, only not ready.
    await request(app.getHttpServer()).get('/health/live').expect(200);

    await redis.start();
    await waitForStatus(app, 200, 10_000);
  });
});
