// Lookups by key (README "Lookups by key", issue #15 item 2) on the local Sheets model: a table
// opened for lookups reads its header only, then the rows one TextFinder search found
// (Table.lookup, searchTables; "Class TextFinder": whole cell with ^…$, case-insensitive,
// regular expressions), appends without knowing where the data ends, and is read whole when a
// use case needs every row (Workbook.table), keeping its changes. Calls are counted by the runtime.
import { LocalRuntime } from '../../../local/runtime';
import { exactly } from '../../../src/adapters/tables/patterns';
import { searchTables, Table, type TableSpec } from '../../../src/adapters/tables/table';
import { Workbook } from '../../../src/adapters/tables/workbook';
import { officeTools } from './office';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// A fresh spec for every use (the header names are cached per spec object).
const people = () =>
  ({
    name: 'People',
    columns: [
      { key: 'id', header: 'ID / 番号', identity: true },
      { key: 'name', header: 'Name / 氏名' },
      { key: 'fee', header: 'Fee / 謝金' },
    ],
  }) as const satisfies TableSpec;

const notes = () =>
  ({
    name: 'Notes',
    columns: [
      { key: 'id', header: 'ID / 番号' },
      { key: 'note', header: 'Note / メモ' },
    ],
  }) as const satisfies TableSpec;

const HEADER = ['ID / 番号', 'Name / 氏名', 'Fee / 謝金'];

function office(people: number, options: { apostrophe?: 'keep' | 'drop' } = {}) {
  const rt = new LocalRuntime({
    start: Date.parse('2024-07-01T09:00:00+09:00'),
    textCellApostrophe: options.apostrophe,
  });
  const ss = rt.sheets.createSpreadsheet('Office') as unknown as Spreadsheet;
  const { typed, cells, calls } = officeTools(rt, ss);
  typed('People', [
    HEADER,
    ...Array.from({ length: people }, (_, i) => [`P-${i + 1}`, `N${i + 1}`, (i + 1) * 100]),
  ]);
  /** Every getSheetValues(row, column, rows, columns) made by `action`. */
  const reads = (action: () => void): number[][] => {
    const sheet = ss.getSheetByName('People')!;
    const spy = jest.spyOn(sheet, 'getSheetValues');
    try {
      action();
      return spy.mock.calls.map((c) => [...c]);
    } finally {
      spy.mockRestore();
    }
  };
  return { rt, ss, typed, cells, calls, reads };
}

const SEARCH = { createTextFinder: 1, useRegularExpression: 1, findAll: 1 };
const ids = (rows: { values: unknown[] }[]) => rows.map((r) => r.values[0]);

describe('opening a table for lookups', () => {
  test('a missing sheet is not created: null', () => {
    const { ss, calls } = office(2);
    expect(calls(() => expect(Table.openForLookups(ss, notes())).toBeNull())).toEqual({
      getSheetByName: 1,
    });
    expect(ss.getSheetByName('Notes')).toBeNull();
    expect(new Workbook(ss).lookupTable(notes())).toBeNull();
    expect(ss.getSheetByName('Notes')).toBeNull();
  });

  test('the header row only is read, in one getSheetValues of row 1; no row is held yet', () => {
    const { ss, calls, reads } = office(5);
    let table!: Table<'id' | 'name' | 'fee'>;
    expect(reads(() => (table = Table.openForLookups(ss, people())!))).toEqual([[1, 1, 1, -1]]);
    expect(calls(() => Table.openForLookups(ss, people()))).toEqual({
      getSheetByName: 1,
      getSheetValues: 1,
    });
    expect(table.isPartial()).toBe(true);
    expect(table.held()).toEqual([]);
    expect(table.columnNumber('fee')).toBe(3);
  });

  test('a sheet that lacks one of the columns is read whole, and the column added', () => {
    const { ss, typed, cells } = office(0);
    typed('Notes', [['ID / 番号'], ['P-1'], ['P-2']]);
    const table = Table.openForLookups(ss, notes())!;
    expect(table.isPartial()).toBe(false);
    expect(ids(table.held())).toEqual(['P-1', 'P-2']);
    expect(cells('Notes')[0]).toEqual(['ID / 番号', 'Note / メモ']);
  });

  test('a sheet with nothing in it (the header read fails) is read whole and gets its headers', () => {
    const { ss } = office(0);
    ss.insertSheet('Notes');
    const table = Table.openForLookups(ss, notes())!;
    expect(table.isPartial()).toBe(false);
    expect(table.held()).toEqual([]);
    expect(ss.getSheetByName('Notes')!.getRange(1, 1, 1, 2).getValues()).toEqual([
      ['ID / 番号', 'Note / メモ'],
    ]);
  });

  test('blank header cells after the last header (staff notes beyond it) are not columns: rows are read as wide as the header', () => {
    const { ss, reads } = office(3);
    ss.getSheetByName('People')!.getRange(3, 6).setValue('call back');
    const table = Table.openForLookups(ss, people())!;
    expect(table.isPartial()).toBe(true);
    expect(reads(() => table.lookup('id', [exactly('P-2')]))).toEqual([[3, 1, 1, 3]]);
    expect(table.held()[0].values).toEqual(['P-2', 'N2', 200]);
  });
});

