// The Settings sheet: how each row (declared once in settings-catalogue.ts) is read and checked.
// Pure: cells in, typed Settings or a list of plain-language errors out.
import { readAccountType, readHolder } from './accounts';
import { dayOf, parseDay } from './dates';
import {
  FIELD_MAPS,
  type FieldMapDeclaration,
  SETTINGS_CATALOGUE,
  type SettingKind,
  type SettingKindValue,
  type SettingText,
} from './settings-catalogue';
import type { FormName, ScalarKey, SettingKey, Settings } from './settings-types';
import { cellText, nfkc } from './text';
import type { Day } from './types';

export type { SettingKind } from './settings-catalogue';
export type { ScalarKey, SettingKey } from './settings-types';

/** A row of the Settings sheet: its key and declaration, flattened (SETTINGS_SPEC). */
export interface SettingSpec extends SettingText {
  key: SettingKey;
  kind: SettingKind;
  /** Bounds for 'int' and 'optionalDigits' (inclusive), the length for 'optionalBankKana'. */
  min?: number;
  max?: number;
  /** For 'int': the only values accepted. */
  allowed?: readonly number[];
  /** For 'email': several addresses separated by commas are accepted. */
  multiple?: boolean;
}

export interface SettingError {
  key: string;
  labelEn: string;
  labelJa: string;
  /** The cell as staff see it ('' when empty). */
  value: string;
  /** What is wrong and what is expected, in plain English (completes "<value> …"). */
  expected: string;
  expectedJa: string;
}

const SCALAR_KEYS = Object.keys(SETTINGS_CATALOGUE) as ScalarKey[];
const FORMS = Object.keys(FIELD_MAPS) as FormName[];

/** A form's field map rows: `field.<form>.<field>`, labelled with the form's name. */
function fieldSpecs(form: FormName, map: FieldMapDeclaration): SettingSpec[] {
  return Object.entries(map.fields).map(([field, [title, ja, en]]) => ({
    key: `field.${form}.${field}` as SettingKey,
    labelJa: `${map.formJa}の質問: ${ja}`,
    labelEn: `${map.formEn} question: ${en}`,
    defaultValue: title,
    helpJa: `${map.formJa}でこの項目を尋ねる質問のタイトル（フォームと一字一句同じに）。`,
    helpEn: `The exact title of the ${map.formEn.toLowerCase()} question that asks for this.`,
    kind: 'title' as const,
  }));
}

/** One entry per Settings key, in the order staff see the rows. */
export const SETTINGS_SPEC: readonly SettingSpec[] = [
  ...SCALAR_KEYS.map((key): SettingSpec => ({ key, ...SETTINGS_CATALOGUE[key] })),
  ...FORMS.flatMap((form) => fieldSpecs(form, FIELD_MAPS[form])),
];

const SPEC_BY_KEY: ReadonlyMap<string, SettingSpec> = new Map(SETTINGS_SPEC.map((s) => [s.key, s]));

// ---------------------------------------------------------------------------------------------
// Reading cells

type Problem = { en: string; ja: string };
type Read<T> = { ok: true; value: T } | { ok: false; problem: Problem };

function isDateLike(v: unknown): v is { getTime(): number } {
  return (
    Object.prototype.toString.call(v) === '[object Date]' &&
    typeof (v as { getTime?: unknown }).getTime === 'function'
  );
}

function isEmptyCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Full-width digits, '，' and '￥' become ASCII (NFKC); spaces go. */
function looseNumberText(s: string): string {
  return nfkc(s).replace(/\s+/g, '');
}

function readWhole(v: unknown): number | null {
  if (typeof v === 'number') return Number.isInteger(v) ? v : null;
  if (typeof v !== 'string') return null;
  const t = looseNumberText(v);
  if (!/^[+-]?(\d{1,3}(,\d{3})+|\d+)$/.test(t)) return null;
  return Number(t.replace(/,/g, ''));
}

