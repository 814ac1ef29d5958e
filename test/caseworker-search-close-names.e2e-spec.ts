import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { dataSourceOptions } from '@redress/persistence';
import { DisposableDatabase } from '@redress/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ClaimNameVariants1764430000000 } from '../migrations/1764430000000-claim-name-variants.js';
import { exampleAnswers, seedClaim, startCaseworkerApi, testStaff, type TestStaff } from './support/caseworker-api.js';

/** Close name search (`nameMatch=close`, docs/caseworker.md "Search") over HTTP, against the real database. */
describe('caseworker search: close name matching', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  const http = () => request(app.getHttpServer());
  const caseworker = testStaff('caseworker');
  beforeAll(async () => {
    app = await startCaseworkerApi();
    db = app.get(DataSource);
  });
  afterAll(async () => {
    await app.close();
  });

  const withApplicant = (applicant: Record<string, unknown>) => {
    const answers = exampleAnswers();
    return { ...answers, applicant: { ...(answers.applicant as object), ...applicant } };
  };
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
  const search = (query: Record<string, string>, who: TestStaff = caseworker) =>
    http().get('/v1/search/claims').query(query).set('authorization', who.authorization);
  type Hit = { reference: string; nameMatch?: string };
  const hitsOf = async (query: Record<string, string>, who: TestStaff = caseworker) => {
    const response = await search(query, who).expect(200);
    return (response.body as { claims: Hit[] }).claims;
  };
  const references = async (query: Record<string, string>, who: TestStaff = caseworker) =>
    (await hitsOf(query, who)).map((hit) => hit.reference);
  const lastAudit = async (staffId: string) =>
    (
      await db.query<Array<{ details: Record<string, unknown> }>>(
        `SELECT details FROM audit_log WHERE action = 'claim.search' AND actor_id = $1 ORDER BY sequence DESC LIMIT 1`,
        [staffId],
      )
    )[0]!.details;

  it('finds "Jonathan Smith" by one letter changed in either name with nameMatch=close, not with exact', async () => {
    const jonathan = await seedClaim(app, {
      answers: withApplicant({ firstName: 'Jonathan', lastName: 'Smith', dateOfBirth: '1971-02-03' }),
    });

    for (const name of ['Jonathon Smith', 'Jonathan Smyth', 'jonahtan SMITH', 'Smith Jonathan', 'Jonathan Smiths']) {
      expect([name, await references({ name })]).toEqual([name, expect.not.arrayContaining([jonathan.reference])]);
      const hits = await hitsOf({ name, nameMatch: 'close' });
      expect([name, hits.find((hit) => hit.reference === jonathan.reference)]).toEqual([
        name,
        {
          reference: jonathan.reference,
          status: 'submitted',
          team: 'general',
          submittedAt: expect.any(String),
          assignedStaffId: null,
          nameMatch: 'close',
        },
      ]);
    }
    // Beyond the rule: a short form ("jon" is five letters from "jonathan"), two letters off, or a token missing.
    for (const name of ['Jon Smith', 'Jonathan Smythe', 'Johnathon Smith', 'Jonathan Brown']) {
      expect([name, await references({ name, nameMatch: 'close' })]).toEqual([
        name,
        expect.not.arrayContaining([jonathan.reference]),
      ]);
    }
    // Other terms still narrow a close search, and its exact name is still exact.
    expect(await hitsOf({ name: 'Jonathon Smith', nameMatch: 'close', dateOfBirth: '1971-02-03' })).toEqual([
      expect.objectContaining({ reference: jonathan.reference, nameMatch: 'close' }),
    ]);
    expect(await references({ name: 'Jonathon Smith', nameMatch: 'close', dateOfBirth: '1971-02-04' })).toEqual([]);
    expect(await hitsOf({ name: 'Jonathan Smith', dateOfBirth: '1971-02-03' })).toEqual([
      expect.objectContaining({ reference: jonathan.reference, nameMatch: 'exact' }),
    ]);
    expect(await hitsOf({ name: 'Jonathan Smith', nameMatch: 'close', dateOfBirth: '1971-02-03' })).toEqual([
      expect.objectContaining({ reference: jonathan.reference, nameMatch: 'exact' }),
    ]);
    // A search without a name says nothing about names.
    expect((await hitsOf({ dateOfBirth: '1971-02-03' }))[0]).not.toHaveProperty('nameMatch');
  });

  it('matches other names and spelling variants of a first name ("Mohamed" for "Mohammed")', async () => {
    const mohammed = await seedClaim(app, {
      answers: withApplicant({
        firstName: 'Mohammed',
        lastName: 'Rahmanova',
        otherNames: ['Mo Castellano'],
        dateOfBirth: '1983-04-05',
      }),
    });
    expect(await references({ name: 'Mohamed Rahmanova' })).toEqual([]);
    expect(await references({ name: 'Mohamed Rahmanova', nameMatch: 'close' })).toEqual([mohammed.reference]);
    expect(await references({ name: 'Mohammed Castelano', nameMatch: 'close' })).toEqual([mohammed.reference]);
    // Short tokens stand for themselves only: "Mo" is not "Me".
    expect(await references({ name: 'Me Castellano', nameMatch: 'close' })).toEqual([]);
    expect(await references({ name: 'Mo Castellano', nameMatch: 'close' })).toEqual([mohammed.reference]);
  });

  it('ranks the exact name first, then by words matched exactly, then newest first', async () => {
    const surname = 'Fairweatherby';
    const near = 'Fairwetherby';
    const twoClose = await seedClaim(app, {
      answers: withApplicant({ firstName: 'Rosalinde', lastName: near }),
      submittedAt: daysAgo(1),
    });
    const oneClose = await seedClaim(app, {
      answers: withApplicant({ firstName: 'Rosalinde', lastName: surname }),
      submittedAt: daysAgo(2),
    });
    const exactTokensOnly = await seedClaim(app, {
      answers: withApplicant({ firstName: surname, lastName: 'Rosalind' }),
      submittedAt: daysAgo(3),
    });
    const exact = await seedClaim(app, {
      answers: withApplicant({ firstName: 'Rosalind', lastName: surname }),
      submittedAt: daysAgo(4),
    });
    const hits = await hitsOf({ name: `Rosalind ${surname}`, nameMatch: 'close' });
    expect(hits.map((hit) => [hit.reference, hit.nameMatch])).toEqual([
      [exact.reference, 'exact'],
      [exactTokensOnly.reference, 'close'],
      [oneClose.reference, 'close'],
      [twoClose.reference, 'close'],
    ]);
    expect(await references({ name: `Rosalind ${surname}`, nameMatch: 'close', limit: '2' })).toEqual([
      exact.reference,
      exactTokensOnly.reference,
    ]);

    const audit = await lastAudit(caseworker.staffId);
    expect(audit).toEqual({
      fields: ['name'],
      nameMatch: 'close',
      nameTokens: 2,
      closeHits: 1,
      hits: 2,
      roles: ['caseworker'],
    });
    expect(JSON.stringify(audit)).not.toMatch(/rosalind|fairw/i);
  });

  it('hides restricted claims from close searches by anyone not named on them', async () => {
    const named = testStaff('caseworker');
    const hidden = await seedClaim(app, {
      answers: withApplicant({ firstName: 'Evangelina', lastName: 'Quarrington' }),
    });
    await db.query(`UPDATE claim SET restricted = true WHERE id = $1`, [hidden.claimId]);
    await db.query(
      `INSERT INTO claim_restricted_staff (claim_id, staff_id, granted_by_staff_id, granted_at) VALUES ($1, $2, 'tl', now())`,
      [hidden.claimId, named.staffId],
    );
    const query = { name: 'Evangeline Quarington', nameMatch: 'close' };
    for (const role of ['caseworker', 'senior-caseworker', 'team-leader', 'auditor'] as const) {
      expect([role, await references(query, testStaff(role))]).toEqual([role, []]);
    }
    expect(await references(query, named)).toEqual([hidden.reference]);
  });

  it('is for the same staff as exact search: administrators and anonymous callers are refused', async () => {
    const query = { name: 'Jonathon Smith', nameMatch: 'close' };
    const refused = await search(query, testStaff('administrator'));
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const anonymous = await http().get('/v1/search/claims').query(query);
    expect(anonymous.status).toBe(401);
    for (const role of ['caseworker', 'senior-caseworker', 'team-leader', 'auditor'] as const) {
      expect([role, (await search(query, testStaff(role))).status]).toEqual([role, 200]);
    }
  });

  it('refuses a bad nameMatch, a close match without a name or with one word, as problem+json', async () => {
    for (const query of [
      { name: 'Jonathan Smith', nameMatch: 'fuzzy' } as Record<string, string | string[]>,
      { name: 'Jonathan Smith', nameMatch: 'CLOSE' },
      { name: 'Jonathan Smith', nameMatch: ['close', 'exact'] },
      { nameMatch: 'close' },
      { nameMatch: 'close', dateOfBirth: '1971-02-03' },
      { name: 'Smith', nameMatch: 'close' },
      { name: 'Smith-smith', nameMatch: 'close' },
      { name: 'a b c d e f g h i', nameMatch: 'close' },
    ]) {
      const response = await http()
        .get('/v1/search/claims')
        .query(query)
        .set('authorization', caseworker.authorization);
      expect([response.status, query]).toEqual([400, query]);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('stores keyed variants only, and forgets them with the search terms when the claim is anonymised', async () => {
    const claim = await seedClaim(app, {
      answers: withApplicant({ firstName: 'Thaddeus', lastName: 'Wolverton', otherNames: [] }),
    });
    await hitsOf({ name: 'Thaddeus Wolverton', nameMatch: 'close' }); // indexes the queue
    const variants = await db.query<Array<{ variant: string; exact: boolean }>>(
      `SELECT variant, exact FROM claim_name_variant WHERE claim_id = $1`,
      [claim.claimId],
    );
    // thaddeus: itself and 7 distinct deletions (dd gives one); wolverton: itself and 9.
    expect(variants).toHaveLength(8 + 10);
    expect(variants.filter((row) => row.exact)).toHaveLength(2);
    expect(variants.every((row) => /^[A-Za-z0-9_-]{43}$/.test(row.variant))).toBe(true);
    expect(variants.some((row) => /thad|wolv|verto/i.test(row.variant))).toBe(false);
    // A purpose of their own: no variant equals an exact term's blind index.
    const [shared] = await db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM claim_name_variant v JOIN claim_search_term t
         ON t.claim_id = v.claim_id AND t.blind_index = v.variant WHERE v.claim_id = $1`,
      [claim.claimId],
    );
    expect(shared!.n).toBe(0);

    await db.query(`UPDATE claim SET anonymised_at = now() WHERE id = $1`, [claim.claimId]);
    for (const table of ['claim_name_variant', 'claim_search_term', 'claim_search_pending']) {
      expect([table, await db.query(`SELECT 1 FROM ${table} WHERE claim_id = $1`, [claim.claimId])]).toEqual([
        table,
        [],
      ]);
    }
    expect(await references({ name: 'Thaddeus Wolverton', nameMatch: 'close' })).toEqual([]);
    expect(await references({ name: 'Thaddeus Wolverton' })).toEqual([]);
    expect(await references({ reference: claim.reference })).toEqual([claim.reference]);
  });
});

describe('claim name variants migration', () => {
  it('goes down and up again cleanly, queueing claims to index again', async () => {
    const database = await DisposableDatabase.create(process.env.DATABASE_URL!, 'cnvmig');
    const dataSource = await new DataSource(
      dataSourceOptions({ url: database.migrationUrl, poolSize: 1 }),
    ).initialize();
    const runner = dataSource.createQueryRunner();
    const shape = async () => ({
      tables: (await runner.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'claim_name_variant'`))
        .length,
      triggers: (await runner.query(`SELECT 1 FROM pg_trigger WHERE tgname = 'claim_search_forget'`)).length,
    });
    const migration = new ClaimNameVariants1764430000000();
    try {
      expect(await shape()).toEqual({ tables: 1, triggers: 1 });
      await migration.down(runner);
      expect(await shape()).toEqual({ tables: 0, triggers: 0 });
      await migration.up(runner);
      expect(await shape()).toEqual({ tables: 1, triggers: 1 });
    } finally {
      await runner.release();
      await dataSource.destroy();
      await database.drop();
    }
  });
});
