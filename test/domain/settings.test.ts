import {
  DEMO_PLACEHOLDERS,
  defaultSettings,
  settingsToMap,
  settingsToRows,
} from '../../local/settings-rows';
import {
  formatSettingErrors,
  parseSettings,
  SETTINGS_SPEC,
  type SettingError,
} from '../../src/domain/settings';
import type { Settings } from '../../src/domain/settings-types';

/** The minimum staff must fill in: the rows with no usable default. */
const REQUIRED = {
  registrationFormUrl:
    'https://docs.google.com/forms/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg/edit',
  applicationFormUrl:
    'https://docs.google.com/forms/d/1ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210gfedcba/edit',
  staffEmail: 'office@example.org',
};

function ok(rows: Record<string, unknown> | Map<string, unknown>): Settings {
  const r = parseSettings(rows);
  if ('errors' in r) throw new Error(formatSettingErrors(r.errors, 'en'));
  return r.settings;
}

function errorsOf(rows: Record<string, unknown>): SettingError[] {
  const r = parseSettings(rows);
  if (!('errors' in r)) throw new Error('expected errors, got settings');
  return r.errors;
}

function errorKeys(rows: Record<string, unknown>): string[] {
  return errorsOf(rows).map((e) => e.key);
}

describe('SETTINGS_SPEC', () => {
  test('has one row per Settings value, each key once, including every field of the four field maps', () => {
    const keys = SETTINGS_SPEC.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    const s = defaultSettings();
    const expected = [
      ...Object.keys(s).filter((k) => !k.endsWith('Fields')),
      ...Object.keys(s.registrationFields).map((f) => `field.registration.${f}`),
      ...Object.keys(s.applicationFields).map((f) => `field.application.${f}`),
      ...Object.keys(s.courseFields).map((f) => `field.course.${f}`),
      ...Object.keys(s.signupFields).map((f) => `field.signup.${f}`),
    ];
    expect([...keys].sort()).toEqual([...expected].sort());
  });

  test('every row has both labels and a one-line help text in both languages', () => {
    for (const spec of SETTINGS_SPEC) {
      for (const text of [spec.labelJa, spec.labelEn, spec.helpJa, spec.helpEn]) {
        expect(text.trim()).not.toBe('');
        expect(text).not.toContain('\n');
      }
    }
  });
});

