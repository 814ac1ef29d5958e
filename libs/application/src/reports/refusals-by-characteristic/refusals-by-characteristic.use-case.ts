import { calendarDateInUk } from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { ReportQueries, reportPeriod, suppressed, SUPPRESS_BELOW, type ReportPeriod } from '../report-queries.js';
import type { RefusalsByCharacteristicReportCommand } from './refusals-by-characteristic.command.js';

export interface CharacteristicRow {
  readonly characteristic: string;
  readonly value: string;
  /** Decisions made for people who gave this value; `null` when under 5 (withheld). */
  readonly decisions: number | null;
  readonly refusals: number | null;
  readonly refusalGrounds: Readonly<Record<string, number | null>>;
}

/**
 * Fairness monitoring: refusal grounds by protected characteristic, only where the victim chose to give it
 * (the characteristics are never used to decide a claim). Counts from 1 to 4 are withheld (`null`), so that no
 * cell can point at a person; a row whose decisions are withheld shows nothing else either.
 */
export class RefusalsByCharacteristicReport {
  constructor(
    private readonly queries: ReportQueries,
    private readonly clock: Clock,
  ) {}

  async execute(
    command: RefusalsByCharacteristicReportCommand,
  ): Promise<{ period: ReportPeriod; suppressBelow: number; rows: CharacteristicRow[] }> {
    const period = reportPeriod(command.from, command.to, calendarDateInUk(this.clock.now()));
    const decisions = await this.queries.monitoredDecisions(period);
    const cells = new Map<
      string,
      { characteristic: string; value: string; decisions: number; refusals: number; grounds: Map<string, number> }
    >();
    for (const decision of decisions) {
      for (const [characteristic, value] of Object.entries(decision.characteristics)) {
        const key = `${characteristic}\u0000${value}`;
        const cell = cells.get(key) ?? { characteristic, value, decisions: 0, refusals: 0, grounds: new Map() };
        cells.set(key, cell);
        cell.decisions += 1;
        if (decision.kind !== 'refusal') continue;
        cell.refusals += 1;
        for (const ground of decision.grounds) cell.grounds.set(ground, (cell.grounds.get(ground) ?? 0) + 1);
      }
    }
    const rows = [...cells.values()]
      .sort((a, b) => a.characteristic.localeCompare(b.characteristic) || a.value.localeCompare(b.value))
      .map((cell): CharacteristicRow => {
        const hidden = suppressed(cell.decisions) === null;
        return {
          characteristic: cell.characteristic,
          value: cell.value,
          decisions: suppressed(cell.decisions),
          refusals: hidden ? null : suppressed(cell.refusals),
          refusalGrounds: Object.fromEntries(
            [...cell.grounds.entries()].sort().map(([ground, count]) => [ground, hidden ? null : suppressed(count)]),
          ),
        };
      });
    return { period, suppressBelow: SUPPRESS_BELOW, rows };
  }
}
