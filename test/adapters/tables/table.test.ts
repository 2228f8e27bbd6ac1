// The spreadsheet as tables (src/store/table.ts, workbook.ts) on the local Sheets model: sheets
// found by name, columns by header (R24), read once, changes written back in few calls, every
// string written as text (R25). Calls are counted by the runtime.
import { LocalRuntime } from '../../../local/runtime';
import { exactly } from '../../../src/adapters/tables/patterns';
import {
  appendRows,
  columnIndexes,
  createSheet,
  normalizeHeader,
  readStaffDatesWith,
  Table,
  type TableSpec,
} from '../../../src/adapters/tables/table';
import { Workbook } from '../../../src/adapters/tables/workbook';
import { officeTools } from './office';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// A fresh spec for every use: the store caches each column's header names per spec object, and
// a shared one would let only the first test exercise that code (mutation testing's coverage).
const people = () =>
  ({
    name: 'People',
    columns: [
      { key: 'id', header: 'ID / 番号', identity: true },
      { key: 'name', header: 'Name / 氏名', aliases: ['Full name'], width: 140 },
      { key: 'joined', header: 'Joined / 登録日', numberFormat: 'yyyy-mm-dd' },
      { key: 'fee', header: 'Fee / 謝金' },
    ],
  }) as const satisfies TableSpec;

function office() {
  const rt = new LocalRuntime({ start: Date.parse('2024-07-01T09:00:00+09:00') });
  const local = rt.sheets.createSpreadsheet('Office');
  const ss = local as unknown as Spreadsheet;
  return { rt, ss, ...officeTools(rt, ss) };
}