describe('looking up rows by key', () => {
  test('one search, then only the rows found are read; the same search is not made again', () => {
    const { ss, calls, reads } = office(20);
    const table = Table.openForLookups(ss, people())!;
    let found: { rowNumber: number; values: unknown[] }[] = [];
    expect(calls(() => (found = table.lookup('id', [exactly('p-7')])))).toEqual({
      ...SEARCH,
      getSheetValues: 1,
    });
    expect(found).toEqual([{ rowNumber: 8, values: ['P-7', 'N7', 700] }]);
    expect(calls(() => expect(ids(table.lookup('id', [exactly('p-7')]))).toEqual(['P-7']))).toEqual(
      {},
    );
    expect(reads(() => table.lookup('id', [exactly('P-3')]))).toEqual([[4, 1, 1, 3]]);
  });

  test('what comes back is every row held, in sheet order, whichever search found it', () => {
    const { ss } = office(20);
    const table = Table.openForLookups(ss, people())!;
    table.lookup('id', [exactly('P-12')]);
    expect(ids(table.lookup('id', [exactly('P-3')]))).toEqual(['P-3', 'P-12']);
    expect(ids(table.held())).toEqual(['P-3', 'P-12']);
  });

  test('a match in another column or in the header row is no row found', () => {
    const { ss } = office(5);
    const table = Table.openForLookups(ss, people())!;
    expect(table.lookup('id', ['N2', 'ID / 番号', '300'])).toEqual([]);
    expect(table.lookup('name', ['N2'])).toEqual([{ rowNumber: 3, values: ['P-2', 'N2', 200] }]);
  });

  test('several patterns are one search; rows close together are one read, rows far apart one read each', () => {
    const { ss, calls, reads } = office(400);
    const table = Table.openForLookups(ss, people())!;
    // Rows 3 and 6: the two rows between cost fewer cells than a round trip.
    expect(reads(() => table.lookup('id', [exactly('P-2'), exactly('P-5')]))).toEqual([
      [3, 1, 4, 3],
    ]);
    expect(ids(table.held())).toEqual(['P-2', 'P-3', 'P-4', 'P-5']);
    // Row 401 is 394 rows (1,182 cells) after row 7: read alone.
    expect(calls(() => table.lookup('id', [exactly('P-6')]))).toEqual({
      ...SEARCH,
      getSheetValues: 1,
    });
    expect(calls(() => table.lookup('id', [exactly('P-7'), exactly('P-400')]))).toEqual({
      ...SEARCH,
      getSheetValues: 2,
    });
    expect(reads(() => table.lookup('id', [exactly('P-8'), exactly('P-399')]))).toEqual([
      [9, 1, 1, 3],
      [400, 1, 1, 3],
    ]);
    expect(ids(table.held())).toEqual([
      'P-2',
      'P-3',
      'P-4',
      'P-5',
      'P-6',
      'P-7',
      'P-8',
      'P-399',
      'P-400',
    ]);
  });

  test('a gap of exactly 1,000 cells is still read in one block', () => {
    const { ss, reads } = office(400);
    // Width 3: 333 rows between rows 2 and 336 are 999 cells, 334 rows between 2 and 337 1,002.
    const a = Table.openForLookups(ss, people())!;
    expect(reads(() => a.lookup('id', [exactly('P-1'), exactly('P-335')]))).toEqual([
      [2, 1, 335, 3],
    ]);
    const b = Table.openForLookups(ss, people())!;
    expect(reads(() => b.lookup('id', [exactly('P-1'), exactly('P-336')]))).toEqual([
      [2, 1, 1, 3],
      [337, 1, 1, 3],
    ]);
  });

  test('a cell that kept the apostrophe a writer put before an ID is found, and read without it', () => {
    const { ss } = office(0, { apostrophe: 'keep' });
    const sheet = ss.getSheetByName('People')!;
    sheet.getRange(2, 1, 1, 3).setNumberFormat('@');
    sheet.getRange(2, 1, 1, 3).setValues([["'P-1", 'N1', '100']]);
    expect(sheet.getRange(2, 1).getValue()).toBe("'P-1");
    const table = Table.openForLookups(ss, people())!;
    expect(ids(table.lookup('id', [exactly('P-1')]))).toEqual(['P-1']);
  });

  test('a key longer than a search pattern may be is found by reading the table whole', () => {
    const { ss, calls } = office(3);
    const long = 'x'.repeat(2001);
    ss.getSheetByName('People')!.getRange(3, 2).setValue(long);
    const table = Table.openForLookups(ss, people())!;
    let found: unknown[] = [];
    expect(calls(() => (found = ids(table.lookup('name', [exactly(long)]))))).toEqual({
      getSheetValues: 1,
    });
    expect(found).toEqual(['P-1', 'P-2', 'P-3']);
    expect(table.isPartial()).toBe(false);
  });

  test('a key of exactly 2,000 pattern characters is still searched for', () => {
    const { ss, calls } = office(3);
    const key = 'y'.repeat(2000);
    ss.getSheetByName('People')!.getRange(3, 2).setValue(key);
    const table = Table.openForLookups(ss, people())!;
    expect(calls(() => expect(ids(table.lookup('name', [key]))).toEqual(['P-2']))).toEqual({
      ...SEARCH,
      getSheetValues: 1,
    });
    expect(table.isPartial()).toBe(true);
  });

  test('a table read whole answers lookups from what it holds, without a search', () => {
    const { ss, calls } = office(3);
    const table = Table.open(ss, people());
    expect(
      calls(() => expect(ids(table.lookup('id', [exactly('P-9')]))).toEqual(['P-1', 'P-2', 'P-3'])),
    ).toEqual({});
    expect(table.pendingSearches('id', [exactly('P-9')])).toEqual({ column: 1, patterns: [] });
  });
});

