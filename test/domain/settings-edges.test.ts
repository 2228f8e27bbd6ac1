// The Settings sheet's less travelled rows and corners: a text or title row that reads as
// nothing, the office's bank rows (R31: digit counts in both languages, the 40-character kana
// limit, the account type), amounts written with several thousands separators, and the forms'
// editor and published addresses under a multi-digit /u/N/. Read through parseSettings and
// formatSettingErrors only; every expected text and value is written out by hand from the
// catalogue's help texts (the Settings sheet's documented forms) and RULES.md.
import { formatSettingErrors, parseSettings, type SettingError } from '../../src/domain/settings';
import type { Settings } from '../../src/domain/settings-types';

const REQUIRED = {
  registrationFormUrl:
    'https://docs.google.com/forms/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg/edit',
  applicationFormUrl:
    'https://docs.google.com/forms/d/1ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210gfedcba/edit',
  staffEmail: 'office@example.org',
};

function ok(rows: Record<string, unknown>): Settings {
  const r = parseSettings({ ...REQUIRED, ...rows });
  if ('errors' in r) throw new Error(formatSettingErrors(r.errors, 'en'));
  return r.settings;
}

function errorsOf(rows: Record<string, unknown>): SettingError[] {
  const r = parseSettings({ ...REQUIRED, ...rows });
  if (!('errors' in r)) throw new Error('expected errors, got settings');
  return r.errors;
}

/** The one error of a sheet that differs from REQUIRED by `rows`. */
function only(rows: Record<string, unknown>): SettingError {
  const errors = errorsOf(rows);
  expect(errors).toHaveLength(1);
  return errors[0];
}

const said = (e: SettingError) => [e.key, e.value, e.expected, e.expectedJa];

/** A cell that reads as no text at all although it is not empty (Sheets never gives one; the
 * only way to reach a text row's "is empty" once empty cells take the default). */
const unreadable = () => new Date(Number.NaN);

describe('text and title rows that read as nothing', () => {
  test('a text row whose cell reads as no text is "empty; expected some text"', () => {
    expect(said(only({ senderName: unreadable() }))).toEqual([
      'senderName',
      '',
      'is empty; expected some text',
      'が空欄です。内容を入力してください',
    ]);
  });

  test('a question title that reads as no text is "empty; expected the exact title of the form question", in both languages', () => {
    const errors = [only({ 'field.registration.phone': unreadable() })];
    expect(said(errors[0])).toEqual([
      'field.registration.phone',
      '',
      'is empty; expected the exact title of the form question',
      'が空欄です。フォームの質問のタイトルをそのまま入力してください',
    ]);
    expect(formatSettingErrors(errors, 'ja')).toBe(
      '設定の行「登録フォームの質問: 電話番号（field.registration.phone）」: 値が空欄です。フォームの質問のタイトルをそのまま入力してください。',
    );
    expect(formatSettingErrors(errors, 'en')).toBe(
      'Settings row "Registration form question: Phone (field.registration.phone)": the value is empty; expected the exact title of the form question.',
    );
  });

  test('two unreadable titles of one form are each reported once, as empty, not as the same question twice', () => {
    const errors = errorsOf({
      'field.registration.phone': unreadable(),
      'field.registration.address': unreadable(),
    });
    expect(errors.map((e) => [e.key, e.expected])).toEqual([
      ['field.registration.phone', 'is empty; expected the exact title of the form question'],
      ['field.registration.address', 'is empty; expected the exact title of the form question'],
    ]);
  });
});

