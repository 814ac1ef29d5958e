import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseHsdsDocument } from '@redress/application';
import { exampleCompleteApplication } from '@redress/domain';
import { PostgresDirectoryImportStore } from '@redress/persistence';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { eligibilityExamples } from '../apps/citizen-api/src/eligibility/eligibility-examples.js';
import { createApplication, submit, submittedClaim } from './support/applications.js';
import { createTestCitizen, startCitizenApi, type TestCitizen } from './support/citizen-api.js';

type Catalogue = Record<string, unknown>;
const catalogue = (language: string, file: string): Catalogue =>
  JSON.parse(readFileSync(`libs/platform/locales/${language}/${file}.json`, 'utf8')) as Catalogue;
const at = (messages: Catalogue, path: string[]): string =>
  path.reduce<unknown>((node, key) => (node as Catalogue)[key], messages) as string;
const problems = { en: catalogue('en', 'problems'), cy: catalogue('cy', 'problems') };
/** A code's title in a language, from the catalogue (`claim.not-found` is codes → claim → not-found). */
const titleOf = (language: 'en' | 'cy', code: string): string => {
  const [context, ...rest] = code.split('.');
  return at(problems[language], ['codes', context!, rest.join('.'), 'title']);
};

describe('the citizen API in Welsh (Accept-Language: cy)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let alice: TestCitizen;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await startCitizenApi();
    db = app.get(DataSource);
  });
  beforeEach(async () => {
    alice = await createTestCitizen(app);
  });
  afterAll(async () => {
    await app.close();
  });

  describe('eligibility checks', () => {
    const check = (language?: string) => {
      const call = http().post('/v1/eligibility-checks').set('content-type', 'application/json');
      if (language) void call.set('accept-language', language);
      return call.send(JSON.stringify(eligibilityExamples.lateWithReason.value)).expect(200);
    };

    it('gives Welsh reasons and outcome, and says so in Content-Language', async () => {
      const response = await check('cy');
      expect(response.headers['content-language']).toBe('cy');
      expect(response.headers.vary).toMatch(/accept-language/i);
      expect(response.body.outcome).toBe('refer');
      expect(response.body.outcomeText).toBe('Mae angen i weithiwr achos benderfynu');
      const timeLimit = response.body.results.find((r: { rule: string }) => r.rule === 'time-limit');
      expect(timeLimit).toMatchObject({ result: 'refer', paragraph: '89' });
      expect(timeLimit.reason).toMatch(/^Rydych wedi dweud wrthym pam na allech wneud cais yn gynt/);
      for (const result of response.body.results as Array<{ rule: string; result: string; reason: string }>) {
        expect(result.reason).not.toBe('');
        expect(result.reason).not.toMatch(/\b(the|you|your|please)\b/i);
      }
    });

    it.each([undefined, 'en-GB', 'fr, de;q=0.8', 'cy;q=0, en'])(
      'gives English for Accept-Language %s',
      async (language) => {
        const response = await check(language);
        expect(response.headers['content-language']).toBe('en');
        expect(response.body.outcomeText).toBe('A caseworker needs to decide');
        const timeLimit = response.body.results.find((r: { rule: string }) => r.rule === 'time-limit');
        expect(timeLimit.reason).toContain('You have told us why you could not apply sooner.');
      },
    );

    it('says impossible facts in Welsh', async () => {
      const response = await http()
        .post('/v1/eligibility-checks')
        .set('accept-language', 'cy-GB')
        .send({ ...eligibilityExamples.eligible.value, incident: { date: '2099-01-01' } })
        .expect(400);
      expect(response.headers['content-language']).toBe('cy');
      expect(response.body.title).toBe(titleOf('cy', 'eligibility.impossible-facts'));
      expect(response.body.errors).toContainEqual(expect.objectContaining({ field: 'incident.date' }));
    });
  });

  it('names each task and its status in Welsh, and in English otherwise', async () => {
    const { id } = await createApplication(app, alice, {
      'applying-for': exampleCompleteApplication()['applying-for'],
    });
    const welsh = await http()
      .get(`/v1/applications/${id}/tasks`)
      .set('authorization', alice.authorization)
      .set('accept-language', 'cy')
      .expect(200);
    expect(welsh.headers['content-language']).toBe('cy');
    expect(welsh.body.tasks).toContainEqual(
      expect.objectContaining({
        section: 'crime',
        status: 'not-started',
        name: 'Am y drosedd',
        statusText: 'Heb ddechrau eto',
      }),
    );
    expect(welsh.body.tasks).toContainEqual(
      expect.objectContaining({ section: 'applying-for', status: 'complete', statusText: 'Wedi’i gwblhau' }),
    );
    const english = await http()
      .get(`/v1/applications/${id}/tasks`)
      .set('authorization', alice.authorization)
      .expect(200);
    expect(english.headers['content-language']).toBe('en');
    expect(english.body.tasks).toContainEqual(
      expect.objectContaining({ section: 'crime', name: 'About the crime', statusText: 'Not yet started' }),
    );
  });

  it('tells the claim’s timeline, status and next step in Welsh', async () => {
    const { reference } = await submittedClaim(app, alice);
    const welsh = await http()
      .get(`/v1/claims/${reference}`)
      .set('authorization', alice.authorization)
      .set('accept-language', 'cy')
      .expect(200);
    expect(welsh.headers['content-language']).toBe('cy');
    expect(welsh.body).toMatchObject({
      status: 'submitted',
      statusText: 'Wedi dod i law',
      timeline: [{ event: 'claim.submitted', description: 'Cawsom eich cais.' }],
    });
    expect(welsh.body.nextStep).toMatch(/^Byddwn yn gwirio eich cais/);
    const list = await http().get('/v1/claims').set('authorization', alice.authorization).set('accept-language', 'cy');
    expect(list.body.claims[0]).toMatchObject({ reference, statusText: 'Wedi dod i law' });
    expect(list.body.claims[0].nextStep).toMatch(/^Byddwn yn gwirio eich cais/);
    const english = await http().get(`/v1/claims/${reference}`).set('authorization', alice.authorization).expect(200);
    expect(english.body.timeline).toEqual([expect.objectContaining({ description: 'We received your application.' })]);
    expect(english.body.statusText).toBe('Received');
  });

  it('says why a support service was suggested, and the referral’s status, in Welsh', async () => {
    const seed = JSON.parse(readFileSync('data/directory/seed-directory.json', 'utf8')) as unknown;
    await new PostgresDirectoryImportStore(db).upsert(parseHsdsDocument(seed));
    const proposal = {
      needs: ['feeling-safe', 'emotional-support'],
      age: 30,
      localAuthorityCode: 'E09000007',
      contact: { name: 'Sam', email: 'sam@example.test', channels: ['email'], voicemailOk: false },
    };
    const welsh = await http()
      .post('/v1/referrals/proposals')
      .set('authorization', alice.authorization)
      .set('accept-language', 'cy')
      .send(proposal)
      .expect(201);
    expect(welsh.headers['content-language']).toBe('cy');
    expect(welsh.body.referrals.length).toBeGreaterThan(0);
    for (const referral of welsh.body.referrals as Array<{
      statusText: string;
      reasons: string[];
      needsMet: string[];
    }>) {
      expect(referral.statusText).toBe('Wedi’i awgrymu');
      expect(referral.reasons).toEqual([expect.stringMatching(/^Yn helpu gyda: /)]);
      if (referral.needsMet.includes('feeling-safe')) expect(referral.reasons[0]).toContain('teimlo’n ddiogel');
    }
    const english = await http().get('/v1/referrals').set('authorization', alice.authorization).expect(200);
    expect(english.body[0].statusText).toBe('Suggested');
    expect(english.body[0].reasons[0]).toMatch(/^Helps with /);
  });

  describe('problem details for the codes a citizen can meet', () => {
    /** Each case makes one problem happen; the test asks for it in Welsh, then in English. */
    const cases: Array<[string, (language: string) => Promise<request.Response>]> = [
      ['application.not-found', (l) => as(l, http().get(`/v1/applications/${randomUUID()}`))],
      [
        'application.unknown-section',
        async (l) => {
          const { id, etag } = await createApplication(app, alice, {});
          return as(l, http().put(`/v1/applications/${id}/sections/no-such-section`).set('if-match', etag).send({}));
        },
      ],
      [
        'application.if-match-required',
        async (l) => {
          const { id } = await createApplication(app, alice, {});
          return as(
            l,
            http()
              .put(`/v1/applications/${id}/sections/applying-for`)
              .send(exampleCompleteApplication()['applying-for']),
          );
        },
      ],
      [
        'application.stale',
        async (l) => {
          const { id } = await createApplication(app, alice, {});
          return as(
            l,
            http()
              .put(`/v1/applications/${id}/sections/applying-for`)
              .set('if-match', '"99"')
              .send(exampleCompleteApplication()['applying-for']),
          );
        },
      ],
      [
        'idempotency.key-required',
        async (l) => as(l, http().post(`/v1/applications/${(await createApplication(app, alice, {})).id}/submission`)),
      ],
      [
        'idempotency.key-invalid',
        async (l) =>
          as(
            l,
            http()
              .post(`/v1/applications/${(await createApplication(app, alice, {})).id}/submission`)
              .set('idempotency-key', 'x'),
          ),
      ],
      [
        'application.incomplete',
        async (l) =>
          as(
            l,
            http()
              .post(`/v1/applications/${(await createApplication(app, alice, {})).id}/submission`)
              .set('idempotency-key', randomUUID()),
          ),
      ],
      [
        'application.not-draft',
        async (l) => {
          const { id, etag } = await createApplication(app, alice);
          await submit(app, alice, id).expect(201);
          return as(
            l,
            http()
              .put(`/v1/applications/${id}/sections/applying-for`)
              .set('if-match', etag)
              .send(exampleCompleteApplication()['applying-for']),
          );
        },
      ],
      ['claim.not-found', (l) => as(l, http().get('/v1/claims/26-000001-X'))],
      [
        'letter.not-found',
        async (l) => {
          const { reference } = await submittedClaim(app, alice);
          return as(l, http().get(`/v1/claims/${reference}/letters/${randomUUID()}`));
        },
      ],
      [
        'information-request.not-found',
        async (l) => {
          const { reference } = await submittedClaim(app, alice);
          return as(
            l,
            http()
              .post(`/v1/claims/${reference}/information-requests/${randomUUID()}/answer`)
              .send({ answer: 'Here it is.' }),
          );
        },
      ],
      ['request.invalid', (l) => as(l, http().put('/v1/me/preferences').send({ preferredLanguage: 'fr' }))],
    ];

    function as(language: string, call: request.Test): request.Test {
      return call.set('authorization', alice.authorization).set('accept-language', language);
    }

    it.each(cases)('%s: Welsh title and detail for cy, English otherwise', async (code, make) => {
      const welsh = await make('cy');
      expect(welsh.status).toBeGreaterThanOrEqual(400);
      expect(welsh.status).toBeLessThan(500);
      expect(welsh.headers['content-type']).toContain('application/problem+json');
      expect(welsh.headers['content-language']).toBe('cy');
      expect(welsh.body.type).toBe(`urn:redress:problem:${code}`);
      expect(welsh.body.title).toBe(titleOf('cy', code));
      expect(welsh.body.title).not.toBe(titleOf('en', code));
      const [context, ...rest] = code.split('.');
      expect(welsh.body.detail).toBe(at(problems.cy, ['codes', context!, rest.join('.'), 'detail']));

      const english = await make('en-GB,en;q=0.9');
      expect(english.headers['content-language']).toBe('en');
      expect(english.body.type).toBe(`urn:redress:problem:${code}`);
      expect(english.body.title).toBe(titleOf('en', code));
    });

    it('covers at least ten codes', () => {
      expect(new Set(cases.map(([code]) => code)).size).toBeGreaterThanOrEqual(10);
    });

    it('says a bare 404 in Welsh', async () => {
      const response = await http().get('/v1/no-such-route').set('accept-language', 'cy').expect(404);
      expect(response.body).toMatchObject({ title: 'Heb ei ganfod' });
      expect(response.headers['content-language']).toBe('cy');
    });
  });

  describe('the language choice on the account and the claims', () => {
    const preferences = (citizen: TestCitizen) =>
      http().get('/v1/me/preferences').set('authorization', citizen.authorization);
    const choose = (citizen: TestCitizen, body: object) =>
      http().put('/v1/me/preferences').set('authorization', citizen.authorization).send(body);
    const claimLanguage = async (reference: string) =>
      (
        await db.query<Array<{ preferred_language: string; bilingual_letters: boolean }>>(
          'SELECT preferred_language, bilingual_letters FROM claim WHERE reference = $1',
          [reference],
        )
      )[0];

    it('is English until chosen; a claim submitted after choosing Welsh is Welsh; changing it later changes the claims', async () => {
      expect((await preferences(alice).expect(200)).body).toEqual({ preferredLanguage: 'en', bilingualLetters: false });
      expect((await choose(alice, { preferredLanguage: 'cy' }).expect(200)).body).toEqual({
        preferredLanguage: 'cy',
        bilingualLetters: false,
      });
      const { reference } = await submittedClaim(app, alice);
      expect(await claimLanguage(reference)).toEqual({ preferred_language: 'cy', bilingual_letters: false });

      await choose(alice, { preferredLanguage: 'en', bilingualLetters: true }).expect(200);
      expect((await preferences(alice)).body).toEqual({ preferredLanguage: 'en', bilingualLetters: true });
      expect(await claimLanguage(reference)).toEqual({ preferred_language: 'en', bilingual_letters: true });
      // Left out, bilingualLetters stays as it was.
      await choose(alice, { preferredLanguage: 'cy' }).expect(200);
      expect((await preferences(alice)).body).toEqual({ preferredLanguage: 'cy', bilingualLetters: true });
    });

    it('refuses a language it does not speak, changing nothing', async () => {
      await choose(alice, { preferredLanguage: 'cy' }).expect(200);
      for (const body of [{ preferredLanguage: 'fr' }, {}, { preferredLanguage: 'cy', bilingualLetters: 'yes' }]) {
        const refused = await choose(alice, body).expect(400);
        expect(refused.headers['content-type']).toContain('application/problem+json');
      }
      expect((await preferences(alice)).body.preferredLanguage).toBe('cy');
    });

    it('changes only the signed-in citizen’s own account and claims', async () => {
      const bob = await createTestCitizen(app);
      const { reference } = await submittedClaim(app, bob);
      await choose(alice, { preferredLanguage: 'cy' }).expect(200);
      expect((await preferences(bob)).body.preferredLanguage).toBe('en');
      expect((await claimLanguage(reference))?.preferred_language).toBe('en');
    });

    it('needs a signed-in citizen', async () => {
      await http().get('/v1/me/preferences').expect(401);
      await http().put('/v1/me/preferences').send({ preferredLanguage: 'cy' }).expect(401);
    });
  });
});