describe('searching several tables at once (searchTables)', () => {
  function twoTables() {
    const o = office(5);
    o.typed('Notes', [
      ['ID / 番号', 'Note / メモ'],
      ['P-9', 'P-2 moved'],
      ['P-2', 'first visit'],
    ]);
    const book = new Workbook(o.ss);
    return { ...o, book, people: book.lookupTable(people())!, notes: book.lookupTable(notes())! };
  }

  test('two tables are one search of the spreadsheet; each keeps the rows found in its own key column', () => {
    const { ss, book, people, notes, calls } = twoTables();
    const onSpreadsheet = jest.spyOn(ss, 'createTextFinder');
    const onSheet = jest.spyOn(people.sheet, 'createTextFinder');
    expect(
      calls(() =>
        book.search([
          { table: people as Table<string>, key: 'id', patterns: [exactly('P-2')] },
          { table: notes as Table<string>, key: 'id', patterns: [exactly('P-2')] },
        ]),
      ),
    ).toEqual({ ...SEARCH, getSheetValues: 2 });
    expect(onSpreadsheet).toHaveBeenCalledTimes(1);
    expect(onSheet).not.toHaveBeenCalled();
    expect(onSpreadsheet.mock.calls[0][0]).toBe("^'?(?:P-2)$");
    expect(people.held()).toEqual([{ rowNumber: 3, values: ['P-2', 'N2', 200] }]);
    expect(notes.held()).toEqual([{ rowNumber: 3, values: ['P-2', 'first visit'] }]);
    // Both searches were made: the lookups ask nothing more.
    expect(calls(() => people.lookup('id', [exactly('P-2')]))).toEqual({});
    expect(calls(() => notes.lookup('id', [exactly('P-2')]))).toEqual({});
  });

  test('one table is searched on its own sheet, with each pattern once', () => {
    const { ss, people, notes } = twoTables();
    const onSpreadsheet = jest.spyOn(ss, 'createTextFinder');
    const onSheet = jest.spyOn(notes.sheet, 'createTextFinder');
    notes.lookup('note', []);
    expect(onSheet).not.toHaveBeenCalled();
    searchTables(ss, [
      { table: notes as Table<string>, key: 'id', patterns: ['P-2', 'P-9', 'P-2'] },
      { table: people as Table<string>, key: 'id', patterns: [] },
    ]);
    expect(onSpreadsheet).not.toHaveBeenCalled();
    expect(onSheet.mock.calls).toEqual([["^'?(?:P-2|P-9)$"]]);
    expect(ids(notes.held())).toEqual(['P-9', 'P-2']);
  });

  test('searches already made, or of tables read whole, make no search', () => {
    const { ss, book, people, calls } = twoTables();
    people.lookup('id', ['P-1']);
    const whole = book.table(notes());
    expect(
      calls(() =>
        searchTables(ss, [
          { table: people as Table<string>, key: 'id', patterns: ['P-1'] },
          { table: whole as Table<string>, key: 'id', patterns: ['P-2'] },
        ]),
      ),
    ).toEqual({});
  });

  test('only the patterns not searched yet are searched for', () => {
    const { ss, people } = twoTables();
    people.lookup('id', ['P-1']);
    expect(people.pendingSearches('id', ['P-1', 'P-3'])).toEqual({ column: 1, patterns: ['P-3'] });
    expect(people.pendingSearches('name', ['P-1'])).toEqual({ column: 2, patterns: ['P-1'] });
    const onSheet = jest.spyOn(people.sheet, 'createTextFinder');
    people.lookup('id', ['P-1', 'P-3']);
    expect(onSheet.mock.calls).toEqual([["^'?(?:P-3)$"]]);
    expect(ids(people.held())).toEqual(['P-1', 'P-3']);
    void ss;
  });
});