describe('the office bank rows (R31): digits', () => {
  test('a bank code that is not 4 digits: the Japanese message says 4桁, the value is never repeated', () => {
    const errors = [only({ officeBankCode: '123' })];
    expect(said(errors[0])).toEqual([
      'officeBankCode',
      '',
      'is not 4 digits; expected 4 digits',
      'は4桁の数字ではありません。4桁の数字を入力してください',
    ]);
    expect(formatSettingErrors(errors, 'ja')).toBe(
      '設定の行「事務局口座の金融機関コード（officeBankCode）」: 値は4桁の数字ではありません。4桁の数字を入力してください。',
    );
  });

  test('a branch code of 2 or 4 digits is not 3 digits', () => {
    for (const cell of ['12', '1234', 1234]) {
      expect(said(only({ officeBranchCode: cell }))).toEqual([
        'officeBranchCode',
        '',
        'is not 3 digits; expected 3 digits',
        'は3桁の数字ではありません。3桁の数字を入力してください',
      ]);
    }
  });

  test('an account number of more than 7 digits: "1–7 digits" and 7桁まで', () => {
    const errors = [only({ officeAccountNumber: '12345678' })];
    expect(said(errors[0])).toEqual([
      'officeAccountNumber',
      '',
      'is not 1–7 digits; expected 1–7 digits',
      'は7桁までの数字ではありません。7桁までの数字を入力してください',
    ]);
    expect(formatSettingErrors(errors, 'ja')).toBe(
      '設定の行「事務局口座の口座番号（officeAccountNumber）」: 値は7桁までの数字ではありません。7桁までの数字を入力してください。',
    );
  });

  test('a consignor code of more than 10 digits: "1–10 digits" and 10桁まで', () => {
    expect(said(only({ consignorCode: '12345678901' }))).toEqual([
      'consignorCode',
      '',
      'is not 1–10 digits; expected 1–10 digits',
      'は10桁までの数字ではありません。10桁までの数字を入力してください',
    ]);
  });

  test('letters before, after or among the digits are refused', () => {
    for (const cell of ['A123', '123A', '12A4', '１２３Ａ'])
      expect(only({ officeBankCode: cell }).key).toBe('officeBankCode');
  });

  test('digits written with hyphens or spaces are read without them, then padded', () => {
    expect(ok({ officeAccountNumber: '123-4567' }).officeAccountNumber).toBe('1234567');
    expect(ok({ officeAccountNumber: ' 12 34 ' }).officeAccountNumber).toBe('0001234');
    expect(ok({ officeBankCode: '０-００５' }).officeBankCode).toBe('0005');
  });

  test('every digit count at its limit is accepted: 4-digit bank, 3-digit branch, 7-digit account, 10-digit consignor code', () => {
    expect(
      ok({
        officeBankCode: '0009',
        officeBranchCode: '001',
        officeAccountNumber: '7654321',
        consignorCode: 1234567890,
      }),
    ).toMatchObject({
      officeBankCode: '0009',
      officeBranchCode: '001',
      officeAccountNumber: '7654321',
      consignorCode: '1234567890',
    });
  });

  test('a number cell longer than the row allows is refused even though a number never keeps its zeros', () => {
    expect(only({ officeBankCode: 12345 }).expected).toBe('is not 4 digits; expected 4 digits');
  });
});