describe('parseSettings: defaults', () => {
  test('a sheet with only the required rows takes the RULES.md defaults for everything else', () => {
    const s = ok(REQUIRED);
    expect(s.programStart).toBe('2023-07-10');
    expect(s.programEnd).toBe('2026-02-28');
    expect([s.minMinutes, s.longMinutes, s.feeStandard, s.feeLong]).toEqual([60, 120, 4000, 8000]);
    expect([s.recipientCap, s.deadlineMonths, s.basic5RequiredFrom]).toEqual([3, 1, '2024-04-01']);
    expect([s.idPrefix, s.idWidth]).toEqual(['BN-', 5]);
    expect([s.monthlyRunDay, s.monthlyRunHour, s.sweepEveryHours, s.outboxEveryHours]).toEqual([
      1, 6, 1, 1,
    ]);
    expect(s.dailyAutoReplyLimit).toBe(1);
    expect(s.officeContact).toBe(
      'Solidarity Network with Migrants Japan (SMJ) TEL 03-3837-2316 bansounetwork@gmail.com',
    );
    expect(s.courseFormUrl).toBe('');
    expect(s.replyTo).toBe('');
  });

  test('the field map defaults are the question titles of the reference forms (RULES.md §7)', () => {
    const s = ok(REQUIRED);
    expect(s.applicationFields.applicantId).toBe('伴走ネットID / Bansou Net ID');
    expect(s.applicationFields.secondId).toBe(
      '同行した支援者の伴走ネットID / Bansou Net ID of the second supporter',
    );
    expect(s.registrationFields.experience).toBe(
      '伴走支援の経験 / Accompanying-support experience',
    );
    expect(s.registrationFields.emailLanguage).toBe('連絡に使う言語 / Language for emails');
    expect(s.courseFields).toEqual({
      memberId: '伴走ネットID / Bansou Net ID',
      module: '受講した講座 / Module',
    });
  });

  test('an empty cell takes the default, as a missing row does', () => {
    const s = ok({ ...REQUIRED, feeStandard: '', minMinutes: '   ', programEnd: null });
    expect([s.feeStandard, s.minMinutes, s.programEnd]).toEqual([4000, 60, '2026-02-28']);
  });

  test('an empty sheet reports exactly the rows staff must fill: both form URLs and the staff email', () => {
    expect(errorKeys({}).sort()).toEqual(
      ['applicationFormUrl', 'registrationFormUrl', 'staffEmail'].sort(),
    );
  });

  test('defaultSettings uses the demo placeholders and survives a round trip through the sheet rows', () => {
    const d = defaultSettings();
    expect(d.registrationFormUrl).toBe(DEMO_PLACEHOLDERS.registrationFormUrl);
    expect(d.staffEmail).toBe(DEMO_PLACEHOLDERS.staffEmail);
    expect(ok(settingsToMap(d))).toEqual(d);
  });

  test('settingsToRows writes one row per spec entry, in spec order, with labels and help', () => {
    const d = ok({ ...REQUIRED, feeLong: 9000 });
    const rows = settingsToRows(d);
    expect(rows.map((r) => r.key)).toEqual(SETTINGS_SPEC.map((s) => s.key));
    const feeLong = rows.find((r) => r.key === 'feeLong')!;
    expect(feeLong.value).toBe('9000');
    expect(feeLong.labelEn).toBe(SETTINGS_SPEC.find((s) => s.key === 'feeLong')!.labelEn);
    expect(rows.find((r) => r.key === 'field.course.module')!.value).toBe('受講した講座 / Module');
  });
});

