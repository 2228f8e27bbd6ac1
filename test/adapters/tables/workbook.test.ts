// Workbook.active: the spreadsheet the script is bound to (SpreadsheetApp.getActiveSpreadsheet,
// "the currently active spreadsheet, or null if there is none" in the reference; a script bound
// to the office spreadsheet always has it). The other Workbook methods: lookups.test.ts, table.test.ts.
import { LocalRuntime } from '../../../local/runtime';
import { Workbook } from '../../../src/adapters/tables/workbook';

test('the workbook of an execution is the spreadsheet the script is bound to', () => {
  const rt = new LocalRuntime({ start: Date.parse('2024-07-01T09:00:00+09:00') });
  const office = rt.sheets.createSpreadsheet('Office');
  rt.sheets.createSpreadsheet('Another');
  rt.sheets.setContainer(office);
  const g = globalThis as unknown as { SpreadsheetApp?: unknown };
  const before = g.SpreadsheetApp;
  g.SpreadsheetApp = rt.sheets;
  try {
    const book = Workbook.active();
    expect(book.ss).toBe(office);
    expect(book.isOpen({ name: 'Sheet1', columns: [] })).toBe(false);
  } finally {
    g.SpreadsheetApp = before;
  }
});

test('a sheet looked up that does not exist is not an open table: flushAll writes the others', () => {
  const rt = new LocalRuntime({ start: Date.parse('2024-07-01T09:00:00+09:00') });
  const ss = rt.sheets.createSpreadsheet(
    'Office',
  ) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const people = { name: 'People', columns: [{ key: 'id', header: 'ID / 番号' }] };
  const missing = { name: 'Missing', columns: [{ key: 'id', header: 'ID / 番号' }] };
  const book = new Workbook(ss);
  expect(book.lookupTable(missing)).toBeNull();
  expect(book.isOpen(missing)).toBe(false);
  book.table(people).append({ id: 'P-1' });
  book.flushAll();
  expect(ss.getSheetByName('People')!.getRange(2, 1).getValue()).toBe('P-1');
  expect(ss.getSheetByName('Missing')).toBeNull();
});
