import 'reflect-metadata';
import fc from 'fast-check';
import { suppressTable, type CountTable, type PublishedCount, type SuppressedTable } from '@redress/application';

const counts = (published: readonly PublishedCount[]) => published.map((figure) => figure.count);
const reasons = (published: readonly PublishedCount[]) => published.map((figure) => figure.withheld);
const rowSums = (cells: number[][]) => cells.map((row) => row.reduce((sum, value) => sum + value, 0));

/** Rows with their shown totals, and columns whose sums a reader knows from elsewhere (the fairness report's shape). */
const withRowTotals = (cells: number[][], smallRows: number[] = []): CountTable => ({
  cells,
  rowTotals: { shown: rowSums(cells) },
  columnTotals: 'derivable',
  smallRows,
});

describe('suppressTable: primary suppression', () => {
  it('withholds counts from 1 to threshold - 1 and shows zeros and counts from the threshold', () => {
    const table = suppressTable({ cells: [[0, 1, 4, 5, 120]], rowTotals: 'none', columnTotals: 'none' }, 5);
    expect(counts(table.cells[0]!)).toEqual([0, null, null, 5, 120]);
    expect(reasons(table.cells[0]!)).toEqual([null, 'primary', 'primary', null, null]);
    expect(table.rowTotals).toBeNull();
    expect(table.columnTotals).toBeNull();
  });

  it('takes the threshold as given', () => {
    const table = suppressTable({ cells: [[1, 9, 10]], rowTotals: 'none', columnTotals: 'none' }, 10);
    expect(counts(table.cells[0]!)).toEqual([null, null, 10]);
    expect(
      counts(suppressTable({ cells: [[1, 9, 10]], rowTotals: 'none', columnTotals: 'none' }, 1).cells[0]!),
    ).toEqual([1, 9, 10]);
  });

  it('withholds everything in a small group’s row, zeros and its total included', () => {
    const table = suppressTable(
      withRowTotals(
        [
          [0, 3],
          [6, 7],
          [8, 9],
        ],
        [0],
      ),
      5,
    );
    expect(reasons(table.cells[0]!)).toEqual(['primary', 'primary']);
    expect(table.rowTotals![0]).toEqual({ count: null, withheld: 'primary' });
  });

  it('adds nothing when no sum is known', () => {
    const table = suppressTable(
      {
        cells: [
          [2, 6],
          [7, 8],
        ],
        rowTotals: 'none',
        columnTotals: 'none',
      },
      5,
    );
    expect(table.cells.map(counts)).toEqual([
      [null, 6],
      [7, 8],
    ]);
  });
});

