// The environment check's TextFinder probe (domain/finder-probe.ts): writes, in the scratch sheet
// the check already makes, cells the product's lookups must find or must not find, hides one row
// by hand (Sheet.hideRows) and one with a filter (Range.createFilter, FilterCriteriaBuilder
// setHiddenValues: "Class FilterCriteriaBuilder",
// https://developers.google.com/apps-script/reference/spreadsheet/filter-criteria-builder), then
// searches them with the product's own pattern builders (tables/patterns.ts memberId, exactly),
// joined and run exactly as every lookup runs them (tables/table.ts searchPattern, findAllCells).
// Never throws: a failure is one `different` line.

import type { ProbeResult } from '../domain/env-probes';
import {
  FINDER_PROBE_ID,
  FINDER_PROBE_KEY,
  FINDER_PROBE_PREFIX,
  FINDER_PROBES,
  type FinderSeen,
  judgeFinder,
} from '../domain/finder-probe';
import { errorText } from './mailer';
import { exactly, memberId } from './tables/patterns';
import { findAllCells, searchPattern } from './tables/table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Column of the probe cells and of the filter's hide/show marks (the check uses A–E). */
const CELLS = 7;
const MARKS = 8;

/** The probe, from `firstRow` of the scratch sheet (a header row, then one row per cell). */
export function finderProbes(sheet: Sheet, firstRow: number): ProbeResult[] {
  try {
    const cells = FINDER_PROBES.flatMap((probe, p) =>
      probe.cells.map((cell, i) => ({ p, i, cell })),
    );
    const rowOf = (k: number) => firstRow + 1 + k;
    cells.forEach(({ cell }, k) => {
      if (cell.format) sheet.getRange(rowOf(k), CELLS).setNumberFormat(cell.format);
    });
    const grid: unknown[][] = [['Probe', 'Filter']];
    for (const { cell } of cells)
      grid.push([cell.write, cell.place === 'hidden by a filter' ? 'hide' : 'show']);
    const area = sheet.getRange(firstRow, CELLS, grid.length, 2);
    area.setValues(grid);
    cells.forEach(({ cell }, k) => {
      if (cell.place === 'hidden by hideRows') sheet.hideRows(rowOf(k));
    });
    const filter = area.createFilter();
    filter.setColumnFilterCriteria(
      MARKS,
      SpreadsheetApp.newFilterCriteria().setHiddenValues(['hide']).build(),
    );
    SpreadsheetApp.flush();
    const pattern = searchPattern([
      memberId(FINDER_PROBE_ID, FINDER_PROBE_PREFIX),
      exactly(FINDER_PROBE_KEY),
    ]);
    // searchTables searches one sheet for one table, the whole spreadsheet for several: both.
    const id = sheet.getSheetId();
    const rowsFound = (found: GoogleAppsScript.Spreadsheet.Range[]) =>
      new Set(
        found
          .filter((r) => r.getSheet().getSheetId() === id && r.getColumn() === CELLS)
          .map((r) => r.getRow()),
      );
    const foundRows = rowsFound(findAllCells(sheet.createTextFinder(pattern)));
    const foundWide = rowsFound(findAllCells(sheet.getParent().createTextFinder(pattern)));
    const seen: FinderSeen[][] = FINDER_PROBES.map(() => []);
    cells.forEach(({ p, i, cell }, k) => {
      const row = rowOf(k);
      const s: FinderSeen = { found: foundRows.has(row), foundWide: foundWide.has(row) };
      if (cell.place === 'hidden by hideRows') s.hidden = sheet.isRowHiddenByUser(row);
      if (cell.place === 'hidden by a filter') s.hidden = sheet.isRowHiddenByFilter(row);
      seen[p][i] = s;
    });
    filter.remove();
    return FINDER_PROBES.map((probe, p) => judgeFinder(probe, seen[p]));
  } catch (error) {
    return [
      {
        name: 'Sheets TextFinder: the lookups the system makes / システムの検索',
        verdict: 'different',
        detail: `${errorText(error)} — send this report to the person who maintains the system / このレポートを担当者に送ってください`,
      },
    ];
  }
}
