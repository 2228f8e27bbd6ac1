// The table layer's corners the main table tests leave open (found by mutation testing): the
// system's Plain-text columns (R25, #17: formatted '@', written as plain strings, read without a
// kept apostrophe), the header names a column answers to (R24), columns from an earlier
// version, blank rows, sheets staff emptied or cut down, and the Log's append to a header-only
// sheet. Expected values are written by hand from RULES.md R24/R25 and the reference.
import { LocalRuntime } from '../../../local/runtime';
import {
  appendRows,
  createSheet,
  headerTexts,
  Table,
  type TableSpec,
} from '../../../src/adapters/tables/table';
import { officeTools } from './office';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// Sheets whose names the text-columns list knows (src/adapters/tables/text-columns.ts):
// Documents: memberId and note are text; Course: memberId, module, responseId, status.
const documents = () =>
  ({
    name: 'Documents',
    columns: [
      { key: 'memberId', header: 'Bansou Net ID / 伴走ネットID', identity: true },
      { key: 'received', header: 'Received / 受領日', numberFormat: 'yyyy-mm-dd' },
      { key: 'note', header: 'Note / メモ', numberFormat: '0.00', width: 200 },
    ],
  }) as const satisfies TableSpec;

const course = () =>
  ({
    name: 'Course',
    columns: [
      { key: 'memberId', header: 'Bansou Net ID / 伴走ネットID', identity: true },
      { key: 'completed', header: 'Completed / 修了日' },
      { key: 'module', header: 'Module / 講座' },
      { key: 'status', header: 'Status / 状態' },
    ],
  }) as const satisfies TableSpec;

const people = () =>
  ({
    name: 'People',
    columns: [
      { key: 'id', header: 'ID / 番号', identity: true },
      { key: 'name', header: 'Name / 氏名' },
      { key: 'joined', header: 'Joined / 登録日' },
      { key: 'fee', header: 'Fee / 謝金' },
    ],
  }) as const satisfies TableSpec;

/** The office on a runtime where a '@' cell keeps an apostrophe written into it (R25). */
function office(apostrophe: 'keep' | 'drop' = 'keep') {
  const rt = new LocalRuntime({
    start: Date.parse('2024-07-01T09:00:00+09:00'),
    textCellApostrophe: apostrophe,
  });
  const ss = rt.sheets.createSpreadsheet('Office') as unknown as Spreadsheet;
  return { rt, ss, ...officeTools(rt, ss) };
}

describe('the names a column answers to (R24)', () => {
  test('a bilingual header answers to itself and to either half; aliases come after the header', () => {
    expect(headerTexts({ key: 'fee', header: 'Fee / 謝金' })).toEqual([
      'Fee / 謝金',
      'Fee',
      '謝金',
    ]);
    expect(headerTexts({ key: 'name', header: 'Name / 氏名', aliases: ['Full name'] })).toEqual([
      'Name / 氏名',
      'Full name',
      'Name',
      '氏名',
    ]);
  });

  test('a one-part header, or one of three parts, answers to itself (and its aliases) only', () => {
    expect(headerTexts({ key: 'note', header: 'Note' })).toEqual(['Note']);
    expect(headerTexts({ key: 'x', header: 'A / B / C', aliases: ['X'] })).toEqual([
      'A / B / C',
      'X',
    ]);
  });

  test('the first of two columns with the same name (any case or width) is the one used; the full header before a half', () => {
    const { ss, typed } = office();
    typed('People', [
      ['ID / 番号', 'Name', 'Joined / 登録日', 'Fee / 謝金', 'Ｆｅｅ / 謝金', 'NAME'],
      ['P-1', 'first', '', 'fee 1', 'fee 2', 'second'],
    ]);
    const table = Table.open(ss, people());
    expect(table.columnNumber('name')).toBe(2);
    expect(table.get(table.rows[0], 'fee')).toBe('fee 1');
  });
});

