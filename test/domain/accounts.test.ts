// R31: the Accounts sheet, one row read and checked at a time. Expected values by hand from
// RULES R31 (bank code 4 digits, branch 3, account number 7, holder in kana) and the Zengin
// rule that numeric fields are padded with leading zeros.
import { formatAccountProblem, readAccount } from '../../src/domain/accounts';

const row = (cells: Partial<Record<string, unknown>>) => ({
  row: 7,
  bankCode: '0005',
  branchCode: '123',
  accountType: '普通',
  accountNumber: '1234567',
  holder: 'ヤマダ タロウ',
  ...cells,
});

describe('an Accounts row', () => {
  test('typed in full width, hiragana and with 預金: converted to half width', () => {
    expect(
      readAccount(
        row({
          bankCode: '０００５',
          branchCode: '１２３',
          accountType: '当座預金',
          accountNumber: '００１２３４５',
          holder: 'やまだ　たろう',
        }),
      ),
    ).toEqual({
      account: {
        bankCode: '0005',
        branchCode: '123',
        accountType: '2',
        accountNumber: '0012345',
        holder: 'ﾔﾏﾀﾞ ﾀﾛｳ',
      },
    });
  });

  test('a short account number is padded with zeros to 7 digits; type 1 and 2 as digits', () => {
    const r = readAccount(row({ accountNumber: '12345', accountType: '1' }));
    expect(r).toMatchObject({ account: { accountNumber: '0012345', accountType: '1' } });
  });

  test('number cells (Sheets dropped the leading zeros) are padded back: 5 → 0005, 1 → 001', () => {
    const r = readAccount(row({ bankCode: 5, branchCode: 1, accountNumber: 12345 }));
    expect(r).toMatchObject({
      account: { bankCode: '0005', branchCode: '001', accountNumber: '0012345' },
    });
  });

  test('every bad field is reported with its row, and never with its content', () => {
    const r = readAccount(
      row({
        bankCode: '55',
        branchCode: '12a',
        accountType: '外貨',
        accountNumber: '123456789',
        holder: '山田太郎',
      }),
    );
    expect('problems' in r).toBe(true);
    if (!('problems' in r)) return;
    expect(r.problems.map((p) => p.field)).toEqual([
      'bankCode',
      'branchCode',
      'accountType',
      'accountNumber',
      'holder',
    ]);
    const en = r.problems.map((p) => formatAccountProblem(p, 'en'));
    const ja = r.problems.map((p) => formatAccountProblem(p, 'ja'));
    expect(en[0]).toBe(
      'Accounts row 7, Bank code: is not 4 digits; expected exactly 4 digits (leading zeros included).',
    );
    expect(ja[0]).toBe(
      '口座シート 7行目「金融機関コード」は4桁の数字ではありません。4桁の数字（先頭の0も）を入力してください。',
    );
    expect(en[4]).toMatch(/^Accounts row 7, Account holder \(kana\): contains characters/);
    for (const text of [...en, ...ja]) {
      for (const secret of ['123456789', '山田', '12a', '外貨']) expect(text).not.toContain(secret);
    }
  });

  test('empty cells are named as empty', () => {
    const r = readAccount(row({ holder: '', bankCode: '' }));
    expect('problems' in r && r.problems.map((p) => formatAccountProblem(p, 'en'))).toEqual([
      'Accounts row 7, Bank code: is empty; expected 4 digits.',
      'Accounts row 7, Account holder (kana): is empty; expected the holder’s name in katakana as on the passbook.',
    ]);
  });
});