describe('opening a table', () => {
  test('a missing sheet is created with the bilingual headers in bold, the header row frozen, formats and widths set', () => {
    const { ss, cells } = office();
    const table = Table.open(ss, people());
    expect(table.created).toBe(true);
    expect(table.rows).toEqual([]);
    expect(cells('People')).toEqual([
      ['ID / 番号', 'Name / 氏名', 'Joined / 登録日', 'Fee / 謝金'],
    ]);
    const sheet = ss.getSheetByName('People')!;
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getRange(1, 1).getFontWeight()).toBe('bold');
    expect(sheet.getRange(1, 1).getBackground()).toBe('#e8eef7');
    expect(sheet.getRange(2, 3).getNumberFormat()).toBe('yyyy-mm-dd');
    expect(sheet.getRange(sheet.getMaxRows(), 3).getNumberFormat()).toBe('yyyy-mm-dd');
    expect(sheet.getColumnWidth(2)).toBe(140);
  });

  test('an existing sheet is read whole in one getSheetValues(1, 1, -1, -1); columns are found by either half of the header, an alias, any case and width of characters', () => {
    const { ss, calls, typed } = office();
    typed('People', [
      ['my notes', 'ｆｅｅ', 'full  NAME', '番号', 'Joined / 登録日'],
      ['x', '4000', 'Aiko', 'P-1', ''],
      ['', '', '', 'P-2', ''],
    ]);
    let table!: Table<'id' | 'name' | 'joined' | 'fee'>;
    expect(calls(() => (table = Table.open(ss, people())))).toEqual({
      getSheetByName: 1,
      getSheetValues: 1,
    });
    expect(table.created).toBe(false);
    expect(table.columnNumber('id')).toBe(4);
    expect(table.columnNumber('name')).toBe(3);
    expect(table.columnNumber('joined')).toBe(5);
    expect(table.columnNumber('fee')).toBe(2);
    expect(table.rows.map((r) => r.rowNumber)).toEqual([2, 3]);
    expect(table.get(table.rows[0], 'name')).toBe('Aiko');
    expect(table.get(table.rows[1], 'id')).toBe('P-2');
  });

  test('a sheet staff emptied entirely is read in the two-call way and gets its headers back', () => {
    const { ss, calls, cells } = office();
    ss.insertSheet('People');
    let table!: Table<'id' | 'name' | 'joined' | 'fee'>;
    expect(calls(() => (table = Table.open(ss, people())))).toEqual({
      getSheetByName: 1,
      getDataRange: 1,
      getValues: 1,
      getMaxColumns: 1,
      getRange: 1,
      setValues: 1,
    });
    expect(table.rows).toEqual([]);
    expect(cells('People')).toEqual([
      ['ID / 番号', 'Name / 氏名', 'Joined / 登録日', 'Fee / 謝金'],
    ]);
  });

  test('the first of two columns with the same header is the one used', () => {
    const { ss, typed } = office();
    typed('People', [
      ['ID', 'ID', 'Name', 'Joined', 'Fee'],
      ['first', 'second', '', '', ''],
    ]);
    const table = Table.open(ss, people());
    expect(table.get(table.rows[0], 'id')).toBe('first');
  });

  test('a column the sheet lacks is added at the right with its header; staff columns stay', () => {
    const { ss, cells, typed } = office();
    typed('People', [
      ['ID / 番号', 'Notes', 'Name / 氏名'],
      ['P-1', 'call back', 'Aiko'],
    ]);
    const table = Table.open(ss, people());
    expect(table.has('joined')).toBe(true);
    expect(table.columnNumber('joined')).toBe(4);
    expect(table.columnNumber('fee')).toBe(5);
    expect(cells('People')[0]).toEqual([
      'ID / 番号',
      'Notes',
      'Name / 氏名',
      'Joined / 登録日',
      'Fee / 謝金',
    ]);
    // The row read before the header was added is padded to the new width.
    expect(table.rows[0].values).toEqual(['P-1', 'call back', 'Aiko', '', '']);
  });

  test('opened again after columns were added, a table finds them (a header read before, shorter, is not taken for the new one)', () => {
    const { ss, cells, typed } = office();
    const spec = people();
    typed('People', [
      ['ID / 番号', 'Notes', 'Name / 氏名'],
      ['P-1', 'call back', 'Aiko'],
    ]);
    Table.open(ss, spec); // adds Joined and Fee
    const again = Table.open(ss, spec);
    expect([again.columnNumber('joined'), again.columnNumber('fee')]).toEqual([4, 5]);
    expect(cells('People')[0]).toHaveLength(5);
  });

  test('a sheet with an empty header row gets the headers from the first column', () => {
    const { ss, cells } = office();
    ss.insertSheet('People');
    Table.open(ss, people());
    expect(cells('People')).toEqual([
      ['ID / 番号', 'Name / 氏名', 'Joined / 登録日', 'Fee / 謝金'],
    ]);
  });

  test('a sheet narrower than the columns needed is widened first', () => {
    const { ss, cells } = office();
    const sheet = ss.insertSheet('People');
    sheet.deleteColumns(3, sheet.getMaxColumns() - 2);
    sheet.getRange(1, 1, 1, 2).setValues([['Notes', 'More notes']]);
    const table = Table.open(ss, people());
    expect(table.columnNumber('fee')).toBe(6);
    expect(cells('People')[0]).toHaveLength(6);
  });

  test('an identity column renamed while the sheet has rows stops the job and writes nothing (R1)', () => {
    const { ss, cells, typed } = office();
    typed('People', [
      ['Member number', 'Name / 氏名'],
      ['P-1', 'Aiko'],
    ]);
    const before = cells('People');
    expect(() => Table.open(ss, people())).toThrow(
      'Sheet "People" has rows but no column "ID / 番号". Was its header renamed? Restore the header text and the work resumes (nothing was written).',
    );
    expect(cells('People')).toEqual(before);
  });

  test('an identity column missing from a sheet with no data rows is simply added', () => {
    const { ss, typed } = office();
    typed('People', [['Name / 氏名'], ['']]);
    expect(Table.open(ss, people()).columnNumber('id')).toBe(2);
  });

  test('asking for a column the spec does not have names the sheet', () => {
    const { ss } = office();
    const table = Table.open(ss, people()) as unknown as Table<string>;
    expect(() => table.columnNumber('nope')).toThrow('Sheet "People" has no column for nope');
  });
});