describe('suppressTable: secondary suppression', () => {
  it('withholds the smallest non-zero figure of a row and a column whose only withheld cell could be subtracted', () => {
    // Without secondary suppression: 3 = 14 - 11 (row) and 3 = 13 - 10 (column, total from another report).
    const table = suppressTable(
      withRowTotals([
        [3, 11, 0],
        [10, 6, 9],
        [20, 30, 40],
      ]),
      5,
    );
    expect(table.cells.map(counts)).toEqual([
      [null, null, 0],
      [null, null, 9],
      [20, 30, 40],
    ]);
    expect(table.cells.map(reasons)).toEqual([
      ['primary', 'secondary', null],
      ['secondary', 'secondary', null],
      [null, null, null],
    ]);
    expect(counts(table.rowTotals!)).toEqual([14, 25, 90]);
  });

  it('repeats until stable: a complement that leaves another line with one withheld figure gets its own', () => {
    // Row 0's complement (5) leaves column 1 with one withheld; its complement (6) leaves row 1 with one; and so on.
    const table = suppressTable(
      withRowTotals([
        [2, 5, 50],
        [40, 6, 7],
        [30, 60, 8],
      ]),
      5,
    );
    expect(table.cells.map(reasons)).toEqual([
      ['primary', 'secondary', null],
      [null, 'secondary', 'secondary'],
      ['secondary', null, 'secondary'],
    ]);
    expect(counts(table.rowTotals!)).toEqual([57, 53, 98]);
  });

  it('withholds a row total when it is the only non-zero figure left in the row', () => {
    // The total is not the sum here (a refusal may give two grounds, or none), so it is the only candidate.
    const table = suppressTable(
      {
        cells: [
          [3, 0],
          [9, 8],
          [7, 6],
        ],
        rowTotals: { shown: [10, 17, 13] },
        columnTotals: 'derivable',
      },
      5,
    );
    expect(reasons(table.rowTotals!)).toEqual(['secondary', null, 'secondary']);
    expect(table.cells.map(reasons)).toEqual([
      ['primary', null],
      [null, null],
      ['secondary', null],
    ]);
  });

  it('prefers a non-zero complement, and withholds a zero only when no non-zero figure is left in the line', () => {
    const table = suppressTable({ cells: [[2], [0], [7]], rowTotals: 'none', columnTotals: 'derivable' }, 5);
    expect(reasons(table.cells.map((row) => row[0]!))).toEqual(['primary', null, 'secondary']);
    const zerosOnly = suppressTable({ cells: [[2], [0], [0]], rowTotals: 'none', columnTotals: 'derivable' }, 5);
    expect(reasons(zerosOnly.cells.map((row) => row[0]!))).toEqual(['primary', 'secondary', null]);
  });

  it('protects a small group’s withheld zeros like any other withheld figure', () => {
    // Group 0 (two people, neither refused) and group 1: with group 1 shown, group 0's zeros follow from the sums.
    const table = suppressTable(
      withRowTotals(
        [
          [0, 0],
          [6, 5],
          [9, 12],
        ],
        [0],
      ),
      5,
    );
    expect(table.cells.map(reasons)).toEqual([
      ['primary', 'primary'],
      ['secondary', 'secondary'],
      [null, null],
    ]);
    expect(reasons(table.rowTotals!)).toEqual(['primary', 'secondary', null]);
  });

  it('protects the shown column totals along the row of totals when the grand total is known', () => {
    const table = suppressTable(
      {
        cells: [
          [6, 7],
          [8, 9],
        ],
        rowTotals: 'derivable',
        columnTotals: { shown: [3, 40] },
      },
      5,
    );
    expect(reasons(table.columnTotals!)).toEqual(['primary', 'secondary']);
  });

  it('leaves a lone figure alone: with a single row, each column total is the figure itself', () => {
    const table = suppressTable({ cells: [[3, 8]], rowTotals: 'none', columnTotals: 'derivable' }, 5);
    expect(reasons(table.cells[0]!)).toEqual(['primary', null]);
  });

  it('leaves a table with nothing under the threshold unchanged', () => {
    const cells = [
      [0, 5],
      [6, 0],
    ];
    const table = suppressTable(withRowTotals(cells), 5);
    expect(table.cells.map(counts)).toEqual(cells);
    expect(counts(table.rowTotals!)).toEqual([5, 6]);
  });

  it('handles empty tables and tables without columns', () => {
    expect(suppressTable({ cells: [], rowTotals: { shown: [] }, columnTotals: 'derivable' }, 5)).toEqual({
      cells: [],
      rowTotals: [],
      columnTotals: null,
    });
    const noColumns = suppressTable({ cells: [[], []], rowTotals: { shown: [2, 9] }, columnTotals: 'derivable' }, 5);
    expect(reasons(noColumns.rowTotals!)).toEqual(['primary', 'secondary']);
  });

  it('refuses malformed tables', () => {
    const bad: Array<[CountTable, number]> = [
      [{ cells: [[1, 2], [3]], rowTotals: 'none', columnTotals: 'none' }, 5],
      [{ cells: [[-1]], rowTotals: 'none', columnTotals: 'none' }, 5],
      [{ cells: [[1.5]], rowTotals: 'none', columnTotals: 'none' }, 5],
      [{ cells: [[1]], rowTotals: { shown: [1, 2] }, columnTotals: 'none' }, 5],
      [{ cells: [[1]], rowTotals: 'none', columnTotals: { shown: [-1] } }, 5],
      [{ cells: [[1]], rowTotals: 'none', columnTotals: 'none', smallRows: [1] }, 5],
      [{ cells: [[1]], rowTotals: 'none', columnTotals: 'none' }, 0],
    ];
    for (const [table, threshold] of bad) expect(() => suppressTable(table, threshold)).toThrow(RangeError);
  });
});

