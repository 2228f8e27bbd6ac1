// The Settings sheet as staff meet it: what each kind of row accepts and the exact words of
// each refusal (English and Japanese), read through parseSettings and formatSettingErrors only.
// Expected texts are written out by hand.
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
  const r = parseSettings(rows);
  if ('errors' in r) throw new Error(formatSettingErrors(r.errors, 'en'));
  return r.settings;
}

/** The one error of a sheet that differs from REQUIRED by `rows`. */
function only(rows: Record<string, unknown>): SettingError {
  const r = parseSettings({ ...REQUIRED, ...rows });
  if (!('errors' in r)) throw new Error('expected an error, got settings');
  expect(r.errors).toHaveLength(1);
  return r.errors[0];
}

const said = (e: SettingError) => [e.value, e.expected, e.expectedJa];

describe('days', () => {
  const notADate = [
    'is not a date; expected a day written as YYYY-MM-DD, such as 2024-04-01',
    'は日付として読み取れません。2024-04-01 のように YYYY-MM-DD の形で入力してください',
  ];
  test('text that is not a day, a number, or an invalid Date cell is "not a date"', () => {
    expect(said(only({ programEnd: 'next year' }))).toEqual(['next year', ...notADate]);
    expect(said(only({ programEnd: '2024-04-01 10:00' }))).toEqual([
      '2024-04-01 10:00',
      ...notADate,
    ]);
    expect(said(only({ programEnd: 45000 }))).toEqual(['45000', ...notADate]);
    expect(only({ programEnd: new Date(Number.NaN) }).expected).toBe(notADate[0]);
    expect(only({ programEnd: '2024-4' }).expected).toBe(notADate[0]);
  });

  test('a day that does not exist is "not a real calendar day"', () => {
    expect(said(only({ programEnd: '2025-02-29' }))).toEqual([
      '2025-02-29',
      'is not a real calendar day; expected a day written as YYYY-MM-DD, such as 2024-04-01',
      'は存在しない日付です。2024-04-01 のように YYYY-MM-DD の形で入力してください',
    ]);
  });

  test('a day written with spaces around it or with one-digit month and day is read', () => {
    expect(ok({ ...REQUIRED, programStart: ' 2023-7-9 ' }).programStart).toBe('2023-07-09');
    expect(ok({ ...REQUIRED, programEnd: '2026/2/8' }).programEnd).toBe('2026-02-08');
  });

  test('a program that ends before it starts: the end row names the start', () => {
    expect(said(only({ programStart: '2024-04-01', programEnd: '2024-03-31' }))).toEqual([
      '2024-03-31',
      'is before the program start (2024-04-01); expected a day on or after it',
      'は事業の開始日（2024-04-01）より前です。開始日以降の日付を入力してください',
    ]);
    // A program of one day is fine.
    expect(
      ok({ ...REQUIRED, programStart: '2024-04-01', programEnd: '2024-04-01' }).programEnd,
    ).toBe('2024-04-01');
  });
});

describe('whole numbers', () => {
  test('below the minimum, above the maximum, or not whole: the range is named with the default as example', () => {
    const msg = [
      'is not a whole number from 1 to 1000; expected a whole number from 1 to 1000, such as 3',
      'は1〜1000 の整数ではありません。3 のように1〜1000 の整数を入力してください',
    ];
    expect(said(only({ recipientCap: 0 }))).toEqual(['0', ...msg]);
    expect(said(only({ recipientCap: 1001 }))).toEqual(['1001', ...msg]);
    expect(said(only({ recipientCap: '2.5' }))).toEqual(['2.5', ...msg]);
    expect(said(only({ recipientCap: '-1' }))).toEqual(['-1', ...msg]);
  });

  test('the bounds themselves are accepted; thousands separators and a plus sign are read', () => {
    expect(ok({ ...REQUIRED, recipientCap: 1 }).recipientCap).toBe(1);
    expect(ok({ ...REQUIRED, recipientCap: '1,000' }).recipientCap).toBe(1000);
    expect(ok({ ...REQUIRED, recipientCap: '+7' }).recipientCap).toBe(7);
    expect(ok({ ...REQUIRED, deadlineMonths: '２４' }).deadlineMonths).toBe(24);
    expect(only({ deadlineMonths: 25 }).key).toBe('deadlineMonths');
    expect(only({ recipientCap: '1,00' }).key).toBe('recipientCap');
    expect(only({ recipientCap: '10,0000' }).key).toBe('recipientCap');
    expect(only({ recipientCap: '5 people' }).key).toBe('recipientCap');
    expect(only({ recipientCap: true }).key).toBe('recipientCap');
  });

  test('a timer interval names the intervals Apps Script offers', () => {
    expect(said(only({ sweepEveryHours: 3 }))).toEqual([
      '3',
      'is not one of 1, 2, 4, 6, 8, 12; expected one of 1, 2, 4, 6, 8, 12, such as 1',
      'は1、2、4、6、8、12 のいずれかではありません。1 のように1、2、4、6、8、12 のいずれかを入力してください',
    ]);
    expect(ok({ ...REQUIRED, outboxEveryHours: '12' }).outboxEveryHours).toBe(12);
  });

  test('the long support time must be more than the minimum: the message names the minimum', () => {
    expect(said(only({ minMinutes: 90, longMinutes: 60 }))).toEqual([
      '60',
      'is not more than the minimum support time (90); expected a larger number of minutes',
      'は最低支援時間（90分）以下です。それより大きい分数を入力してください',
    ]);
    expect(ok({ ...REQUIRED, minMinutes: 90, longMinutes: 91 }).longMinutes).toBe(91);
  });
});