describe('the office bank rows (R31): account type and consignor name', () => {
  test('普通 or 当座, as words, digits or in English, with or without 預金', () => {
    expect(ok({ officeAccountType: '普通' }).officeAccountType).toBe('1');
    expect(ok({ officeAccountType: ' 当座預金 ' }).officeAccountType).toBe('2');
    expect(ok({ officeAccountType: 'Ordinary' }).officeAccountType).toBe('1');
    expect(ok({ officeAccountType: 2 }).officeAccountType).toBe('2');
  });

  test('貯蓄 or anything else is "not an account type", in both languages, without the value', () => {
    for (const cell of ['貯蓄', '4', 'x']) {
      expect(said(only({ officeAccountType: cell }))).toEqual([
        'officeAccountType',
        '',
        'is not an account type; expected 普通 (1, ordinary) or 当座 (2, current)',
        'は預金種目として読み取れません。「普通」か「当座」（1 か 2）を入力してください',
      ]);
    }
  });

  test('a consignor name of exactly 40 half-width characters once converted is accepted (each ガ is two: ｶﾞ)', () => {
    expect(ok({ consignorName: 'ガ'.repeat(20) }).consignorName).toBe('ｶﾞ'.repeat(20));
    expect(ok({ consignorName: 'A'.repeat(40) }).consignorName).toBe('A'.repeat(40));
  });

  test('a consignor name longer than 40 half-width characters once converted is refused, in both languages, without the value', () => {
    const errors = [only({ consignorName: 'ガ'.repeat(20) + 'A' })];
    expect(said(errors[0])).toEqual([
      'consignorName',
      '',
      'is longer than 40 half-width characters once converted; expected a shorter name',
      'は半角に直すと40文字を超えます。短い名前にしてください',
    ]);
    expect(formatSettingErrors(errors, 'en')).toBe(
      'Settings row "Consignor name (kana) (consignorName)": the value is longer than 40 half-width characters once converted; expected a shorter name.',
    );
  });

  test('a consignor name with kanji keeps the bank-text message, in both languages, without the value', () => {
    expect(said(only({ consignorName: '伴走ネット' }))).toEqual([
      'consignorName',
      '',
      'contains characters a bank transfer cannot carry (kanji, symbols…); write it in katakana as on the passbook',
      'に使えない文字（漢字、記号など）が含まれています。通帳のとおりカタカナで入力してください',
    ]);
  });
});

describe('amounts and numbers', () => {
  test('an amount with two digits before the first thousands separator, or with several separators, is read', () => {
    expect(ok({ feeStandard: '12,000', feeLong: '1,000,000' })).toMatchObject({
      feeStandard: 12000,
      feeLong: 1000000,
    });
    expect(ok({ feeStandard: '¥4,000', feeLong: '10000円' })).toMatchObject({
      feeStandard: 4000,
      feeLong: 10000,
    });
  });

  test('a number cell with a fraction is not an amount in yen', () => {
    expect(said(only({ feeLong: 8000.5 }))).toEqual([
      'feeLong',
      '8000.5',
      'is not an amount in yen; expected a whole number such as 4000',
      'は金額（円）として読み取れません。4000 のような整数で入力してください',
    ]);
  });

  test('the long support time equal to the minimum is "not more than the minimum"', () => {
    expect(only({ minMinutes: 90, longMinutes: 90 }).expected).toBe(
      'is not more than the minimum support time (90); expected a larger number of minutes',
    );
  });

  test('a long fee equal to the standard fee is accepted', () => {
    expect(ok({ feeStandard: 6000, feeLong: '6,000' }).feeLong).toBe(6000);
  });
});

describe('form addresses', () => {
  const id = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg';
  const howTo =
    'open the form in Google Forms as its editor and paste the address from the browser bar, which looks like https://docs.google.com/forms/d/…/edit';

  test('an editor address under a two-digit account (/u/10/) is kept in its canonical form', () => {
    expect(
      ok({ applicationFormUrl: `https://docs.google.com/forms/u/10/d/${id}/edit` })
        .applicationFormUrl,
    ).toBe(`https://docs.google.com/forms/d/${id}/edit`);
  });

  test('a published /d/e/ link, with no account segment or under /u/12/, is "the published link"', () => {
    for (const url of [
      'https://docs.google.com/forms/d/e/1FAIpQLSdXyz/formResponse',
      'https://docs.google.com/forms/u/12/d/e/1FAIpQLSdXyz/formResponse',
    ])
      expect(only({ registrationFormUrl: url }).expected).toBe(
        `is the published link that respondents use, which the script cannot open; ${howTo}`,
      );
  });

  test('the short link over https is "the short link"', () => {
    expect(only({ registrationFormUrl: 'https://forms.gle/abc' }).expected).toBe(
      `is the short link that respondents use, which the script cannot open; ${howTo}`,
    );
  });
});