describe('writing through a table opened for lookups', () => {
  test('a changed cell of a row found is written to that row', () => {
    const { ss, cells, calls } = office(5);
    const table = Table.openForLookups(ss, people())!;
    const [row] = table.lookup('id', [exactly('P-4')]);
    table.set(row, 'fee', 450);
    expect(calls(() => table.flush())).toEqual({ getRange: 1, setValues: 1 });
    expect(cells('People')[4]).toEqual(['P-4', 'N4', 450]);
  });

  test('changes to more than three separate rows are written one run each (lookup mode never writes rows back as read)', () => {
    const { ss, cells, calls } = office(12);
    const table = Table.openForLookups(ss, people())!;
    const changed = ['P-1', 'P-4', 'P-7', 'P-10'];
    for (const r of table.lookup('id', changed))
      if (changed.includes(r.values[0] as string)) table.set(r, 'fee', 1);
    expect(calls(() => table.flush())).toEqual({ getRange: 1, setValues: 4 });
    expect(cells('People').map((r) => r[2])).toEqual([
      'Fee / 謝金',
      1,
      200,
      300,
      1,
      500,
      600,
      1,
      800,
      900,
      1,
      1100,
      1200,
    ]);
  });

  test('one new row is one appendRow; changed afterwards, it is written to the row it went to', () => {
    const { ss, cells, calls } = office(3);
    const table = Table.openForLookups(ss, people())!;
    const row = table.append({ id: 'P-4', name: 'N4' });
    expect(Number.isNaN(row.rowNumber)).toBe(true);
    expect(calls(() => table.flush())).toEqual({ appendRow: 1 });
    table.set(row, 'fee', 400);
    expect(row.rowNumber).toBe(5);
    table.flush();
    expect(cells('People')[4]).toEqual(['P-4', 'N4', 400]);
  });

  test('a row appended then found by a search is the same row, not read again', () => {
    const { ss, reads } = office(3);
    const table = Table.openForLookups(ss, people())!;
    const row = table.append({ id: 'P-4', name: 'N4' });
    table.flush();
    let found: unknown[] = [];
    expect(reads(() => (found = table.lookup('id', ['P-4'])))).toEqual([]);
    expect(found).toEqual([row]);
    expect(row.rowNumber).toBe(5);
  });

  test('several new rows are written in one block right after the last row', () => {
    const { ss, cells, calls } = office(3);
    const table = Table.openForLookups(ss, people())!;
    const a = table.append({ id: 'P-4' });
    const b = table.append({ id: 'P-5' });
    expect(calls(() => table.flush())).toEqual({
      getLastRow: 1,
      insertRowsAfter: 1,
      getRange: 1,
      setValues: 1,
    });
    expect([a.rowNumber, b.rowNumber]).toEqual([5, 6]);
    expect(cells('People').slice(4)).toEqual([
      ['P-4', '', ''],
      ['P-5', '', ''],
    ]);
    table.set(b, 'fee', 500);
    table.flush();
    expect(cells('People')[5]).toEqual(['P-5', '', 500]);
  });

  test('a row appended but not yet written stays after the rows found', () => {
    const { ss } = office(5);
    const table = Table.openForLookups(ss, people())!;
    table.append({ id: 'P-6' });
    expect(ids(table.lookup('id', ['P-5', 'P-2']))).toEqual(['P-2', 'P-3', 'P-4', 'P-5', 'P-6']);
  });
});