describe('amounts in yen', () => {
  test('zero is an amount; a negative or a fraction is not', () => {
    expect(ok({ ...REQUIRED, feeStandard: 0, feeLong: '0円' })).toMatchObject({
      feeStandard: 0,
      feeLong: 0,
    });
    const msg = [
      'is not an amount in yen; expected a whole number such as 4000',
      'は金額（円）として読み取れません。4000 のような整数で入力してください',
    ];
    expect(said(only({ feeLong: -1 }))).toEqual(['-1', ...msg]);
    expect(said(only({ feeLong: '¥-1' }))).toEqual(['¥-1', ...msg]);
    expect(said(only({ feeLong: '8000.5' }))).toEqual(['8000.5', ...msg]);
    expect(said(only({ feeLong: '円8000' }))).toEqual(['円8000', ...msg]);
    expect(said(only({ feeLong: '8000¥' }))).toEqual(['8000¥', ...msg]);
  });

  test('a long fee below the standard fee: the message names the standard fee', () => {
    expect(said(only({ feeStandard: 5000, feeLong: 4999 }))).toEqual([
      '4999',
      'is less than the standard fee (5000); expected an amount at least as large',
      'は通常の謝金（5000円）より少ない金額です。それ以上の金額を入力してください',
    ]);
  });
});

describe('hours', () => {
  const msg = [
    'is not an hour of the day; expected a whole number from 0 to 23, such as 6',
    'は時刻（時）として読み取れません。6 のように 0〜23 の整数で入力してください',
  ];
  test('0–23, as a number, as text or written as 6:00; 23 is the last hour', () => {
    expect(ok({ ...REQUIRED, monthlyRunHour: '23' }).monthlyRunHour).toBe(23);
    expect(ok({ ...REQUIRED, monthlyRunHour: '6:00' }).monthlyRunHour).toBe(6);
    expect(ok({ ...REQUIRED, sessionsDailyHour: '２１：００' }).sessionsDailyHour).toBe(21);
  });

  test('anything else is "not an hour of the day"', () => {
    expect(said(only({ monthlyRunHour: 24 }))).toEqual(['24', ...msg]);
    expect(said(only({ monthlyRunHour: '24:00' }))).toEqual(['24:00', ...msg]);
    expect(said(only({ monthlyRunHour: -1 }))).toEqual(['-1', ...msg]);
    expect(said(only({ monthlyRunHour: 'at 6:00' }))).toEqual(['at 6:00', ...msg]);
    expect(said(only({ monthlyRunHour: '6:00 pm' }))).toEqual(['6:00 pm', ...msg]);
    expect(said(only({ monthlyRunHour: '123:00' }))).toEqual(['123:00', ...msg]);
  });
});