describe('writing back', () => {
  function seeded(rows: number) {
    const o = office();
    o.typed('People', [
      ['ID / 番号', 'Name / 氏名', 'Joined / 登録日', 'Fee / 謝金'],
      ...Array.from({ length: rows }, (_, i) => [`P-${i + 1}`, `N${i + 1}`, '', '']),
    ]);
    return { ...o, table: Table.open(o.ss, people()) };
  }

  test('nothing changed: flush makes no call', () => {
    const { table, calls } = seeded(3);
    table.set(table.rows[0], 'name', 'N1');
    expect(calls(() => table.flush())).toEqual({});
  });

  test('one changed cell is one setValues of that cell, written as text', () => {
    const { table, calls, cells, ss } = seeded(3);
    table.set(table.rows[1], 'name', '=HYPERLINK("x")');
    expect(table.get(table.rows[1], 'name')).toBe('=HYPERLINK("x")');
    expect(calls(() => table.flush())).toEqual({ getRange: 1, setValues: 1 });
    expect(cells('People')[2]).toEqual(['P-2', '=HYPERLINK("x")', '', '']);
    expect(ss.getSheetByName('People')!.getRange(3, 2).getFormula()).toBe('');
    // Flushed: nothing more to write.
    expect(calls(() => table.flush())).toEqual({});
  });

  test('consecutive changed rows are one write over the union of their changed columns', () => {
    const { table, calls, cells } = seeded(5);
    table.set(table.rows[1], 'name', 'B');
    table.set(table.rows[2], 'fee', 4000);
    expect(calls(() => table.flush())).toEqual({ getRange: 1, setValues: 1 });
    expect(cells('People').slice(2, 4)).toEqual([
      ['P-2', 'B', '', ''],
      ['P-3', 'N3', '', 4000],
    ]);
  });

  test('up to three separate runs of rows are written one block each, the later blocks offset from the first range (no round trip)', () => {
    const { table, calls, cells } = seeded(9);
    table.set(table.rows[0], 'fee', 1);
    table.set(table.rows[4], 'fee', 5);
    table.set(table.rows[5], 'fee', 6);
    table.set(table.rows[8], 'fee', 9);
    expect(calls(() => table.flush())).toEqual({ getRange: 1, setValues: 3 });
    expect(cells('People').map((r) => r[3])).toEqual([
      'Fee / 謝金',
      1,
      '',
      '',
      '',
      5,
      6,
      '',
      '',
      9,
    ]);
  });

  test('more than three runs are one block from the first to the last changed row, the rows between written back as read', () => {
    const { table, calls, cells } = seeded(9);
    for (const i of [0, 2, 4, 6]) table.set(table.rows[i], 'fee', i + 1);
    table.set(table.rows[6], 'name', 'G');
    expect(calls(() => table.flush())).toEqual({ getRange: 1, setValues: 1 });
    const after = cells('People');
    expect(after.map((r) => r[3])).toEqual(['Fee / 謝金', 1, '', 3, '', 5, '', 7, '', '']);
    expect(after[7]).toEqual(['P-7', 'G', '', 7]);
    expect(after[2]).toEqual(['P-2', 'N2', '', '']);
  });

  test('a Date set to the same time is no change; a different time is (later writes offset from the first range)', () => {
    const o = office();
    o.typed('People', [
      ['ID / 番号', 'Joined / 登録日'],
      ['P-1', ''],
    ]);
    const table = Table.open(o.ss, people());
    const day = new Date('2024-07-30T00:00:00+09:00');
    table.set(table.rows[0], 'joined', day);
    expect(o.calls(() => table.flush())).toEqual({ getRange: 1, setValues: 1 });
    table.set(table.rows[0], 'joined', new Date(day.getTime()));
    expect(o.calls(() => table.flush())).toEqual({});
    table.set(table.rows[0], 'joined', new Date(day.getTime() + 60_000));
    expect(o.calls(() => table.flush())).toEqual({ setValues: 1 });
    table.set(table.rows[0], 'joined', 'not a date');
    expect(o.calls(() => table.flush())).toEqual({ setValues: 1 });
  });

  test('null or undefined clears a cell; setting a cleared cell to empty again is no change', () => {
    const { table, calls, cells } = seeded(1);
    table.set(table.rows[0], 'name', null);
    expect(table.get(table.rows[0], 'name')).toBe('');
    table.flush();
    expect(cells('People')[1]).toEqual(['P-1', '', '', '']);
    table.set(table.rows[0], 'name', undefined);
    table.set(table.rows[0], 'name', '');
    expect(calls(() => table.flush())).toEqual({});
  });

  test('one new row is one appendRow, below the data, as text', () => {
    const { table, calls, cells } = seeded(2);
    const row = table.append({ id: 'P-3', name: '00012', fee: 8000 });
    expect(row.rowNumber).toBe(4);
    expect(table.rows).toContain(row);
    expect(calls(() => table.flush())).toEqual({ appendRow: 1 });
    expect(cells('People')[3]).toEqual(['P-3', '00012', '', 8000]);
  });

  test('several new rows are one insertRowsAfter and one setValues right after the data', () => {
    const { table, calls, cells } = seeded(2);
    const a = table.append({ id: 'P-3', name: null });
    const b = table.append({ id: 'P-4' });
    expect([a.rowNumber, b.rowNumber]).toEqual([4, 5]);
    // Setting a value on a new row is written with it, not as a separate update.
    table.set(b, 'name', 'D');
    expect(calls(() => table.flush())).toEqual({ insertRowsAfter: 1, getRange: 1, setValues: 1 });
    expect(cells('People').slice(3)).toEqual([
      ['P-3', '', '', ''],
      ['P-4', 'D', '', ''],
    ]);
    expect(calls(() => table.flush())).toEqual({});
    expect(table.append({ id: 'P-5' }).rowNumber).toBe(6);
  });

  test('removing rows deletes each run of adjacent rows in one deleteRows, bottom up; the rows kept are renumbered and later writes land on them', () => {
    const { table, calls, cells } = seeded(7);
    const doomed = [table.rows[0], table.rows[1], table.rows[4]]; // P-1, P-2 and P-5
    expect(calls(() => expect(table.removeRows(doomed)).toBe(3))).toEqual({ deleteRows: 2 });
    expect(cells('People').map((r) => r[0])).toEqual(['ID / 番号', 'P-3', 'P-4', 'P-6', 'P-7']);
    expect(table.rows.map((r) => [table.get(r, 'id'), r.rowNumber])).toEqual([
      ['P-3', 2],
      ['P-4', 3],
      ['P-6', 4],
      ['P-7', 5],
    ]);
    table.set(table.rows[2], 'name', 'Six');
    table.append({ id: 'P-8' });
    table.append({ id: 'P-9' });
    table.flush();
    expect(cells('People').slice(1)).toEqual([
      ['P-3', 'N3', '', ''],
      ['P-4', 'N4', '', ''],
      ['P-6', 'Six', '', ''],
      ['P-7', 'N7', '', ''],
      ['P-8', '', '', ''],
      ['P-9', '', '', ''],
    ]);
  });

  test('removing rows writes what was waiting first, and stops after the given number of runs (the runs nearest the top first)', () => {
    const { table, calls, cells } = seeded(6);
    table.set(table.rows[5], 'name', 'Changed');
    const doomed = [table.rows[0], table.rows[2], table.rows[4]]; // three separate runs
    expect(calls(() => expect(table.removeRows(doomed, 2)).toBe(2))).toEqual({
      getRange: 1,
      setValues: 1,
      deleteRows: 2,
    });
    expect(cells('People').map((r) => r[0])).toEqual(['ID / 番号', 'P-2', 'P-4', 'P-5', 'P-6']);
    expect(cells('People')[4]).toEqual(['P-6', 'Changed', '', '']);
    expect(table.removeRows([])).toBe(0);
  });

  test('removing rows given in any order, twice, or not data rows of the table (the header, a row past the data) deletes just the data rows named, in runs', () => {
    const { table, calls, cells } = seeded(6);
    const [p1, p2, , , p5] = table.rows;
    const header = { rowNumber: 1, values: [] };
    const past = { rowNumber: 8, values: [] }; // the row right after the data (rows 2 to 7)
    expect(calls(() => expect(table.removeRows([p5, past, p2, header, p1, p2])).toBe(3))).toEqual({
      deleteRows: 2,
    });
    expect(cells('People').map((r) => r[0])).toEqual(['ID / 番号', 'P-3', 'P-4', 'P-6']);
    expect(calls(() => expect(table.removeRows([header, past])).toBe(0))).toEqual({});
  });

  test('removing rows from a table opened for lookups reads it whole first, so every row kept is renumbered', () => {
    const o = office();
    o.typed('People', [
      ['ID / 番号', 'Name / 氏名', 'Joined / 登録日', 'Fee / 謝金'],
      ...Array.from({ length: 4 }, (_, i) => [`P-${i + 1}`, `N${i + 1}`, '', '']),
    ]);
    const table = Table.openForLookups(o.ss, people())!;
    const found = table.lookup('id', [exactly('P-2')]).filter((r) => table.get(r, 'id') === 'P-2');
    expect(table.removeRows(found)).toBe(1);
    expect(table.rows.map((r) => [table.get(r, 'id'), r.rowNumber])).toEqual([
      ['P-1', 2],
      ['P-3', 3],
      ['P-4', 4],
    ]);
    expect(o.cells('People').map((r) => r[0])).toEqual(['ID / 番号', 'P-1', 'P-3', 'P-4']);
  });

  test('a table holds every row with a key once that key was searched for (lookup mode), and always when read whole: what a count over the key may rely on', () => {
    const o = office();
    o.typed('People', [
      ['ID / 番号', 'Name / 氏名', 'Joined / 登録日', 'Fee / 謝金'],
      ['P-1', 'A', '', ''],
      ['P-2', 'B', '', ''],
      ['P-1', 'C', '', ''],
    ]);
    const table = Table.openForLookups(o.ss, people())!;
    expect(table.holdsAll('id', exactly('P-1'))).toBe(false);
    table.lookup('id', [exactly('P-1')]);
    expect(table.holdsAll('id', exactly('P-1'))).toBe(true);
    // P-2 came in the same block of rows (rows near each other are read together), but nothing
    // says it is the only P-2: only a search does.
    expect(table.held().map((r) => table.get(r, 'name'))).toEqual(['A', 'B', 'C']);
    expect(table.holdsAll('id', exactly('P-2'))).toBe(false);
    expect(table.holdsAll('name', exactly('P-1'))).toBe(false);
    table.dataRows(); // read whole
    expect(table.holdsAll('id', exactly('P-2'))).toBe(true);
    expect(Table.open(o.ss, people()).holdsAll('id', exactly('P-9'))).toBe(true);
  });

  test('a table opened for lookups holds no empty row: a blank row read in the same block as two rows found is skipped, as the data rows of a table read whole skip it', () => {
    const o = office();
    o.typed('People', [
      ['ID / 番号', 'Name / 氏名', 'Joined / 登録日', 'Fee / 謝金'],
      ['P-1', 'A', '', ''],
      ['', '', '', ''],
      ['P-2', 'B', '', ''],
    ]);
    const table = Table.openForLookups(o.ss, people())!;
    const found = table.lookup('id', [exactly('P-1'), exactly('P-2')]);
    expect(found.map((r) => [r.rowNumber, table.get(r, 'name')])).toEqual([
      [2, 'A'],
      [4, 'B'],
    ]);
    expect(table.held().map((r) => r.rowNumber)).toEqual([2, 4]);
    table.dataRows(); // read whole: the same rows
    expect(table.held().map((r) => r.rowNumber)).toEqual([2, 4]);
  });

  test('the data rows are those with any content, including appended ones', () => {
    const o = office();
    o.typed('People', [
      ['ID / 番号', 'Name / 氏名'],
      ['P-1', ''],
      ['', ''],
      ['', 'Only a name'],
    ]);
    const table = Table.open(o.ss, people());
    expect(table.dataRows().map((r) => r.rowNumber)).toEqual([2, 4]);
    expect(table.dataRows()).toBe(table.dataRows());
    table.append({ id: 'P-9' });
    expect(table.dataRows().map((r) => r.rowNumber)).toEqual([2, 4, 5]);
  });
});