function readDay(v: unknown): Read<Day> {
  const bad: Problem = {
    en: 'is not a date; expected a day written as YYYY-MM-DD, such as 2024-04-01',
    ja: 'は日付として読み取れません。2024-04-01 のように YYYY-MM-DD の形で入力してください',
  };
  if (isDateLike(v)) {
    // A day typed into a cell comes back as a Date at Tokyo midnight: take its Tokyo day.
    const ms = v.getTime();
    return Number.isFinite(ms) ? { ok: true, value: dayOf(ms) } : { ok: false, problem: bad };
  }
  if (typeof v !== 'string') return { ok: false, problem: bad };
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(nfkc(v).trim());
  if (!m) return { ok: false, problem: bad };
  const day = parseDay(`${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`);
  return day === null
    ? {
        ok: false,
        problem: {
          en: 'is not a real calendar day; expected a day written as YYYY-MM-DD, such as 2024-04-01',
          ja: 'は存在しない日付です。2024-04-01 のように YYYY-MM-DD の形で入力してください',
        },
      }
    : { ok: true, value: day };
}

function readInt(v: unknown, spec: SettingSpec): Read<number> {
  const min = spec.min ?? 1;
  const max = spec.max ?? Number.MAX_SAFE_INTEGER;
  const range = spec.allowed
    ? { en: `one of ${spec.allowed.join(', ')}`, ja: `${spec.allowed.join('、')} のいずれか` }
    : { en: `a whole number from ${min} to ${max}`, ja: `${min}〜${max} の整数` };
  const n = readWhole(v);
  if (n === null || n < min || n > max || (spec.allowed && !spec.allowed.includes(n))) {
    return {
      ok: false,
      problem: {
        en: `is not ${range.en}; expected ${range.en}, such as ${spec.defaultValue}`,
        ja: `は${range.ja}ではありません。${spec.defaultValue} のように${range.ja}を入力してください`,
      },
    };
  }
  return { ok: true, value: n };
}

function readYen(v: unknown): Read<number> {
  let n: number | null = null;
  if (typeof v === 'number') n = Number.isInteger(v) ? v : null;
  else if (typeof v === 'string') {
    // '4,000', '¥4000', '￥４，０００', '4000円' are all 4000.
    n = readWhole(looseNumberText(v).replace(/^¥/, '').replace(/円$/, ''));
  }
  if (n === null || n < 0) {
    return {
      ok: false,
      problem: {
        en: 'is not an amount in yen; expected a whole number such as 4000',
        ja: 'は金額（円）として読み取れません。4000 のような整数で入力してください',
      },
    };
  }
  return { ok: true, value: n };
}

function readHour(v: unknown): Read<number> {
  let n: number | null = readWhole(v);
  if (n === null && typeof v === 'string') {
    // '6:00' or '06:00' is read as the hour 6.
    const m = /^(\d{1,2}):00$/.exec(looseNumberText(v));
    if (m) n = Number(m[1]);
  }
  if (n === null || n < 0 || n > 23) {
    return {
      ok: false,
      problem: {
        en: 'is not an hour of the day; expected a whole number from 0 to 23, such as 6',
        ja: 'は時刻（時）として読み取れません。6 のように 0〜23 の整数で入力してください',
      },
    };
  }
  return { ok: true, value: n };
}

const EMAIL_SHAPE = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>".]+$/;

function readEmail(v: unknown, spec: SettingSpec): Read<string> {
  // A number or a date in the cell is not an address, not "empty" (its value is quoted back).
  const text = nfkc(cellText(v)).trim();
  if (spec.kind === 'optionalEmail' && text === '') return { ok: true, value: '' };
  const parts = spec.multiple ? text.split(/\s*[,;]\s*/).filter((p) => p !== '') : [text];
  if (parts.length === 0 || !parts.every((p) => EMAIL_SHAPE.test(p))) {
    const several = spec.multiple ? ' (several separated by commas)' : '';
    const severalJa = spec.multiple ? '（複数の場合はカンマ区切り）' : '';
    return {
      ok: false,
      problem:
        text === ''
          ? {
              en: `is empty; expected an email address${several}, such as office@example.org`,
              ja: `が空欄です。office@example.org のようなメールアドレス${severalJa}を入力してください`,
            }
          : {
              en: `is not an email address; expected an address${several} such as office@example.org`,
              ja: `はメールアドレスとして読み取れません。office@example.org のような形${severalJa}で入力してください`,
            },
    };
  }
  return { ok: true, value: parts.join(', ') };
}

