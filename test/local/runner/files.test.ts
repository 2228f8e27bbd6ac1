// Files as offices save them: encodings (read with iconv-lite), and messages for the command
// line — rows as the spreadsheet shows them, formula cells without a saved value, files that are
// not a table, and a missing question column named with the --settings row that fixes it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { readTable } from '../../../local/runner/inputs';
import { planReplay } from '../../../local/runner/replay';

const FIXTURES = join(__dirname, 'fixtures');
const dir = () => mkdtempSync(join(tmpdir(), 'runner-files-'));

// Written by hand: the header and one row of a Japanese form's export.
const JA_CSV =
  'タイムスタンプ,メールアドレス,氏名 / Name,支援日 / Date of support\r\n' +
  '2024/07/30 14:03:12,hanako@example.jp,佐藤 花子,2024/07/29\r\n';
const HEADER = ['タイムスタンプ', 'メールアドレス', '氏名 / Name', '支援日 / Date of support'];
const ROW = ['2024/07/30 14:03:12', 'hanako@example.jp', '佐藤 花子', '2024/07/29'];

describe('encodings', () => {
  test.each([
    ['UTF-8', 'a.csv', Buffer.from(JA_CSV, 'utf8')],
    [
      'UTF-8 with BOM',
      'a.csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JA_CSV, 'utf8')]),
    ],
    // Japanese Excel's "CSV (comma delimited)": Windows code page 932.
    ['Shift_JIS (CP932)', 'a.csv', iconv.encode(JA_CSV, 'cp932')],
    // Excel's "Unicode text": UTF-16LE with BOM, tab-separated, saved as .txt.
    [
      'UTF-16LE with BOM, tab-separated',
      'a.txt',
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        iconv.encode(JA_CSV.replace(/,/g, '\t'), 'utf16le'),
      ]),
    ],
  ])('%s is read, and the encoding is reported', async (encoding, name, bytes) => {
    const file = join(dir(), name);
    writeFileSync(file, bytes);
    const table = await readTable(file);
    expect(table.encoding).toBe(encoding);
    expect(table.header).toEqual(HEADER);
    expect(table.rows[0]).toEqual(ROW);
  });

  test('CP932 characters beyond Shift_JIS (①, ㈱, 髙) come through', async () => {
    const file = join(dir(), 'a.csv');
    writeFileSync(
      file,
      iconv.encode('タイムスタンプ,氏名\r\n2024/07/30 14:03:12,㈱みなと ① 髙橋\r\n', 'cp932'),
    );
    expect((await readTable(file)).rows[0][1]).toBe('㈱みなと ① 髙橋');
  });
});

describe('messages for the command line', () => {
  test('a file that is not a table says so', async () => {
    const d = dir();
    writeFileSync(
      join(d, 'a.csv'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]),
    );
    await expect(readTable(join(d, 'a.csv'))).rejects.toThrow(
      'a.csv: this is not a CSV or XLSX file',
    );
    writeFileSync(join(d, 'b.xlsx'), 'Timestamp,Email\n');
    await expect(readTable(join(d, 'b.xlsx'))).rejects.toThrow(
      'b.xlsx: this is not a CSV or XLSX file',
    );
    writeFileSync(
      join(d, 'c.csv'),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]),
    );
    await expect(readTable(join(d, 'c.csv'))).rejects.toThrow(
      'c.csv: this is not a CSV or XLSX file (it is an old Excel .xls file: save it as .xlsx or CSV)',
    );
  });

  test('an XLSX formula cell without a saved value is reported with its row and column', async () => {
    const file = join(dir(), 'a.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Form Responses 1');
    sheet.addRow(['Timestamp', 'Email Address', 'Name']);
    sheet.addRow(['2024/07/30 14:03:12', 'a@example.org', 'Aiko']);
    sheet.addRow(['2024/07/30 15:00:00', 'b@example.org', 'Ben']);
    sheet.getCell('C3').value = { formula: 'UPPER("ben")' } as ExcelJS.CellFormulaValue; // never calculated
    sheet.getCell('C2').value = {
      formula: 'PROPER("aiko")',
      result: 'Aiko',
    } as ExcelJS.CellFormulaValue;
    await book.xlsx.writeFile(file);
    const table = await readTable(file);
    expect(table.rows[0][2]).toBe('Aiko'); // a formula with its saved value reads as that value
    expect(table.rows[1][2]).toBe('');
    expect(table.warnings).toEqual([
      'a.xlsx row 3, column "Name": a formula with no saved value, read as empty (open the file in Excel or Sheets and save it again so its values are saved)',
    ]);
  });

  test('a missing question column names the --settings field-map row that would fix it', async () => {
    const d = dir();
    const apps = readFileSync(join(FIXTURES, 'applications.csv'), 'utf8').replace(
      '支援日 / Date of support',
      'Day of the support',
    );
    writeFileSync(join(d, 'applications.csv'), apps);
    const error = await (async () =>
      planReplay({
        registrations: await readTable(join(FIXTURES, 'registrations.csv')),
        applications: await readTable(join(d, 'applications.csv')),
      }))().catch((e: unknown) => e as Error);
    expect((error as Error).message).toBe(
      'applications.csv: no column "支援日 / Date of support" (the question of field.application.supportDate). If your form titles it differently, add the row "field.application.supportDate,<your column title>" to a --settings file (header key,value).',
    );
  });
});
