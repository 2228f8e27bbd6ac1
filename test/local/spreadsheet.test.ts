import * as vm from 'node:vm';
import { RuntimeContext } from '../../local/runtime/context';
import {
  type LocalSheet,
  type LocalSpreadsheet,
  SpreadsheetService,
} from '../../local/runtime/spreadsheet';
import { messageOf } from './helpers';

const TOKYO_OFFSET = 9 * 3600_000;
function tokyo(y: number, m: number, d: number, h = 0, mi = 0, s = 0): number {
  return Date.UTC(y, m - 1, d, h, mi, s) - TOKYO_OFFSET;
}

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
});

describe('SpreadsheetApp (SpreadsheetApp reference)', () => {
  test('getActiveSpreadsheet and getActive return the container spreadsheet', () => {
    expect(app.getActiveSpreadsheet()).toBe(ss);
    expect(app.getActive()).toBe(ss);
  });

  test('getActiveSpreadsheet returns the container inside a trigger too', () => {
    ctx.execution = { kind: 'trigger', functionName: 'onSubmit', user: 'a@x', id: 1 };
    expect(app.getActiveSpreadsheet()).toBe(ss);
  });

  test('a new spreadsheet has one sheet "Sheet1" of 1000 rows x 26 columns', () => {
    const fresh = app.createSpreadsheet('New');
    const sheets = fresh.getSheets();
    expect(sheets.map((s) => s.getName())).toEqual(['Sheet1']);
    expect(sheets[0].getMaxRows()).toBe(1000);
    expect(sheets[0].getMaxColumns()).toBe(26);
    expect(app.all()).toEqual([ss, fresh]);
  });

  test('openById finds a spreadsheet and an unknown id throws like Apps Script', () => {
    expect(app.openById(ss.getId())).toBe(ss);
    const err = (() => {
      try {
        app.openById('nope');
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(err?.name).toBe('Exception');
    expect(err?.message).toBe(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
  });

  test('openByUrl takes the …/spreadsheets/d/<id>/edit URL', () => {
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    expect(app.openByUrl(ss.getUrl())).toBe(ss);
    expect(app.openByUrl(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit#gid=0`)).toBe(
      ss,
    );
    expect(messageOf(() => app.openByUrl('https://example.com/x'))).toBe('Invalid argument: url');
  });

  test("getUi throws 'Cannot call SpreadsheetApp.getUi() from this context.' inside a trigger", () => {
    ctx.execution = { kind: 'editor', functionName: 'menu', user: 'a@x', id: 1 };
    expect(app.getUi()).toBe(app.ui);
    ctx.execution = { kind: 'trigger', functionName: 'monthly', user: 'a@x', id: 2 };
    expect(messageOf(() => app.getUi())).toBe(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
  });
});

describe('call counting and fault injection (RuntimeContext.call)', () => {
  test('each document method counts one round trip and the cells it moves', () => {
    ctx.counter.reset();
    const range = sheet.getRange(1, 1, 2, 3);
    range.setValues([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    range.getValues();
    sheet.getLastRow();
    app.flush();
    const counts = ctx.counter.counts;
    expect(counts.calls.Spreadsheet).toBe(5);
    expect(counts.byMethod).toEqual({
      'Spreadsheet.getRange': 1,
      'Spreadsheet.setValues': 1,
      'Spreadsheet.getValues': 1,
      'Spreadsheet.getLastRow': 1,
      'Spreadsheet.flush': 1,
    });
    expect(counts.cellsWritten).toBe(6);
    expect(counts.cellsRead).toBe(6);
  });

  test("a Range's own geometry, ids and builders are not round trips", () => {
    const range = sheet.getRange('B2:D4');
    ctx.counter.reset();
    range.getRow();
    range.getColumn();
    range.getNumRows();
    range.getNumColumns();
    range.getLastRow();
    range.getA1Notation();
    range.getSheet();
    range.offset(1, 1);
    ss.getId();
    sheet.getSheetId();
    app.newDataValidation().requireCheckbox().build();
    expect(ctx.counter.counts.calls.Spreadsheet).toBe(0);
  });

  test('a fault hook runs before the call and its exception reaches the script; nothing is written', () => {
    const range = sheet.getRange('A1');
    ctx.faults.push((service, method) => {
      if (service === 'Spreadsheet' && method === 'setValue') {
        throw new Error('Service Spreadsheets failed while accessing document with id x.');
      }
    });
    expect(messageOf(() => range.setValue('hello'))).toBe(
      'Service Spreadsheets failed while accessing document with id x.',
    );
    ctx.faults.length = 0;
    expect(range.getValue()).toBe('');
  });
});

describe('Spreadsheet (Spreadsheet reference)', () => {
  test('getSheetByName finds a sheet and returns null when it is absent', () => {
    expect(ss.getSheetByName('Sheet1')).toBe(sheet);
    expect(ss.getSheetByName('Members')).toBeNull();
  });

  test('insertSheet adds a named sheet at an index and makes it active', () => {
    const members = ss.insertSheet('Members');
    const first = ss.insertSheet('Settings', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Settings', 'Sheet1', 'Members']);
    expect(ss.getActiveSheet()).toBe(first);
    expect(members.getIndex()).toBe(3);
    expect(ss.insertSheet().getName()).toBe('Sheet4');
    expect(ss.getSheetById(members.getSheetId())).toBe(members);
  });

  test('insertSheet with a name in use throws the Sheets message', () => {
    ss.insertSheet('Members');
    expect(messageOf(() => ss.insertSheet('Members'))).toBe(
      'A sheet with the name "Members" already exists. Please enter another name.',
    );
    expect(messageOf(() => sheet.setName('members'))).toBe(
      'A sheet with the name "members" already exists. Please enter another name.',
    );
  });

  test('deleteSheet removes a sheet but never the last one', () => {
    const other = ss.insertSheet('Other');
    ss.deleteSheet(other);
    expect(ss.getSheetByName('Other')).toBeNull();
    expect(messageOf(() => ss.deleteSheet(sheet))).toBe(
      "You can't remove all the sheets in a document.",
    );
  });

  test('the spreadsheet time zone defaults to the context zone and can be changed', () => {
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Tokyo');
    ss.setSpreadsheetTimeZone('America/Los_Angeles');
    expect(ss.getSpreadsheetTimeZone()).toBe('America/Los_Angeles');
    expect(messageOf(() => ss.setSpreadsheetTimeZone('Mars/Base'))).toBe(
      'Invalid argument: Mars/Base',
    );
  });

  test('changing the zone keeps what a date cell shows, as Sheets stores wall-clock dates', () => {
    sheet.getRange('A1').setValue('2024/07/30 09:00');
    ss.setSpreadsheetTimeZone('UTC');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2024/07/30 9:00:00');
    expect((sheet.getRange('A1').getValue() as Date).getTime()).toBe(Date.UTC(2024, 6, 30, 9));
  });

  // What the product's time-zone handling relies on (src/domain/sheet-zone.ts). A cell holds a
  // serial number with no zone: the Sheets API calls SpreadsheetProperties.timeZone "the time zone
  // of the spreadsheet", and the googlesheets4 guide ("Dates and times", googlesheets4.tidyverse.org)
  // found that Sheets keeps no zone per value. The Apps Script reference for
  // setSpreadsheetTimeZone says nothing about values already stored; we model the serial kept as
  // it is (what the cell shows stays the same), as the test above does for a typed value.
  test('changing the zone moves the instant of a Date the script wrote: a Los Angeles wall-clock time read again in Tokyo is 16 hours earlier (PDT)', () => {
    ss.setSpreadsheetTimeZone('America/Los_Angeles');
    const written = Date.UTC(2024, 6, 30, 0, 0); // 09:00 in Tokyo, 17:00 (29 July) in Los Angeles
    sheet.getRange('A1').setValue(new Date(written));
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2024/07/29 17:00:00');
    ss.setSpreadsheetTimeZone('Asia/Tokyo');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2024/07/29 17:00:00');
    expect((sheet.getRange('A1').getValue() as Date).getTime()).toBe(written - 16 * 3600_000);
  });

  test('a time typed into a spreadsheet of another zone comes back as a Date on 1899-12-30 at that wall-clock time in that zone (Range.getValue reference: date/time values are Dates)', () => {
    ss.setSpreadsheetTimeZone('Europe/Paris');
    sheet.getRange('A1').setValue('19:00');
    const d = sheet.getRange('A1').getValue() as Date;
    // Paris kept local mean time (+0:09:21) until 1911: 19:00 there is 18:50:39 UTC.
    expect(d.getTime()).toBe(Date.UTC(1899, 11, 30, 18, 50, 39));
  });

  test('toast is recorded', () => {
    ss.toast('Done', 'Payments', 3);
    expect(ss.toasts).toEqual([{ message: 'Done', title: 'Payments', timeoutSeconds: 3 }]);
  });

  test('getRange on the spreadsheet reads a sheet-qualified A1 range', () => {
    const members = ss.insertSheet('My members');
    members.getRange('B2').setValue('x');
    expect(ss.getRange("'My members'!B2").getValue()).toBe('x');
    expect(ss.getRange("'My members'!B2").getSheet()).toBe(members);
  });
});

describe('Sheet geometry (Sheet reference)', () => {
  test('getLastRow and getLastColumn are 0 on an empty sheet', () => {
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getLastColumn()).toBe(0);
  });

  test('getLastRow and getLastColumn follow the last cell with content, also after clearing', () => {
    sheet.getRange(5, 3).setValue('x');
    sheet.getRange(2, 7).setValue(0);
    expect(sheet.getLastRow()).toBe(5);
    expect(sheet.getLastColumn()).toBe(7);
    sheet.getRange(5, 3).clearContent();
    sheet.getRange(2, 7).setValue('');
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getLastColumn()).toBe(0);
  });

  test('empty strings written by appendRow are not content', () => {
    sheet.appendRow(['a', '', null]);
    expect(sheet.getLastRow()).toBe(1);
    expect(sheet.getLastColumn()).toBe(1);
    sheet.appendRow(['', '', 'c']);
    expect(sheet.getLastRow()).toBe(2);
    expect(sheet.getLastColumn()).toBe(3);
  });

  test('a formula cell counts as content', () => {
    sheet.getRange(3, 2).setFormula('=1+1');
    expect(sheet.getLastRow()).toBe(3);
    expect(sheet.getLastColumn()).toBe(2);
  });

  test("getRange outside the grid throws 'The coordinates of the range are outside the dimensions of the sheet.' (Sheet.getRange reference)", () => {
    const msg = 'The coordinates of the range are outside the dimensions of the sheet.';
    expect(messageOf(() => sheet.getRange(1001, 1))).toBe(msg);
    expect(messageOf(() => sheet.getRange(1, 27))).toBe(msg);
    expect(messageOf(() => sheet.getRange(999, 1, 3, 1))).toBe(msg);
    expect(messageOf(() => sheet.getRange('A1001'))).toBe(msg);
  });

  test("getRange with 0 rows throws 'The number of rows in the range must be at least 1.' (the getLastRow() - 1 trap)", () => {
    sheet.appendRow(['header']);
    expect(messageOf(() => sheet.getRange(2, 1, sheet.getLastRow() - 1, 1))).toBe(
      'The number of rows in the range must be at least 1.',
    );
    expect(messageOf(() => sheet.getRange(1, 1, 1, 0))).toBe(
      'The number of columns in the range must be at least 1.',
    );
  });

  test('getRange with a row or column below 1 says the start is too small', () => {
    expect(messageOf(() => sheet.getRange(0, 1))).toBe(
      'The starting row of the range is too small.',
    );
    expect(messageOf(() => sheet.getRange(1, 0))).toBe(
      'The starting column of the range is too small.',
    );
  });

  test('getRange with a missing argument fails the method signature', () => {
    expect(messageOf(() => sheet.getRange(1, undefined as unknown as number, 2))).toBe(
      "The parameters (number,null,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
    expect(messageOf(() => sheet.getRange(null as unknown as number, 1))).toMatch(
      /^The parameters \(null,number\) don't match the method signature/,
    );
  });

  test('getRange accepts A1 notation: cells, blocks, whole columns and rows', () => {
    expect(sheet.getRange('B2:D10').getA1Notation()).toBe('B2:D10');
    const col = sheet.getRange('A:A');
    expect([col.getRow(), col.getNumRows(), col.getNumColumns()]).toEqual([1, 1000, 1]);
    const rows = sheet.getRange('2:3');
    expect([rows.getRow(), rows.getNumRows(), rows.getNumColumns()]).toEqual([2, 2, 26]);
    const open = sheet.getRange('C2:D');
    expect([open.getRow(), open.getColumn(), open.getNumRows()]).toEqual([2, 3, 999]);
    expect(sheet.getRange('Sheet1!$B$2').getA1Notation()).toBe('B2');
    expect(messageOf(() => sheet.getRange('not a range'))).toBe('Range not found');
  });

  test('getDataRange covers A1 to the last row and column with content', () => {
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('C4').setValue(1);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C4');
  });

  test('getSheetValues(1, 1, -1, -1) reads A1 to the last row and column with content in one call; an empty sheet throws', () => {
    sheet.getRange('C4').setValue(1);
    sheet.getRange('A1').setValue('ID');
    ctx.counter.reset();
    expect(sheet.getSheetValues(1, 1, -1, -1)).toEqual([
      ['ID', '', ''],
      ['', '', ''],
      ['', '', ''],
      ['', '', 1],
    ]);
    expect(sheet.getSheetValues(2, 3, -1, 1)).toEqual([[''], [''], [1]]);
    expect(sheet.getSheetValues(4, 2, 1, 2)).toEqual([['', 1]]);
    const counts = ctx.counter.reset();
    expect(counts.byMethod['Spreadsheet.getSheetValues']).toBe(3);
    expect(counts.calls.Spreadsheet).toBe(3);
    const empty = ss.insertSheet('Empty');
    expect(messageOf(() => empty.getSheetValues(1, 1, -1, -1))).toBe(
      'The number of rows in the range must be at least 1.',
    );
  });

  test('appendRow writes after the last row with content, not after the last row touched', () => {
    sheet.getRange('A1:B1').setValues([['ID', 'Name']]);
    sheet.getRange('A5').setBackground('#ff0000');
    sheet.appendRow(['BN-00001', 'Ana']);
    expect(sheet.getRange('A2:B2').getValues()).toEqual([['BN-00001', 'Ana']]);
    expect(sheet.getLastRow()).toBe(2);
  });

  test('appendRow grows the grid past the last row and column', () => {
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(['more']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1).getValue()).toBe('more');
    sheet.appendRow(new Array(30).fill('x'));
    expect(sheet.getMaxColumns()).toBe(30);
  });

  test('a batched write past the last row needs insertRowsAfter first', () => {
    expect(messageOf(() => sheet.getRange(999, 1, 5, 1))).toBe(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    sheet.insertRowsAfter(sheet.getMaxRows(), 10);
    expect(sheet.getMaxRows()).toBe(1010);
    sheet.getRange(999, 1, 5, 1).setValues([[1], [2], [3], [4], [5]]);
    expect(sheet.getLastRow()).toBe(1003);
  });

  test('insertRowsBefore and insertRows shift the rows below down, keeping their formats', () => {
    sheet.getRange('A1:A3').setValues([['a'], ['b'], ['c']]);
    sheet.getRange('A2').setFontWeight('bold');
    sheet.insertRowsBefore(2, 2);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([['a'], [''], [''], ['b'], ['c']]);
    expect(sheet.getRange('A4').getFontWeight()).toBe('bold');
    sheet.insertRows(1);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([[''], ['a']]);
    expect(sheet.getMaxRows()).toBe(1003);
  });

  test('insertColumnsAfter shifts columns right', () => {
    sheet.getRange('A1:B1').setValues([['a', 'b']]);
    sheet.insertColumnsAfter(1, 2);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['a', '', '', 'b']]);
    expect(sheet.getMaxColumns()).toBe(28);
  });

  test('deleteRow and deleteRows remove rows and shrink the grid', () => {
    sheet.getRange('A1:A4').setValues([['a'], ['b'], ['c'], ['d']]);
    sheet.deleteRow(2);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['a'], ['c'], ['d']]);
    sheet.deleteRows(1, 2);
    expect(sheet.getRange('A1').getValue()).toBe('d');
    expect(sheet.getLastRow()).toBe(1);
    expect(sheet.getMaxRows()).toBe(997);
    expect(messageOf(() => sheet.deleteRows(990, 20))).toBe('Those rows are out of bounds.');
    expect(messageOf(() => sheet.deleteRows(1, 997))).toBe(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
  });

  test('frozen rows and columns are kept', () => {
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(2);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getFrozenColumns()).toBe(2);
  });

  test('column widths default to 100 and can be set or fitted to the text', () => {
    expect(sheet.getColumnWidth(1)).toBe(100);
    sheet.setColumnWidth(1, 150);
    sheet.setColumnWidths(2, 2, 60);
    expect([sheet.getColumnWidth(1), sheet.getColumnWidth(2), sheet.getColumnWidth(3)]).toEqual([
      150, 60, 60,
    ]);
    sheet.getRange('D1:D2').setValues([['short'], ['a much longer piece of text']]);
    sheet.autoResizeColumns(4, 1);
    expect(sheet.getColumnWidth(4)).toBe('a much longer piece of text'.length * 7 + 10);
  });

  test('sheets can be hidden and shown, but not all of them', () => {
    const other = ss.insertSheet('Log');
    other.hideSheet();
    expect(other.isSheetHidden()).toBe(true);
    expect(messageOf(() => sheet.hideSheet())).toBe("You can't hide all the sheets in a document.");
    other.showSheet();
    expect(other.isSheetHidden()).toBe(false);
  });

  test('setTabColor stores a lower-case hex colour', () => {
    sheet.setTabColor('#FF0000');
    expect(sheet.getTabColor()).toBe('#ff0000');
  });

  test('clear removes contents and formats; clearContents keeps formats', () => {
    sheet.getRange('A1').setValue('x').setBackground('yellow').setNumberFormat('@');
    sheet.clearContents();
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(sheet.getRange('A1').getBackground()).toBe('#ffff00');
    sheet.getRange('A1').setValue('y');
    sheet.clear();
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(sheet.getRange('A1').getBackground()).toBe('#ffffff');
    expect(sheet.getRange('A1').getNumberFormat()).toBe('General');
  });

  test('a cell holds at most 50,000 characters', () => {
    expect(messageOf(() => sheet.getRange('A1').setValue('x'.repeat(50_001)))).toBe(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    sheet.getRange('A1').setValue('x'.repeat(50_000));
    expect((sheet.getRange('A1').getValue() as string).length).toBe(50_000);
  });

  test('a spreadsheet holds at most 10,000,000 cells', () => {
    sheet.insertColumnsAfter(26, 74); // 1000 x 100 = 100,000 cells
    sheet.insertRowsAfter(1000, 98_000); // 99,000 x 100 = 9,900,000 cells
    const limit =
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';
    expect(messageOf(() => sheet.insertRowsAfter(1, 1001))).toBe(limit);
    sheet.insertRowsAfter(1, 1000);
    expect(sheet.getMaxRows() * sheet.getMaxColumns()).toBe(10_000_000);
    expect(messageOf(() => ss.insertSheet('More'))).toBe(limit);
    sheet.getRange(100_000, 1).setValue('last');
    expect(messageOf(() => sheet.appendRow(['one more']))).toBe(limit);
  });
});

describe('Range values (Range reference)', () => {
  test('setValues then getValues returns numbers, booleans, Dates and strings; empty cells are ""', () => {
    const when = new Date(tokyo(2024, 7, 30, 14, 3, 12));
    sheet.getRange('A1:D1').setValues([[42, true, when, 'text']]);
    const [row] = sheet.getRange('A1:E1').getValues();
    expect(row.slice(0, 2)).toEqual([42, true]);
    expect((row[2] as Date).getTime()).toBe(when.getTime());
    expect(row.slice(3)).toEqual(['text', '']);
  });

  test('setValues with the wrong number of rows or columns throws the Apps Script message', () => {
    const range = sheet.getRange(1, 1, 2, 3);
    expect(messageOf(() => range.setValues([[1, 2, 3]]))).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(
      messageOf(() =>
        range.setValues([
          [1, 2, 3],
          [1, 2],
        ]),
      ),
    ).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
    expect(sheet.getLastRow()).toBe(0);
  });

  test('null and undefined are written as empty cells', () => {
    sheet.getRange('A1:B1').setValues([['x', 'y']]);
    sheet.getRange('A1:B1').setValues([[null, undefined]]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', '']]);
    expect(sheet.getLastRow()).toBe(0);
  });

  test('setValue on a block writes every cell; getValue reads the top-left one', () => {
    const range = sheet.getRange('A1:B2');
    range.setValue(7);
    expect(range.getValues()).toEqual([
      [7, 7],
      [7, 7],
    ]);
    expect(range.getValue()).toBe(7);
  });

  test('returned arrays are copies: changing them does not change the sheet', () => {
    sheet.getRange('A1').setValue('x');
    const values = sheet.getRange('A1').getValues();
    values[0][0] = 'changed';
    expect(sheet.getRange('A1').getValue()).toBe('x');
    const input = [['a']];
    sheet.getRange('B1').setValues(input);
    input[0][0] = 'b';
    expect(sheet.getRange('B1').getValue()).toBe('a');
  });

  test('getValues over a block gives, cell by cell, what getValue gives: formulas evaluated, numbers under date formats as fresh script-realm Dates (Range.getValues reference)', () => {
    const scriptRealm = vm.runInNewContext('({ Date })') as { Date: DateConstructor };
    ctx.realm = { Date: scriptRealm.Date };
    ss.setSpreadsheetTimeZone('America/Los_Angeles');
    const rows = 12;
    for (let i = 0; i < rows; i++) {
      // Across the 2024 spring-forward day, hour by hour.
      const when = new Date(Date.UTC(2024, 2, 10, 6 + i, 30));
      sheet
        .getRange(i + 2, 2, 1, 5)
        .setValues([[when, i * 1.5, i % 3 === 0 ? '' : `name ${i}`, 45000 + i, i % 2 === 0]]);
    }
    // Formats that change down a column: a date column with a plain-number row and a number
    // column with a date row.
    sheet.getRange('B5').setNumberFormat('0.00');
    sheet.getRange('E2:E13').setNumberFormat('yyyy-mm-dd');
    sheet.getRange('E7').setNumberFormat('#,##0');
    sheet.getRange('C9').setNumberFormat('yyyy-mm-dd hh:mm');
    sheet.getRange('D4').setFormula('=1+2');
    const range = sheet.getRange(1, 1, rows + 3, 8);
    const values = range.getValues();
    const again = range.getValues();
    expect(values).toHaveLength(rows + 3);
    let dates = 0;
    for (let i = 0; i < rows + 3; i++) {
      expect(values[i]).toHaveLength(8);
      for (let j = 0; j < 8; j++) {
        const one = sheet.getRange(i + 1, j + 1).getValue();
        const v = values[i][j];
        if (one instanceof scriptRealm.Date) {
          dates++;
          expect(v).toBeInstanceOf(scriptRealm.Date);
          expect((v as Date).getTime()).toBe(one.getTime());
          expect(again[i][j]).not.toBe(v);
        } else {
          expect(v).toBe(one);
        }
      }
    }
    expect(dates).toBe(rows - 1 + rows - 1 + 1);
    expect(values[3][3]).toBe(3);
    expect(values[4][1]).toBe(sheet.getRange('B5').getValue());
    expect(typeof values[4][1]).toBe('number');
    // A script may change a returned Date; the sheet keeps its value.
    const first = values[1][1] as Date;
    const ms = first.getTime();
    first.setTime(0);
    expect((range.getValues()[1][1] as Date).getTime()).toBe(ms);
  });

  test('returned Dates are made in the script realm (ctx.date) and Dates from another realm are read', () => {
    const scriptRealm = vm.runInNewContext('({ Date })') as { Date: DateConstructor };
    ctx.realm = { Date: scriptRealm.Date };
    const foreign = new scriptRealm.Date(tokyo(2024, 1, 2, 3, 4, 5));
    sheet.getRange('A1').setValue(foreign);
    const back = sheet.getRange('A1').getValue();
    expect(back).toBeInstanceOf(scriptRealm.Date);
    expect(back).not.toBeInstanceOf(Date);
    expect((back as Date).getTime()).toBe(foreign.getTime());
  });

  test('strings are read as typed: "=…" formulas, "00012" → 12, "2024/07/30" → Date, apostrophe keeps text (RULES R25)', () => {
    sheet
      .getRange('A1:F1')
      .setValues([['=1+2', '00012', '2024/07/30', "'00012", '090-1234-5678', '50%']]);
    const [row] = sheet.getRange('A1:F1').getValues();
    expect(row[0]).toBe(3);
    expect(row[1]).toBe(12);
    expect((row[2] as Date).getTime()).toBe(tokyo(2024, 7, 30));
    expect(row.slice(3)).toEqual(['00012', '090-1234-5678', 0.5]);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['=1+2', '']]);
    expect(sheet.getRange('A1').getFormula()).toBe('=1+2');
  });

  test('appendRow reads strings as typed too, and counts formula cells created from strings', () => {
    sheet.appendRow(['=HYPERLINK("http://x")', '+81 90', 'plain', '0312345678']);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([
      ['#NAME?', '#ERROR!', 'plain', 312345678],
    ]);
    expect(app.formulaCellsCreated()).toBe(2);
    sheet.getRange('E1').setFormula('=1');
    expect(app.formulaCellsCreated()).toBe(2);
  });

  test('a column formatted as plain text (@) keeps strings exactly as given', () => {
    sheet.getRange('A:A').setNumberFormat('@');
    sheet.getRange('A1:A4').setValues([['=1+1'], ['00012'], ['2024/07/30'], ['+81 90']]);
    expect(sheet.getRange('A1:A4').getValues()).toEqual([
      ['=1+1'],
      ['00012'],
      ['2024/07/30'],
      ['+81 90'],
    ]);
    expect(sheet.getRange('A1').getFormula()).toBe('');
    expect(app.formulaCellsCreated()).toBe(0);
  });

  test('a time-only cell is a Date on 1899-12-30 in the spreadsheet zone', () => {
    sheet.getRange('A1').setValue('14:03');
    const v = sheet.getRange('A1').getValue() as Date;
    expect(v.getTime()).toBe(tokyo(1899, 12, 30, 14, 3));
  });

  test('formulas with references and SUM read the sheet when read', () => {
    sheet.getRange('A1:B1').setValues([[2, 3]]);
    sheet.getRange('C1').setFormula('=SUM(A1:B1)*2');
    sheet.getRange('D1').setValue('=C1&" yen"');
    expect(sheet.getRange('C1:D1').getValues()).toEqual([[10, '10 yen']]);
    sheet.getRange('A1').setValue(5);
    expect(sheet.getRange('C1').getValue()).toBe(16);
    sheet.getRange('E1').setFormula('=E1+1');
    expect(sheet.getRange('E1').getValue()).toBe('#REF!');
  });

  test('isBlank is true only for a range with no values or formulas', () => {
    expect(sheet.getRange('A1:B2').isBlank()).toBe(true);
    sheet.getRange('B2').setValue(false);
    expect(sheet.getRange('A1:B2').isBlank()).toBe(false);
  });

  test('offset and getCell give ranges relative to a range', () => {
    const range = sheet.getRange('B2:C3');
    expect(range.offset(1, 1).getA1Notation()).toBe('C3:D4');
    expect(range.offset(0, 0, 1, 1).getA1Notation()).toBe('B2');
    expect(range.getCell(2, 2).getA1Notation()).toBe('C3');
    expect(range.getLastRow()).toBe(3);
    expect(range.getLastColumn()).toBe(3);
  });
});

describe('Display values and number formats (Range.getDisplayValues, Sheets number formats)', () => {
  function show(value: unknown, format?: string): string {
    const cell = sheet.getRange('A1');
    cell.clear();
    if (format !== undefined) cell.setNumberFormat(format);
    cell.setValue(value);
    return cell.getDisplayValue();
  }

  test('numbers without a format show as plain numbers; booleans as TRUE/FALSE', () => {
    expect(show(1234.5)).toBe('1234.5');
    expect(show(0.1 + 0.2)).toBe('0.3');
    expect(show(true)).toBe('TRUE');
    expect(show(false)).toBe('FALSE');
  });

  test('number formats #,##0, 0, 0.00 and yen', () => {
    expect(show(1234567.891, '#,##0')).toBe('1,234,568');
    expect(show(12.5, '0')).toBe('13');
    expect(show(3, '0.00')).toBe('3.00');
    expect(show(-1234.5, '#,##0.00')).toBe('-1,234.50');
    expect(show(8000, '"¥"#,##0')).toBe('¥8,000');
    expect(show(8000, '¥#,##0')).toBe('¥8,000');
    expect(show(8000, '[$¥-411]#,##0')).toBe('¥8,000');
    expect(show(0.256, '0.0%')).toBe('25.6%');
    expect(show(-5, '#,##0;(#,##0)')).toBe('(5)');
  });

  test('plain text format shows numbers as they are and strings unchanged', () => {
    expect(show(12, '@')).toBe('12');
    expect(show('00012', '@')).toBe('00012');
  });

  test('Dates show as yyyy/MM/dd H:mm:ss by default and time-only ones as H:mm:ss', () => {
    expect(show(new Date(tokyo(2024, 7, 30, 8, 5, 9)))).toBe('2024/07/30 8:05:09');
    expect(show(new Date(tokyo(1899, 12, 30, 14, 3)))).toBe('14:03:00');
  });

  test('date formats: mm is the month except next to hours or seconds', () => {
    const d = new Date(tokyo(2024, 7, 3, 14, 5, 9));
    expect(show(d, 'yyyy-mm-dd')).toBe('2024-07-03');
    expect(show(d, 'yyyy/mm/dd hh:mm')).toBe('2024/07/03 14:05');
    expect(show(d, 'yyyy/MM/dd H:mm:ss')).toBe('2024/07/03 14:05:09');
    expect(show(d, 'mm:ss')).toBe('05:09');
    expect(show(d, 'd mmm yyyy')).toBe('3 Jul 2024');
    expect(show(d, 'h:mm am/pm')).toBe('2:05 PM');
    expect(show(d, 'ddd')).toBe('Wed');
  });

  test('typed dates keep the format they were typed in', () => {
    expect(show('2024/7/3')).toBe('2024/07/03');
    expect(show('2024-07-30')).toBe('2024-07-30');
    expect(show('2024/07/30 14:03:12')).toBe('2024/07/30 14:03:12');
    expect(show('14:03')).toBe('14:03');
    expect(show('50%')).toBe('50%');
    expect(show('1,234')).toBe('1,234');
  });

  test('a date column keeps its format when a date is typed in another style', () => {
    sheet.getRange('A2').setNumberFormat('yyyy-mm-dd').setValue('2024/07/30');
    expect(sheet.getRange('A2').getDisplayValue()).toBe('2024-07-30');
    expect(sheet.getRange('A2').getNumberFormat()).toBe('yyyy-mm-dd');
  });

  test('a number written into a date-formatted cell reads back as a Date, as in Sheets', () => {
    sheet.getRange('A2').setNumberFormat('yyyy/MM/dd').setValue(45503);
    expect((sheet.getRange('A2').getValue() as Date).getTime()).toBe(tokyo(2024, 7, 30));
    sheet.getRange('A2').setNumberFormat('0');
    expect(sheet.getRange('A2').getValue()).toBe(45503);
  });

  test('getNumberFormats and setNumberFormats work per cell; a fresh cell is General', () => {
    const range = sheet.getRange('A1:B1');
    expect(range.getNumberFormats()).toEqual([['General', 'General']]);
    range.setNumberFormats([['@', '#,##0']]);
    expect(range.getNumberFormats()).toEqual([['@', '#,##0']]);
  });
});

describe('Range styles, notes and validation (Range reference)', () => {
  test('backgrounds are lower-case hex, white by default, null resets', () => {
    const range = sheet.getRange('A1:B1');
    expect(range.getBackground()).toBe('#ffffff');
    range.setBackgrounds([['#D9EAD3', 'red']]);
    expect(range.getBackgrounds()).toEqual([['#d9ead3', '#ff0000']]);
    range.setBackground(null);
    expect(range.getBackgrounds()).toEqual([['#ffffff', '#ffffff']]);
  });

  test('font weight, colour, wrap, alignment and notes are kept', () => {
    const range = sheet.getRange('A1:B1');
    range.setFontWeight('bold').setFontColor('#0000FF').setWrap(true);
    range.setHorizontalAlignment('center').setNote('header');
    expect(range.getFontWeights()).toEqual([['bold', 'bold']]);
    expect(range.getFontColor()).toBe('#0000ff');
    expect(range.getWrap()).toBe(true);
    expect(range.getHorizontalAlignment()).toBe('center');
    expect(range.getNotes()).toEqual([['header', 'header']]);
    range.setFontWeights([['normal', 'bold']]);
    expect(range.getFontWeights()).toEqual([['normal', 'bold']]);
    expect(sheet.getRange('C1').getFontWeight()).toBe('normal');
  });

  test('data validation builder: requireValueInList with help text, read back from the cells', () => {
    const rule = app
      .newDataValidation()
      .requireValueInList(['ACCEPTED', 'REJECTED'], true)
      .setAllowInvalid(false)
      .setHelpText('Pick one')
      .build();
    sheet.getRange('C2:C3').setDataValidation(rule);
    const got = sheet.getRange('C2').getDataValidation();
    expect(got?.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(got?.getCriteriaValues()).toEqual([['ACCEPTED', 'REJECTED'], true]);
    expect(got?.getHelpText()).toBe('Pick one');
    expect(got?.getAllowInvalid()).toBe(false);
    expect(sheet.getRange('C1:C2').getDataValidations()).toEqual([[null], [rule]]);
  });

  test('a new validation builder allows invalid data, like the reference default', () => {
    const rule = app.newDataValidation().requireCheckbox().build();
    expect(rule.getAllowInvalid()).toBe(true);
    expect(rule.getCriteriaType()).toBe('CHECKBOX');
  });

  test('a strict rule rejects a value the script writes; an allowed one or a lenient rule passes', () => {
    const strict = app.newDataValidation().requireValueInList(['A', 'B']).setAllowInvalid(false);
    sheet.getRange('A1:A2').setDataValidation(strict.build());
    sheet.getRange('A1').setValue('A');
    expect(messageOf(() => sheet.getRange('A1:A2').setValues([['B'], ['Z']]))).toBe(
      'The data you entered in cell A2 violates the data validation rules set on this cell.',
    );
    expect(sheet.getRange('A1').getValue()).toBe('A');
    sheet.getRange('B1').setDataValidation(app.newDataValidation().requireCheckbox().build());
    sheet.getRange('B1').setValue('anything');
    expect(sheet.getRange('B1').getValue()).toBe('anything');
  });

  test('conditional format rules are built, set and read back', () => {
    const range = sheet.getRange('D2:D100');
    const rule = app
      .newConditionalFormatRule()
      .whenTextEqualTo('REJECTED')
      .setBackground('#f4cccc')
      .setFontColor('#990000')
      .setRanges([range])
      .build();
    const custom = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$E2="REVIEW"')
      .setBackground('#fff2cc')
      .setRanges([sheet.getRange('A2:H100')])
      .build();
    sheet.setConditionalFormatRules([rule, custom]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(2);
    expect(rules[0].getRanges()[0].getA1Notation()).toBe('D2:D100');
    expect(rules[0].getBooleanCondition().getCriteriaType()).toBe('TEXT_EQUAL_TO');
    expect(rules[0].getBooleanCondition().getCriteriaValues()).toEqual(['REJECTED']);
    expect(rules[1].getBooleanCondition().getCriteriaValues()).toEqual(['=$E2="REVIEW"']);
    expect(rules[1].getBooleanCondition().getBackground()).toBe('#fff2cc');
  });
});

describe('Protection (Protection reference)', () => {
  test('sheet protection records description, warning-only, editors and unprotected ranges', () => {
    ctx.execution = { kind: 'editor', functionName: 'setup', user: 'staff@x', id: 1 };
    const protection = sheet.protect().setDescription('Ledger');
    expect(protection.getEditors().map((u) => u.getEmail())).toEqual([
      'owner@example.com',
      'staff@x',
    ]);
    protection.addEditor('clerk@x');
    protection.removeEditors(protection.getEditors());
    // The owner always stays an editor.
    expect(protection.getEditors().map((u) => u.getEmail())).toEqual(['owner@example.com']);
    protection.setWarningOnly(true);
    expect(protection.isWarningOnly()).toBe(true);
    protection.setUnprotectedRanges([sheet.getRange('F2:F')]);
    expect(protection.getUnprotectedRanges()[0].getA1Notation()).toBe('F2:F1000');
    expect(sheet.protect()).toBe(protection);
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toEqual([protection]);
    expect(protection.getDescription()).toBe('Ledger');
  });

  test('range protections are listed by type and can be removed', () => {
    const p = sheet.getRange('A1:C1').protect().setDescription('Headers');
    expect(p.getProtectionType()).toBe('RANGE');
    expect(p.getRange().getA1Notation()).toBe('A1:C1');
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toEqual([p]);
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toEqual([]);
    p.remove();
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toEqual([]);
  });
});

describe('Ui (Ui reference)', () => {
  test('menus are recorded with items, separators and sub-menus', () => {
    const ui = app.getUi();
    const sub = ui.createMenu('Advanced').addItem('Re-decide all', 'redecideAll');
    ui.createMenu('Bansou Net').addItem('Set up', 'setup').addSeparator().addSubMenu(sub).addToUi();
    expect(app.ui.menus).toEqual([
      {
        name: 'Bansou Net',
        items: [
          { caption: 'Set up', functionName: 'setup' },
          'separator',
          {
            caption: 'Advanced',
            items: [{ caption: 'Re-decide all', functionName: 'redecideAll' }],
          },
        ],
      },
    ]);
  });

  test('alert and prompt answer from queued answers and are recorded', () => {
    const ui = app.getUi();
    app.ui.queueAnswer({ button: 'YES' });
    app.ui.queueAnswer({ button: 'OK', text: '2024-07' });
    expect(ui.alert('Run payments?', 'For 2024-07', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    const answer = ui.prompt('Which month?', ui.ButtonSet.OK_CANCEL);
    expect(answer.getSelectedButton()).toBe(ui.Button.OK);
    expect(answer.getResponseText()).toBe('2024-07');
    expect(app.ui.dialogs).toEqual([
      { kind: 'alert', title: 'Run payments?', prompt: 'For 2024-07', buttons: 'YES_NO' },
      { kind: 'prompt', title: '', prompt: 'Which month?', buttons: 'OK_CANCEL' },
    ]);
  });

  test('with no queued answer alert returns OK and prompt returns CANCEL with empty text', () => {
    const ui = app.getUi();
    expect(ui.alert('Hello')).toBe('OK');
    const answer = ui.prompt('Name?');
    expect(answer.getSelectedButton()).toBe('CANCEL');
    expect(answer.getResponseText()).toBe('');
  });
});

describe('sheetsData: what staff see, for the .xlsx export (world API)', () => {
  test('exports values, display values, formats, styles, frozen rows, widths, validations and protections', () => {
    const payments = ss.insertSheet('Payments 2024-07');
    payments
      .getRange('A1:C1')
      .setValues([['ID', 'Amount', 'Paid on']])
      .setFontWeight('bold');
    payments.getRange('A1:C1').setBackground('#cfe2f3');
    payments.getRange('B:B').setNumberFormat('#,##0');
    payments.appendRow(['BN-00001', 8000, '2024/08/01']);
    payments.setFrozenRows(1);
    payments.setColumnWidth(1, 120);
    payments
      .getRange('D2:D3')
      .setDataValidation(app.newDataValidation().requireValueInList(['Yes', 'No']).build());
    payments.protect().setDescription('Generated');

    const data = ss.sheetsData().find((s) => s.name === 'Payments 2024-07');
    expect(data).toBeDefined();
    if (!data) return;
    expect(data.lastRow).toBe(2);
    expect(data.values[1].slice(0, 2)).toEqual(['BN-00001', 8000]);
    expect((data.values[1][2] as Date).getTime()).toBe(tokyo(2024, 8, 1));
    expect(data.displayValues[1]).toEqual(['BN-00001', '8,000', '2024/08/01']);
    expect(data.numberFormats[1]).toEqual(['', '#,##0', 'yyyy/MM/dd']);
    expect(data.backgrounds[0]).toEqual(['#cfe2f3', '#cfe2f3', '#cfe2f3']);
    expect(data.fontWeights[0]).toEqual(['bold', 'bold', 'bold']);
    expect(data.fontWeights[1][0]).toBe('normal');
    expect(data.frozenRows).toBe(1);
    expect(data.columnWidths.slice(0, 3)).toEqual([120, 100, 100]);
    expect(data.dataValidations).toEqual([
      {
        a1: 'D2:D3',
        type: 'VALUE_IN_LIST',
        values: ['Yes', 'No'],
        allowInvalid: true,
        helpText: '',
      },
    ]);
    expect(data.protections).toEqual([
      {
        type: 'SHEET',
        a1: null,
        description: 'Generated',
        warningOnly: false,
        editors: ['owner@example.com'],
        unprotectedRanges: [],
      },
    ]);
  });

  test('sheetsData is not a round trip', () => {
    sheet.getRange('A1').setValue(1);
    ctx.counter.reset();
    ss.sheetsData();
    expect(ctx.counter.counts.calls.Spreadsheet).toBe(0);
  });
});

describe('performance on benchmark-sized sheets', () => {
  test('50,000 rows are written and read back in one call each (speed is measured by the bench, not by a timer)', () => {
    const rows = 50_000;
    sheet.insertRowsAfter(1000, rows - 1000);
    const data = Array.from({ length: rows }, (_, i) => [`BN-${i}`, i, 'x', i % 2 === 0]);
    sheet.getRange(1, 1, rows, 4).setValues(data);
    const back = sheet.getDataRange().getValues();
    expect(back).toHaveLength(rows);
    expect(back[rows - 1]).toEqual([`BN-${rows - 1}`, rows - 1, 'x', false]);
    expect(sheet.getLastRow()).toBe(rows);

    // Appending rows one by one keeps the last row/column right (cached, and kept up to date).
    for (let i = 0; i < 2000; i++) {
      sheet.appendRow([`BN-x${i}`, i, '', '']);
      expect(sheet.getLastColumn()).toBe(4);
    }
    expect(sheet.getLastRow()).toBe(rows + 2000);
  });
});
