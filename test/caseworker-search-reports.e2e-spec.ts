import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  exampleAnswers,
  seedClaim,
  startCaseworkerApi,
  testStaff,
  type SeededClaim,
} from './support/caseworker-api.js';
import { createIsolatedDatabase } from './support/isolated-database.js';

describe('caseworker search and reports', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  const http = () => request(app.getHttpServer());
  const caseworker = testStaff('caseworker');
  const leader = testStaff('team-leader');
  // A database of its own: the reports count every claim, and the fairness table's columns and its secondary
  // suppression depend on every row, so other suites' claims in the run's shared database would change them.
  let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;
  beforeAll(async () => {
    database = await createIsolatedDatabase('search_reports');
    app = await startCaseworkerApi({ DATABASE_URL: database.url });
    db = app.get(DataSource);
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const withApplicant = (applicant: Record<string, unknown>, crime: Record<string, unknown> = {}) => {
    const answers = exampleAnswers();
    return {
      ...answers,
      applicant: { ...(answers.applicant as object), ...applicant },
      crime: { ...(answers.crime as object), ...crime },
    };
  };
  const search = (query: Record<string, string>, who = caseworker) =>
    http().get('/v1/search/claims').query(query).set('authorization', who.authorization);
  const references = (response: { body: { claims: Array<{ reference: string }> } }) =>
    response.body.claims.map((hit) => hit.reference).sort();

  it('finds claims by normalised name, date of birth, postcode, crime reference and reference, honouring restrictions', async () => {
    const siobhan = await seedClaim(app, {
      answers: withApplicant(
        {
          firstName: 'Siobhán',
          lastName: 'O’Brien-Smith',
          dateOfBirth: '1985-03-02',
          address: { line1: '2 Lane', town: 'York', postcode: 'YO1 7HH' },
        },
        { crimeReference: 'CRIS 5551234/26' },
      ),
    });
    const other = await seedClaim(app, {
      answers: withApplicant({ firstName: 'Sam', lastName: 'Obrien Smith', dateOfBirth: '1970-01-01' }),
    });
    const hidden = await seedClaim(app, {
      answers: withApplicant({ firstName: 'Siobhan', lastName: 'OBrien-Smith', dateOfBirth: '1985-03-02' }),
    });
    const named = testStaff('caseworker');
    await db.query(`UPDATE claim SET restricted = true WHERE id = $1`, [hidden.claimId]);
    await db.query(
      `INSERT INTO claim_restricted_staff (claim_id, staff_id, granted_by_staff_id, granted_at) VALUES ($1, $2, 'tl', now())`,
      [hidden.claimId, named.staffId],
    );

    const first = await search({ name: 'siobhan obrien smith' }).expect(200);
    expect(references(first)).toEqual([siobhan.reference]);
    expect(references(await search({ name: 'OBRIEN-SMITH' }))).toEqual([other.reference, siobhan.reference].sort());
    expect(references(await search({ name: 'Siobhan O’Brien Smith' }, named))).toEqual(
      [hidden.reference, siobhan.reference].sort(),
    );
    expect(references(await search({ dateOfBirth: '1985-03-02', postcode: 'yo17hh' }))).toEqual([siobhan.reference]);
    expect(references(await search({ crimeReference: 'cris-5551234/26' }))).toEqual([siobhan.reference]);
    expect(references(await search({ reference: siobhan.reference, name: 'o brien' }))).toEqual([]);
    expect(references(await search({ reference: hidden.reference }))).toEqual([]);
    expect(references(await search({ name: 'Siobh' }))).toEqual([]); // exact only
    expect(await db.query(`SELECT claim_id FROM claim_search_pending WHERE claim_id = $1`, [siobhan.claimId])).toEqual(
      [],
    );
    const terms = await db.query<Array<{ blind_index: string }>>(
      `SELECT blind_index FROM claim_search_term WHERE claim_id = $1`,
      [siobhan.claimId],
    );
    expect(terms.every((term) => !/brien|1985|YO1/i.test(term.blind_index))).toBe(true);

    const [audit] = await db.query(
      `SELECT details FROM audit_log WHERE action = 'claim.search' AND actor_id = $1 ORDER BY sequence DESC LIMIT 1`,
      [caseworker.staffId],
    );
    expect(audit.details).toMatchObject({ fields: ['name'], hits: 0 });
    expect(JSON.stringify(audit.details)).not.toMatch(/siobh/i);
  });

  it('refuses a search with nothing to search by, or bad values', async () => {
    for (const query of [
      {},
      { name: 'x' },
      { name: '--' },
      { dateOfBirth: '1985-02-30' },
      { postcode: '<b>' },
      { limit: '0', name: 'ab' },
      { colour: 'red' },
    ]) {
      const response = await search(query as Record<string, string>);
      expect([response.status, query]).toEqual([400, query]);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  async function decided(
    kind: 'award' | 'refusal',
    protectedCharacteristics: Record<string, string>,
    grounds: string[] = [],
  ): Promise<SeededClaim> {
    const claim = await seedClaim(app, {
      status: 'decided',
      answers: withApplicant({ protectedCharacteristics }),
      submittedAt: new Date(Date.now() - 30 * 86_400_000),
    });
    await db.query(
      `INSERT INTO claim_decision (id, claim_id, kind, amount_pence, grounds, paragraphs, reasons_encrypted, needs_approval,
         status, proposed_by_staff_id, proposed_at, decided_on)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, '{}', 'x', false, 'made', 'cw', now(), current_date)`,
      [claim.claimId, kind, kind === 'award' ? 100_000 : null, grounds],
    );
    return claim;
  }

  const fairnessReport = async () =>
    (await http().get('/v1/reports/refusals-by-characteristic').set('authorization', leader.authorization).expect(200))
      .body as { disclosureControl: Record<string, unknown>; rows: FairnessRow[] };

  it('reports counts, durations and outcomes, and withholds fairness counts under 5', async () => {
    for (let i = 0; i < 5; i += 1) await decided('refusal', { ethnicity: 'monitoring-a' }, ['residence']);
    await decided('award', { ethnicity: 'monitoring-a' });
    for (let i = 0; i < 2; i += 1) await decided('refusal', { ethnicity: 'monitoring-b' }, ['conduct']);

    const fairness = await fairnessReport();
    const rowA = fairness.rows.find((row) => row.value === 'monitoring-a');
    const rowB = fairness.rows.find((row) => row.value === 'monitoring-b');
    expect(rowB).toEqual({
      characteristic: 'ethnicity',
      value: 'monitoring-b',
      decisions: null,
      refusals: null,
      refusalGrounds: { conduct: null, residence: null },
      withheld: {
        decisions: 'primary',
        refusals: 'primary',
        refusalGrounds: { conduct: 'primary', residence: 'primary' },
      },
    });
    // Everyone decided so far gave an ethnicity, so the outcomes report's totals minus group A would be group B:
    // group A is withheld too (its zero for conduct as well, the only figure left in that column).
    expect(rowA).toEqual({
      characteristic: 'ethnicity',
      value: 'monitoring-a',
      decisions: null,
      refusals: null,
      refusalGrounds: { conduct: null, residence: null },
      withheld: {
        decisions: 'secondary',
        refusals: 'secondary',
        refusalGrounds: { conduct: 'secondary', residence: 'secondary' },
      },
    });
    expectNoSubtraction(fairness.rows);

    const weekly = await http()
      .get('/v1/reports/claims-per-week')
      .set('authorization', leader.authorization)
      .expect(200);
    expect(weekly.body.weeks.length).toBeGreaterThanOrEqual(12);
    expect(
      weekly.body.weeks.reduce((sum: number, w: { decided: number }) => sum + w.decided, 0),
    ).toBeGreaterThanOrEqual(8);
    const timing = await http()
      .get('/v1/reports/time-to-decision')
      .set('authorization', leader.authorization)
      .expect(200);
    expect(timing.body.decisions).toBeGreaterThanOrEqual(8);
    expect(timing.body.medianDays).toBeGreaterThanOrEqual(29);
    expect(timing.body.p90Days).toBeGreaterThanOrEqual(timing.body.medianDays);
    const outcomes = await http()
      .get('/v1/reports/outcomes')
      .set('authorization', testStaff('auditor').authorization)
      .expect(200);
    expect(outcomes.body.refusalGrounds).toEqual(
      expect.arrayContaining([
        { ground: 'residence', count: expect.any(Number), paragraphs: ['10', '11', '12', '13'] },
      ]),
    );
    const sla = await http().get('/v1/reports/service-level').set('authorization', leader.authorization).expect(200);
    expect(sla.body).toMatchObject({
      openClaims: expect.any(Number),
      openBreached: expect.any(Number),
      decisions: expect.any(Number),
    });
    await http()
      .get('/v1/reports/outcomes')
      .query({ from: '2026-12-01', to: '2026-01-01' })
      .set('authorization', leader.authorization)
      .expect(400);
    await http()
      .get('/v1/reports/outcomes')
      .query({ from: '2020-01-01', to: '2026-01-01' })
      .set('authorization', leader.authorization)
      .expect(400);
  });

  it('withholds a complement for each small count in a row or column with a known total, and shows the rest', async () => {
    const religion = (value: string) => ({ religionOrBelief: value });
    for (let i = 0; i < 3; i += 1) await decided('refusal', religion('monitoring-x'), ['conduct']);
    for (let i = 0; i < 6; i += 1) await decided('refusal', religion('monitoring-x'), ['residence']);
    for (let i = 0; i < 5; i += 1) await decided('refusal', religion('monitoring-y'), ['residence']);
    for (let i = 0; i < 5; i += 1) await decided('refusal', religion('monitoring-z'), ['conduct']);
    for (let i = 0; i < 3; i += 1) await decided('refusal', religion('monitoring-z'), ['residence']);

    const fairness = await fairnessReport();
    expect(fairness.disclosureControl).toMatchObject({ method: 'cell-suppression', threshold: 5, rounding: 'none' });
    const rows = fairness.rows.filter((row) => row.characteristic === 'religionOrBelief');
    // Primary only, x's conduct would be 9 - 6 and z's residence 8 - 5: each row and column gets a complement.
    expect(rows).toEqual([
      {
        characteristic: 'religionOrBelief',
        value: 'monitoring-x',
        decisions: 9,
        refusals: 9,
        refusalGrounds: { conduct: null, residence: null },
        withheld: { refusalGrounds: { conduct: 'primary', residence: 'secondary' } },
      },
      {
        characteristic: 'religionOrBelief',
        value: 'monitoring-y',
        decisions: 5,
        refusals: 5,
        refusalGrounds: { conduct: 0, residence: 5 },
        withheld: {},
      },
      {
        characteristic: 'religionOrBelief',
        value: 'monitoring-z',
        decisions: 8,
        refusals: 8,
        refusalGrounds: { conduct: null, residence: null },
        withheld: { refusalGrounds: { conduct: 'secondary', residence: 'primary' } },
      },
    ]);
    expectNoSubtraction(fairness.rows);
  });
});

interface FairnessRow {
  characteristic: string;
  value: string;
  decisions: number | null;
  refusals: number | null;
  refusalGrounds: Record<string, number | null>;
  withheld: {
    decisions?: string;
    refusals?: string;
    refusalGrounds?: Record<string, string>;
  };
}

/**
 * Per characteristic, the lines a reader can add up against a known total (decisions, refusals and each ground
 * down the table; each row's grounds against its refusals): none may have exactly one withheld figure. No count
 * from 1 to 4 is published, and every withheld figure says why.
 */
function expectNoSubtraction(rows: FairnessRow[]): void {
  for (const characteristic of new Set(rows.map((row) => row.characteristic))) {
    const table = rows.filter((row) => row.characteristic === characteristic);
    const grounds = Object.keys(table[0]!.refusalGrounds);
    const lines = [
      table.map((row) => row.decisions),
      table.map((row) => row.refusals),
      ...grounds.map((ground) => table.map((row) => row.refusalGrounds[ground] ?? null)),
      ...table.map((row) => [row.refusals, ...grounds.map((ground) => row.refusalGrounds[ground] ?? null)]),
    ];
    for (const line of lines.filter((figures) => figures.length > 1)) {
      expect([characteristic, line.filter((count) => count === null).length]).not.toEqual([characteristic, 1]);
    }
    for (const row of table) {
      expect(Object.keys(row.refusalGrounds)).toEqual(grounds);
      const figures: Array<[number | null, string | undefined]> = [
        [row.decisions, row.withheld.decisions],
        [row.refusals, row.withheld.refusals],
        ...grounds.map((ground): [number | null, string | undefined] => [
          row.refusalGrounds[ground] ?? null,
          row.withheld.refusalGrounds?.[ground],
        ]),
      ];
      for (const [count, reason] of figures) {
        if (count === null) expect(reason).toMatch(/^(primary|secondary)$/);
        else expect(reason).toBeUndefined();
        if (count !== null) expect(count === 0 || count >= 5).toBe(true);
      }
    }
  }
}
