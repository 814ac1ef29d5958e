import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { startCaseworkerApi, testStaff } from './support/caseworker-api.js';

describe('caseworker API: the tariff of injuries', () => {
  let app: NestFastifyApplication;
  beforeAll(async () => {
    app = await startCaseworkerApi();
  });
  afterAll(async () => {
    await app.close();
  });
  const get = (path: string, who?: { authorization: string }) => {
    const call = request(app.getHttpServer()).get(path);
    return who ? call.set('authorization', who.authorization) : call;
  };

  it('finds entries by words and by code for casework roles', async () => {
    for (const role of ['caseworker', 'senior-caseworker', 'team-leader', 'auditor'] as const) {
      const response = await get('/v1/tariff?q=brain&on=2026-11-27', testStaff(role)).expect(200);
      expect(response.body.entries.length).toBeGreaterThan(0);
      expect(
        response.body.entries.every((entry: { code: string; description: string }) =>
          `${entry.code} ${entry.description}`.toLowerCase().includes('brain'),
        ),
      ).toBe(true);
    }
    const byCode = await get('/v1/tariff?q=A-HEAD-BRAIN-SERIOUS&on=2026-11-27', testStaff('caseworker')).expect(200);
    expect(byCode.body.entries[0]).toMatchObject({ code: 'A-HEAD-BRAIN-SERIOUS' });
  });

  it('refuses an administrator and a caller without a token', async () => {
    await get('/v1/tariff?q=brain', testStaff('administrator')).expect(403);
    await get('/v1/tariff?q=brain').expect(401);
  });

  it('answers bad input with a 400 problem', async () => {
    for (const query of ['q=' + 'x'.repeat(101), 'q=%3Cscript%3E', 'edition=no-such-edition', 'on=2026-02-30']) {
      const response = await get(`/v1/tariff?${query}`, testStaff('caseworker'));
      expect([query, response.status]).toEqual([query, 400]);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });
});