describe('email addresses', () => {
  test('the staff email: an empty row says it is empty and that several may be listed', () => {
    const r = parseSettings({ ...REQUIRED, staffEmail: '' });
    expect('errors' in r && said(r.errors[0])).toEqual([
      '',
      'is empty; expected an email address (several separated by commas), such as office@example.org',
      'が空欄です。office@example.org のようなメールアドレス（複数の場合はカンマ区切り）を入力してください',
    ]);
  });

  test('the staff email: several addresses separated by commas or semicolons; a trailing comma is harmless', () => {
    expect(ok({ ...REQUIRED, staffEmail: 'a@example.org;b@example.jp' }).staffEmail).toBe(
      'a@example.org, b@example.jp',
    );
    expect(ok({ ...REQUIRED, staffEmail: 'a@example.org,' }).staffEmail).toBe('a@example.org');
    expect(ok({ ...REQUIRED, staffEmail: ' ａ＠example.org ' }).staffEmail).toBe('a@example.org');
  });

  test('the staff email: a list with no address, or one bad address, is refused', () => {
    const msg = [
      'is not an email address; expected an address (several separated by commas) such as office@example.org',
      'はメールアドレスとして読み取れません。office@example.org のような形（複数の場合はカンマ区切り）で入力してください',
    ];
    expect(said(only({ staffEmail: ' , ' }))).toEqual([' , ', ...msg]);
    expect(said(only({ staffEmail: 'a@example.org, office' }))).toEqual([
      'a@example.org, office',
      ...msg,
    ]);
  });

  test('the reply-to address is one address: a list or a malformed address is refused, without "several"', () => {
    const msg = [
      'is not an email address; expected an address such as office@example.org',
      'はメールアドレスとして読み取れません。office@example.org のような形で入力してください',
    ];
    expect(said(only({ replyTo: 'a@example.org, b@example.org' }))).toEqual([
      'a@example.org, b@example.org',
      ...msg,
    ]);
    for (const bad of [
      'a@example',
      'a@b@example.org',
      '<a@example.org>',
      'a@example.org.',
      'a b@example.org',
    ])
      expect(said(only({ replyTo: bad }))).toEqual([bad, ...msg]);
    expect(ok({ ...REQUIRED, replyTo: 'reply@example.org' }).replyTo).toBe('reply@example.org');
  });
});

describe('form addresses', () => {
  const howTo =
    'open the form in Google Forms as its editor and paste the address from the browser bar, which looks like https://docs.google.com/forms/d/…/edit';
  const howToJa =
    'Google フォームを編集画面で開き、ブラウザのアドレス欄のアドレス（https://docs.google.com/forms/d/…/edit の形）を貼り付けてください';
  const id = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg';

  test('an empty required form row', () => {
    const r = parseSettings({ ...REQUIRED, applicationFormUrl: '  ' });
    expect('errors' in r && said(r.errors[0])).toEqual([
      '  ',
      `is empty; ${howTo}`,
      `が空欄です。${howToJa}`,
    ]);
  });

  test('the short link, with or without https', () => {
    const msg = [
      `is the short link that respondents use, which the script cannot open; ${howTo}`,
      `は回答者向けの短縮リンクで、スクリプトからは開けません。${howToJa}`,
    ];
    expect(said(only({ applicationFormUrl: 'forms.gle/abc' }))).toEqual(['forms.gle/abc', ...msg]);
    expect(said(only({ applicationFormUrl: 'http://FORMS.GLE/abc' }))).toEqual([
      'http://FORMS.GLE/abc',
      ...msg,
    ]);
  });

  test('the published link, by its /d/e/ path or its /viewform ending', () => {
    const msg = [
      `is the published link that respondents use, which the script cannot open; ${howTo}`,
      `は回答者向けの公開リンクで、スクリプトからは開けません。${howToJa}`,
    ];
    for (const url of [
      'https://docs.google.com/forms/u/1/d/e/1FAIpQLSdXyz/formResponse',
      `https://docs.google.com/forms/d/${id}/viewform`,
    ])
      expect(said(only({ registrationFormUrl: url }))).toEqual([url, ...msg]);
  });

  test('any other address is "not the address of a Google Form’s editor"', () => {
    const msg = [
      `is not the address of a Google Form’s editor; ${howTo}`,
      `は Google フォームの編集画面のアドレスではありません。${howToJa}`,
    ];
    for (const url of [
      'https://example.org/forms/d/abc/edit',
      `http://docs.google.com/forms/d/${id}/edit`,
      'https://docs.google.com/forms/d/short/edit', // an ID of fewer than 10 characters
      `https://docs.google.com/forms/d/${id}/edit/extra`,
      `xhttps://docs.google.com/forms/d/${id}/edit`,
      `https://docs.google.com/spreadsheets/d/${id}/edit`,
      'https://docs.google.com/forms/u/x/d/1234567890/edit',
    ])
      expect(said(only({ registrationFormUrl: url }))).toEqual([url, ...msg]);
  });

  test('an editor address with spaces around it, under /u/2/, with an ID of exactly 10 characters', () => {
    const s = ok({
      ...REQUIRED,
      registrationFormUrl: ` https://docs.google.com/forms/u/2/d/${id}/edit `,
      signupFormUrl: 'https://docs.google.com/forms/d/A1_b-2C3d4/edit?usp=sharing',
    });
    expect(s.registrationFormUrl).toBe(`https://docs.google.com/forms/d/${id}/edit`);
    expect(s.signupFormUrl).toBe('https://docs.google.com/forms/d/A1_b-2C3d4/edit');
  });
});