describe('parseSettings: reading cells as Sheets returns them', () => {
  test('amounts in yen accept commas, the yen sign, 円 and full-width digits', () => {
    for (const cell of ['4,000', '¥4000', '￥４，０００', '4000円', ' 4000 ', 4000]) {
      expect(ok({ ...REQUIRED, feeStandard: cell }).feeStandard).toBe(4000);
    }
  });

  test('an amount that is not a whole number of yen is refused', () => {
    for (const cell of ['abc', '-100', 4000.5, '4.000,5', true]) {
      expect(errorKeys({ ...REQUIRED, feeStandard: cell })).toEqual(['feeStandard']);
    }
  });

  test('a day is read from YYYY-MM-DD, YYYY/MM/DD and YYYY/M/D', () => {
    expect(ok({ ...REQUIRED, programStart: '2023/07/10' }).programStart).toBe('2023-07-10');
    expect(ok({ ...REQUIRED, programStart: '2023/7/1' }).programStart).toBe('2023-07-01');
    expect(ok({ ...REQUIRED, programStart: '２０２３－０７－１０' }).programStart).toBe(
      '2023-07-10',
    );
  });

  test('a day typed into a cell comes back as a Date at Tokyo midnight and reads as that Tokyo day', () => {
    // 2024-04-01 00:00 in Tokyo is 2024-03-31 15:00 UTC: the machine's zone must not matter.
    const cell = new Date(Date.UTC(2024, 2, 31, 15, 0, 0));
    expect(ok({ ...REQUIRED, basic5RequiredFrom: cell }).basic5RequiredFrom).toBe('2024-04-01');
  });

  test('an impossible calendar day is refused', () => {
    expect(errorKeys({ ...REQUIRED, programEnd: '2025-02-29' })).toEqual(['programEnd']);
    expect(errorKeys({ ...REQUIRED, programEnd: '2025-13-01' })).toEqual(['programEnd']);
    expect(errorKeys({ ...REQUIRED, programEnd: 'next year' })).toEqual(['programEnd']);
  });

  test('a program that ends before it starts is reported on the end row', () => {
    const errors = errorsOf({ ...REQUIRED, programStart: '2024-04-01', programEnd: '2024-03-31' });
    expect(errors.map((e) => e.key)).toEqual(['programEnd']);
    expect(errors[0].expected).toContain('2024-04-01');
  });

  test('numbers come as numbers or text; out of range and non-integers are refused', () => {
    expect(ok({ ...REQUIRED, recipientCap: 5, idWidth: '６' })).toMatchObject({
      recipientCap: 5,
      idWidth: 6,
    });
    expect(errorKeys({ ...REQUIRED, recipientCap: 0 })).toEqual(['recipientCap']);
    expect(errorKeys({ ...REQUIRED, recipientCap: 2.5 })).toEqual(['recipientCap']);
    expect(errorKeys({ ...REQUIRED, deadlineMonths: 'one' })).toEqual(['deadlineMonths']);
  });

  test('the run day is 1–28 so that every month has it', () => {
    expect(ok({ ...REQUIRED, monthlyRunDay: 28 }).monthlyRunDay).toBe(28);
    expect(errorKeys({ ...REQUIRED, monthlyRunDay: 29 })).toEqual(['monthlyRunDay']);
    expect(errorKeys({ ...REQUIRED, monthlyRunDay: 0 })).toEqual(['monthlyRunDay']);
  });

  test('the run hour is 0–23 and may be written as 6:00', () => {
    expect(ok({ ...REQUIRED, monthlyRunHour: 0 }).monthlyRunHour).toBe(0);
    expect(ok({ ...REQUIRED, monthlyRunHour: '06:00' }).monthlyRunHour).toBe(6);
    expect(errorKeys({ ...REQUIRED, monthlyRunHour: 24 })).toEqual(['monthlyRunHour']);
    expect(errorKeys({ ...REQUIRED, monthlyRunHour: '6:30' })).toEqual(['monthlyRunHour']);
  });

  test('timer intervals must be an interval the hour timer offers (1, 2, 4, 6, 8, 12)', () => {
    expect(ok({ ...REQUIRED, sweepEveryHours: 4 }).sweepEveryHours).toBe(4);
    expect(errorKeys({ ...REQUIRED, sweepEveryHours: 3, outboxEveryHours: 24 })).toEqual([
      'sweepEveryHours',
      'outboxEveryHours',
    ]);
  });

  test('the long duration must be longer than the minimum, and the long fee not below the standard fee', () => {
    expect(errorKeys({ ...REQUIRED, minMinutes: 120, longMinutes: 120 })).toEqual(['longMinutes']);
    expect(errorKeys({ ...REQUIRED, feeStandard: 5000, feeLong: 4000 })).toEqual(['feeLong']);
    expect(ok({ ...REQUIRED, feeStandard: 5000, feeLong: 5000 }).feeLong).toBe(5000);
  });

  test('emails must look like addresses; the staff email may list several, reply-to may be empty', () => {
    expect(ok({ ...REQUIRED, staffEmail: 'a@example.org , b@example.jp' }).staffEmail).toBe(
      'a@example.org, b@example.jp',
    );
    expect(errorKeys({ ...REQUIRED, staffEmail: 'office at example.org' })).toEqual(['staffEmail']);
    expect(errorKeys({ ...REQUIRED, replyTo: 'reply@' })).toEqual(['replyTo']);
    expect(ok({ ...REQUIRED, replyTo: '' }).replyTo).toBe('');
  });

  test('a form editor URL is kept in its canonical form (account segment and query dropped)', () => {
    const id = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg';
    const s = ok({
      ...REQUIRED,
      registrationFormUrl: `https://docs.google.com/forms/u/0/d/${id}/edit?usp=sharing`,
      courseFormUrl: `https://docs.google.com/forms/d/${id}/edit#responses`,
    });
    expect(s.registrationFormUrl).toBe(`https://docs.google.com/forms/d/${id}/edit`);
    expect(s.courseFormUrl).toBe(`https://docs.google.com/forms/d/${id}/edit`);
  });

  test('the forms.gle short link is refused with a plain request for the editor address (FormApp.openByUrl needs …/edit)', () => {
    const [e] = errorsOf({
      ...REQUIRED,
      applicationFormUrl: 'https://forms.gle/BfPYt6fpCp7fhVb57',
    });
    expect(e.key).toBe('applicationFormUrl');
    expect(e.expected).toMatch(/short link/);
    expect(e.expected).toMatch(/editor/);
    expect(e.expected).toContain('https://docs.google.com/forms/d/…/edit');
    expect(e.expectedJa).toContain('短縮リンク');
  });

  test('the published /d/e/…/viewform link is refused with a plain request for the editor address', () => {
    const [e] = errorsOf({
      ...REQUIRED,
      registrationFormUrl:
        'https://docs.google.com/forms/d/e/1FAIpQLSdXyz1234567890abcdef/viewform',
    });
    expect(e.key).toBe('registrationFormUrl');
    expect(e.expected).toMatch(/published link/);
    expect(e.expected).toMatch(/editor/);
  });

  test('an optional form URL may be empty but not a wrong link', () => {
    expect(ok({ ...REQUIRED, courseFormUrl: '' }).courseFormUrl).toBe('');
    expect(errorKeys({ ...REQUIRED, courseFormUrl: 'https://example.org/form' })).toEqual([
      'courseFormUrl',
    ]);
  });

  test('a Date in a row that is not a day is refused rather than turned into text', () => {
    expect(errorKeys({ ...REQUIRED, feeStandard: new Date(Date.UTC(2024, 0, 1)) })).toEqual([
      'feeStandard',
    ]);
  });

  test('a row with a misspelt key is reported instead of silently ignored', () => {
    const errors = errorsOf({ ...REQUIRED, feeStandrad: 5000 });
    expect(errors.map((e) => e.key)).toEqual(['feeStandrad']);
    expect(formatSettingErrors(errors, 'en')).toContain('not a known setting');
  });

  test('two fields of one form mapped to the same question are reported', () => {
    const title = '氏名 / Name';
    expect(errorKeys({ ...REQUIRED, 'field.registration.phone': title })).toEqual([
      'field.registration.phone',
    ]);
    // The same title in two different forms is normal (both forms ask for the name).
    expect(ok({ ...REQUIRED }).applicationFields.applicantName).toBe(title);
  });

  test('rows may come as a Map, as the store reads them, and a stray space around a key is ignored', () => {
    const rows = new Map<string, unknown>(Object.entries(REQUIRED));
    rows.set(' feeLong ', 10000);
    expect(ok(rows).feeLong).toBe(10000);
  });
});