describe('Plain-text columns (R25, #17)', () => {
  test('a created sheet formats its text columns as Plain text, apart ones one call each, and gives them no other format', () => {
    const { ss, calls } = office();
    let sheet!: GoogleAppsScript.Spreadsheet.Sheet;
    const made = calls(() => (sheet = createSheet(ss, documents())));
    // Text columns 1 and 3 (one call each), the date format of column 2, one width.
    expect(made.setNumberFormat).toBe(3);
    expect(made.setColumnWidth).toBe(1);
    expect(sheet.getMaxColumns()).toBe(3);
    const formats = (row: number) => [1, 2, 3].map((c) => sheet.getRange(row, c).getNumberFormat());
    expect(formats(2)).toEqual(['@', 'yyyy-mm-dd', '@']);
    expect(formats(1000)).toEqual(['@', 'yyyy-mm-dd', '@']);
    expect(sheet.getColumnWidth(3)).toBe(200);
    expect(sheet.getColumnWidth(1)).toBe(100);
  });

  test('adjacent text columns are formatted in one call', () => {
    const { ss, calls } = office();
    let sheet!: GoogleAppsScript.Spreadsheet.Sheet;
    // memberId (1) alone; module and status (3, 4) together.
    expect(calls(() => (sheet = createSheet(ss, course()))).setNumberFormat).toBe(2);
    expect([1, 2, 3, 4].map((c) => sheet.getRange(500, c).getNumberFormat())).toEqual([
      '@',
      'General',
      '@',
      '@',
    ]);
  });

  test('set-up formats the text columns of an existing sheet found by header, in any order; it says how many', () => {
    const { ss, typed, calls } = office();
    const sheet = typed('Documents', [
      ['Note / メモ', 'Received / 受領日', 'Bansou Net ID / 伴走ネットID'],
      ['call back', '', 'BN-00001'],
    ]);
    const table = Table.open(ss, documents());
    let n = 0;
    expect(calls(() => (n = table.formatTextColumns())).setNumberFormat).toBe(2);
    expect(n).toBe(2);
    expect([1, 2, 3].map((c) => sheet.getRange(2, c).getNumberFormat())).toEqual([
      '@',
      'General',
      '@',
    ]);
    expect(sheet.getRange(sheet.getMaxRows(), 3).getNumberFormat()).toBe('@');
  });

  test('text columns adjacent on the sheet in another order than the list are one call; text columns the table lacks are skipped', () => {
    const { ss, typed, calls } = office();
    const sheet = typed('Course', [
      ['Module / 講座', 'Status / 状態', 'Bansou Net ID / 伴走ネットID', 'Completed / 修了日'],
      ['Basic 1', 'done', 'BN-00001', ''],
    ]);
    // The Course list also names responseId, which this table does not have.
    const table = Table.open(ss, course());
    let n = 0;
    expect(calls(() => (n = table.formatTextColumns())).setNumberFormat).toBe(1);
    expect(n).toBe(3);
    expect([1, 2, 3, 4].map((c) => sheet.getRange(2, c).getNumberFormat())).toEqual([
      '@',
      '@',
      '@',
      'General',
    ]);
  });

  test('a sheet cut down to its header and one row is still formatted; one cut to the header alone has no row to format', () => {
    const { ss, typed, calls } = office();
    const sheet = typed('Documents', [
      ['Bansou Net ID / 伴走ネットID', 'Received / 受領日', 'Note / メモ'],
      ['BN-00001', '', ''],
    ]);
    sheet.deleteRows(3, sheet.getMaxRows() - 2);
    const table = Table.open(ss, documents());
    expect(calls(() => table.formatTextColumns()).setNumberFormat).toBe(2);
    expect(sheet.getRange(2, 3).getNumberFormat()).toBe('@');
    sheet.deleteRows(2, 1);
    expect(sheet.getMaxRows()).toBe(1);
    let n = 0;
    expect(calls(() => (n = Table.open(ss, documents()).formatTextColumns()))).not.toHaveProperty(
      'setNumberFormat',
    );
    expect(n).toBe(2);
  });

  test('a sheet without text columns formats nothing', () => {
    const { ss, calls } = office();
    const table = Table.open(ss, people());
    let n = -1;
    expect(calls(() => (n = table.formatTextColumns()))).not.toHaveProperty('setNumberFormat');
    expect(n).toBe(0);
  });

  test('text columns are written as plain strings (a kept apostrophe would show); other columns with the apostrophe', () => {
    const { ss, cells } = office('keep');
    const table = Table.open(ss, documents());
    table.append({ memberId: 'BN-00001', received: '2024/07/01', note: 'call back' });
    table.append({ memberId: 'BN-00002', note: '00012' });
    table.flush();
    expect(cells('Documents').slice(1)).toEqual([
      ['BN-00001', '2024/07/01', 'call back'],
      // A number-like text keeps its apostrophe even in a text column (the cell may not be '@').
      ['BN-00002', '', "'00012"],
    ]);
  });

  test('a change over several columns is written with each column its own way', () => {
    const { ss, cells } = office('keep');
    const table = Table.open(ss, course());
    table.append({ memberId: 'BN-00001' });
    table.flush();
    const row = table.dataRows()[0];
    table.set(row, 'module', 'Basic 1');
    table.set(row, 'status', 'done');
    table.flush();
    expect(cells('Course')[1]).toEqual(['BN-00001', '', 'Basic 1', 'done']);
  });

  test('an ID that kept the apostrophe a writer put before it is read without it; free text keeps its own', () => {
    const { ss } = office('keep');
    const sheet = ss.insertSheet('Documents');
    sheet.getRange(1, 1, 3, 3).setNumberFormat('@');
    sheet.getRange(1, 1, 3, 3).setValues([
      ['Bansou Net ID / 伴走ネットID', 'Received / 受領日', 'Note / メモ'],
      ["'BN-00001", '', "'call back"],
      ['BN-00002', '', "'00012"],
    ]);
    expect(sheet.getRange(2, 1).getValue()).toBe("'BN-00001");
    const table = Table.open(ss, documents());
    expect(table.rows.map((r) => [table.get(r, 'memberId'), table.get(r, 'note')])).toEqual([
      ['BN-00001', "'call back"],
      ['BN-00002', '00012'],
    ]);
  });
});