// Opening a form by URL needs the editor address; /u/0/ and anything after the ID are dropped.
const FORM_EDIT_URL =
  /^https:\/\/docs\.google\.com\/forms(?:\/u\/\d+)?\/d\/([A-Za-z0-9_-]{10,})\/edit(?:[?#].*)?$/;

function readFormUrl(v: unknown, spec: SettingSpec): Read<string> {
  const text = cellText(v).trim();
  if (spec.kind === 'optionalUrl' && text === '') return { ok: true, value: '' };
  const m = FORM_EDIT_URL.exec(text);
  if (m) return { ok: true, value: `https://docs.google.com/forms/d/${m[1]}/edit` };
  const howTo = {
    en: 'open the form in Google Forms as its editor and paste the address from the browser bar, which looks like https://docs.google.com/forms/d/…/edit',
    ja: 'Google フォームを編集画面で開き、ブラウザのアドレス欄のアドレス（https://docs.google.com/forms/d/…/edit の形）を貼り付けてください',
  };
  let problem: Problem;
  if (text === '') {
    problem = { en: `is empty; ${howTo.en}`, ja: `が空欄です。${howTo.ja}` };
  } else if (/^(https?:\/\/)?forms\.gle\//i.test(text)) {
    problem = {
      en: `is the short link that respondents use, which the script cannot open; ${howTo.en}`,
      ja: `は回答者向けの短縮リンクで、スクリプトからは開けません。${howTo.ja}`,
    };
  } else if (/\/forms\/(u\/\d+\/)?d\/e\//.test(text) || /\/viewform/.test(text)) {
    problem = {
      en: `is the published link that respondents use, which the script cannot open; ${howTo.en}`,
      ja: `は回答者向けの公開リンクで、スクリプトからは開けません。${howTo.ja}`,
    };
  } else {
    problem = {
      en: `is not the address of a Google Form’s editor; ${howTo.en}`,
      ja: `は Google フォームの編集画面のアドレスではありません。${howTo.ja}`,
    };
  }
  return { ok: false, problem };
}

function readText(v: unknown, spec: SettingSpec): Read<string> {
  const text = typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : cellText(v).trim();
  if (text === '') {
    return {
      ok: false,
      problem:
        spec.kind === 'title'
          ? {
              en: 'is empty; expected the exact title of the form question',
              ja: 'が空欄です。フォームの質問のタイトルをそのまま入力してください',
            }
          : { en: 'is empty; expected some text', ja: 'が空欄です。内容を入力してください' },
    };
  }
  return { ok: true, value: text };
}

/** The reader of each kind: how a cell becomes the value its Settings field holds. */
const READERS: {
  [K in SettingKind]: (v: unknown, spec: SettingSpec) => Read<SettingKindValue[K]>;
} = {
  url: readFormUrl,
  optionalUrl: readFormUrl,
  email: readEmail,
  optionalEmail: readEmail,
  text: readText,
  day: readDay,
  int: readInt,
  yen: readYen,
  hour: readHour,
  title: readText,
  optionalDigits: readDigits,
  optionalAccountType: readOfficeAccountType,
  optionalBankKana: readBankKana,
};

function readCell(v: unknown, spec: SettingSpec): Read<string | number> {
  return READERS[spec.kind](v, spec);
}

/** R31 settings are optional: empty means "not set" (the transfer file then says what is missing). */
function readDigits(v: unknown, spec: SettingSpec): Read<string> {
  if (isEmptyCell(v)) return { ok: true, value: '' };
  const min = spec.min ?? 1;
  const max = spec.max ?? min;
  const text = (typeof v === 'number' ? String(v) : nfkc(cellText(v))).replace(/[\s-]/g, '');
  // A number cell lost its leading zeros to Sheets (0005 → 5): pad it back.
  const ok =
    /^\d+$/.test(text) && text.length <= max && (typeof v === 'number' || text.length >= min);
  if (!ok) {
    const want = min === max ? `${max}` : `${min}–${max}`;
    const wantJa = min === max ? `${max}桁` : `${max}桁まで`;
    return {
      ok: false,
      problem: {
        en: `is not ${want} digits; expected ${want} digits`,
        ja: `は${wantJa}の数字ではありません。${wantJa}の数字を入力してください`,
      },
    };
  }
  return { ok: true, value: text.padStart(max, '0') };
}

function readOfficeAccountType(v: unknown): Read<string> {
  if (isEmptyCell(v)) return { ok: true, value: '' };
  const r = readAccountType(v);
  if ('problem' in r || r.value === '4') {
    return {
      ok: false,
      problem: {
        en: 'is not an account type; expected 普通 (1, ordinary) or 当座 (2, current)',
        ja: 'は預金種目として読み取れません。「普通」か「当座」（1 か 2）を入力してください',
      },
    };
  }
  return { ok: true, value: r.value };
}

function readBankKana(v: unknown, spec: SettingSpec): Read<string> {
  if (isEmptyCell(v)) return { ok: true, value: '' };
  const r = readHolder(v);
  if ('problem' in r) return { ok: false, problem: r.problem };
  const max = spec.max ?? 40;
  if (r.value.length > max) {
    return {
      ok: false,
      problem: {
        en: `is longer than ${max} half-width characters once converted; expected a shorter name`,
        ja: `は半角に直すと${max}文字を超えます。短い名前にしてください`,
      },
    };
  }
  return { ok: true, value: r.value };
}

/** Kinds whose cell is bank data: an error never repeats the cell (R31: no account data in logs). */
const QUIET_KINDS: ReadonlySet<SettingKind> = new Set([
  'optionalDigits',
  'optionalAccountType',
  'optionalBankKana',
]);

/** Rows as a Map with trimmed keys (a plain object is accepted too; only its own keys count). */
function asMap(
  rows: ReadonlyMap<string, unknown> | Record<string, unknown>,
): ReadonlyMap<string, unknown> {
  const m = rows as ReadonlyMap<string, unknown>;
  const entries =
    typeof m.get === 'function' && typeof m.entries === 'function'
      ? Array.from(m.entries())
      : Object.entries(rows as Record<string, unknown>);
  // A key cell typed with a stray space still names its setting.
  return new Map(entries.map(([k, v]) => [String(k).trim(), v]));
}

function errorFor(spec: SettingSpec, value: string, problem: Problem): SettingError {
  return {
    key: spec.key,
    labelEn: spec.labelEn,
    labelJa: spec.labelJa,
    value,
    expected: problem.en,
    expectedJa: problem.ja,
  };
}

/**
 * Reads the Settings sheet. `rows` maps a key to its cell as Sheets returns it (string, number,
 * boolean or Date). A missing key or an empty cell takes the default; a required setting whose
 * default is empty (form URLs, staff email) is then reported. Every row is checked and ALL
 * problems are returned together, so staff can fix the sheet in one pass.
 */
export function parseSettings(
  rows: ReadonlyMap<string, unknown> | Record<string, unknown>,
): { settings: Settings } | { errors: SettingError[] } {
  const table = asMap(rows);
  const get = (key: string) => table.get(key);
  const errors: SettingError[] = [];
  const values = new Map<string, string | number>();

  for (const spec of SETTINGS_SPEC) {
    const raw = get(spec.key);
    const cell = isEmptyCell(raw) ? spec.defaultValue : raw;
    const read = readCell(cell, spec);
    if (read.ok) values.set(spec.key, read.value);
    else errors.push(errorFor(spec, QUIET_KINDS.has(spec.kind) ? '' : cellText(raw), read.problem));
  }

  for (const key of table.keys()) {
    if (key.trim() !== '' && !SPEC_BY_KEY.has(key)) {
      // A misspelt key would otherwise be ignored silently and its default used.
      errors.push({
        key,
        labelEn: key,
        labelJa: key,
        value: cellText(get(key)),
        expected: 'this key is not a known setting; check its spelling',
        expectedJa: 'このキーは設定にありません。綴りを確認してください',
      });
    }
  }

  // Rules between settings, checked only when both sides could be read.
  const cross = (
    key: SettingKey,
    other: SettingKey,
    fails: (a: number | string, b: number | string) => boolean,
    problem: (b: string) => Problem,
  ) => {
    const a = values.get(key);
    const b = values.get(other);
    if (a === undefined || b === undefined || !fails(a, b)) return;
    values.delete(key);
    errors.push(errorFor(SPEC_BY_KEY.get(key)!, String(a), problem(String(b))));
  };
  cross(
    'programEnd',
    'programStart',
    (end, start) => end < start,
    (start) => ({
      en: `is before the program start (${start}); expected a day on or after it`,
      ja: `は事業の開始日（${start}）より前です。開始日以降の日付を入力してください`,
    }),
  );
  cross(
    'longMinutes',
    'minMinutes',
    (long, min) => long <= min,
    (min) => ({
      en: `is not more than the minimum support time (${min}); expected a larger number of minutes`,
      ja: `は最低支援時間（${min}分）以下です。それより大きい分数を入力してください`,
    }),
  );
  cross(
    'feeLong',
    'feeStandard',
    (long, standard) => long < standard,
    (standard) => ({
      en: `is less than the standard fee (${standard}); expected an amount at least as large`,
      ja: `は通常の謝金（${standard}円）より少ない金額です。それ以上の金額を入力してください`,
    }),
  );
  for (const form of FORMS) checkDistinctTitles(`field.${form}.`, values, errors);

  if (errors.length > 0) return { errors };
  return { settings: assemble(values) };
}

/** Two fields of one form mapped to the same question would read the same answer twice. */
function checkDistinctTitles(
  prefix: string,
  values: Map<string, string | number>,
  errors: SettingError[],
): void {
  const seen = new Map<string, string>();
  for (const spec of SETTINGS_SPEC) {
    if (!spec.key.startsWith(prefix)) continue;
    const title = values.get(spec.key);
    if (typeof title !== 'string') continue;
    const first = seen.get(title);
    if (first === undefined) {
      seen.set(title, spec.key);
      continue;
    }
    errors.push(
      errorFor(spec, title, {
        en: `is also the title given for ${first}; expected a different question for each field`,
        ja: `は ${first} と同じタイトルです。項目ごとに別の質問を指定してください`,
      }),
    );
  }
}

/** The typed Settings from the values read (every key has one: errors stop before this). */
function assemble(values: Map<string, string | number>): Settings {
  const settings: Record<string, unknown> = {};
  for (const key of SCALAR_KEYS) settings[key] = values.get(key);
  for (const form of FORMS) {
    const titles: Record<string, unknown> = {};
    for (const field of Object.keys(FIELD_MAPS[form].fields)) {
      titles[field] = values.get(`field.${form}.${field}`);
    }
    settings[`${form}Fields`] = titles;
  }
  // Each value came from its kind's reader (READERS), typed as Settings declares it.
  return settings as Settings;
}

/** One message naming every bad row (label and key) and what it should hold. */
export function formatSettingErrors(errors: readonly SettingError[], lang: 'ja' | 'en'): string {
  return errors
    .map((e) => {
      if (e.labelEn === e.key) {
        // A row whose key is unknown: there is no label to show.
        return lang === 'ja'
          ? `設定の行「${e.key}」: ${e.expectedJa}。`
          : `Settings row "${e.key}": ${e.expected}.`;
      }
      if (lang === 'ja') {
        const shown = e.value === '' ? '値' : `「${e.value}」`;
        return `設定の行「${e.labelJa}（${e.key}）」: ${shown}${e.expectedJa}。`;
      }
      const shown = e.value === '' ? 'the value' : `"${e.value}"`;
      return `Settings row "${e.labelEn} (${e.key})": ${shown} ${e.expected}.`;
    })
    .join('\n');
}