describe('text rows', () => {
  test('a text row is taken as written, trimmed; TRUE and numbers as Sheets shows them', () => {
    expect(ok({ ...REQUIRED, idPrefix: ' SN- ' }).idPrefix).toBe('SN-');
    expect(ok({ ...REQUIRED, senderName: true }).senderName).toBe('TRUE');
    expect(ok({ ...REQUIRED, senderName: false }).senderName).toBe('FALSE');
    expect(ok({ ...REQUIRED, idPrefix: 7 }).idPrefix).toBe('7');
  });

  test('an empty question title takes the reference form’s title', () => {
    expect(ok({ ...REQUIRED, 'field.course.module': ' ' }).courseFields.module).toBe(
      '受講した講座 / Module',
    );
  });

  test('two fields of one form mapped to the same question: the later row names the earlier key', () => {
    const e = only({ 'field.registration.phone': '氏名 / Name' });
    expect([e.key, ...said(e)]).toEqual([
      'field.registration.phone',
      '氏名 / Name',
      'is also the title given for field.registration.name; expected a different question for each field',
      'は field.registration.name と同じタイトルです。項目ごとに別の質問を指定してください',
    ]);
  });
});

describe('rows of the sheet', () => {
  test('a row with an empty key cell is ignored; an unknown key is reported with its value', () => {
    expect(ok({ ...REQUIRED, '': 'notes', ' ': 'more notes' }).staffEmail).toBe(
      'office@example.org',
    );
    const e = only({ feeStandrad: 5000 });
    expect([e.key, e.labelEn, e.labelJa, ...said(e)]).toEqual([
      'feeStandrad',
      'feeStandrad',
      'feeStandrad',
      '5000',
      'this key is not a known setting; check its spelling',
      'このキーは設定にありません。綴りを確認してください',
    ]);
  });

  test('only a plain object’s own keys are rows', () => {
    const rows = Object.assign(Object.create({ feeStandrad: 1 }), REQUIRED);
    expect(ok(rows).staffEmail).toBe('office@example.org');
  });
});

describe('the message for staff', () => {
  test('an unknown key, in English and Japanese', () => {
    const r = parseSettings({ ...REQUIRED, feeStandrad: 5000 });
    const errors = 'errors' in r ? r.errors : [];
    expect(formatSettingErrors(errors, 'en')).toBe(
      'Settings row "feeStandrad": this key is not a known setting; check its spelling.',
    );
    expect(formatSettingErrors(errors, 'ja')).toBe(
      '設定の行「feeStandrad」: このキーは設定にありません。綴りを確認してください。',
    );
  });

  test('an empty row in Japanese says 値, and each problem is on its own line', () => {
    const r = parseSettings({ ...REQUIRED, staffEmail: '', feeLong: 'x' });
    const errors = 'errors' in r ? r.errors : [];
    expect(formatSettingErrors(errors, 'ja').split('\n')).toEqual([
      '設定の行「事務局のメールアドレス（staffEmail）」: 値が空欄です。office@example.org のようなメールアドレス（複数の場合はカンマ区切り）を入力してください。',
      '設定の行「謝金（120分以上）（feeLong）」: 「x」は金額（円）として読み取れません。4000 のような整数で入力してください。',
    ]);
    expect(formatSettingErrors(errors, 'en').split('\n')).toEqual([
      'Settings row "Staff email (staffEmail)": the value is empty; expected an email address (several separated by commas), such as office@example.org.',
      'Settings row "Fee, 120 minutes or more (feeLong)": "x" is not an amount in yen; expected a whole number such as 4000.',
    ]);
  });
});