// ---- properties ----

type Kind = 'shown' | 'derivable' | 'none';
interface Case {
  cells: number[][];
  rowKind: Kind;
  columnKind: Kind;
  smallRows: number[];
  threshold: number;
}

/** Counts skewed towards the small ones that matter; totals shown are the sums, as for a reader doing arithmetic. */
const arbitraryCase = (minSize: number): fc.Arbitrary<Case> =>
  fc
    .record({
      rows: fc.integer({ min: minSize, max: 6 }),
      columns: fc.integer({ min: minSize, max: 6 }),
      threshold: fc.integer({ min: 1, max: 10 }),
      rowKind: fc.constantFrom<Kind>('shown', 'derivable', 'none'),
      columnKind: fc.constantFrom<Kind>('shown', 'derivable', 'none'),
    })
    .chain(({ rows, columns, ...rest }) =>
      fc.record({
        cells: fc.array(
          fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 200 })), {
            minLength: columns,
            maxLength: columns,
          }),
          { minLength: rows, maxLength: rows },
        ),
        smallRows:
          rows === 0 ? fc.constant([]) : fc.uniqueArray(fc.integer({ min: 0, max: rows - 1 }), { maxLength: 2 }),
        threshold: fc.constant(rest.threshold),
        rowKind: fc.constant(rest.rowKind),
        columnKind: fc.constant(rest.columnKind),
      }),
    );

function tableOf({ cells, rowKind, columnKind, smallRows }: Case): CountTable {
  const columnSums = (cells[0] ?? []).map((_, c) => cells.reduce((sum, row) => sum + row[c]!, 0));
  const margin = (kind: Kind, sums: number[]) => (kind === 'shown' ? { shown: sums } : kind);
  return { cells, rowTotals: margin(rowKind, rowSums(cells)), columnTotals: margin(columnKind, columnSums), smallRows };
}

interface Member {
  value: number;
  published: PublishedCount;
}

/** Every line whose sum a reader knows, as in the documented model (a shown total is a member of its line). */
function knownLines(input: CountTable, output: SuppressedTable): Member[][] {
  const cell = (r: number, c: number): Member => ({ value: input.cells[r]![c]!, published: output.cells[r]![c]! });
  const rowTotal = (r: number): Member => ({
    value: (input.rowTotals as { shown: number[] }).shown[r]!,
    published: output.rowTotals![r]!,
  });
  const columnTotal = (c: number): Member => ({
    value: (input.columnTotals as { shown: number[] }).shown[c]!,
    published: output.columnTotals![c]!,
  });
  const rows = input.cells.length;
  const columns = input.cells[0]?.length ?? 0;
  const lines: Member[][] = [];
  if (input.rowTotals !== 'none') {
    for (let r = 0; r < rows; r += 1) {
      const line = input.cells[r]!.map((_, c) => cell(r, c));
      lines.push(output.rowTotals ? [...line, rowTotal(r)] : line);
    }
  }
  if (input.columnTotals !== 'none') {
    for (let c = 0; c < columns; c += 1) {
      const line = input.cells.map((_, r) => cell(r, c));
      lines.push(output.columnTotals ? [...line, columnTotal(c)] : line);
    }
  }
  if (input.rowTotals !== 'none' && input.columnTotals !== 'none') {
    if (output.rowTotals) lines.push(input.cells.map((_, r) => rowTotal(r)));
    if (output.columnTotals) lines.push((input.cells[0] ?? []).map((_, c) => columnTotal(c)));
  }
  return lines;
}