describe('what the tests above leave open (mutation testing)', () => {
  test('two columns changed on one row are both written; only changed cells are written', () => {
    const { table, cells, rt } = (() => {
      const o = office();
      o.typed('People', [
        ['ID / 番号', 'Name / 氏名', 'Joined / 登録日', 'Fee / 謝金'],
        ['P-1', 'A', '', ''],
        ['P-2', 'B', '', ''],
      ]);
      return { ...o, table: Table.open(o.ss, people()) };
    })();
    table.set(table.rows[0], 'name', 'AA');
    table.set(table.rows[0], 'fee', 1);
    table.flush();
    expect(cells('People')[1]).toEqual(['P-1', 'AA', '', 1]);
    rt.ctx.counter.reset();
    table.set(table.rows[1], 'id', 'P-2b');
    table.flush();
    expect(rt.ctx.counter.reset().cellsWritten).toBe(1);
  });

  test('rows changed in reverse order are written in sheet order, each run only its own cells', () => {
    const o = office();
    o.typed('People', [
      ['ID / 番号', 'Name / 氏名', 'Joined / 登録日', 'Fee / 謝金'],
      ...Array.from({ length: 12 }, (_, i) => [`P-${i + 1}`, '', '', '']),
    ]);
    const table = Table.open(o.ss, people());
    for (const i of [10, 8, 6, 4, 2, 0]) table.set(table.rows[i], 'fee', i + 1);
    table.flush();
    expect(o.cells('People').map((r) => r[3])).toEqual([
      'Fee / 謝金',
      1,
      '',
      3,
      '',
      5,
      '',
      7,
      '',
      9,
      '',
      11,
      '',
    ]);
    const again = Table.open(o.ss, people());
    for (const i of [11, 5, 3]) again.set(again.rows[i], 'name', `n${i}`);
    o.rt.ctx.counter.reset();
    again.flush();
    expect(o.rt.ctx.counter.reset().cellsWritten).toBe(3);
    expect(o.cells('People')[12][1]).toBe('n11');
  });

  test('several new rows fit a sheet with no spare rows (rows are inserted right after the data)', () => {
    const o = office();
    const sheet = o.typed('People', [['ID / 番号'], ['P-1']]);
    sheet.deleteRows(3, sheet.getMaxRows() - 2);
    const table = Table.open(o.ss, people());
    table.append({ id: 'P-2' });
    table.append({ id: 'P-3' });
    table.flush();
    expect(o.cells('People').map((r) => r[0])).toEqual(['ID / 番号', 'P-1', 'P-2', 'P-3']);
    appendRows(o.ss, people(), [{ id: 'P-4' }, { id: 'P-5' }]);
    expect(sheet.getMaxRows()).toBe(6);
    expect(
      o
        .cells('People')
        .map((r) => r[0])
        .slice(4),
    ).toEqual(['P-4', 'P-5']);
  });

  test('a header row with a blank first cell keeps it: missing columns go after the last header', () => {
    const o = office();
    o.typed('People', [['', 'Notes']]);
    const table = Table.open(o.ss, people());
    expect(table.columnNumber('id')).toBe(3);
    expect(o.cells('People')[0].slice(0, 3)).toEqual(['', 'Notes', 'ID / 番号']);
  });

  test('widening adds exactly the columns needed', () => {
    const o = office();
    const sheet = o.ss.insertSheet('People');
    sheet.deleteColumns(3, sheet.getMaxColumns() - 2);
    sheet.getRange(1, 1, 1, 2).setValues([['Notes', 'More notes']]);
    Table.open(o.ss, people());
    expect(sheet.getMaxColumns()).toBe(6);
  });

  test('two renamed identity columns are both named', () => {
    const o = office();
    const spec: TableSpec = {
      name: 'Pairs',
      columns: [
        { key: 'a', header: 'A / あ', identity: true },
        { key: 'b', header: 'B / い', identity: true },
      ],
    };
    o.typed('Pairs', [
      ['x', 'y'],
      ['1', '2'],
    ]);
    expect(() => Table.open(o.ss, spec)).toThrow(
      'Sheet "Pairs" has rows but no column "A / あ", "B / い". Was its header renamed?',
    );
  });

  test('creating a sheet writes its header once, wraps it, and sets widths only where given', () => {
    const o = office();
    let table!: Table<string>;
    const made = o.calls(() => (table = Table.open(o.ss, people()) as unknown as Table<string>));
    expect(made.setValues).toBe(1);
    expect(made.getValues).toBeUndefined();
    expect(table.has('fee')).toBe(true);
    const sheet = o.ss.getSheetByName('People')!;
    expect(sheet.getRange(1, 1).getWrap()).toBe(true);
    expect(sheet.getColumnWidth(1)).toBe(100);
  });
});