describe('a number or a date where an address belongs', () => {
  const howTo =
    'open the form in Google Forms as its editor and paste the address from the browser bar, which looks like https://docs.google.com/forms/d/…/edit';

  test('a number in a form row is "not the address of a Google Form’s editor", not "empty"', () => {
    expect(said(only({ registrationFormUrl: 12345 }))).toEqual([
      'registrationFormUrl',
      '12345',
      `is not the address of a Google Form’s editor; ${howTo}`,
      'は Google フォームの編集画面のアドレスではありません。Google フォームを編集画面で開き、ブラウザのアドレス欄のアドレス（https://docs.google.com/forms/d/…/edit の形）を貼り付けてください',
    ]);
  });

  test('a number or a date in an email row is "not an email address", not "empty"', () => {
    expect(said(only({ staffEmail: 42 }))).toEqual([
      'staffEmail',
      '42',
      'is not an email address; expected an address (several separated by commas) such as office@example.org',
      'はメールアドレスとして読み取れません。office@example.org のような形（複数の場合はカンマ区切り）で入力してください',
    ]);
    // 2024-04-01 00:00 in Tokyo.
    const day = new Date(Date.UTC(2024, 2, 31, 15, 0, 0));
    expect(said(only({ replyTo: day }))).toEqual([
      'replyTo',
      '2024-04-01',
      'is not an email address; expected an address such as office@example.org',
      'はメールアドレスとして読み取れません。office@example.org のような形で入力してください',
    ]);
  });
});

// parseSettings takes any value (its rows are `unknown`): a value no cell of the sheet holds is
// refused like bad text, never read through its text form and never a crash.
describe('values that are not cells of the sheet', () => {
  test('a list holding a number, a day, an amount or an hour is not read as one', () => {
    expect(said(only({ recipientCap: [5] }))).toEqual([
      'recipientCap',
      '5',
      'is not a whole number from 1 to 1000; expected a whole number from 1 to 1000, such as 3',
      'は1〜1000 の整数ではありません。3 のように1〜1000 の整数を入力してください',
    ]);
    expect(only({ programEnd: ['2024-04-01'] }).expected).toBe(
      'is not a date; expected a day written as YYYY-MM-DD, such as 2024-04-01',
    );
    expect(only({ feeStandard: ['4000'] }).expected).toBe(
      'is not an amount in yen; expected a whole number such as 4000',
    );
    expect(only({ monthlyRunHour: ['6:00'] }).expected).toBe(
      'is not an hour of the day; expected a whole number from 0 to 23, such as 6',
    );
  });

  test('an object with a getTime method that is not a Date is not a day', () => {
    expect(said(only({ programEnd: { getTime: () => 0 } }))).toEqual([
      'programEnd',
      '[object Object]',
      'is not a date; expected a day written as YYYY-MM-DD, such as 2024-04-01',
      'は日付として読み取れません。2024-04-01 のように YYYY-MM-DD の形で入力してください',
    ]);
  });

  test('a plain object is read by its own keys, even a key named get or entries that holds a function', () => {
    expect(errorsOf({ entries: () => [] }).map((e) => e.key)).toEqual(['entries']);
    expect(errorsOf({ get: () => undefined }).map((e) => e.key)).toEqual(['get']);
  });
});

describe('text around a day or a short link', () => {
  test('a day with anything before the year is not a date', () => {
    for (const cell of ['FY2024-04-01', '12024-04-01'])
      expect(said(only({ programEnd: cell }))).toEqual([
        'programEnd',
        cell,
        'is not a date; expected a day written as YYYY-MM-DD, such as 2024-04-01',
        'は日付として読み取れません。2024-04-01 のように YYYY-MM-DD の形で入力してください',
      ]);
  });

  test('an address that only mentions forms.gle/ further on is not the short link but "not the address of a Google Form’s editor"', () => {
    expect(only({ registrationFormUrl: 'https://example.org/?next=forms.gle/abc' }).expected).toBe(
      'is not the address of a Google Form’s editor; open the form in Google Forms as its editor and paste the address from the browser bar, which looks like https://docs.google.com/forms/d/…/edit',
    );
  });
});
