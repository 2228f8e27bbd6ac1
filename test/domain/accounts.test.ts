// R31: the Accounts sheet, one row read and checked at a time. Expected values by hand from
// RULES R31 (bank code 4 digits, branch 3, account number 7, holder in kana) and the Zengin
// rule that numeric fields are padded with leading zeros.
import {
  formatAccountProblem,
  readAccount,
  readAccountNumber,
  readAccountType,
  readCode,
  readHolder,
} from '../../src/domain/accounts';

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

describe('each Accounts cell', () => {
  const notDigits = (width: number) => ({
    problem: {
      ja: `は${width}桁の数字ではありません。${width}桁の数字（先頭の0も）を入力してください`,
      en: `is not ${width} digits; expected exactly ${width} digits (leading zeros included)`,
    },
  });

  test('a code: empty, null or missing cells are empty, named with the width', () => {
    const empty = {
      problem: { ja: 'が空欄です。3桁の数字を入力してください', en: 'is empty; expected 3 digits' },
    };
    expect(readCode(null, 3)).toEqual(empty);
    expect(readCode(undefined, 3)).toEqual(empty);
    expect(readCode(' - ', 3)).toEqual(empty);
  });

  test('a code typed as text keeps every digit; dashes and spaces are dropped', () => {
    expect(readCode('00-05', 4)).toEqual({ value: '0005' });
    expect(readCode(' 0 005 ', 4)).toEqual({ value: '0005' });
    expect(readCode('5', 4)).toEqual(notDigits(4));
    expect(readCode('x123', 4)).toEqual(notDigits(4));
    expect(readCode('123x', 4)).toEqual(notDigits(4));
    expect(readCode('00005', 4)).toEqual(notDigits(4));
  });

  test('a code in a number cell is padded back to its width, but never cut, and never a fraction', () => {
    expect(readCode(12, 3)).toEqual({ value: '012' });
    expect(readCode(1234, 4)).toEqual({ value: '1234' });
    expect(readCode(12345, 4)).toEqual(notDigits(4));
    expect(readCode(12.5, 4)).toEqual(notDigits(4));
  });

  test('an account number: 1 to 7 digits padded to 7; empty or anything else named', () => {
    expect(readAccountNumber('1')).toEqual({ value: '0000001' });
    expect(readAccountNumber(1234567)).toEqual({ value: '1234567' });
    expect(readAccountNumber('123-4567')).toEqual({ value: '1234567' });
    expect(readAccountNumber('')).toEqual({
      problem: {
        ja: 'が空欄です。7桁までの数字を入力してください',
        en: 'is empty; expected up to 7 digits',
      },
    });
    const bad = {
      problem: {
        ja: 'は7桁までの数字ではありません。通帳の口座番号（7桁まで）を入力してください',
        en: 'is not a number of up to 7 digits; expected the account number from the passbook',
      },
    };
    expect(readAccountNumber('12345678')).toEqual(bad);
    expect(readAccountNumber('12a')).toEqual(bad);
  });

  test('an account type: 普通/当座/貯蓄, 1/2/4 or the English words, in any case', () => {
    const types: [string | number, string][] = [
      ['1', '1'],
      [1, '1'],
      ['普通', '1'],
      ['普通預金', '1'],
      ['Ordinary', '1'],
      ['SAVINGS', '1'],
      ['2', '2'],
      ['当座', '2'],
      ['Current', '2'],
      ['checking', '2'],
      ['4', '4'],
      ['貯蓄', '4'],
      ['貯蓄 預金', '4'],
    ];
    for (const [cell, expected] of types)
      expect(readAccountType(cell)).toEqual({ value: expected });
  });

  test('an account type: empty, or a word it does not know, named in both languages', () => {
    expect(readAccountType('')).toEqual({
      problem: {
        ja: 'が空欄です。「普通」か「当座」を入力してください',
        en: 'is empty; expected 普通 (1, ordinary) or 当座 (2, current)',
      },
    });
    expect(readAccountType('3')).toEqual({
      problem: {
        ja: 'は預金種目として読み取れません。「普通」「当座」「貯蓄」（または 1, 2, 4）を入力してください',
        en: 'is not an account type; expected 普通 (1, ordinary), 当座 (2, current) or 貯蓄 (4)',
      },
    });
  });

  test('a holder: spaces only are empty; separators only have no kana', () => {
    const empty = {
      problem: {
        ja: 'が空欄です。口座名義を通帳のとおりカタカナで入力してください',
        en: 'is empty; expected the holder’s name in katakana as on the passbook',
      },
    };
    expect(readHolder('   ')).toEqual(empty);
    expect(readHolder(null)).toEqual(empty);
    expect(readHolder('・')).toEqual({
      problem: { ja: 'にカナがありません', en: 'has no kana in it' },
    });
    expect(readHolder(' やまだ ')).toEqual({ value: 'ﾔﾏﾀﾞ' });
  });
});