describe('a table opened for lookups, then needed whole', () => {
  test('Workbook.table reads it whole once, keeping the rows held and their changes; new rows come after the last row', () => {
    const { ss, cells, calls } = office(4);
    const book = new Workbook(ss);
    const table = book.lookupTable(people())!;
    const [p2] = table.lookup('id', ['P-2']);
    table.set(p2, 'fee', 250);
    const added = table.append({ id: 'P-5' });
    let whole!: Table<'id' | 'name' | 'fee'>;
    expect(calls(() => (whole = book.table(people())))).toEqual({ getSheetValues: 1 });
    expect(whole).toBe(table);
    expect(whole.isPartial()).toBe(false);
    expect(ids(whole.dataRows())).toEqual(['P-1', 'P-2', 'P-3', 'P-4', 'P-5']);
    expect(whole.dataRows()[1]).toBe(p2);
    expect(added.rowNumber).toBe(6);
    expect(calls(() => book.table(people()))).toEqual({});
    book.flushAll();
    expect(cells('People').slice(1)).toEqual([
      ['P-1', 'N1', 100],
      ['P-2', 'N2', 250],
      ['P-3', 'N3', 300],
      ['P-4', 'N4', 400],
      ['P-5', '', ''],
    ]);
  });

  test('a row appended and written in lookup mode keeps its place when the table is read whole', () => {
    const { ss, cells } = office(2);
    const book = new Workbook(ss);
    const table = book.lookupTable(people())!;
    const row = table.append({ id: 'P-3' });
    table.flush();
    expect(ids(book.table(people()).dataRows())).toEqual(['P-1', 'P-2', 'P-3']);
    expect(row.rowNumber).toBe(4);
    table.set(row, 'fee', 3);
    book.flushAll();
    expect(cells('People')[3]).toEqual(['P-3', '', 3]);
  });

  test('Workbook.tableIfExists also reads it whole; lookupTable gives the open table back', () => {
    const { ss, calls } = office(3);
    const book = new Workbook(ss);
    const table = book.lookupTable(people())!;
    expect(calls(() => expect(book.lookupTable(people())).toBe(table))).toEqual({});
    expect(book.isOpen(people())).toBe(true);
    expect(calls(() => expect(book.tableIfExists(people())).toBe(table))).toEqual({
      getSheetValues: 1,
    });
    expect(ids(table.held())).toEqual(['P-1', 'P-2', 'P-3']);
    expect(calls(() => expect(book.tableIfExists(people())).toBe(table))).toEqual({});
  });

  test('Workbook.tableIfExists: null for a missing sheet (nothing created), the table read whole otherwise', () => {
    const { ss, calls } = office(2);
    const book = new Workbook(ss);
    expect(book.tableIfExists(notes())).toBeNull();
    expect(ss.getSheetByName('Notes')).toBeNull();
    expect(book.isOpen(notes())).toBe(false);
    let t!: Table<'id' | 'name' | 'fee'> | null;
    expect(calls(() => (t = book.tableIfExists(people())))).toEqual({
      getSheetByName: 1,
      getSheetValues: 1,
    });
    expect(ids(t!.dataRows())).toEqual(['P-1', 'P-2']);
    expect(book.isOpen(people())).toBe(true);
    expect(book.lookupTable(people())).toBe(t);
  });
});

