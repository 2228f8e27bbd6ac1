// Room for the whole program: the system's sheets keep only the columns they use (every grid
// cell counts against the spreadsheet's 10-million-cell limit), and the health report shows
// the cells used and when, at the current rate, the spreadsheet would be full.
import { office, uncounted } from './helpers';

/** Columns per system sheet, counted by hand from src/store/schema.ts. */
const COLUMNS: Record<string, number> = {
  Members: 20,
  Documents: 5,
  Course: 5,
  Ledger: 7,
  'Payment holds': 7,
  'Payment runs': 6,
  Outbox: 11,
  Log: 7,
  Settings: 4,
  Templates: 4,
};

function grid(o: ReturnType<typeof office>, name: string): [number, number] {
  return uncounted(o, () => {
    const sheet = o.ss.getSheetByName(name)!;
    return [sheet.getMaxRows(), sheet.getMaxColumns()];
  });
}

describe('the system sheets keep only their columns', () => {
  test('set-up makes each system sheet exactly as wide as its columns (not the 26 a new sheet has)', () => {
    const o = office();
    for (const [name, columns] of Object.entries(COLUMNS)) {
      expect([name, grid(o, name)[1]]).toEqual([name, columns]);
    }
  });

  test('set-up trims a sheet made by an earlier version, keeping every column with content', () => {
    const o = office();
    uncounted(o, () => {
      const log = o.ss.getSheetByName('Log')!;
      log.insertColumnsAfter(7, 19); // as an earlier version left it: 26 columns
      log.getRange(5, 10).setValue('a staff note far to the right');
      o.ss.getSheetByName('Ledger')!.insertColumnsAfter(7, 19);
    });
    expect(grid(o, 'Log')[1]).toBe(26);
    const report = String(o.rt.run('setup'));
    expect(report).toContain('Removed 16 unused columns from "Log".');
    expect(report).toContain('Removed 19 unused columns from "Ledger".');
    expect(grid(o, 'Log')[1]).toBe(10);
    expect(grid(o, 'Ledger')[1]).toBe(7);
    expect(uncounted(o, () => o.ss.getSheetByName('Log')!.getRange(5, 10).getValue())).toBe(
      'a staff note far to the right',
    );
  });

  test("a month's Payments sheet is made exactly the size of what it shows", () => {
    const o = office();
    o.register({ email: 'a@example.org', name: 'Aiko' });
    o.at('2023-07-20T10:00:00');
    o.apply({ email: 'a@example.org', start: '10:00', end: '11:30' });
    o.at('2023-08-01T12:00:00'); // the monthly run settles July
    const rows = uncounted(o, () => o.ss.getSheetByName('Payments 2023-07')!.getLastRow());
    expect(grid(o, 'Payments 2023-07')).toEqual([rows, 6]);
  });
});

describe('the health report and the size of the spreadsheet', () => {
  test('shows the cells used of the 10 million and a projected month', () => {
    const o = office();
    o.register({ email: 'a@example.org', name: 'Aiko' });
    o.at('2023-07-20T10:00:00');
    o.apply({ email: 'a@example.org', start: '10:00', end: '11:30' });
    o.at('2023-09-20T10:00:00');
    const cells = uncounted(o, () =>
      o.ss.getSheets().reduce((sum, s) => sum + s.getMaxRows() * s.getMaxColumns(), 0),
    );
    const report = String(o.rt.run('healthReport'));
    expect(report).toContain(
      `Spreadsheet cells / セル数: ${cells.toLocaleString('en-US')} of 10,000,000`,
    );
    expect(report).toMatch(
      /Full at the current rate \/ 上限到達の見込み: \d{4}-\d\d \(about \d+ years/,
    );
    expect(report).not.toContain('WARNING');
  });
});
