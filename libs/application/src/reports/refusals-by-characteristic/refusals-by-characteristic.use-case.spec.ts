import 'reflect-metadata';
import fc from 'fast-check';
import {
  FixedClock,
  RefusalsByCharacteristicReport,
  ReportQueries,
  SUPPRESS_BELOW,
  type CharacteristicRow,
  type MonitoredDecision,
  type OutcomeFigures,
  type ReportPeriod,
  type ServiceLevelFigures,
  type StaffActor,
  type TimeToDecision,
  type WeekCounts,
} from '@redress/application';

class DecisionsOnly extends ReportQueries {
  periods: ReportPeriod[] = [];
  constructor(private readonly decisions: MonitoredDecision[]) {
    super();
  }
  monitoredDecisions(period: ReportPeriod): Promise<MonitoredDecision[]> {
    this.periods.push(period);
    return Promise.resolve(this.decisions);
  }
  claimsPerWeek(): Promise<WeekCounts[]> {
    throw new Error('not used');
  }
  timeToDecision(): Promise<TimeToDecision> {
    throw new Error('not used');
  }
  serviceLevel(): Promise<ServiceLevelFigures> {
    throw new Error('not used');
  }
  outcomes(): Promise<OutcomeFigures> {
    throw new Error('not used');
  }
}

const actor: StaffActor = { staffId: 'tl-1', roles: ['team-leader'], team: null };
const clock = new FixedClock(new Date('2026-11-27T12:00:00Z'));

function times(count: number, decision: MonitoredDecision): MonitoredDecision[] {
  return Array.from({ length: count }, () => decision);
}
const refused = (characteristics: Record<string, string>, ...grounds: string[]): MonitoredDecision => ({
  kind: 'refusal',
  grounds,
  characteristics,
});
const awarded = (characteristics: Record<string, string>): MonitoredDecision => ({
  kind: 'award',
  grounds: [],
  characteristics,
});

async function report(decisions: MonitoredDecision[]) {
  return new RefusalsByCharacteristicReport(new DecisionsOnly(decisions), clock).execute({ actor });
}

describe('RefusalsByCharacteristicReport', () => {
  it('states the threshold and the method', async () => {
    const answer = await report([]);
    expect(answer).toMatchObject({
      period: { from: '2026-09-05', to: '2026-11-27' },
      suppressBelow: SUPPRESS_BELOW,
      disclosureControl: { method: 'cell-suppression', threshold: 5, rounding: 'none' },
      rows: [],
    });
    expect(answer.disclosureControl.primary).toContain('from 1 to 4');
    expect(answer.disclosureControl.secondary).toContain('exactly one withheld figure');
  });

  it('shows every figure when nothing is small', async () => {
    const { rows } = await report([
      ...times(6, refused({ ethnicity: 'group-a' }, 'residence')),
      ...times(5, awarded({ ethnicity: 'group-a' })),
      ...times(7, refused({ ethnicity: 'group-b' }, 'conduct')),
    ]);
    expect(rows).toEqual([
      {
        characteristic: 'ethnicity',
        value: 'group-a',
        decisions: 11,
        refusals: 6,
        refusalGrounds: { conduct: 0, residence: 6 },
        withheld: {},
      },
      {
        characteristic: 'ethnicity',
        value: 'group-b',
        decisions: 7,
        refusals: 7,
        refusalGrounds: { conduct: 7, residence: 0 },
        withheld: {},
      },
    ]);
  });

  it('withholds the other group too when a small group could be found by subtracting it from the totals', async () => {
    // Without secondary suppression group-b is the outcomes report's totals minus group-a.
    const { rows } = await report([
      ...times(5, refused({ ethnicity: 'group-a' }, 'residence')),
      awarded({ ethnicity: 'group-a' }),
      ...times(2, refused({ ethnicity: 'group-b' }, 'conduct')),
    ]);
    expect(rows).toEqual([
      {
        characteristic: 'ethnicity',
        value: 'group-a',
        decisions: null,
        refusals: null,
        refusalGrounds: { conduct: null, residence: null },
        withheld: {
          decisions: 'secondary',
          refusals: 'secondary',
          refusalGrounds: { conduct: 'secondary', residence: 'secondary' },
        },
      },
      {
        characteristic: 'ethnicity',
        value: 'group-b',
        decisions: null,
        refusals: null,
        refusalGrounds: { conduct: null, residence: null },
        withheld: {
          decisions: 'primary',
          refusals: 'primary',
          refusalGrounds: { conduct: 'primary', residence: 'primary' },
        },
      },
    ]);
  });

  it('withholds a complement in each row and column with one small count, and shows the rest', async () => {
    const religion = (value: string) => ({ religionOrBelief: value });
    const { rows } = await report([
      ...times(3, refused(religion('faith-a'), 'conduct')),
      ...times(6, refused(religion('faith-a'), 'residence')),
      ...times(5, refused(religion('faith-b'), 'residence')),
      ...times(5, refused(religion('faith-c'), 'conduct')),
      ...times(3, refused(religion('faith-c'), 'residence')),
    ]);
    expect(
      rows.map(({ value, decisions, refusals, refusalGrounds, withheld }) => ({
        value,
        decisions,
        refusals,
        refusalGrounds,
        withheld,
      })),
    ).toEqual([
      {
        value: 'faith-a',
        decisions: 9,
        refusals: 9,
        refusalGrounds: { conduct: null, residence: null },
        withheld: { refusalGrounds: { conduct: 'primary', residence: 'secondary' } },
      },
      { value: 'faith-b', decisions: 5, refusals: 5, refusalGrounds: { conduct: 0, residence: 5 }, withheld: {} },
      {
        value: 'faith-c',
        decisions: 8,
        refusals: 8,
        refusalGrounds: { conduct: null, residence: null },
        withheld: { refusalGrounds: { conduct: 'secondary', residence: 'primary' } },
      },
    ]);
  });

  it('protects each characteristic as its own table, ordered by characteristic and value', async () => {
    const { rows } = await report([
      ...times(6, refused({ ethnicity: 'group-a', disability: 'no' }, 'residence')),
      ...times(3, refused({ ethnicity: 'group-b', disability: 'no' }, 'residence')),
      ...times(8, awarded({ ethnicity: 'group-b', disability: 'yes' })),
    ]);
    expect(rows.map((row) => [row.characteristic, row.value, row.decisions, row.refusals])).toEqual([
      ['disability', 'no', 9, 9],
      ['disability', 'yes', 8, 0],
      ['ethnicity', 'group-a', 6, null],
      ['ethnicity', 'group-b', 11, null],
    ]);
    expect(rows[2]!.withheld).toEqual({ refusals: 'secondary', refusalGrounds: { residence: 'secondary' } });
    expect(rows[3]!.withheld).toEqual({ refusals: 'primary', refusalGrounds: { residence: 'primary' } });
  });
});