describe('columns and rows staff changed', () => {
  test("a staff column before the system's columns: a new row leaves it empty", () => {
    const { ss, typed, cells } = office('drop');
    typed('People', [['Checked', 'ID / 番号', 'Name / 氏名', 'Joined / 登録日', 'Fee / 謝金']]);
    const table = Table.open(ss, people());
    table.append({ id: 'P-1', fee: 100 });
    table.flush();
    expect(cells('People')[1]).toEqual(['', 'P-1', '', '', 100]);
  });

  test('a column an earlier version wrote is read by its header; null when the sheet lacks it', () => {
    const { ss, typed } = office('drop');
    typed('People', [
      ['ID / 番号', 'Name / 氏名', 'Joined / 登録日', 'Fee / 謝金', '旧謝金'],
      ['P-1', '', '', '', 3000],
      ['P-2', '', '', '', ''],
    ]);
    const table = Table.open(ss, people());
    const oldFee = table.otherColumn({ key: 'oldFee', header: 'Old fee / 旧謝金' });
    expect(table.rows.map((r) => oldFee!(r))).toEqual([3000, '']);
    expect(table.otherColumn({ key: 'gone', header: 'Gone / 廃止' })).toBeNull();
  });

  test('rows staff emptied are not data rows', () => {
    const { ss, typed } = office('drop');
    typed('People', [
      ['ID / 番号', 'Name / 氏名', 'Joined / 登録日', 'Fee / 謝金'],
      ['P-1', '', '', ''],
      ['', '', '', ''],
      ['', '', '', 0],
    ]);
    const table = Table.open(ss, people());
    expect(table.rows).toHaveLength(3);
    expect(table.dataRows().map((r) => r.rowNumber)).toEqual([2, 4]);
  });

  test('an identity column renamed stops the job even when each row has blanks in other columns (R1)', () => {
    const { ss, typed } = office('drop');
    typed('People', [
      ['Member number', 'Name / 氏名', 'Fee / 謝金'],
      ['P-1', '', ''],
      ['', 'Aiko', ''],
    ]);
    expect(() => Table.open(ss, people())).toThrow(
      'Sheet "People" has rows but no column "ID / 番号".',
    );
  });

  test('a sheet exactly as wide as the columns it needs is not widened', () => {
    const { ss, calls, cells } = office('drop');
    const sheet = ss.insertSheet('People');
    sheet.deleteColumns(5, sheet.getMaxColumns() - 4);
    sheet.getRange(1, 1, 1, 3).setValues([['ID / 番号', 'Name / 氏名', 'Joined / 登録日']]);
    const made = calls(() => Table.open(ss, people()));
    expect(made).not.toHaveProperty('insertColumnsAfter');
    expect(cells('People')[0]).toEqual([
      'ID / 番号',
      'Name / 氏名',
      'Joined / 登録日',
      'Fee / 謝金',
    ]);
    expect(sheet.getMaxColumns()).toBe(4);
  });

  test('a created sheet of 26 columns is neither widened nor narrowed', () => {
    const { ss, calls } = office('drop');
    const spec: TableSpec = {
      name: 'Wide',
      columns: Array.from({ length: 26 }, (_, i) => ({ key: `c${i}`, header: `C${i}` })),
    };
    const made = calls(() => createSheet(ss, spec));
    expect(made).not.toHaveProperty('insertColumnsAfter');
    expect(made).not.toHaveProperty('deleteColumns');
    expect(ss.getSheetByName('Wide')!.getMaxColumns()).toBe(26);
  });

  test('when reading a sheet in one call gives no rows, the two-call reading answers', () => {
    const { ss, typed } = office('drop');
    const sheet = typed('People', [
      ['ID / 番号', 'Name / 氏名', 'Joined / 登録日', 'Fee / 謝金'],
      ['P-1', 'Aiko', '', ''],
    ]);
    jest.spyOn(sheet, 'getSheetValues').mockReturnValue([]);
    const table = Table.open(ss, people());
    expect(table.rows.map((r) => r.values)).toEqual([['P-1', 'Aiko', '', '']]);
  });
});