describe('appendRows (the Log: written without reading)', () => {
  test('creates the sheet when missing; one record is one appendRow in the spec column order', () => {
    const { ss, cells, calls } = office();
    expect(calls(() => appendRows(ss, people(), []))).toEqual({});
    expect(ss.getSheetByName('People')).toBeNull();
    appendRows(ss, people(), [{ fee: 1, id: '=X' }]);
    expect(cells('People')).toEqual([
      ['ID / 番号', 'Name / 氏名', 'Joined / 登録日', 'Fee / 謝金'],
      ['=X', '', '', 1],
    ]);
    expect(calls(() => appendRows(ss, people(), [{ id: 'P-2' }]))).toEqual({
      getSheetByName: 1,
      appendRow: 1,
    });
  });

  test('several records are one block after the last row: the data range gives the last row and the block is offset from it', () => {
    const { ss, cells, calls } = office();
    appendRows(ss, people(), [{ id: 'P-1' }]);
    expect(
      calls(() => appendRows(ss, people(), [{ id: 'P-2' }, { id: 'P-3', name: 'C' }])),
    ).toEqual({
      getSheetByName: 1,
      getDataRange: 1,
      insertRowsAfter: 1,
      setValues: 1,
    });
    expect(cells('People').slice(1)).toEqual([
      ['P-1', '', '', ''],
      ['P-2', '', '', ''],
      ['P-3', 'C', '', ''],
    ]);
  });
});

