/**
 * Statistical disclosure control for a published table of counts: primary and secondary (complementary) cell
 * suppression, as in the GSS/ONS guidance on tables. Pure: no I/O.
 *
 * Primary: a count from 1 to `threshold - 1` is withheld, and so is every figure (zeros too) in a row the caller
 * names as a small group (its base population is under the threshold, so even a zero tells something about each
 * of its members).
 *
 * Secondary: a reader who knows a line's total (a row or column sum, shown in the table or published elsewhere)
 * can recover a line's only withheld figure by subtraction. So in every such line with exactly one withheld
 * figure another one is withheld: the smallest non-zero figure still shown in that line (cells before totals, then
 * in reading order), a zero only when no non-zero figure is left. This repeats until no line has exactly one.
 * Zeros are otherwise shown: a zero is not small, and a withheld zero protects little (a reader can often tell it
 * is zero from the other lines it sits in).
 *
 * Limits, as with any line-by-line heuristic: it stops the subtraction of one line at a time, not every linear
 * programme over all lines at once (withheld figures may still be narrowed to an interval), and a line with a single
 * figure whose total is known elsewhere cannot be protected here (that figure is published elsewhere already).
 */

export type WithheldReason = 'primary' | 'secondary';

export type PublishedCount =
  { readonly count: number; readonly withheld: null } | { readonly count: null; readonly withheld: WithheldReason };

/**
 * What a reader knows of the sums along one direction:
 * - `{ shown }`: the totals are part of the table (one per line); they may be withheld like any other figure;
 * - `'derivable'`: not in the table but known (another report gives them): never withheld here, still protected
 *   against;
 * - `'none'`: no sum along that direction is known (the figures are not parts of a whole).
 */
export type Margin = { readonly shown: readonly number[] } | 'derivable' | 'none';

export interface CountTable {
  /** Rows x columns, every row the same length; non-negative whole numbers. */
  readonly cells: ReadonlyArray<ReadonlyArray<number>>;
  /** The sums of each row (a column of totals). */
  readonly rowTotals: Margin;
  /** The sums of each column (a row of totals). */
  readonly columnTotals: Margin;
  /** Rows (by index) describing a group smaller than the threshold: everything in them is withheld (primary). */
  readonly smallRows?: readonly number[];
}

export interface SuppressedTable {
  readonly cells: PublishedCount[][];
  /** Present when the row totals are shown. */
  readonly rowTotals: PublishedCount[] | null;
  /** Present when the column totals are shown. */
  readonly columnTotals: PublishedCount[] | null;
}

interface Figure {
  readonly value: number;
  readonly isTotal: boolean;
  withheld: WithheldReason | null;
}

/**
 * The table as it may be published with `threshold` as the smallest count shown (other than zero). The grand total
 * is treated as known whenever both directions have known sums, so the row of column totals and the column of row
 * totals are protected too when they are shown.
 */
export function suppressTable(table: CountTable, threshold: number): SuppressedTable {
  if (!Number.isInteger(threshold) || threshold < 1) throw new RangeError('threshold must be a whole number from 1');
  const rows = table.cells.length;
  const columns = table.cells[0]?.length ?? 0;
  const isCount = (value: number) => Number.isInteger(value) && value >= 0;
  for (const row of table.cells) {
    if (row.length !== columns) throw new RangeError('every row must have the same number of cells');
    if (!row.every(isCount)) throw new RangeError('counts must be non-negative whole numbers');
  }
  const shownMargin = (margin: Margin, length: number): readonly number[] | null => {
    if (typeof margin === 'string') return null;
    if (margin.shown.length !== length) throw new RangeError('one total per line');
    if (!margin.shown.every(isCount)) throw new RangeError('totals must be non-negative whole numbers');
    return margin.shown;
  };
  const rowTotals = shownMargin(table.rowTotals, rows);
  const columnTotals = shownMargin(table.columnTotals, columns);
  const small = new Set(table.smallRows ?? []);
  for (const row of small) {
    if (!Number.isInteger(row) || row < 0 || row >= rows) throw new RangeError('small rows must be row indexes');
  }

  const primary = (value: number): WithheldReason | null => (value > 0 && value < threshold ? 'primary' : null);
  const figure = (value: number, isTotal: boolean, row: number | null): Figure => ({
    value,
    isTotal,
    withheld: row !== null && small.has(row) ? 'primary' : primary(value),
  });
  const cells = table.cells.map((row, r) => row.map((value) => figure(value, false, r)));
  const rowTotalFigures = rowTotals?.map((value, r) => figure(value, true, r)) ?? null;
  const columnTotalFigures = columnTotals?.map((value) => figure(value, true, null)) ?? null;

  // Every line whose sum a reader knows, as the figures published in it (a shown total is one of them).
  const lines: Figure[][] = [];
  if (table.rowTotals !== 'none') {
    cells.forEach((row, r) => lines.push(rowTotalFigures ? [...row, rowTotalFigures[r]!] : row));
  }
  if (table.columnTotals !== 'none') {
    for (let c = 0; c < columns; c += 1) {
      const column = cells.map((row) => row[c]!);
      lines.push(columnTotalFigures ? [...column, columnTotalFigures[c]!] : column);
    }
  }
  const grandTotalKnown = table.rowTotals !== 'none' && table.columnTotals !== 'none';
  if (grandTotalKnown && rowTotalFigures) lines.push(rowTotalFigures);
  if (grandTotalKnown && columnTotalFigures) lines.push(columnTotalFigures);

  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      if (line.filter((member) => member.withheld).length !== 1) continue;
      const complement = complementIn(line);
      if (!complement) continue; // a lone figure: its total is the figure itself
      complement.withheld = 'secondary';
      changed = true;
    }
  }

  const publish = ({ value, withheld }: Figure): PublishedCount =>
    withheld ? { count: null, withheld } : { count: value, withheld: null };
  return {
    cells: cells.map((row) => row.map(publish)),
    rowTotals: rowTotalFigures?.map(publish) ?? null,
    columnTotals: columnTotalFigures?.map(publish) ?? null,
  };
}

/** The smallest non-zero figure still shown (cells before totals, then first in the line), else a shown zero. */
function complementIn(line: readonly Figure[]): Figure | undefined {
  let best: Figure | undefined;
  const better = (a: Figure, b: Figure) =>
    a.value > 0 !== b.value > 0 ? a.value > 0 : a.value !== b.value ? a.value < b.value : !a.isTotal && b.isTotal;
  for (const member of line) {
    if (!member.withheld && (!best || better(member, best))) best = member;
  }
  return best;
}