describe('errors for staff', () => {
  test('all problems are collected, in the order of the sheet', () => {
    const keys = errorKeys({
      ...REQUIRED,
      staffEmail: 'nobody',
      feeStandard: 'abc',
      monthlyRunHour: 25,
      programStart: '2023-02-30',
    });
    expect(keys).toEqual(['staffEmail', 'programStart', 'feeStandard', 'monthlyRunHour']);
  });

  test('the message names the row by label and key, quotes the value and says what is expected', () => {
    const errors = errorsOf({ ...REQUIRED, feeStandard: 'abc' });
    expect(formatSettingErrors(errors, 'en')).toBe(
      'Settings row "Fee, 60–119 minutes (feeStandard)": "abc" is not an amount in yen; expected a whole number such as 4000.',
    );
    expect(formatSettingErrors(errors, 'ja')).toBe(
      '設定の行「謝金（60〜119分）（feeStandard）」: 「abc」は金額（円）として読み取れません。4000 のような整数で入力してください。',
    );
  });

  test('an empty required row is described as empty, one line per problem', () => {
    const text = formatSettingErrors(errorsOf({}), 'en');
    expect(text.split('\n')).toHaveLength(3);
    expect(text).toContain('Settings row "Staff email (staffEmail)": the value is empty;');
  });
});