describe('createSheet and normalizeHeader', () => {
  test('several records on a sheet staff emptied entirely start at the first row', () => {
    const { ss, cells } = office();
    ss.insertSheet('People');
    appendRows(ss, people(), [{ id: 'P-1' }, { id: 'P-2' }]);
    expect(cells('People')).toEqual([['P-1'], ['P-2']]);
  });

  test('a spec wider than the default 26 columns gets the columns it needs', () => {
    const { ss, cells } = office();
    const wide: TableSpec = {
      name: 'Wide',
      columns: Array.from({ length: 30 }, (_, i) => ({ key: `c${i}`, header: `C${i}` })),
    };
    const sheet = createSheet(ss, wide);
    expect(sheet.getMaxColumns()).toBe(30);
    expect(cells('Wide')[0]).toHaveLength(30);
  });

  test('headers compare without case, width or extra spaces', () => {
    expect(normalizeHeader('  Ｆｅｅ \n  ／  謝金 ')).toBe('fee / 謝金');
    expect(normalizeHeader(null)).toBe('');
    expect(normalizeHeader(12)).toBe('12');
  });

  test('the columns of a header row are found again when the same spec reads another header (remembered by content)', () => {
    const spec = people();
    const at = (header: unknown[]) => Object.fromEntries(columnIndexes(header, spec));
    expect(at(['ID', 'Name', 'Fee'])).toEqual({ id: 0, name: 1, fee: 2 });
    expect(at(['Fee', 'ID', 'Full name'])).toEqual({ fee: 0, id: 1, name: 2 });
    expect(at(['ID', 'Name', 'Fee'])).toEqual({ id: 0, name: 1, fee: 2 });
    // Cells that would run together in a remembered key ('a\u0000' + 'b' and 'a' + '\u0000b').
    expect(at(['ID\u0000', 'Fee'])).toEqual({ fee: 1 });
    expect(at(['ID', '\u0000Fee'])).toEqual({ id: 0 });
  });
});

