// What staff do to a shared sheet between executions, as the local runtime models it:
// Range.sort ("Class Range", sort(sortSpecObj): "Sorts the cells in the given range, by column
// and order specified"; https://developers.google.com/apps-script/reference/spreadsheet/range#sortsortspecobj),
// Sheet.moveColumns and Sheet.moveRows ("Class Sheet", moveColumns(columnSpec, destinationIndex):
// "Existing data is shifted right to make room for the moved columns while the source columns are
// removed from the grid"; https://developers.google.com/apps-script/reference/spreadsheet/sheet#movecolumnscolumnspec,-destinationindex).
// The TextFinder's index of the sheet stays right after each (cell-index.ts).
import type { LocalSheet } from '../../local/runtime/spreadsheet';
import { messageOf, oneSheet } from './helpers';

let sheet: LocalSheet;

beforeEach(() => {
  ({ sheet } = oneSheet('Applications'));
});

const values = () => sheet.getDataRange().getValues();
const found = (pattern: string) =>
  sheet
    .createTextFinder(pattern)
    .useRegularExpression(true)
    .findAll()
    .map((r) => r.getA1Notation());

describe('Range.sort(sortSpecObj)', () => {
  beforeEach(() => {
    sheet.getRange(1, 1, 6, 3).setValues([
      ['ID', 'Status', 'Amount'],
      ['r1', 'REJECTED', 3000],
      ['r2', 'ACCEPTED', 5000],
      ['r3', 'REVIEW', 1000],
      ['r4', 'ACCEPTED', 2000],
      ['r5', 'REJECTED', 5000],
    ]);
  });

  test('range.sort(2) sorts the rows by the sheet column B (the reference: sort(1) sorts A1:C7 "by the values in the first column (A)"); rows with the same key keep their order', () => {
    sheet.getRange(2, 1, 5, 3).sort(2);
    expect(values().map((r) => r[0])).toEqual(['ID', 'r2', 'r4', 'r1', 'r5', 'r3']);
  });

  test('{column: 3, ascending: false} sorts descending by column C; an array breaks ties by its next spec', () => {
    sheet.getRange(2, 1, 5, 3).sort({ column: 3, ascending: false });
    expect(values().map((r) => r[0])).toEqual(['ID', 'r2', 'r5', 'r1', 'r4', 'r3']);
    sheet.getRange(2, 1, 5, 3).sort([{ column: 3, ascending: false }, { column: 2 }]);
    expect(values().map((r) => r[0])).toEqual(['ID', 'r2', 'r5', 'r1', 'r4', 'r3']);
    // The reference's shorthand: [2, 1] is both ascending.
    sheet.getRange(2, 1, 5, 3).sort([2, { column: 1, ascending: false }]);
    expect(values().map((r) => r[0])).toEqual(['ID', 'r4', 'r2', 'r5', 'r1', 'r3']);
  });

  test('the whole row moves: formats, notes and the cells of every column of the range; columns outside the range and the header stay', () => {
    sheet.getRange(2, 4, 5, 1).setValues([['d1'], ['d2'], ['d3'], ['d4'], ['d5']]);
    sheet.getRange(3, 3).setNumberFormat('#,##0').setNote('r2 note');
    sheet.getRange(2, 1, 5, 3).sort(3);
    expect(values().map((r) => r[0])).toEqual(['ID', 'r3', 'r4', 'r1', 'r2', 'r5']);
    // Column D was not in the range: it stays where it was.
    expect(values().map((r) => r[3])).toEqual(['', 'd1', 'd2', 'd3', 'd4', 'd5']);
    expect(sheet.getRange(5, 3).getNote()).toBe('r2 note');
    expect(sheet.getRange(5, 3).getDisplayValue()).toBe('5,000');
    expect(sheet.getRange(3, 3).getNote()).toBe('');
  });

  test('empty cells go last in either direction; the last row with content follows', () => {
    sheet.getRange(7, 1, 1, 3).setValues([['r6', '', 10]]);
    sheet.getRange(2, 1, 7, 3).sort({ column: 2, ascending: false });
    expect(values().map((r) => r[0])).toEqual(['ID', 'r3', 'r1', 'r5', 'r2', 'r4', 'r6']);
    sheet.getRange(2, 1, 7, 3).sort(2);
    expect(values().map((r) => r[0])).toEqual(['ID', 'r2', 'r4', 'r1', 'r5', 'r3', 'r6']);
    expect(sheet.getLastRow()).toBe(7);
  });

  test('a sort column outside the range throws, and so does a spec that is not a column', () => {
    expect(messageOf(() => sheet.getRange(2, 1, 5, 2).sort(3))).toBe(
      'The column to sort by is outside the range.',
    );
    expect(messageOf(() => sheet.getRange(2, 1, 5, 2).sort('B'))).toMatch(
      /parameters \(String\) don't match the method signature for SpreadsheetApp\.Range\.sort/,
    );
  });

  test('a TextFinder finds each key in its new row after a sort (the index follows the rows)', () => {
    expect(found('^r2$')).toEqual(['A3']);
    expect(found('^REJECTED$')).toEqual(['B2', 'B6']);
    sheet.getRange(2, 1, 5, 3).sort(2);
    expect(found('^r2$')).toEqual(['A2']);
    expect(found('^r3$')).toEqual(['A6']);
    expect(found('^REJECTED$')).toEqual(['B4', 'B5']);
    // Written after the sort: found where it was written.
    sheet.getRange(6, 1).setValue('r9');
    expect(found('^r[39]$')).toEqual(['A6']);
  });
});