function everyFigure(input: CountTable, output: SuppressedTable): Member[] {
  const members: Member[] = input.cells.flatMap((row, r) =>
    row.map((value, c) => ({ value, published: output.cells[r]![c]! })),
  );
  if (output.rowTotals) {
    const shown = (input.rowTotals as { shown: number[] }).shown;
    members.push(...output.rowTotals.map((published, r) => ({ value: shown[r]!, published })));
  }
  if (output.columnTotals) {
    const shown = (input.columnTotals as { shown: number[] }).shown;
    members.push(...output.columnTotals.map((published, c) => ({ value: shown[c]!, published })));
  }
  return members;
}

/**
 * A reader with the published figures and every known line total, solving any line with one unknown, again and
 * again: the figures it recovers. (A shown total is a member of its line; a derivable one is the right-hand side.)
 */
function recoveredBySubtraction(input: CountTable, output: SuppressedTable): Set<Member> {
  const recovered = new Set<Member>();
  const lines = knownLines(input, output);
  for (let progress = true; progress;) {
    progress = false;
    for (const line of lines) {
      const unknown = line.filter((member) => member.published.withheld && !recovered.has(member));
      if (unknown.length === 1) {
        recovered.add(unknown[0]!);
        progress = true;
      }
    }
  }
  return recovered;
}

describe('suppressTable: properties', () => {
  it('publishes only zeros and counts from the threshold, each as given, and marks every withheld figure', () => {
    fc.assert(
      fc.property(arbitraryCase(0), (example) => {
        const input = tableOf(example);
        const output = suppressTable(input, example.threshold);
        for (const { value, published } of everyFigure(input, output)) {
          if (published.withheld === null) {
            expect(published.count).toBe(value);
            expect(value === 0 || value >= example.threshold).toBe(true);
          } else {
            expect(published.count).toBeNull();
          }
          if (value > 0 && value < example.threshold) expect(published.withheld).toBe('primary');
          // A complement was shown before it was chosen: never a small count.
          if (published.withheld === 'secondary') expect(value === 0 || value >= example.threshold).toBe(true);
        }
        example.smallRows.forEach((r) => {
          expect(reasons(output.cells[r]!).every((reason) => reason === 'primary')).toBe(true);
          if (output.rowTotals) expect(output.rowTotals[r]!.withheld).toBe('primary');
        });
      }),
      { numRuns: 500 },
    );
  });

  it('leaves no line with a known total with exactly one withheld figure, unless it is a lone figure', () => {
    fc.assert(
      fc.property(arbitraryCase(0), (example) => {
        const input = tableOf(example);
        const output = suppressTable(input, example.threshold);
        for (const line of knownLines(input, output)) {
          const withheld = line.filter((member) => member.published.withheld).length;
          if (line.length > 1) expect(withheld).not.toBe(1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('lets nothing be recovered by subtraction from a table of at least two rows and two columns', () => {
    fc.assert(
      fc.property(arbitraryCase(2), (example) => {
        const input = tableOf(example);
        const output = suppressTable(input, example.threshold);
        expect(recoveredBySubtraction(input, output).size).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('withholds a zero as a complement only where a line had no non-zero figure left to withhold', () => {
    fc.assert(
      fc.property(arbitraryCase(0), (example) => {
        const input = tableOf(example);
        const output = suppressTable(input, example.threshold);
        const lines = knownLines(input, output);
        for (const member of everyFigure(input, output)) {
          if (member.published.withheld !== 'secondary' || member.value !== 0) continue;
          const excuse = lines.some(
            (line) =>
              line.some((other) => other.published === member.published) &&
              line.every((other) => other.value === 0 || other.published.withheld),
          );
          expect(excuse).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic and does not touch its input', () => {
    fc.assert(
      fc.property(arbitraryCase(0), (example) => {
        const input = tableOf(example);
        const before = JSON.stringify(input);
        expect(suppressTable(input, example.threshold)).toEqual(suppressTable(input, example.threshold));
        expect(JSON.stringify(input)).toBe(before);
      }),
    );
  });
});