describe('Workbook: one read per table per execution', () => {
  test('a table asked for twice is opened once; flushAll writes every open table', () => {
    const { ss, calls, cells } = office();
    Table.open(ss, people());
    const book = new Workbook(ss);
    expect(book.isOpen(people())).toBe(false);
    let first!: Table<'id' | 'name' | 'joined' | 'fee'>;
    expect(calls(() => (first = book.table(people())))).toEqual({
      getSheetByName: 1,
      getSheetValues: 1,
    });
    expect(book.isOpen(people())).toBe(true);
    expect(calls(() => expect(book.table(people())).toBe(first))).toEqual({});
    first.append({ id: 'P-1' });
    book.flushAll();
    expect(cells('People')[1]).toEqual(['P-1', '', '', '']);
  });
});

describe('dates staff typed in a spreadsheet of another zone (domain/sheet-zone.ts)', () => {
  const sessions = () =>
    ({
      name: 'Sessions',
      columns: [
        { key: 'id', header: 'ID / 番号', identity: true },
        { key: 'start', header: 'Start / 開始', staff: true, numberFormat: 'hh:mm' },
        { key: 'note', header: 'Check / 要確認' },
        { key: 'count', header: 'Participants / 参加確定' },
      ],
    }) as const satisfies TableSpec;

  afterEach(() => readStaffDatesWith(null));

  test('a staff column reads through the zone reader; a block written back around it leaves the typed time as it was', () => {
    const { ss, typed, cells } = office();
    ss.setSpreadsheetTimeZone('Australia/Sydney');
    typed('Sessions', [
      ['ID / 番号', 'Start / 開始', 'Check / 要確認', 'Participants / 参加確定'],
      ['S1', '19:00', '', 0],
    ]);
    const typedStart = (cells('Sessions')[1][1] as Date).getTime();
    readStaffDatesWith((d) => new Date(d.getTime() - 3_600_000));
    const table = Table.open(ss, sessions());
    const row = table.dataRows()[0];
    expect((table.get(row, 'start') as Date).getTime()).toBe(typedStart - 3_600_000);
    expect(table.get(row, 'id')).toBe('S1');
    // The system writes the two columns either side: one block over all three.
    table.set(row, 'id', 'S1 ');
    table.set(row, 'count', 3);
    table.flush();
    expect((cells('Sessions')[1][1] as Date).getTime()).toBe(typedStart);
    expect(ss.getSheetByName('Sessions')!.getRange(2, 2).getDisplayValue()).toBe('19:00');
  });
});
