// The Settings catalogue declares each key once; its type and reader follow from its kind.
// The `@ts-expect-error` lines are the compile-time half of this test: `npm test` type-checks
// this file, and fails if one of these incomplete declarations ever compiles.
import { defaultSettings } from '../../local/settings-rows';
import {
  FIELD_MAPS,
  type FieldMapDeclaration,
  SETTINGS_CATALOGUE,
  type SettingDeclaration,
} from '../../src/domain/settings-catalogue';
import type { ScalarKey, Settings } from '../../src/domain/settings-types';

const text = {
  labelJa: '例',
  labelEn: 'Example',
  defaultValue: '',
  helpJa: '例。',
  helpEn: 'An example.',
};

describe('a Settings declaration is complete or does not compile', () => {
  test('a declaration without its English help text is refused', () => {
    const { helpEn: _dropped, ...noHelpEn } = text;
    // @ts-expect-error helpEn is missing
    const declaration: SettingDeclaration = { ...noHelpEn, kind: 'text' };
    expect(declaration.kind).toBe('text');
  });

  test('a whole-number setting without its bounds is refused', () => {
    // @ts-expect-error an 'int' needs min and max
    const declaration: SettingDeclaration = { ...text, kind: 'int', max: 3 };
    expect(declaration.kind).toBe('int');
  });

  test('a kind with no type and no reader is refused', () => {
    // @ts-expect-error 'phone' is not a kind of setting
    const declaration: SettingDeclaration = { ...text, kind: 'phone' };
    expect(declaration.kind).toBe('phone');
  });

  test('a field map question without its labels is refused', () => {
    const map: FieldMapDeclaration = {
      formJa: '例フォーム',
      formEn: 'Example form',
      // @ts-expect-error a field is [question title, label ja, label en]
      fields: { name: ['氏名 / Name'] },
    };
    expect(map.formEn).toBe('Example form');
  });
});

describe('the Settings type follows the catalogue', () => {
  test('whole numbers, yen and hours are numbers; every other kind is text', () => {
    const settings = defaultSettings();
    const numeric = new Set(['int', 'yen', 'hour']);
    for (const key of Object.keys(SETTINGS_CATALOGUE) as ScalarKey[]) {
      const kind = SETTINGS_CATALOGUE[key].kind;
      expect([key, typeof settings[key]]).toEqual([key, numeric.has(kind) ? 'number' : 'string']);
    }
    // And at compile time: a fee is a number, a day is text.
    const fee: number = settings.feeLong;
    const day: string = settings.programStart;
    expect([fee, day]).toEqual([8000, '2023-07-10']);
  });

  test('each form of FIELD_MAPS is a field map of Settings, field for field', () => {
    const settings: Settings = defaultSettings();
    expect(Object.keys(settings.registrationFields)).toEqual(
      Object.keys(FIELD_MAPS.registration.fields),
    );
    expect(Object.keys(settings.signupFields)).toEqual(['memberId', 'session', 'purpose']);
    expect(settings.applicationFields.supportDate).toBe('支援日 / Date of support');
  });

  // The local runtime builds its forms from these defaults (local/world.ts), so they are checked
  // here against the reference forms, written by hand from RULES.md §7 (registration,
  // application) and the guides' form tables (course, sign-up).
  test('the default question titles are the reference forms’ titles, in the forms’ order', () => {
    const titles = (form: keyof typeof FIELD_MAPS) =>
      Object.values(FIELD_MAPS[form].fields).map(([title]) => title);
    expect(titles('registration')).toEqual([
      '氏名 / Name',
      'フリガナ / Name (phonetic)',
      '電話番号 / Phone',
      '郵送先住所 / Mailing address',
      '所属団体 / Organization',
      '活動地域（都道府県） / Area of activity (prefecture)',
      '対応できる言語 / Languages you can support in',
      '外国にルーツがありますか / Do you have a foreign background?',
      '伴走支援の経験 / Accompanying-support experience',
      '連絡に使う言語 / Language for emails',
      '個人情報の取り扱いに同意します / I agree to the privacy policy',
    ]);
    expect(titles('application')).toEqual([
      '伴走ネットID / Bansou Net ID',
      '氏名 / Name',
      '支援日 / Date of support',
      '開始時刻 / Start time',
      '終了時刻 / End time',
      '相談者の氏名 / Name of the person supported',
      '相談者の生まれ年 / Year of birth of the person supported',
      '同行した支援者の伴走ネットID / Bansou Net ID of the second supporter',
      '相談内容 / Issues',
      '支援した地域（都道府県） / Prefecture where support took place',
      '支援の内容 / What support was given',
    ]);
    expect(titles('course')).toEqual(['伴走ネットID / Bansou Net ID', '受講した講座 / Module']);
    expect(titles('signup')).toEqual([
      '伴走ネットID / Bansou Net ID',
      '参加する回 / Session',
      '参加の目的 / Purpose',
    ]);
  });
});
