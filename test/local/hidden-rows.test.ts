// Hidden rows and filters of the local SpreadsheetApp against the reference: "Class Sheet"
// (hideRows(rowIndex, numRows) "Hides one or more consecutive rows starting at the given index",
// showRows unhides them, isRowHiddenByUser, isRowHiddenByFilter), "Class Range" (createFilter,
// getFilter), "Class Filter" (setColumnFilterCriteria with the sheet's column position, remove)
// and "Class FilterCriteriaBuilder" (setHiddenValues: the reference's sample hides the cells of
// column C that are "hello" or "world"; whenTextEqualTo). Hiding changes nothing the script
// reads: values and the TextFinder see hidden rows (the team's reading of "Class TextFinder",
// whose findAll "Returns all cells matching the search criteria" and is silent on hidden rows;
// the environment check probes it on real Google: src/domain/finder-probe.ts).
import { RuntimeContext } from '../../local/runtime/context';
import {
  type LocalSheet,
  type LocalSpreadsheet,
  SpreadsheetService,
} from '../../local/runtime/spreadsheet';

let ctx: RuntimeContext;
let app: SpreadsheetService;
let ss: LocalSpreadsheet;
let sheet: LocalSheet;

beforeEach(() => {
  ctx = new RuntimeContext({ now: Date.UTC(2024, 6, 30), timeZone: 'Asia/Tokyo' });
  app = new SpreadsheetService(ctx);
  ss = app.createSpreadsheet('Bansou Net');
  app.setContainer(ss);
  sheet = ss.getSheets()[0];
  sheet.getRange(1, 1, 5, 3).setValues([
    ['ID', 'Status', 'Note'],
    ['BN-00001', 'hello', ''],
    ['BN-00002', 'world', ''],
    ['BN-00003', 'open', ''],
    ['BN-00004', 'hello', ''],
  ]);
});

const rowsFound = (text: string) =>
  sheet
    .createTextFinder(text)
    .useRegularExpression(true)
    .findAll()
    .map((r) => r.getRow());

describe('hidden rows (Class Sheet: hideRows, showRows, isRowHiddenByUser)', () => {
  test('hideRows(2, 2) hides rows 2 and 3; showRows(3) shows row 3 again', () => {
    sheet.hideRows(2, 2);
    expect([1, 2, 3, 4].map((r) => sheet.isRowHiddenByUser(r))).toEqual([false, true, true, false]);
    sheet.showRows(3);
    expect([2, 3].map((r) => sheet.isRowHiddenByUser(r))).toEqual([true, false]);
  });

  test('a hidden row keeps its values and is found by the TextFinder', () => {
    sheet.hideRows(3);
    expect(sheet.getRange(3, 1).getValue()).toBe('BN-00002');
    expect(rowsFound('^BN-0000[23]$')).toEqual([3, 4]);
  });

  test('a hidden row moves with rows inserted or deleted above it', () => {
    sheet.hideRows(3);
    sheet.insertRowsBefore(2, 2);
    expect([3, 5].map((r) => sheet.isRowHiddenByUser(r))).toEqual([false, true]);
    sheet.deleteRows(2, 2);
    expect(sheet.isRowHiddenByUser(3)).toBe(true);
  });

  test('rows out of the sheet are refused', () => {
    expect(() => sheet.hideRows(0)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.hideRows(1000, 2)).toThrow('Those rows are out of bounds.');
  });
});

describe('filters (Range.createFilter, Filter, FilterCriteriaBuilder)', () => {
  test('setHiddenValues(["hello", "world"]) on column B hides the rows showing them, not the header; the values and the TextFinder still see them', () => {
    const filter = sheet.getRange(1, 1, 5, 3).createFilter();
    filter.setColumnFilterCriteria(
      2,
      app.newFilterCriteria().setHiddenValues(['hello', 'world']).build(),
    );
    expect([1, 2, 3, 4, 5].map((r) => sheet.isRowHiddenByFilter(r))).toEqual([
      false,
      true,
      true,
      false,
      true,
    ]);
    expect(sheet.isRowHiddenByUser(2)).toBe(false);
    expect(sheet.getRange(2, 1, 4, 1).getValues()).toEqual([
      ['BN-00001'],
      ['BN-00002'],
      ['BN-00003'],
      ['BN-00004'],
    ]);
    expect(rowsFound('^BN-0000\\d$')).toEqual([2, 3, 4, 5]);
  });

  test('whenTextEqualTo("open") shows only the rows that are "open"', () => {
    sheet
      .getRange(1, 1, 5, 3)
      .createFilter()
      .setColumnFilterCriteria(2, app.newFilterCriteria().whenTextEqualTo('open').build());
    expect([2, 3, 4, 5].map((r) => sheet.isRowHiddenByFilter(r))).toEqual([
      true,
      true,
      false,
      true,
    ]);
  });

  test('one filter a sheet: getFilter returns it, a second is refused, remove() takes it away and shows its rows', () => {
    expect(sheet.getFilter()).toBeNull();
    const filter = sheet.getRange(1, 1, 5, 3).createFilter();
    filter.setColumnFilterCriteria(2, app.newFilterCriteria().setHiddenValues(['hello']).build());
    expect(sheet.getFilter()).toBe(filter);
    expect(sheet.getRange('A1').getFilter()).toBe(filter);
    expect(filter.getRange().getA1Notation()).toBe('A1:C5');
    expect(() => sheet.getRange(1, 1, 2, 2).createFilter()).toThrow('already has a filter');
    filter.remove();
    expect(sheet.getFilter()).toBeNull();
    expect(sheet.isRowHiddenByFilter(2)).toBe(false);
  });

  test("criteria on a column outside the filter are refused; null removes a column's criteria", () => {
    const filter = sheet.getRange(1, 1, 5, 2).createFilter();
    const criteria = app.newFilterCriteria().setHiddenValues(['hello']).build();
    expect(() => filter.setColumnFilterCriteria(3, criteria)).toThrow();
    filter.setColumnFilterCriteria(2, criteria);
    expect(filter.getColumnFilterCriteria(2)?.getHiddenValues()).toEqual(['hello']);
    filter.setColumnFilterCriteria(2, null);
    expect(sheet.isRowHiddenByFilter(2)).toBe(false);
  });
});
