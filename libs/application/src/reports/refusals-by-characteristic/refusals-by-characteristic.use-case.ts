import { calendarDateInUk } from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { suppressTable, type PublishedCount, type WithheldReason } from '../disclosure-control.js';
import { ReportQueries, reportPeriod, SUPPRESS_BELOW, type ReportPeriod } from '../report-queries.js';
import type { RefusalsByCharacteristicReportCommand } from './refusals-by-characteristic.command.js';

export interface CharacteristicRow {
  readonly characteristic: string;
  readonly value: string;
  /** First decisions made in the period for people who gave this value; `null` when withheld. */
  readonly decisions: number | null;
  readonly refusals: number | null;
  /** Every ground refused on among people who gave this characteristic (the same keys in each of its rows). */
  readonly refusalGrounds: Readonly<Record<string, number | null>>;
  /** Why each withheld figure (`null` above) is withheld; only withheld figures are listed. */
  readonly withheld: {
    readonly decisions?: WithheldReason;
    readonly refusals?: WithheldReason;
    readonly refusalGrounds?: Readonly<Record<string, WithheldReason>>;
  };
}

export interface DisclosureControl {
  readonly method: 'cell-suppression';
  /** The smallest count shown other than zero. */
  readonly threshold: number;
  readonly rounding: 'none';
  readonly primary: string;
  readonly secondary: string;
  readonly zeros: string;
}

export interface RefusalsByCharacteristicAnswer {
  readonly period: ReportPeriod;
  /** The same as `disclosureControl.threshold` (kept for existing readers). */
  readonly suppressBelow: number;
  readonly disclosureControl: DisclosureControl;
  readonly rows: CharacteristicRow[];
}

export const refusalsDisclosureControl = (threshold: number): DisclosureControl => ({
  method: 'cell-suppression',
  threshold,
  rounding: 'none',
  primary:
    `Counts from 1 to ${threshold - 1} are withheld, and so is every figure, zeros included, in a row whose ` +
    `decisions are withheld (a group of fewer than ${threshold} people).`,
  secondary:
    'Each characteristic is a table whose column sums are treated as known (other reports give them when ' +
    'everyone answered) and whose refusals are treated as the sum of their grounds. In any row or column with ' +
    'exactly one withheld figure, the smallest non-zero figure still shown in it is withheld too (a zero only when ' +
    'no non-zero figure is left), until none has exactly one.',
  zeros: 'Shown, except in a row whose decisions are withheld; chosen as a complement only when nothing else is left.',
});

interface Group {
  readonly value: string;
  decisions: number;
  refusals: number;
  readonly grounds: Map<string, number>;
}

/**
 * Fairness monitoring: refusal grounds by protected characteristic, only where the victim chose to give it
 * (the characteristics are never used to decide a claim). Small counts are withheld (primary suppression), and
 * enough other figures with them that no withheld figure follows from a total by subtraction (secondary
 * suppression): see `suppressTable`. No rounding: the figures are exact, so that refusal rates can be compared
 * between groups, and deterministic rounding would not stop differencing anyway.
 */
export class RefusalsByCharacteristicReport {
  constructor(
    private readonly queries: ReportQueries,
    private readonly clock: Clock,
  ) {}

  async execute(command: RefusalsByCharacteristicReportCommand): Promise<RefusalsByCharacteristicAnswer> {
    const period = reportPeriod(command.from, command.to, calendarDateInUk(this.clock.now()));
    const decisions = await this.queries.monitoredDecisions(period);
    const tables = new Map<string, Map<string, Group>>();
    for (const decision of decisions) {
      for (const [characteristic, value] of Object.entries(decision.characteristics)) {
        const groups = tables.get(characteristic) ?? new Map<string, Group>();
        tables.set(characteristic, groups);
        const group: Group = groups.get(value) ?? {
          value,
          decisions: 0,
          refusals: 0,
          grounds: new Map<string, number>(),
        };
        groups.set(value, group);
        group.decisions += 1;
        if (decision.kind !== 'refusal') continue;
        group.refusals += 1;
        for (const ground of decision.grounds) group.grounds.set(ground, (group.grounds.get(ground) ?? 0) + 1);
      }
    }
    const rows = [...tables.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([characteristic, groups]) =>
        characteristicRows(
          characteristic,
          [...groups.values()].sort((a, b) => a.value.localeCompare(b.value)),
          SUPPRESS_BELOW,
        ),
      );
    return {
      period,
      suppressBelow: SUPPRESS_BELOW,
      disclosureControl: refusalsDisclosureControl(SUPPRESS_BELOW),
      rows,
    };
  }
}

/**
 * One characteristic's table. Grounds by value, with each value's refusals as the row total; the column sums (per
 * ground, and all refusals) are treated as known, since the outcomes report gives them for the period whenever
 * everyone gave the characteristic. Decisions by value are a second table: their sum is known the same way, but
 * they are not the sum of anything shown in the row.
 */
function characteristicRows(characteristic: string, groups: readonly Group[], threshold: number): CharacteristicRow[] {
  const grounds = [...new Set(groups.flatMap((group) => [...group.grounds.keys()]))].sort();
  const smallRows = groups.flatMap((group, index) => (group.decisions < threshold ? [index] : []));
  const refusals = suppressTable(
    {
      cells: groups.map((group) => grounds.map((ground) => group.grounds.get(ground) ?? 0)),
      rowTotals: { shown: groups.map((group) => group.refusals) },
      columnTotals: 'derivable',
      smallRows,
    },
    threshold,
  );
  const decisions = suppressTable(
    { cells: groups.map((group) => [group.decisions]), rowTotals: 'none', columnTotals: 'derivable' },
    threshold,
  );
  return groups.map((group, index): CharacteristicRow => {
    const groundFigures = refusals.cells[index]!;
    const decisionFigure = decisions.cells[index]![0]!;
    const refusalFigure = refusals.rowTotals![index]!;
    const withheldGrounds = Object.fromEntries(
      grounds.flatMap((ground, column) => reasonOf(ground, groundFigures[column]!)),
    );
    return {
      characteristic,
      value: group.value,
      decisions: decisionFigure.count,
      refusals: refusalFigure.count,
      refusalGrounds: Object.fromEntries(grounds.map((ground, column) => [ground, groundFigures[column]!.count])),
      withheld: {
        ...Object.fromEntries(reasonOf('decisions', decisionFigure)),
        ...Object.fromEntries(reasonOf('refusals', refusalFigure)),
        ...(Object.keys(withheldGrounds).length ? { refusalGrounds: withheldGrounds } : {}),
      },
    };
  });
}

const reasonOf = (key: string, figure: PublishedCount): Array<[string, WithheldReason]> =>
  figure.withheld ? [[key, figure.withheld]] : [];
