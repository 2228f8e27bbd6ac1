// The command line end to end: the demo writes the whole output folder; a bad file stops the
// run with a clear message, exit code 2 and no output folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../../local/cli';
import type { Decisions } from '../../../local/runner/decisions';
import type { StatisticsOutput } from '../../../local/runner/statistics';

const ROOT = join(__dirname, '..', '..', '..');
const FIXTURES = join(__dirname, 'fixtures');

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'runner-cli-'));
}

describe('npm start: the demo', () => {
  const out = join(tempDir(), 'out');
  let code: number;

  beforeAll(async () => {
    const write = process.stdout.write;
    process.stdout.write = (() => true) as typeof process.stdout.write; // keep the summary out of the test log
    try {
      code = await main(['--demo-size', 'small', '--out', out, '--quiet']);
    } finally {
      process.stdout.write = write;
    }
  });

  test('exits 0 and writes workbook.xlsx, one CSV per sheet, the emails, decisions.json and its marker', () => {
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      '.bansou-runner-output.json',
      'csv',
      'decisions.json',
      'emails',
      'statistics.html',
      'statistics.json',
      'transfers',
      'workbook.xlsx',
    ]);
    // The demo's fictitious accounts: a Zengin file per settled month (R31), no Accounts export.
    expect(readdirSync(join(out, 'transfers')).sort()).toEqual([
      'zengin-2023-07.txt',
      'zengin-2023-08.txt',
      'zengin-2023-09.txt',
    ]);
    expect(readdirSync(join(out, 'csv'))).not.toContain('Accounts.csv');
    const csvs = readdirSync(join(out, 'csv'));
    for (const name of ['Members.csv', 'Applications.csv', 'Ledger.csv', 'Payments 2023-08.csv']) {
      expect(csvs).toContain(name);
    }
    expect(readdirSync(join(out, 'emails')).length).toBeGreaterThan(30);
  });

  test('the workbook shows each sheet as staff see it: bold frozen header, formats, widths', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(out, 'workbook.xlsx'));
    const csvs = readdirSync(join(out, 'csv'));
    expect(book.worksheets.length).toBe(csvs.length);
    const apps = book.getWorksheet('Applications')!;
    expect(apps.getCell(1, 1).value).toBe('Response ID / 回答ID');
    expect(apps.getCell(1, 1).font?.bold).toBe(true);
    expect(apps.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(apps.getCell(2, 2).numFmt).toBe('yyyy-mm-dd hh:mm'); // Submitted at
    // A real date cell (exceljs reads it back with the wall clock in UTC fields) showing the
    // Tokyo time staff see in the sheet, not text and not shifted by the machine's zone.
    const submitted = apps.getCell(2, 2).value as Date;
    expect(submitted).toBeInstanceOf(Date);
    const shown = readFileSync(join(out, 'csv', 'Applications.csv'), 'utf8')
      .split('\n')[1]
      .split(',')[1];
    expect(submitted.toISOString().slice(0, 16).replace('T', ' ')).toBe(shown);
    expect(apps.getColumn(1).width).toBeGreaterThan(10);
  });

  test('decisions.json lists every generated registration and application by row', () => {
    const d = JSON.parse(readFileSync(join(out, 'decisions.json'), 'utf8')) as Decisions;
    const rows = d.applications.map((a) => a.row);
    expect(rows).toEqual(rows.map((_, i) => i + 1));
    expect(d.members[0]).toEqual({ row: 1, memberId: 'BN-00001', email: expect.any(String) });
    const statuses = new Set(d.applications.map((a) => a.status));
    expect([...statuses].every((s) => ['ACCEPTED', 'REJECTED', 'REVIEW'].includes(s))).toBe(true);
    expect(Object.keys(d.payments)).toEqual(['2023-07', '2023-08', '2023-09']);
    // Each month's total equals the Ledger lines of that payments sheet.
    const ledger = readFileSync(join(out, 'csv', 'Ledger.csv'), 'utf8');
    const lines = d.payments['2023-08'].reduce((n, l) => n + l.cases, 0);
    expect(ledger.split('\n').filter((l) => l.includes(',2023-08,')).length).toBe(lines);
  });

  test('statistics.json holds exactly the numbers of the Statistics sheet in workbook.xlsx (R37, R38)', async () => {
    const stats = JSON.parse(
      readFileSync(join(out, 'statistics.json'), 'utf8'),
    ) as StatisticsOutput;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(out, 'workbook.xlsx'));
    const sheet = book.getWorksheet('Statistics')!;
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      rows[n - 1] = (row.values as unknown[]).slice(1);
    });
    const cell = (r: number, c: number) => rows[r]?.[c] ?? '';
    expect(stats.tables.map((t) => t.key)).toEqual([
      'summary',
      'byMonth',
      'byIssue',
      'byPrefecture',
      'reasons',
      'supportersByBackground',
      'supportersByLanguage',
      'sessions',
    ]);
    let compared = 0;
    for (const table of stats.tables) {
      const at = rows.findIndex((r) => r?.[0] === table.title);
      expect({ title: table.title, found: at >= 0 }).toEqual({ title: table.title, found: true });
      expect(table.columns.map((_, c) => cell(at + 1, c))).toEqual(table.columns);
      table.rows.forEach((row, i) => {
        const line = [row.label, ...row.cells];
        expect(line.map((_, c) => cell(at + 2 + i, c))).toEqual(line);
        compared += row.cells.length;
      });
      expect(cell(at + 2 + table.rows.length, 0)).toBe(''); // nothing more in the sheet's table
    }
    expect(compared).toBeGreaterThan(100);
    // The protected cells are there, in both.
    expect(JSON.stringify(stats.tables)).toContain('"<3"');
  });

  test('statistics.html reads offline: the tables and the sheet’s three charts as inline SVG, no script', () => {
    const stats = JSON.parse(
      readFileSync(join(out, 'statistics.json'), 'utf8'),
    ) as StatisticsOutput;
    const html = readFileSync(join(out, 'statistics.html'), 'utf8');
    expect(stats.charts.map((c) => [c.title, c.type])).toEqual([
      ['Cases per month / 月別の受理件数', 'column'],
      ['Cases by issue / 相談内容別の件数', 'bar'],
      ['Cases by prefecture / 都道府県別の件数', 'bar'],
    ]);
    // Each chart shows the first value column of its table, as in the sheet.
    const month = stats.tables.find((t) => t.key === 'byMonth')!;
    expect(stats.charts[0].data).toEqual(
      month.rows.map((r) => ({ label: r.label, value: r.cells[0] })),
    );
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).not.toMatch(/<script|<link|src=|href=|@import|url\(/i);
    for (const t of stats.tables) expect(html).toContain(t.title.replace(/&/g, '&amp;'));
    expect(html).toContain('&lt;3');
  });

  test('an email is an RFC 5322 message: encoded UTF-8 subject, text and HTML alternatives', () => {
    const eml = readFileSync(join(out, 'emails', '00001.eml'), 'utf8');
    expect(eml).toMatch(/^From: .+ <office@bansou\.example\.org>\r\n/);
    expect(eml).toMatch(/\r\nSubject: =\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=/);
    expect(eml).toMatch(/\r\nDate: \w{3}, \d{2} \w{3} 2023 \d{2}:\d{2}:\d{2} \+0900\r\n/);
    expect(eml).toContain('Content-Type: multipart/alternative; boundary=');
    expect(eml).toContain('Content-Type: text/plain; charset=UTF-8');
    expect(eml).toContain('Content-Type: text/html; charset=UTF-8');
    for (const line of eml.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
  });
});

describe('npm start with a bad file', () => {
  test('prints file, row, column and what was expected, exits 2 and writes no output folder', () => {
    const dir = tempDir();
    const lines = readFileSync(join(FIXTURES, 'applications.csv'), 'utf8').split('\n');
    lines[3] = lines[3].replace('2023-07-27 09:00:00', '2023/07/32 09:00:00');
    writeFileSync(join(dir, 'applications.csv'), lines.join('\n'));
    const out = join(dir, 'out');
    const run = spawnSync(
      'npx',
      [
        'tsx',
        'local/cli.ts',
        '--registrations',
        join(FIXTURES, 'registrations.csv'),
        '--applications',
        join(dir, 'applications.csv'),
        '--out',
        out,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(run.stderr).toContain(
      'applications.csv row 4, column "Timestamp": "2023/07/32 09:00:00" is not a date and time',
    );
    expect(run.status).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual(['applications.csv']);
  });
});