describe('Sheet.moveColumns(columnSpec, destinationIndex) and moveRows(rowSpec, destinationIndex)', () => {
  beforeEach(() => {
    sheet.getRange(1, 1, 3, 5).setValues([
      ['A', 'B', 'C', 'D', 'E'],
      ['a2', 'b2', 'c2', 'd2', 'e2'],
      ['a3', 'b3', 'c3', 'd3', 'e3'],
    ]);
  });

  test("the reference's example: A:B moved to index 5 become columns C:D (the index counts before the move)", () => {
    sheet.moveColumns(sheet.getRange('A1:B1'), 5);
    expect(values()).toEqual([
      ['C', 'D', 'A', 'B', 'E'],
      ['c2', 'd2', 'a2', 'b2', 'e2'],
      ['c3', 'd3', 'a3', 'b3', 'e3'],
    ]);
  });

  test('a column moved left takes its formats, notes and width with it; the TextFinder finds its cells there', () => {
    sheet.getRange(2, 4).setNote('d note');
    sheet.setColumnWidth(4, 250);
    expect(found('^d3$')).toEqual(['D3']);
    sheet.moveColumns(sheet.getRange('D2'), 2);
    expect(values()[0]).toEqual(['A', 'D', 'B', 'C', 'E']);
    expect(sheet.getRange(2, 2).getNote()).toBe('d note');
    expect(sheet.getColumnWidth(2)).toBe(250);
    expect(sheet.getColumnWidth(4)).toBe(100);
    expect(found('^d3$')).toEqual(['B3']);
    expect(found('^c3$')).toEqual(['D3']);
  });

  test('a column moved past the last one with content: the last column follows', () => {
    sheet.moveColumns(sheet.getRange('A1'), 8);
    expect(values()[0]).toEqual(['B', 'C', 'D', 'E', '', '', 'A']);
    expect(sheet.getLastColumn()).toBe(7);
  });

  test('moveRows: rows 1-2 moved to index 5 become rows 3-4 (the reference example); the TextFinder follows', () => {
    sheet.getRange(4, 1, 1, 5).setValues([['a4', 'b4', 'c4', 'd4', 'e4']]);
    sheet.moveRows(sheet.getRange('A1:A2'), 5);
    expect(values().map((r) => r[0])).toEqual(['a3', 'a4', 'A', 'a2']);
    expect(found('^a2$')).toEqual(['A4']);
  });

  test('an insertColumnsAfter in the middle shifts the columns right of it; the TextFinder follows', () => {
    sheet.insertColumnsAfter(2, 1);
    sheet.getRange(1, 3).setValue('Memo / メモ');
    expect(values()[0]).toEqual(['A', 'B', 'Memo / メモ', 'C', 'D', 'E']);
    expect(found('^e2$')).toEqual(['F2']);
  });
});