describe('new rows on a sheet this execution created (its 1,000 formatted rows)', () => {
  test('several rows go into the empty rows: none inserted', () => {
    const { ss, calls, cells } = office('drop');
    const table = Table.open(ss, people());
    table.append({ id: 'P-1' });
    table.append({ id: 'P-2' });
    expect(calls(() => table.flush())).toEqual({ getRange: 1, setValues: 1 });
    expect(cells('People').slice(1)).toEqual([
      ['P-1', '', '', ''],
      ['P-2', '', '', ''],
    ]);
  });

  test('999 rows fill the sheet to row 1,000 without inserting; 1,000 rows need rows inserted', () => {
    const fill = (n: number) => {
      const { ss, calls, cells } = office('drop');
      const table = Table.open(ss, people());
      for (let i = 1; i <= n; i++) table.append({ id: `P-${i}` });
      const made = calls(() => table.flush());
      const all = cells('People');
      return { made, rows: all.length, last: all[all.length - 1][0] };
    };
    const full = fill(999);
    expect(full.made).not.toHaveProperty('insertRowsAfter');
    expect([full.rows, full.last]).toEqual([1000, 'P-999']);
    const over = fill(1000);
    expect(over.made.insertRowsAfter).toBe(1);
    expect([over.rows, over.last]).toEqual([1001, 'P-1000']);
  });
});

describe('appendRows on a sheet with only its header', () => {
  test('several records go below the header, which stays', () => {
    const { ss, cells } = office('drop');
    createSheet(ss, people());
    appendRows(ss, people(), [{ id: 'P-1' }, { id: 'P-2' }]);
    expect(cells('People')).toEqual([
      ['ID / 番号', 'Name / 氏名', 'Joined / 登録日', 'Fee / 謝金'],
      ['P-1', '', '', ''],
      ['P-2', '', '', ''],
    ]);
  });

  test('a one-column sheet with its header in A1 alone: the records go below it', () => {
    const { ss, cells, typed } = office('drop');
    const spec: TableSpec = { name: 'One', columns: [{ key: 'a', header: 'A' }] };
    typed('One', [['A']]);
    appendRows(ss, spec, [{ a: 'x' }, { a: 'y' }]);
    expect(cells('One')).toEqual([['A'], ['x'], ['y']]);
  });
});
