// R31 in the local runner: --accounts fills the Accounts sheet and out/transfers/ holds the
// Zengin file of each settled month; account data appears nowhere else in the output.
// Expected records written by hand from the 全銀協 総合振込 layout (see test/domain/zengin.test.ts).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../local/cli';
import { readAccountsTable } from '../../../local/runner/transfers';

const FIXTURES = join(__dirname, 'fixtures');
const sp = (n: number) => ' '.repeat(n);
const sjis = (s: string) =>
  [...s].map((c) =>
    c.charCodeAt(0) >= 0xff61 ? c.charCodeAt(0) - 0xff61 + 0xa1 : c.charCodeAt(0),
  );

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describe('npm start --accounts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'runner-transfers-'));
  const out = join(dir, 'out');
  let code: number;
  let stderr = '';

  beforeAll(async () => {
    const settings = join(dir, 'settings.csv');
    writeFileSync(
      settings,
      [
        'key,value',
        'staffEmail,staff@example.org',
        'consignorCode,0000012345',
        'consignorName,バンソウネット',
        'officeBankCode,0005',
        'officeBranchCode,001',
        'officeAccountType,1',
        'officeAccountNumber,7654321',
        '',
      ].join('\n'),
    );
    const write = process.stdout.write;
    const writeErr = process.stderr.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    process.stderr.write = ((s: string) => {
      stderr += s;
      return true;
    }) as typeof process.stderr.write;
    try {
      code = await main([
        '--registrations',
        join(FIXTURES, 'registrations.csv'),
        '--applications',
        join(FIXTURES, 'applications.csv'),
        '--documents',
        join(FIXTURES, 'documents.csv'),
        '--courses',
        join(FIXTURES, 'courses.csv'),
        '--settings',
        settings,
        '--accounts',
        join(FIXTURES, 'accounts.csv'),
        '--until',
        '2023-10-02',
        '--out',
        out,
        '--quiet',
      ]);
    } finally {
      process.stdout.write = write;
      process.stderr.write = writeErr;
    }
  });

  test('one Zengin file per settled month, byte for byte', () => {
    expect(code).toBe(0);
    expect(readdirSync(join(out, 'transfers')).sort()).toEqual([
      'zengin-2023-07.txt',
      'zengin-2023-08.txt',
      'zengin-2023-09.txt',
    ]);
    const header = `12100000012345ﾊﾞﾝｿｳﾈﾂﾄ${sp(32)}08250005${sp(15)}001${sp(15)}17654321${sp(17)}`;
    const alice = `20001${sp(15)}100${sp(15)}000013141592ｱﾘｽ ﾀﾅｶ${sp(23)}0000012000000000000010000000000${'7'} ${sp(7)}`;
    const bob = `29998${sp(15)}001${sp(15)}000022718281ﾎﾞﾌﾞ ｻﾝﾄｽ${sp(21)}0000008000000000000020000000000${'7'} ${sp(7)}`;
    const trailer = `8000002000000020000${sp(101)}`;
    const end = `9${sp(119)}`;
    const records = [header, alice, bob, trailer, end];
    for (const r of records) expect(r).toHaveLength(120);
    const bytes = [...readFileSync(join(out, 'transfers', 'zengin-2023-07.txt'))];
    expect(bytes).toEqual(records.flatMap((r) => [...sjis(r), 0x0d, 0x0a]));
  });

  test('a supporter without an account is left out of the file (September: BN-00004)', () => {
    const text = readFileSync(join(out, 'transfers', 'zengin-2023-09.txt'), 'latin1');
    const lines = text.split('\r\n').filter((l) => l !== '');
    expect(lines.map((l) => l[0])).toEqual(['1', '2', '8', '9']);
    expect(lines[2].slice(0, 19)).toBe('8000001000000008000'); // BN-00001 only
  });

  test('a bank code missing from the zengin-code list is warned about by row, without the code', () => {
    expect(stderr).toContain(
      'warning: ' +
        join(FIXTURES, 'accounts.csv') +
        ' row 2: the Bank code is not in the zengin-code list of banks',
    );
    expect(stderr).not.toContain('9998');
  });

  test('account data is in no CSV, email, workbook or decisions.json; there is no Accounts export', () => {
    const files = allFiles(out).filter((f) => !f.includes(`${join('out', 'transfers')}`));
    expect(files.some((f) => f.endsWith('Accounts.csv'))).toBe(false);
    for (const f of files) {
      const content = readFileSync(f);
      const text = content.toString('utf8');
      for (const secret of ['3141592', '2718281', 'ｱﾘｽ ﾀﾅｶ', 'ﾎﾞﾌﾞ']) {
        expect({ file: f, found: text.includes(secret) }).toEqual({ file: f, found: false });
      }
    }
    // workbook.xlsx is zipped: its sheet list must not name Accounts.
    expect(readFileSync(join(out, 'workbook.xlsx')).includes(Buffer.from('Accounts'))).toBe(false);
  });
});

describe('--accounts headers are the Accounts sheet’s (src/adapters/tables/schema.ts)', () => {
  const row = ['BN-00001', '0001', '100', '普通', '3141592', 'アリス タナカ'];
  const expected = [
    {
      row: 1,
      memberId: 'BN-00001',
      bankCode: '0001',
      branchCode: '100',
      accountType: '普通',
      accountNumber: '3141592',
      holder: 'アリス タナカ',
    },
  ];
  test.each([
    [
      'Japanese',
      ['伴走ネットID', '金融機関コード', '支店コード', '預金種目', '口座番号', '口座名義（カナ）'],
      row,
    ],
    [
      'as the sheet has them',
      [
        'Bansou Net ID / 伴走ネットID',
        'Bank code / 金融機関コード',
        'Branch code / 支店コード',
        'Account type / 預金種目',
        'Account number / 口座番号',
        'Account holder (kana) / 口座名義（カナ）',
      ],
      row,
    ],
    [
      'English, 口座名義 alone, in another order',
      ['口座名義', 'Account number', 'Account type', 'Branch code', 'Bank code', 'Bansou Net ID'],
      [...row].reverse(),
    ],
  ])('%s', (_, header, cells) => {
    expect(readAccountsTable({ file: 'a.csv', header, rows: [cells] })).toEqual(expected);
  });

  test('a missing column is named', () => {
    const table = { file: 'a.csv', header: ['Bansou Net ID', 'Bank code'], rows: [] };
    expect(() => readAccountsTable(table)).toThrow(/no column "Branch code \/ 支店コード"/);
  });
});
