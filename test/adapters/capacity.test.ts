// The spreadsheet's size against Google's limit of 10 million cells per spreadsheet (every
// cell of every sheet's grid, empty or not: "Google Sheets doubles cell limit", 2022-03-14, as
// reported in https://gist.github.com/tanaikech/cc4380692790150cc090114553e38a0e). Expected
// values are worked out by hand below.
import { CELL_LIMIT, capacityLines, capacityOf } from '../../src/adapters/capacity';

const DAY = 86_400_000;
const NOW = Date.parse('2025-04-15T10:00:00+09:00');

/** A spreadsheet as the Spreadsheet service sees it: sheets with their grid sizes. */
function spreadsheet(grids: [string, number, number][]): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return {
    getSheets: () =>
      grids.map(([name, rows, columns]) => ({
        getName: () => name,
        getMaxRows: () => rows,
        getMaxColumns: () => columns,
      })),
  } as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
}

describe('capacity of the spreadsheet (10 million cells)', () => {
  test('every cell of every grid counts, and the rate is the cells per month since the first application', () => {
    // 8,000,000 + 1,000,000 cells after 20 months (608.8 days = 20 × 30.44): 450,000 a month;
    // 1,000,000 left → 2.2 months → full in 2025-06 (April + 2).
    const ss = spreadsheet([
      ['Applications', 200_000, 40],
      ['Log', 100_000, 10],
    ]);
    const c = capacityOf(ss, NOW - 20 * 30.44 * DAY, NOW);
    expect(c.cells).toBe(9_000_000);
    expect(c.perMonth).toBeCloseTo(450_000, 0);
    expect(c.monthsLeft).toBeCloseTo(2.22, 2);
    expect(c.fullIn).toBe('2025-06');
    const text = capacityLines(c).join('\n');
    expect(text).toContain('9,000,000 of 10,000,000 (90.0%)');
    expect(text).toContain('2025-06');
    expect(text).toContain('WARNING');
    expect(text).toContain('Archive a closed fiscal year');
  });

  test('no warning while the spreadsheet would be full in more than a year', () => {
    // 1,200,000 cells in 24 months = 50,000 a month; 8,800,000 left = 176 months.
    const c = capacityOf(spreadsheet([['Applications', 40_000, 30]]), NOW - 24 * 30.44 * DAY, NOW);
    expect(c.monthsLeft).toBeCloseTo(176, 0);
    expect(capacityLines(c).join('\n')).not.toContain('WARNING');
  });

  test('a warning a year ahead: 12 months left is warned, 13 is not', () => {
    // 12 months of history at r cells a month; left = CELL_LIMIT − 12 r. 12 left: r = L/24.
    const at = (monthsLeft: number) => {
      const perMonth = CELL_LIMIT / (12 + monthsLeft);
      const cells = perMonth * 12;
      return capacityOf(spreadsheet([['A', cells, 1]]), NOW - 12 * 30.44 * DAY, NOW);
    };
    expect(capacityLines(at(12)).join('\n')).toContain('WARNING');
    expect(capacityLines(at(13)).join('\n')).not.toContain('WARNING');
  });

  test('before the first application there is no rate to project', () => {
    const c = capacityOf(spreadsheet([['Settings', 1000, 4]]), null, NOW);
    expect(c.cells).toBe(4000);
    expect(c.fullIn).toBeNull();
    expect(capacityLines(c).join('\n')).toContain('too early to tell');
  });
});