describe('what the tests above leave open (mutation testing)', () => {
  test('a sheet lacking a column is read whole as the existing sheet it is: several new rows get rows inserted', () => {
    const { ss, typed, calls, cells } = office(0);
    typed('Notes', [['ID / 番号'], ['P-1']]);
    const table = Table.openForLookups(ss, notes())!;
    table.append({ id: 'P-2' });
    table.append({ id: 'P-3' });
    expect(calls(() => table.flush())).toEqual({ insertRowsAfter: 1, getRange: 1, setValues: 1 });
    expect(cells('Notes').map((r) => r[0])).toEqual(['ID / 番号', 'P-1', 'P-2', 'P-3']);
  });

  test('changing a row found, after a new row was written, does not ask where the new row went', () => {
    const { ss, calls } = office(3);
    const table = Table.openForLookups(ss, people())!;
    const [p2] = table.lookup('id', ['P-2']);
    table.append({ id: 'P-4' });
    table.flush();
    expect(
      calls(() => {
        table.set(p2, 'fee', 1);
        table.flush();
      }),
    ).toEqual({ getRange: 1, setValues: 1 });
  });

  test('the rows a lookup gave stay as they were when later lookups bring in more', () => {
    const { ss } = office(10);
    const table = Table.openForLookups(ss, people())!;
    const first = table.lookup('id', ['P-2']);
    table.lookup('id', ['P-9']);
    expect(ids(first)).toEqual(['P-2']);
  });

  test('a search that finds nothing does not ask where a new row went; one that finds rows asks once', () => {
    const { ss, calls } = office(3);
    const table = Table.openForLookups(ss, people())!;
    table.append({ id: 'P-4' });
    table.flush();
    expect(calls(() => table.lookup('id', ['P-99']))).toEqual(SEARCH);
    expect(calls(() => table.lookup('id', ['P-1']))).toEqual({
      ...SEARCH,
      getLastRow: 1,
      getSheetValues: 1,
    });
    expect(calls(() => table.lookup('id', ['P-3']))).toEqual({ ...SEARCH, getSheetValues: 1 });
    expect(ids(table.held())).toEqual(['P-1', 'P-3', 'P-4']);
  });

  test('rows found out of sheet order are read in sheet order, close ones in one block', () => {
    const { ss, reads } = office(10);
    const table = Table.openForLookups(ss, people())! as Table<string>;
    expect(reads(() => table.receive('id', ['P-5|P-2'], [6, 3, 6]))).toEqual([[3, 1, 4, 3]]);
    expect(ids(table.held())).toEqual(['P-2', 'P-3', 'P-4', 'P-5']);
  });

  test('a gap of exactly 1,000 cells is read in one block (four columns: 250 rows)', () => {
    const { ss, reads } = office(300);
    ss.getSheetByName('People')!.getRange(1, 4).setValue('Staff note');
    const a = Table.openForLookups(ss, people())!;
    expect(reads(() => a.lookup('id', ['P-1', 'P-252']))).toEqual([[2, 1, 252, 4]]);
    const b = Table.openForLookups(ss, people())!;
    expect(reads(() => b.lookup('id', ['P-1', 'P-253']))).toEqual([
      [2, 1, 1, 4],
      [254, 1, 1, 4],
    ]);
  });

  test('a row held already and read again inside a block is kept once, with its changes', () => {
    const { ss } = office(10);
    const table = Table.openForLookups(ss, people())!;
    const [p3] = table.lookup('id', ['P-3']);
    table.set(p3, 'fee', 350);
    const rows = table.lookup('id', ['P-2', 'P-4']);
    expect(ids(rows)).toEqual(['P-2', 'P-3', 'P-4']);
    expect(rows[1]).toBe(p3);
    expect(table.get(rows[1], 'fee')).toBe(350);
  });

  test('two new rows not yet written follow the last row when the table is read whole', () => {
    const { ss, cells } = office(3);
    const book = new Workbook(ss);
    const table = book.lookupTable(people())!;
    const a = table.append({ id: 'P-4' });
    const b = table.append({ id: 'P-5' });
    book.table(people());
    expect([a.rowNumber, b.rowNumber]).toEqual([5, 6]);
    book.flushAll();
    expect(cells('People').map((r) => r[0])).toEqual([
      'ID / 番号',
      'P-1',
      'P-2',
      'P-3',
      'P-4',
      'P-5',
    ]);
  });

  test('two rows written one at a time (two appendRows) are placed in the order written', () => {
    const { ss, cells } = office(3);
    const table = Table.openForLookups(ss, people())!;
    const a = table.append({ id: 'P-4' });
    table.flush();
    const b = table.append({ id: 'P-5' });
    table.flush();
    table.set(a, 'fee', 4);
    expect([a.rowNumber, b.rowNumber]).toEqual([5, 6]);
    table.set(b, 'fee', 5);
    table.flush();
    expect(cells('People').slice(4)).toEqual([
      ['P-4', '', 4],
      ['P-5', '', 5],
    ]);
  });

  test('one key too long for a search among short ones: the table is read whole, no search', () => {
    const { ss, calls } = office(3);
    const table = Table.openForLookups(ss, people())!;
    let found: unknown[] = [];
    expect(calls(() => (found = ids(table.lookup('name', ['N2', 'z'.repeat(2001)]))))).toEqual({
      getSheetValues: 1,
    });
    expect(found).toEqual(['P-1', 'P-2', 'P-3']);
  });

  test("a match in another sheet's key column at the same place is not a row of this table", () => {
    const o = office(5);
    o.typed('Notes', [
      ['ID / 番号', 'Note / メモ'],
      ['P-9', 'P-2 moved'],
      ['P-2', 'first visit'],
    ]);
    const book = new Workbook(o.ss);
    const p = book.lookupTable(people())!;
    const n = book.lookupTable(notes())!;
    book.search([
      { table: p as Table<string>, key: 'id', patterns: ['P-9'] },
      { table: n as Table<string>, key: 'id', patterns: ['P-9'] },
    ]);
    expect(p.held()).toEqual([]);
    expect(ids(n.held())).toEqual(['P-9']);
  });

  test('an existing sheet with nothing in it, or one opened if it exists, is no sheet this execution created: several new rows get rows inserted', () => {
    const { ss, calls } = office(2);
    ss.insertSheet('Notes');
    const empty = Table.openForLookups(ss, notes())!;
    empty.append({ id: 'P-1' });
    empty.append({ id: 'P-2' });
    expect(calls(() => empty.flush()).insertRowsAfter).toBe(1);
    const people_ = Table.openIfExists(ss, people())!;
    people_.append({ id: 'P-3' });
    people_.append({ id: 'P-4' });
    expect(calls(() => people_.flush()).insertRowsAfter).toBe(1);
  });
});
