import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@redress/platform';
import request from 'supertest';
import { createCaseworkerApi } from '../apps/caseworker-api/src/bootstrap.js';
import { CaseworkerApiConfig } from '../apps/caseworker-api/src/config.js';
import { createCitizenApi } from '../apps/citizen-api/src/bootstrap.js';
import { CitizenApiConfig } from '../apps/citizen-api/src/config.js';

const apps: Array<[string, () => Promise<NestFastifyApplication>]> = [
  ['citizen-api', () => createCitizenApi(loadConfig(CitizenApiConfig, process.env))],
  ['caseworker-api', () => createCaseworkerApi(loadConfig(CaseworkerApiConfig, process.env))],
];

describe.each(apps)('%s platform routes', (_name, create) => {
  let app: NestFastifyApplication;
  beforeAll(async () => {
    app = await create();
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers /health/live and /health/ready with PostgreSQL and Redis up', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200);
    // The fail-fast Redis client may still be connecting just after boot.
    let response = await request(app.getHttpServer()).get('/health/ready');
    for (let i = 0; i < 20 && response.status !== 200; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      response = await request(app.getHttpServer()).get('/health/ready');
    }
    expect(response.status).toBe(200);
    expect(response.body.info).toMatchObject({ postgresql: { status: 'up' }, redis: { status: 'up' } });
  });

  it('serves an OpenAPI document at /docs-json and Swagger UI at /docs', async () => {
    const json = await request(app.getHttpServer()).get('/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(json.body.info.title).toMatch(/Redress/);
    const ui = await request(app.getHttpServer()).get('/docs').redirects(1);
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('serves Prometheus metrics', async () => {
    await request(app.getHttpServer()).get('/health/live');
    const response = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.text).toContain('http_request_duration_seconds_bucket');
    expect(response.text).toContain('process_cpu_seconds_total');
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const response = await request(app.getHttpServer()).get('/no/such/route').expect(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      status: 404,
      title: 'Not found',
      type: 'urn:redress:problem:resource.not-found',
      code: 'resource.not-found',
    });
  });

  it('answers a body of a media type the route does not take with 415, a form-encoded one included', async () => {
    for (const [type, body] of [
      ['application/x-www-form-urlencoded', 'email=a%40example.test'],
      ['text/plain', '{"email":"a@example.test"}'],
      ['application/xml', '<email/>'],
    ]) {
      const response = await request(app.getHttpServer()).post('/health/live').set('content-type', type!).send(body);
      expect([type, response.status]).toEqual([type, 415]);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({
        status: 415,
        code: 'request.unsupported-media-type',
        type: 'urn:redress:problem:request.unsupported-media-type',
      });
    }
  });

  it("gives framework errors a code and a urn:redress:problem type, and helmet's headers", async () => {
    const badJson = await request(app.getHttpServer())
      .post('/health/live')
      .set('content-type', 'application/json')
      .send('{"a":');
    expect(badJson.body).toMatchObject({ status: 400, code: 'request.invalid-json' });
    expect(badJson.body.type).toBe('urn:redress:problem:request.invalid-json');
    const tooLarge = await request(app.getHttpServer())
      .post('/health/live')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ padding: 'x'.repeat(2_000_000) }));
    expect(tooLarge.body).toMatchObject({ status: 413, code: 'request.too-large' });
    const live = await request(app.getHttpServer()).get('/health/live');
    expect(live.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(live.headers['x-content-type-options']).toBe('nosniff');
    expect(live.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('answers a malformed JSON body with 400 problem+json, never 500', async () => {
    for (const body of ['{"a":', '{bad json}', '[1,2', '"unterminated', '{"__proto__":{"x":1}}']) {
      const response = await request(app.getHttpServer())
        .post('/health/live')
        .set('content-type', 'application/json')
        .send(body);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.status).toBe(400);
      expect(JSON.stringify(response.body)).not.toMatch(/at \w+ \(|node_modules|SyntaxError/);
    }
  });

  it('answers a body over the limit with 413 problem+json', async () => {
    const response = await request(app.getHttpServer())
      .post('/health/live')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ text: 'x'.repeat(300 * 1024) }));
    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('gives every response a request id and security headers, and keeps a well-formed caller id', async () => {
    const response = await request(app.getHttpServer()).get('/health/live').set('x-request-id', 'caller-id-1234');
    expect(response.headers['x-request-id']).toBe('caller-id-1234');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toContain('no-store');
    const forged = await request(app.getHttpServer()).get('/health/live').set('x-request-id', 'bad id {with} "quotes"');
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