// ---- property over random decisions ----

const characteristicNames = ['ethnicity', 'disability', 'religionOrBelief'];
const groundNames = ['conduct', 'residence', 'character', 'late'];
const arbitraryDecision: fc.Arbitrary<MonitoredDecision> = fc.record({
  kind: fc.constantFrom('refusal', 'refusal', 'award', 'reduced-award'),
  grounds: fc.uniqueArray(fc.constantFrom(...groundNames), { maxLength: 2 }),
  characteristics: fc.dictionary(fc.constantFrom(...characteristicNames), fc.constantFrom('a', 'b', 'c', 'd'), {
    maxKeys: 3,
  }),
});

/** The figures a reader can add up: decisions down each table; refusals and each ground down, grounds across. */
function linesOf(rows: CharacteristicRow[]): Array<Array<number | null>> {
  const lines: Array<Array<number | null>> = [];
  for (const characteristic of new Set(rows.map((row) => row.characteristic))) {
    const table = rows.filter((row) => row.characteristic === characteristic);
    const grounds = Object.keys(table[0]!.refusalGrounds);
    lines.push(table.map((row) => row.decisions));
    lines.push(table.map((row) => row.refusals));
    for (const ground of grounds) lines.push(table.map((row) => row.refusalGrounds[ground]!));
    for (const row of table) lines.push([row.refusals, ...grounds.map((ground) => row.refusalGrounds[ground]!)]);
  }
  return lines;
}

describe('RefusalsByCharacteristicReport: properties', () => {
  it('publishes no count from 1 to 4, labels every withheld figure, and leaves no line with one withheld figure', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbitraryDecision, { maxLength: 80 }), async (decisions) => {
        const { rows } = await report(decisions);
        for (const row of rows) {
          const figures: Array<[number | null, string | undefined]> = [
            [row.decisions, row.withheld.decisions],
            [row.refusals, row.withheld.refusals],
            ...Object.entries(row.refusalGrounds).map(([ground, count]): [number | null, string | undefined] => [
              count,
              row.withheld.refusalGrounds?.[ground],
            ]),
          ];
          for (const [count, reason] of figures) {
            expect(count === null).toBe(reason !== undefined);
            if (count !== null) expect(count === 0 || count >= SUPPRESS_BELOW).toBe(true);
          }
          if (row.decisions === null && row.withheld.decisions === 'primary') {
            expect(figures.every(([count]) => count === null)).toBe(true);
          }
        }
        for (const line of linesOf(rows)) {
          if (line.length > 1) expect(line.filter((count) => count === null).length).not.toBe(1);
        }
      }),
      { numRuns: 300 },
    );
  });
});
