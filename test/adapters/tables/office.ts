// The office spreadsheet of the table tests, on the local runtime: what every table test file
// needs to look at a sheet (uncounted), count the calls of an action, and type a sheet in as
// staff would. Shared by table.test.ts, table-corners.test.ts and lookups.test.ts.
import type { LocalRuntime } from '../../../local/runtime';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function officeTools(rt: LocalRuntime, ss: Spreadsheet) {
  /** Every cell of a sheet, read as a person would (not counted). */
  const cells = (name: string): unknown[][] => {
    const was = rt.ctx.counter.enabled;
    rt.ctx.counter.enabled = false;
    try {
      return ss.getSheetByName(name)?.getDataRange().getValues() ?? [];
    } finally {
      rt.ctx.counter.enabled = was;
    }
  };
  /** Spreadsheet calls by method made by `action`. */
  const calls = (action: () => void): Record<string, number> => {
    rt.ctx.counter.reset();
    action();
    const counts = rt.ctx.counter.reset();
    return Object.fromEntries(
      Object.entries(counts.byMethod)
        .filter(([k]) => k.startsWith('Spreadsheet.'))
        .map(([k, v]) => [k.slice('Spreadsheet.'.length), v]),
    );
  };
  /** A sheet staff typed (first row the header). */
  const typed = (name: string, rows: unknown[][]) => {
    const sheet = ss.insertSheet(name);
    sheet.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
    return sheet;
  };
  return { cells, calls, typed };
}
