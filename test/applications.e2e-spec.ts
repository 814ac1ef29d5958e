import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { exampleCompleteApplication } from '@redress/domain';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApplication } from './support/applications.js';
import { createTestCitizen, startCitizenApi, type TestCitizen } from './support/citizen-api.js';

describe('applications (drafts)', () => {
  let app: NestFastifyApplication;
  let alice: TestCitizen;
  let bob: TestCitizen;
  let db: DataSource;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await startCitizenApi();
    db = app.get(DataSource);
    alice = await createTestCitizen(app);
    bob = await createTestCitizen(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('starts a draft with an ETag, an expiry 30 days on, and every section not started', async () => {
    const response = await http().post('/v1/applications').set('authorization', alice.authorization).expect(201);
    expect(response.headers.etag).toBe('"1"');
    expect(response.headers.location).toBe(`/v1/applications/${response.body.id}`);
    const expires = new Date(response.body.expiresAt).getTime() - new Date(response.body.createdAt).getTime();
    expect(expires).toBe(30 * 24 * 3600 * 1000);
    expect(response.body.tasks.find((task: { section: string }) => task.section === 'crime').status).toBe(
      'not-started',
    );
    expect(response.body.tasks.find((task: { section: string }) => task.section === 'representative').status).toBe(
      'not-applicable',
    );
  });

  it('saves a section with If-Match, moves the ETag and the expiry on, and shows the section in progress', async () => {
    const { id, etag } = await createApplication(app, alice, {});
    const saved = await http()
      .put(`/v1/applications/${id}/sections/crime`)
      .set('authorization', alice.authorization)
      .set('if-match', etag)
      .send({ pattern: 'single-incident', date: '2026-03-14' })
      .expect(200);
    expect(saved.headers.etag).toBe('"2"');
    expect(saved.body.sections.crime).toEqual({ pattern: 'single-incident', date: '2026-03-14' });
    expect(saved.body.expiresAt).toBeTruthy();
    const tasks = await http()
      .get(`/v1/applications/${id}/tasks`)
      .set('authorization', alice.authorization)
      .expect(200);
    expect(tasks.body.tasks.find((task: { section: string }) => task.section === 'crime')).toEqual({
      section: 'crime',
      status: 'in-progress',
      name: 'About the crime',
      statusText: 'In progress',
      missing: ['place', 'kind', 'reportedToPolice'],
    });
    expect(tasks.body.readyToSubmit).toBe(false);
    expect(tasks.body.expiresAt).toBe(saved.body.expiresAt);
  });

  it('refuses a stale write with 412 and a write without If-Match with 428, writing nothing', async () => {
    const { id, etag } = await createApplication(app, alice, { crime: { pattern: 'single-incident' } });
    const stale = await http()
      .put(`/v1/applications/${id}/sections/crime`)
      .set('authorization', alice.authorization)
      .set('if-match', '"1"')
      .send({ pattern: 'period' })
      .expect(412);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.body.code).toBe('application.stale');
    const missing = await http()
      .put(`/v1/applications/${id}/sections/crime`)
      .set('authorization', alice.authorization)
      .send({ pattern: 'period' })
      .expect(428);
    expect(missing.body.code).toBe('application.if-match-required');
    const current = await http().get(`/v1/applications/${id}`).set('authorization', alice.authorization).expect(200);
    expect(current.headers.etag).toBe(etag);
    expect(current.body.sections.crime).toEqual({ pattern: 'single-incident' });
  });

  it('lets only one of two concurrent saves with the same If-Match win', async () => {
    const { id, etag } = await createApplication(app, alice, {});
    const saves = await Promise.all(
      ['single-incident', 'period'].map((pattern) =>
        http()
          .put(`/v1/applications/${id}/sections/crime`)
          .set('authorization', alice.authorization)
          .set('if-match', etag)
          .send({ pattern }),
      ),
    );
    expect(saves.map((save) => save.status).sort()).toEqual([200, 412]);
  });

  it('answers 400 problem+json listing every invalid field, and writes nothing', async () => {
    const { id, etag } = await createApplication(app, alice, {});
    const response = await http()
      .put(`/v1/applications/${id}/sections/crime`)
      .set('authorization', alice.authorization)
      .set('if-match', etag)
      .send({ pattern: 'sometimes', date: '2026-02-30', reportedToPolice: 'yes', colour: 'blue' })
      .expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const fields = response.body.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['pattern', 'date', 'reportedToPolice', 'colour']));
    const nested = await http()
      .put(`/v1/applications/${id}/sections/injuries`)
      .set('authorization', alice.authorization)
      .set('if-match', etag)
      .send({ physicalInjuries: [{ bodyArea: 'elbow-ish' }], mental: { durationWeeks: -1 } })
      .expect(400);
    expect(nested.body.errors.map((error: { field: string }) => error.field)).toEqual(
      expect.arrayContaining(['physicalInjuries.0.bodyArea', 'mental.durationWeeks']),
    );
    for (const body of [[1, 2], 'text']) {
      await http()
        .put(`/v1/applications/${id}/sections/crime`)
        .set('authorization', alice.authorization)
        .set('if-match', etag)
        .set('content-type', 'application/json')
        .send(JSON.stringify(body))
        .expect(400);
    }
    await http()
      .put(`/v1/applications/${id}/sections/no-such-section`)
      .set('authorization', alice.authorization)
      .set('if-match', etag)
      .send({})
      .expect(404);
    const [row] = await db.query('SELECT version FROM application WHERE id = $1', [id]);
    expect(row.version).toBe(1);
    const [{ count }] = await db.query(
      'SELECT count(*)::int AS count FROM application_answer_history WHERE application_id = $1',
      [id],
    );
    expect(count).toBe(0);
  });

  it('sets aside answers made irrelevant, brings them back when relevant again, and keeps every change', async () => {
    const representative = {
      type: 'SOLS',
      fullName: 'Sam Solicitor',
      organisationName: 'Example LLP',
      hasAuthorityToAct: true,
    };
    const { id, etag } = await createApplication(app, alice, {
      'applying-for': { role: 'representative' },
      representative,
    });
    const toSelf = await http()
      .put(`/v1/applications/${id}/sections/applying-for`)
      .set('authorization', alice.authorization)
      .set('if-match', etag)
      .send({ role: 'self' })
      .expect(200);
    expect(toSelf.body.sections.representative).toBeUndefined();
    expect(toSelf.body.setAside.representative).toEqual(representative);
    expect(toSelf.body.tasks.find((task: { section: string }) => task.section === 'representative').status).toBe(
      'not-applicable',
    );
    // The representative section cannot be saved while it does not apply.
    await http()
      .put(`/v1/applications/${id}/sections/representative`)
      .set('authorization', alice.authorization)
      .set('if-match', toSelf.headers.etag!)
      .send(representative)
      .expect(422);
    const back = await http()
      .put(`/v1/applications/${id}/sections/applying-for`)
      .set('authorization', alice.authorization)
      .set('if-match', toSelf.headers.etag!)
      .send({ role: 'representative' })
      .expect(200);
    expect(back.body.sections.representative).toEqual(representative);
    expect(back.body.setAside).toEqual({});
    const history = await db.query(
      'SELECT section, change, revision FROM application_answer_history WHERE application_id = $1 ORDER BY id',
      [id],
    );
    expect(history).toEqual([
      { section: 'applying-for', change: 'saved', revision: 1 },
      { section: 'representative', change: 'saved', revision: 1 },
      { section: 'applying-for', change: 'saved', revision: 2 },
      { section: 'representative', change: 'set-aside', revision: 1 },
      { section: 'applying-for', change: 'saved', revision: 3 },
      { section: 'representative', change: 'restored', revision: 1 },
    ]);
  });

  it('stores every answer encrypted, bound to the application and section, never in clear', async () => {
    const example = exampleCompleteApplication();
    const { id } = await createApplication(app, alice, { crime: example.crime, injuries: example.injuries });
    const rows = await db.query(
      `SELECT s.answers_encrypted AS value FROM application_section s WHERE application_id = $1
       UNION ALL SELECT h.answers_encrypted FROM application_answer_history h WHERE application_id = $1`,
      [id],
    );
    expect(rows.length).toBe(4);
    for (const { value } of rows) {
      expect(value).toMatch(/^f1\./);
      expect(value).not.toContain('kicked');
      expect(value).not.toContain('fracture');
      expect(value).not.toContain('clinical-psychologist');
    }
    const dump = JSON.stringify(await db.query('SELECT * FROM application_section WHERE application_id = $1', [id]));
    expect(dump).not.toMatch(/jaw|CRIS-1234567|psycholog/);
  });

  it("lists the citizen's own drafts only, and hides expired ones", async () => {
    const mine = await createApplication(app, bob, {});
    const expired = await createApplication(app, bob, {});
    await db.query(`UPDATE application SET expires_at = now() - interval '1 second' WHERE id = $1`, [expired.id]);
    const list = await http().get('/v1/applications').set('authorization', bob.authorization).expect(200);
    const ids = list.body.applications.map((application: { id: string }) => application.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(expired.id);
    expect(list.body.applications.every((application: { expiresAt: string }) => application.expiresAt)).toBe(true);
    await http().get(`/v1/applications/${expired.id}`).set('authorization', bob.authorization).expect(404);
    const alices = await http().get('/v1/applications').set('authorization', alice.authorization).expect(200);
    expect(alices.body.applications.map((application: { id: string }) => application.id)).not.toContain(mine.id);
  });

  it('deletes a draft with its answers and their history, and records only ids in the audit log', async () => {
    const example = exampleCompleteApplication();
    const { id } = await createApplication(app, alice, { crime: example.crime });
    await http().delete(`/v1/applications/${id}`).set('authorization', alice.authorization).expect(204);
    await http().get(`/v1/applications/${id}`).set('authorization', alice.authorization).expect(404);
    for (const table of ['application', 'application_section', 'application_answer_history']) {
      const column = table === 'application' ? 'id' : 'application_id';
      const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM ${table} WHERE ${column} = $1`, [id]);
      expect(count).toBe(0);
    }
    const audit = await db.query(`SELECT action, details FROM audit_log WHERE target_id = $1`, [id]);
    expect(audit).toEqual([{ action: 'application.erased', details: { reason: 'citizen-request' } }]);
    await http().delete(`/v1/applications/${id}`).set('authorization', alice.authorization).expect(404);
  });

  it('deletes only with a matching If-Match when one is given', async () => {
    const { id } = await createApplication(app, alice, { crime: { pattern: 'period' } });
    await http()
      .delete(`/v1/applications/${id}`)
      .set('authorization', alice.authorization)
      .set('if-match', '"1"')
      .expect(412);
    await http()
      .delete(`/v1/applications/${id}`)
      .set('authorization', alice.authorization)
      .set('if-match', '"2"')
      .expect(204);
  });

  it('shows live eligibility as the draft stands, never blocking', async () => {
    const { id } = await createApplication(app, alice);
    const full = await http()
      .get(`/v1/applications/${id}/eligibility`)
      .set('authorization', alice.authorization)
      .expect(200);
    expect(full.body.assessment.outcome).toBe('eligible');
    expect(full.body.canStillApply).toBe(true);
    expect(full.body.facts.incident.date).toBe('2026-03-14');
    const { id: empty } = await createApplication(app, alice, {});
    const partial = await http()
      .get(`/v1/applications/${empty}/eligibility`)
      .set('authorization', alice.authorization)
      .expect(200);
    expect(partial.body.assessment.outcome).toBe('incomplete');
    const { id: impossible } = await createApplication(app, alice, {
      crime: { pattern: 'single-incident', date: '2026-03-14', reportedToPolice: true, reportedOn: '2026-03-01' },
    });
    const contradictory = await http()
      .get(`/v1/applications/${impossible}/eligibility`)
      .set('authorization', alice.authorization)
      .expect(200);
    expect(contradictory.body.assessment).toBeNull();
    expect(contradictory.body.problems.length).toBeGreaterThan(0);
    const { id: ineligible } = await createApplication(app, alice, { crime: { place: 'elsewhere' } });
    const elsewhere = await http()
      .get(`/v1/applications/${ineligible}/eligibility`)
      .set('authorization', alice.authorization)
      .expect(200);
    expect(elsewhere.body.assessment.outcome).toBe('ineligible');
  });

  describe('access: another citizen gets 404 and learns nothing', () => {
    let id: string;
    let etag: string;
    beforeAll(async () => {
      ({ id, etag } = await createApplication(app, alice, { crime: { pattern: 'period' } }));
    });

    it.each([
      ['GET', ''],
      ['GET', '/tasks'],
      ['GET', '/eligibility'],
      ['DELETE', ''],
      ['PUT', '/sections/crime'],
      ['POST', '/submission'],
    ])('%s /v1/applications/{id}%s', async (method, suffix) => {
      const call = (citizen: TestCitizen, target: string) => {
        const path = `/v1/applications/${target}${suffix}`;
        const base =
          method === 'GET'
            ? http().get(path)
            : method === 'DELETE'
              ? http().delete(path)
              : method === 'PUT'
                ? http().put(path)
                : http().post(path);
        return base
          .set('authorization', citizen.authorization)
          .set('if-match', etag)
          .set('idempotency-key', '8d3f1c1e-1b7a-4c55-9e0f-6f1f3b1f2a10')
          .send(method === 'PUT' ? { pattern: 'single-incident' } : undefined);
      };
      const theirs = await call(bob, id);
      const nobody = await call(bob, '6f1f3b1f-2a10-4c55-9e0f-8d3f1c1e1b7a');
      expect(theirs.status).toBe(404);
      expect(nobody.status).toBe(404);
      // The same answer for someone else's application as for one that does not exist.
      expect({ ...theirs.body, instance: '', requestId: '' }).toEqual({ ...nobody.body, instance: '', requestId: '' });
      const unsigned = await request(app.getHttpServer()).get(`/v1/applications/${id}`);
      expect(unsigned.status).toBe(401);
      const still = await http().get(`/v1/applications/${id}`).set('authorization', alice.authorization).expect(200);
      expect(still.headers.etag).toBe(etag);
    });

    it('GET /v1/applications and POST /v1/applications need a signed-in citizen', async () => {
      await http().get('/v1/applications').expect(401);
      await http().post('/v1/applications').expect(401);
      await http().post('/v1/applications').set('authorization', 'Bearer not-a-token').expect(401);
    });
  });
});
