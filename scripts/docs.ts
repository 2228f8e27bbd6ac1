// The generated parts of the staff guide (docs/guide.ja.md, docs/guide.en.md) and its pictures.
//
// (a) Between markers like `<!-- generated:settings -->` … `<!-- /generated:settings -->` the
//     guides hold text made here from the code itself: every Settings key (SETTINGS_SPEC), every
//     reason code with the sentence the decision emails use (REASON_TEXT), and the subject of
//     every default email (DEFAULT_TEMPLATES). Staff read the same words the system writes.
// (b) docs/images/*.svg: the sheets as staff see them, drawn from a small demo run on the BUILT
//     bundle (dist/Code.js) in the local runtime, so the pictures follow the product, not a hand.
//
// Run: npm run build --silent && npx tsx scripts/docs.ts   (test/docs.test.ts checks both.)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chartOutput, renderCharts } from '../local/runner/statistics';
import type { SheetData } from '../local/runtime/spreadsheet';
import { columnLetters, parseA1 } from '../local/runtime/spreadsheet/a1';
import {
  APPLICATION_TITLES as A,
  createOfficeWorld,
  type OfficeWorld,
  REGISTRATION_TITLES as R,
  SIGNUP_TITLES as S,
  writeSettings,
} from '../local/world';
import {
  REASON_CODES,
  REASON_RULE,
  REASON_TEXT,
  REVIEW_CODES,
  SECOND_SUPPORTER_CODES,
} from '../src/domain/reasons';
import {
  SIGNUP_REASON_CODES,
  SIGNUP_REASON_RULE,
  SIGNUP_REASON_TEXT,
} from '../src/domain/sessions';
import { SETTINGS_SPEC } from '../src/domain/settings';
import { DEFAULT_TEMPLATES, TEMPLATE_KEYS, type TemplateKey } from '../src/domain/templates';
import type { ReasonCode } from '../src/domain/types';

export type Lang = 'ja' | 'en';

const ROOT = resolve(__dirname, '..');
export const GUIDE_FILES: Record<Lang, string> = {
  ja: join(ROOT, 'docs', 'guide.ja.md'),
  en: join(ROOT, 'docs', 'guide.en.md'),
};
export const IMAGE_DIR = join(ROOT, 'docs', 'images');

// ---------------------------------------------------------------------------------------------
// (a) Generated sections

const MARKER = /<!-- generated:([a-z-]+) -->\n[\s\S]*?<!-- \/generated:\1 -->/g;

/** Markdown table cell: a pipe or a line break would break the table. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

const REQUIRED_KINDS = new Set(['url', 'email']);

function defaultText(spec: (typeof SETTINGS_SPEC)[number], lang: Lang): string {
  if (spec.defaultValue !== '') return `\`${spec.defaultValue}\``;
  if (REQUIRED_KINDS.has(spec.kind))
    return lang === 'ja' ? '（空欄：必ず入力）' : '*(empty: required)*';
  return lang === 'ja' ? '（空欄）' : '*(empty)*';
}

function settingsTable(lang: Lang, fieldMap: boolean): string {
  const specs = SETTINGS_SPEC.filter((s) => s.key.startsWith('field.') === fieldMap);
  const header =
    lang === 'ja'
      ? ['キー', '設定項目', '既定値', '説明']
      : ['Key', 'Setting', 'Default', 'Meaning'];
  return table(
    header,
    specs.map((s) => [
      `\`${s.key}\``,
      lang === 'ja' ? s.labelJa : s.labelEn,
      defaultText(s, lang),
      lang === 'ja' ? s.helpJa : s.helpEn,
    ]),
  );
}

function reasonStatus(code: ReasonCode, lang: Lang): string {
  if (SECOND_SUPPORTER_CODES.includes(code)) {
    return lang === 'ja'
      ? '受理のまま（2人目の謝金だけ出ません）'
      : 'stays ACCEPTED (only the second fee is dropped)';
  }
  if (REVIEW_CODES.includes(code)) {
    return lang === 'ja' ? 'REVIEW（確認中）' : 'REVIEW';
  }
  return lang === 'ja' ? 'REJECTED（不受理）' : 'REJECTED';
}

function reasonsTable(lang: Lang): string {
  const header =
    lang === 'ja'
      ? ['理由コード', 'ルール', '判定', 'メールに書かれる説明']
      : ['Reason code', 'Rule', 'Status', 'What the email says'];
  return table(
    header,
    REASON_CODES.map((code) => [
      `\`${code}\``,
      REASON_RULE[code],
      reasonStatus(code, lang),
      REASON_TEXT[code][lang],
    ]),
  );
}

/** R34: the sign-up reason codes, with the sentence the sign-up emails use. */
function signupReasonsTable(lang: Lang): string {
  const header =
    lang === 'ja'
      ? ['理由コード', 'ルール', '状態', 'メールに書かれる説明']
      : ['Reason code', 'Rule', 'Status', 'What the email says'];
  return table(
    header,
    SIGNUP_REASON_CODES.map((code) => [
      `\`${code}\``,
      SIGNUP_REASON_RULE[code],
      code === 'SESSION_FULL'
        ? lang === 'ja'
          ? 'WAITLISTED（キャンセル待ち）'
          : 'WAITLISTED'
        : lang === 'ja'
          ? 'REJECTED（お受けできません）'
          : 'REJECTED',
      SIGNUP_REASON_TEXT[code][lang],
    ]),
  );
}

/** When each email goes out, in plain words (typed: a new template key must be described). */
const EMAIL_WHEN: Record<TemplateKey, Record<Lang, string>> = {
  'registration.reply': {
    ja: '登録フォームに回答した人へ（同じアドレスには1日1通まで）',
    en: 'to whoever fills in the registration form (at most one a day to the same address)',
  },
  'application.accepted': {
    ja: '申請が受理され、書類もそろっているとき（申請者と同行した支援者へ）',
    en: 'an application is accepted and the documents are in (to the applicant and the second supporter)',
  },
  'application.onHold': {
    ja: '申請は受理されたが、その年度の書類がまだ届いていないとき',
    en: 'an application is accepted but the documents for that fiscal year have not arrived',
  },
  'application.rejected': {
    ja: '申請が不受理のとき（理由をすべて書きます）',
    en: 'an application is rejected (every reason is written out)',
  },
  'application.review': {
    ja: '申請を事務局が確認するとき（REVIEW）',
    en: 'the office needs to look at an application (REVIEW)',
  },
  'application.paidEdited': {
    ja: '支払い済みの申請の回答が変更されたとき',
    en: 'someone edits an application that has already been paid',
  },
  'payments.notice': {
    ja: '月次の支払い処理のあと、その月に支払う支援者それぞれへ（月ごとに1人1通）',
    en: 'after the monthly payment run, to each supporter paid that month (one per supporter per month)',
  },
  'payments.summary': {
    ja: '月次の支払い処理のあと、事務局へ',
    en: 'to the office, after each monthly payment run',
  },
  'staff.alert': {
    ja: '事務局の確認が必要なことが起きたとき、事務局へ（同じ件は1回だけ）',
    en: 'to the office, when something needs attention (once per problem)',
  },
  'signup.accepted': {
    ja: '相談会の申し込みで参加が確定したとき（参加用URLつき）',
    en: 'a session sign-up is accepted (with the meeting link)',
  },
  'signup.promoted': {
    ja: 'キャンセル待ちから繰り上がって参加が確定したとき（参加用URLつき）',
    en: 'a waiting sign-up moves up into a freed place (with the meeting link)',
  },
  'signup.waitlisted': {
    ja: '定員に達していて、キャンセル待ちになったとき（URLは送りません）',
    en: 'the session is full and the sign-up waits (no meeting link)',
  },
  'signup.rejected': {
    ja: '相談会の申し込みをお受けできないとき（理由をすべて書きます）',
    en: 'a session sign-up is not accepted (every reason is written out)',
  },
  'signup.cancelled': {
    ja: '事務局が参加を取り消したとき（事務局判定「CANCELLED」）',
    en: 'the office cancels a participant (staff override CANCELLED)',
  },
  'signup.reminder': {
    ja: '相談会の前日、参加確定の人へ1回だけ（取り消した人には送りません）',
    en: 'the day before a session, once, to each accepted participant (never after a cancellation)',
  },
  'sessions.participants': {
    ja: '相談会の前日、事務局へ参加者一覧を1回',
    en: 'the day before a session, once, the participant list to the office',
  },
};

function emailsTable(lang: Lang): string {
  const header =
    lang === 'ja'
      ? ['テンプレート', 'いつ・だれに', '件名（既定）']
      : ['Template', 'When and to whom', 'Subject (default)'];
  return table(
    header,
    TEMPLATE_KEYS.map((key) => {
      const t = DEFAULT_TEMPLATES.find((d) => d.key === key && d.lang === lang);
      return [`\`${key}\``, EMAIL_WHEN[key][lang], t ? `\`${t.subject}\`` : ''];
    }),
  );
}

/** Every generated section of one guide, by marker name. */
export function generatedSections(lang: Lang): Record<string, string> {
  return {
    settings: settingsTable(lang, false),
    'field-map': settingsTable(lang, true),
    reasons: reasonsTable(lang),
    'signup-reasons': signupReasonsTable(lang),
    emails: emailsTable(lang),
  };
}

/** The text between each pair of markers in `text` (the markers' names as keys). */
export function readGenerated(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(MARKER)) {
    const open = `<!-- generated:${m[1]} -->\n`;
    const close = `<!-- /generated:${m[1]} -->`;
    out[m[1]] = m[0].slice(open.length, m[0].length - close.length).replace(/\n$/, '');
  }
  return out;
}

/** Replaces the text between each pair of markers; every section must have its markers. */
export function writeGenerated(text: string, sections: Record<string, string>): string {
  const found = readGenerated(text);
  const missing = Object.keys(sections).filter((name) => !(name in found));
  if (missing.length > 0) {
    throw new Error(`markers missing for: ${missing.join(', ')}`);
  }
  return text.replace(MARKER, (_all, name: string) => {
    const body = sections[name];
    if (body === undefined) throw new Error(`unknown generated section "${name}"`);
    return `<!-- generated:${name} -->\n${body}\n<!-- /generated:${name} -->`;
  });
}

// ---------------------------------------------------------------------------------------------
// (b) The demo: a small office month or two on the built bundle

const tokyo = (isoLocal: string): number => Date.parse(`${isoLocal}+09:00`);

/** A cell as staff type it (uncounted: a person, not the script). */
function staffTypes(
  w: OfficeWorld,
  sheetName: string,
  row: number | 'new',
  cells: Record<string, string>,
) {
  const counter = w.rt.ctx.counter;
  const was = counter.enabled;
  counter.enabled = false;
  try {
    const sheet = w.ss.getSheetByName(sheetName)!;
    const header = sheet
      .getRange(1, 1, 1, sheet.getLastColumn())
      .getValues()[0]
      .map((h) => String(h).split(' / ')[0]);
    if (row === 'new') {
      sheet.appendRow(header.map((h) => cells[h] ?? ''));
      return;
    }
    for (const [column, value] of Object.entries(cells)) {
      sheet.getRange(row + 1, header.indexOf(column) + 1).setValue(value);
    }
  } finally {
    counter.enabled = was;
  }
}

/** The data row (1-based) whose column holds `value`. */
function findRow(w: OfficeWorld, sheetName: string, column: string, value: string): number {
  const data = w.ss.sheetsData().find((s) => s.name === sheetName)!;
  const c = data.values[0].findIndex((h) => String(h).split(' / ')[0] === column);
  const r = data.values.findIndex((row, i) => i > 0 && String(row[c]) === value);
  if (r < 1) throw new Error(`${sheetName}: no row with ${column} = ${value}`);
  return r;
}

export interface DemoResult {
  world: OfficeWorld;
  /** Snapshots of sheets taken at the moment the guide talks about. */
  sheets: Map<string, SheetData>;
  /** The first Set up / check, before Settings were filled in. */
  firstSetupReport: string;
}

/** Runs the demo on the bundle (default dist/Code.js) and returns the sheets to draw. */
export function runDemo(bundle?: string): DemoResult {
  // A small daily quota so the Outbox has something to show; the real one is 100 or 1,500.
  const w = createOfficeWorld({ start: tokyo('2024-07-01T09:00:00'), dailyMailQuota: 4, bundle });
  const { rt, ss } = w;
  const sheets = new Map<string, SheetData>();
  const snap = (name: string, as = name) => {
    const data = ss.sheetsData().find((s) => s.name === name);
    if (!data) throw new Error(`the demo made no sheet "${name}"`);
    sheets.set(as, data);
  };
  const at = (iso: string) => rt.advanceTo(tokyo(iso));

  // As on the first day: the first Set up / check makes the Settings sheet and asks for the
  // form addresses and the staff email; staff fill them in and run it again.
  ss.deleteSheet(ss.getSheetByName('Settings')!);
  const firstSetupReport = String(rt.run('setup'));
  writeSettings(rt, ss, {
    registrationFormUrl: w.registration.getEditUrl(),
    applicationFormUrl: w.application.getEditUrl(),
    staffEmail: w.staffEmail,
  });
  rt.run('setup');
  snap('Settings');

  const register = (email: string, name: string, experience: string, language: string) =>
    rt.forms.submit(w.registration, {
      email,
      answers: {
        [R.name]: name,
        [R.phone]: '090-1234-5678',
        [R.address]: '東京都台東区上野1-2-3',
        [R.organization]: 'SMJ',
        [R.area]: '東京都',
        [R.languages]: [language === '日本語' ? '日本語' : 'English'],
        [R.experience]: experience,
        [R.emailLanguage]: language,
        [R.consent]: ['同意します / I agree'],
      },
    });
  const apply = (
    email: string,
    a: { id: string; date: string; start: string; end: string; person: string; second?: string },
  ) =>
    rt.forms
      .submit(w.application, {
        email,
        answers: {
          [A.applicantId]: a.id,
          [A.applicantName]: 'demo',
          [A.supportDate]: a.date,
          [A.startTime]: a.start,
          [A.endTime]: a.end,
          [A.recipientName]: a.person,
          [A.secondId]: a.second ?? '',
          [A.issues]: ['在留資格 / Residency status'],
          [A.prefecture]: '東京都',
          [A.description]: '入管への同行 / went with them to immigration',
        },
      })
      .getId();

  at('2024-07-01T10:12:00');
  register('sato@example.org', '佐藤 花子', 'あり / Yes', '日本語'); // BN-00001
  at('2024-07-01T11:40:00');
  register('mai.nguyen@example.org', 'Nguyen Thi Mai', 'あり / Yes', 'English'); // BN-00002
  at('2024-07-02T09:05:00');
  register('maria.santos@example.org', 'Maria Santos', 'なし / No', 'English'); // BN-00003
  at('2024-07-02T14:30:00');
  register('tanaka@example.org', '田中 一郎', 'あり / Yes', '日本語'); // BN-00004
  snap('Members');

  // The office receives the documents and ticks them; Maria has done four course modules.
  at('2024-07-08T10:00:00');
  const documents = (id: string, memo: string, account: string, note = '') =>
    staffTypes(w, 'Documents', 'new', {
      'Bansou Net ID': id,
      'Fiscal year': '2024',
      'Memorandum received': memo,
      'Account notification received': account,
      Note: note,
    });
  documents('BN-00001', '2024/07/05', '2024/07/05');
  documents('BN-00002', '2024/07/06', '2024/07/06');
  documents('BN-00004', '2024/07/08', '', '口座届 未着 / account form not yet');
  for (const [module, day] of [
    ['Basic 1', '2024/06/03'],
    ['Basic 2', '2024/06/10'],
    ['Basic 3', '2024/06/17'],
    ['Basic 4', '2024/06/24'],
  ]) {
    staffTypes(w, 'Course', 'new', {
      'Bansou Net ID': 'BN-00003',
      Module: module,
      'Completed on': day,
    });
  }

  // A busy day of applications: more mail than the (tiny) quota, so some waits in the Outbox.
  at('2024-07-25T10:05:00');
  const paidLater = apply('sato@example.org', {
    id: 'BN-00001',
    date: '2024-07-05',
    start: '10:00',
    end: '11:30',
    person: 'Tran Van Binh',
  });
  at('2024-07-25T10:30:00');
  apply('sato@example.org', {
    id: 'bn-00001',
    date: '2024-07-10',
    start: '13:00',
    end: '16:00',
    person: 'Li Wei',
    second: 'BN-00002',
  });
  at('2024-07-25T11:00:00');
  const tooShort = apply('mai.nguyen@example.org', {
    id: 'BN-00002',
    date: '2024-07-12',
    start: '10:00',
    end: '10:40',
    person: 'Ahmed Khan',
  });
  at('2024-07-25T11:20:00');
  apply('maria.santos@example.org', {
    id: 'BN-00003',
    date: '2024-07-15',
    start: '09:30',
    end: '11:00',
    person: 'Rosa Dela Cruz',
  });
  at('2024-07-25T13:00:00');
  apply('tanaka@example.org', {
    id: 'BN-00004',
    date: '2024-07-18',
    start: '09:00',
    end: '12:00',
    person: 'Kim Soo-jin',
  });
  at('2024-07-25T13:40:00');
  apply('someone.else@example.org', {
    id: 'BN-00002',
    date: '2024-07-19',
    start: '10:00',
    end: '12:00',
    person: 'Ahmed Khan',
  });
  at('2024-07-25T14:10:00');
  apply('mai.nguyen@example.org', {
    id: 'BN-00002',
    date: '2024-06-10',
    start: '13:00',
    end: '15:00',
    person: 'Ahmed Khan',
  });
  at('2024-07-25T17:30:00');
  snap('Outbox');

  // The applicant phoned: the support really lasted 70 minutes. Staff override with a note.
  at('2024-07-26T10:00:00');
  staffTypes(w, 'Applications', findRow(w, 'Applications', 'Response ID', tooShort), {
    'Staff override': 'ACCEPTED / 受理',
    'Staff note': '電話で確認：実際は10:00〜11:10 / phoned: really 10:00–11:10',
  });
  rt.run('redecideAll');

  // Day 1 of August, 06:00: the monthly trigger makes "Payments 2024-07".
  at('2024-08-01T07:00:00');

  // August: Maria completes Basic 5; Tanaka's account form arrives; more applications.
  at('2024-08-02T10:00:00');
  staffTypes(w, 'Course', 'new', {
    'Bansou Net ID': 'BN-00003',
    Module: 'Basic 5',
    'Completed on': '2024/08/02',
  });
  staffTypes(w, 'Documents', findRow(w, 'Documents', 'Bansou Net ID', 'BN-00004'), {
    'Account notification received': '2024/08/05',
    Note: '',
  });
  at('2024-08-10T09:00:00');
  // Sato changes an answer of an application already paid: the payment stands, it is flagged.
  rt.forms.editResponse(paidLater, {
    answers: {
      [A.applicantId]: 'BN-00001',
      [A.applicantName]: 'demo',
      [A.supportDate]: '2024-07-05',
      [A.startTime]: '10:00',
      [A.endTime]: '11:45',
      [A.recipientName]: 'Tran Van Binh',
      [A.issues]: ['在留資格 / Residency status'],
      [A.prefecture]: '東京都',
      [A.description]: '入管への同行 / went with them to immigration',
    },
  });
  at('2024-08-20T15:00:00');
  apply('maria.santos@example.org', {
    id: 'BN-00003',
    date: '2024-08-10',
    start: '10:00',
    end: '12:30',
    person: 'Rosa Dela Cruz',
  });
  at('2024-08-20T15:30:00');
  apply('sato@example.org', {
    id: 'BN-00001',
    date: '2024-08-12',
    start: '14:00',
    end: '15:30',
    person: 'Tran Van Binh',
  });
  at('2024-08-21T11:00:00');
  const checking = apply('mai.nguyen@example.org', {
    id: 'BN-00002',
    date: '2024-08-15',
    start: '10:00',
    end: '11:30',
    person: 'Ahmed Khan',
  });
  at('2024-08-22T10:00:00');
  staffTypes(w, 'Applications', findRow(w, 'Applications', 'Response ID', checking), {
    'Staff override': 'REVIEW / 確認中',
    'Staff note': '相談者の生まれ年を本人に確認中 / asking for the year of birth',
  });
  rt.run('redecideAll');

  // Day 1 of September: "Payments 2024-08", with July's on-hold payment carried over.
  at('2024-09-01T07:00:00');
  for (const name of [
    'Applications',
    'Documents',
    'Course',
    'Log',
    'Payments 2024-08',
    'Statistics',
  ])
    snap(name);
  return { world: w, sheets, firstSetupReport };
}

// ---------------------------------------------------------------------------------------------
// (b) Drawing a sheet as an SVG table, the way Google Sheets shows it

export interface SheetPicture {
  /** Columns to show, by the English half of their header (all when omitted). */
  columns?: string[];
  /** 1-based data rows (below the header) to show (all when omitted). */
  rows?: (data: SheetData) => number[];
  /** Show the first N columns (for a sheet without one header row, such as Statistics). */
  firstColumns?: number;
  /** Draw this chart of the sheet (by title) instead of its cells, as the local runner does. */
  chart?: string;
}

const FONT =
  "Arial, 'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans', 'Yu Gothic', Meiryo, sans-serif";
const ROW_H = 21;
const LINE_H = 16;
const ROW_HEADER_W = 46;
const COL_HEADER_H = 22;
const TAB_H = 30;
const MAX_LINES = 3;
const GRID = '#e2e3e3';
const HEADER_FILL = '#f8f9fa';

function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** The background a conditional format rule gives this cell, if any (TEXT_EQUAL_TO rules). */
function conditionalBackground(data: SheetData, r: number, c: number): string | null {
  for (const rule of data.conditionalFormatRules) {
    if (!rule.background || rule.criteria !== 'TEXT_EQUAL_TO') continue;
    if (String(rule.values[0]) !== data.displayValues[r][c]) continue;
    const inside = rule.ranges.some((a1) => {
      const range = parseA1(a1);
      if (!range) return false;
      const lastRow = range.lastRow ?? Number.POSITIVE_INFINITY;
      const lastColumn = range.lastColumn ?? Number.POSITIVE_INFINITY;
      return r + 1 >= range.row && r + 1 <= lastRow && c + 1 >= range.column && c + 1 <= lastColumn;
    });
    if (inside) return rule.background;
  }
  return null;
}

/** Sheets' default alignment: numbers and dates right, booleans centred, text left. */
function alignment(data: SheetData, r: number, c: number): 'left' | 'center' | 'right' {
  const set = data.horizontalAlignments[r][c];
  if (set === 'center' || set === 'right' || set === 'left') return set;
  const v = data.values[r][c];
  if (typeof v === 'number' || v instanceof Date) return 'right';
  if (typeof v === 'boolean') return 'center';
  return 'left';
}

/**
 * One sheet as an SVG picture: column letters and row numbers, the frozen header (bold, with
 * the thick line below it), backgrounds including the conditional colours, the display values
 * (so yen and dates look as in Sheets), column widths, and the sheet's tab. Header cells are
 * drawn on two lines (English / Japanese) so each column can be read in the picture.
 */
export function sheetSvg(data: SheetData, picture: SheetPicture = {}): string {
  // The last frozen row holds the column headers (a title row may sit above it).
  const frozen = Math.max(data.frozenRows, 1);
  const header = data.values[frozen - 1].map((h) => String(h).split(' / ')[0]);
  const cols = picture.firstColumns
    ? Array.from({ length: picture.firstColumns }, (_, c) => c)
    : (picture.columns ?? header.filter((h) => h !== '')).map((name) => {
        const c = header.indexOf(name);
        if (c < 0 && picture.columns) throw new Error(`${data.name}: no column "${name}"`);
        return c;
      });
  const dataRows = picture.rows
    ? picture.rows(data)
    : Array.from({ length: data.values.length - frozen }, (_, i) => i + frozen);
  const rows = [
    ...Array.from({ length: frozen }, (_, i) => i),
    ...dataRows.filter((r) => r >= frozen),
  ];

  const widths = cols.map((c) => data.columnWidths[c] ?? 100);
  const xs: number[] = [];
  let x = ROW_HEADER_W;
  for (const w of widths) {
    xs.push(x);
    x += w;
  }
  const width = x + 1;

  const linesOf = (r: number, c: number): string[] => {
    const text = data.displayValues[r][c] ?? '';
    const lines =
      r === frozen - 1 && text.includes(' / ')
        ? text.split(' / ').map((part, i) => (i === 0 ? `${part} /` : part))
        : text.split('\n');
    return lines.slice(0, MAX_LINES);
  };
  const heights = rows.map((r) =>
    Math.max(ROW_H, ...cols.map((c) => (linesOf(r, c).length - 1) * LINE_H + ROW_H)),
  );
  const ys: number[] = [];
  let y = COL_HEADER_H;
  for (const h of heights) {
    ys.push(y);
    y += h;
  }
  const gridBottom = y;
  const height = gridBottom + TAB_H;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${esc(FONT)}" font-size="12">`,
    `<title>${esc(data.name)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<rect x="0" y="0" width="${width}" height="${COL_HEADER_H}" fill="${HEADER_FILL}"/>`,
    `<rect x="0" y="0" width="${ROW_HEADER_W}" height="${gridBottom}" fill="${HEADER_FILL}"/>`,
  );
  // Cell backgrounds first, then grid lines, then text (clipped to its cell, or to the empty
  // cells to its right, as Sheets lets text overflow).
  rows.forEach((r, i) => {
    cols.forEach((c, j) => {
      const fill = data.backgrounds[r]?.[c] ?? conditionalBackground(data, r, c);
      if (fill) {
        out.push(
          `<rect x="${xs[j]}" y="${ys[i]}" width="${widths[j]}" height="${heights[i]}" fill="${esc(fill)}"/>`,
        );
      }
    });
  });
  out.push(`<g stroke="${GRID}" stroke-width="1">`);
  for (const xi of [...xs, x])
    out.push(`<line x1="${xi + 0.5}" y1="0" x2="${xi + 0.5}" y2="${gridBottom}"/>`);
  for (const yi of [0, ...ys, gridBottom])
    out.push(`<line x1="0" y1="${yi + 0.5}" x2="${width}" y2="${yi + 0.5}"/>`);
  out.push(
    `<line x1="${ROW_HEADER_W + 0.5}" y1="0" x2="${ROW_HEADER_W + 0.5}" y2="${gridBottom}"/>`,
  );
  out.push('</g>');
  // The thick grey bar under the frozen rows.
  const frozenY = ys[frozen - 1] + heights[frozen - 1];
  out.push(`<rect x="0" y="${frozenY - 1}" width="${width}" height="4" fill="#c7c7c7"/>`);

  out.push('<g fill="#5f6368" text-anchor="middle" font-size="11">');
  cols.forEach((c, j) => {
    out.push(`<text x="${xs[j] + widths[j] / 2}" y="15">${columnLetters(c + 1)}</text>`);
  });
  rows.forEach((r, i) => {
    out.push(`<text x="${ROW_HEADER_W / 2}" y="${ys[i] + 15}">${r + 1}</text>`);
  });
  out.push('</g>');

  let clip = 0;
  const defs: string[] = [];
  const texts: string[] = [];
  rows.forEach((r, i) => {
    cols.forEach((c, j) => {
      const lines = linesOf(r, c);
      if (lines.every((l) => l === '')) return;
      const align = alignment(data, r, c);
      let right = xs[j] + widths[j];
      if (align === 'left' && lines.length === 1) {
        // Text spills into the empty cells next to it (only across adjacent sheet columns).
        for (let k = j + 1; k < cols.length && cols[k] === cols[k - 1] + 1; k++) {
          if ((data.displayValues[r][cols[k]] ?? '') !== '') break;
          right = xs[k] + widths[k];
        }
      }
      const id = `c${clip++}`;
      defs.push(
        `<clipPath id="${id}"><rect x="${xs[j] + 1}" y="${ys[i] + 1}" width="${right - xs[j] - 2}" height="${heights[i] - 1}"/></clipPath>`,
      );
      const tx =
        align === 'left'
          ? xs[j] + 4
          : align === 'right'
            ? xs[j] + widths[j] - 4
            : xs[j] + widths[j] / 2;
      const anchor = align === 'left' ? 'start' : align === 'right' ? 'end' : 'middle';
      const bold = data.fontWeights[r][c] === 'bold' ? ' font-weight="bold"' : '';
      const colour = data.fontColors[r][c] ?? '#202124';
      const spans = lines
        .map((l, k) => `<tspan x="${tx}" y="${ys[i] + 15 + k * LINE_H}">${esc(l)}</tspan>`)
        .join('');
      texts.push(
        `<text clip-path="url(#${id})" text-anchor="${anchor}" fill="${esc(colour)}"${bold}>${spans}</text>`,
      );
    });
  });
  out.push(`<defs>${defs.join('')}</defs>`, ...texts);

  // The sheet's tab at the bottom, so staff know which sheet they are looking at.
  const tabW = Math.max(90, data.name.length * 8 + 24);
  out.push(
    `<rect x="0" y="${gridBottom}" width="${width}" height="${TAB_H}" fill="#f1f3f4"/>`,
    `<rect x="${ROW_HEADER_W}" y="${gridBottom}" width="${tabW}" height="${TAB_H - 4}" fill="#ffffff" stroke="${GRID}"/>`,
    `<text x="${ROW_HEADER_W + tabW / 2}" y="${gridBottom + 18}" text-anchor="middle" fill="#188038" font-weight="bold">${esc(data.name)}</text>`,
    '</svg>',
  );
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// The pictures of the guide, and the command

const keyIs = (data: SheetData, r: number, test: (key: string) => boolean) =>
  test(String(data.values[r][0]));

// A few rows of the field map, to show what they look like.
const SHOWN_FIELD_ROWS = [
  'field.application.applicantId',
  'field.application.supportDate',
  'field.application.startTime',
];

/** The file names (in docs/images) and what each shows. */
export const PICTURES: Record<string, { sheet: string } & SheetPicture> = {
  'settings.svg': {
    sheet: 'Settings',
    rows: (d) =>
      d.values
        .map((_, r) => r)
        .filter(
          (r) =>
            r > 0 && keyIs(d, r, (k) => !k.startsWith('field.') || SHOWN_FIELD_ROWS.includes(k)),
        ),
  },
  'members.svg': {
    sheet: 'Members',
    columns: [
      'Bansou Net ID',
      'Email',
      'Name',
      'Experience',
      'Email language',
      'First registered at',
      'Registration response IDs',
      'Last auto-reply at',
      'Auto-replies that day',
    ],
  },
  'documents.svg': { sheet: 'Documents' },
  'course.svg': { sheet: 'Course' },
  'applications.svg': {
    sheet: 'Applications',
    columns: [
      'Response ID',
      'Applicant ID',
      'Second supporter ID',
      'Support date',
      'Minutes',
      'Status',
      'Reason codes',
      'Fee per supporter',
      'Payment month',
      'On hold (documents)',
      'Paid in',
    ],
  },
  'applications-override.svg': {
    sheet: 'Applications',
    columns: [
      'Response ID',
      'Applicant ID',
      'Status',
      'Reason codes',
      'Automatic decision',
      'Flag',
      'Staff override',
      'Staff note',
    ],
  },
  'payments.svg': { sheet: 'Payments 2024-08' },
  'outbox.svg': {
    sheet: 'Outbox',
    columns: ['Queued at', 'To', 'Subject', 'Kind', 'Reference', 'Status', 'Sent at', 'Attempts'],
  },
  'sessions.svg': {
    sheet: 'Sessions',
    columns: [
      'Session ID',
      'Date',
      'Start',
      'End',
      'Title (Japanese)',
      'Title (English)',
      'Capacity',
      'Sign-up closes',
      'Status',
      'Participants',
      'Waiting list',
    ],
  },
  'signups.svg': {
    sheet: 'Sign-ups',
    columns: [
      'Response ID',
      'Signed up at',
      'Bansou Net ID',
      'Name',
      'Session ID',
      'Status',
      'Reason codes',
      'Status emailed',
      'Staff override',
      'Staff note',
      'Attended',
    ],
  },
  'statistics.svg': {
    sheet: 'Statistics',
    // The heading, the summary and the month table (with its protected small counts).
    rows: (d) => d.values.map((_, r) => r).filter((r) => r > 0 && r < 23),
    firstColumns: 7,
  },
  'statistics-chart.svg': { sheet: 'Statistics', chart: 'Cases by issue / 相談内容別の件数' },
  'log.svg': {
    sheet: 'Log',
    // A busy stretch of the demo, not the quiet daily sweep lines before it.
    rows: (d) => {
      const first = d.values.findIndex((row) => row[1] === 'DECIDED');
      return Array.from({ length: 16 }, (_, i) => first + i).filter((r) => r < d.values.length);
    },
  },
};

/**
 * The online sessions (guide section 10): a spring with two sessions, sign-ups that meet every
 * rule, a waiting list, a staff cancellation that promotes the first waiting sign-up.
 */
export function runSessionsDemo(bundle?: string): Map<string, SheetData> {
  const w = createOfficeWorld({
    start: tokyo('2024-04-01T09:00:00'),
    withSignupForm: true,
    bundle,
  });
  const { rt, ss } = w;
  const at = (iso: string) => rt.advanceTo(tokyo(iso));
  rt.run('setup');
  const register = (email: string, name: string, experience: boolean, foreign: boolean) =>
    rt.forms.submit(w.registration, {
      email,
      answers: {
        [R.name]: name,
        [R.experience]: experience ? 'あり / Yes' : 'なし / No',
        [R.foreignBackground]: foreign ? 'はい / Yes' : 'いいえ / No',
        [R.emailLanguage]: foreign ? 'English' : '日本語',
        [R.consent]: ['同意します / I agree'],
      },
    });
  register('sato@example.org', '佐藤 花子', true, false); // BN-00001
  register('mai.nguyen@example.org', 'Nguyen Thi Mai', true, true); // BN-00002
  register('maria.santos@example.org', 'Maria Santos', false, true); // BN-00003
  register('tanaka@example.org', '田中 一郎', false, false); // BN-00004
  register('kim@example.org', 'Kim Soo-jin', true, true); // BN-00005
  const session = (id: string, date: string, ja: string, en: string, capacity: string) =>
    staffTypes(w, 'Sessions', 'new', {
      'Session ID': id,
      Date: date,
      Start: '19:00',
      End: '20:30',
      'Title (Japanese)': ja,
      'Title (English)': en,
      Topics: ja,
      'Meeting URL': `https://meet.example.org/bansou-${id.toLowerCase()}`,
      Capacity: capacity,
      'Sign-up closes': `${date.slice(0, 8)}${String(Number(date.slice(8)) - 1).padStart(2, '0')} 17:00`,
      Status: 'open',
    });
  session('S2024-01', '2024-05-17', '医療と福祉', 'Healthcare and welfare', '2');
  session('S2024-02', '2024-07-19', '住まいの問題', 'Housing', '20');
  rt.run('updateSessions');
  const signUp = (email: string, id: string, sessionId: string, purpose: string) => {
    const item = w.signup!.getItems().find((i) => i.getTitle() === S.session)!;
    const choice = item
      .getChoices()
      .map((c) => c.getValue())
      .find((c) => c.startsWith(`${sessionId} `))!;
    return rt.forms
      .submit(w.signup!, {
        email,
        answers: { [S.memberId]: id, [S.session]: choice, [S.purpose]: purpose },
      })
      .getId();
  };
  at('2024-04-20T10:00:00');
  signUp('sato@example.org', 'BN-00001', 'S2024-01', '参加 / Participation');
  at('2024-04-21T11:00:00');
  const mai = signUp('mai.nguyen@example.org', 'BN-00002', 'S2024-01', '参加 / Participation');
  at('2024-04-22T12:00:00');
  signUp('maria.santos@example.org', 'BN-00003', 'S2024-01', '研修 / Training');
  at('2024-04-23T13:00:00');
  signUp('tanaka@example.org', 'BN-00004', 'S2024-02', '参加 / Participation');
  at('2024-04-24T14:00:00');
  signUp('someone.else@example.org', 'BN-00005', 'S2024-02', '参加 / Participation');
  at('2024-04-25T15:00:00');
  signUp('sato@example.org', 'BN-00001', 'S2024-01', '参加 / Participation');
  at('2024-04-26T16:00:00');
  signUp('visitor@example.org', 'BN-00099', 'S2024-02', '参加 / Participation');
  // Mai phones: she cannot come. Staff cancel; Maria moves up from the waiting list.
  at('2024-05-10T10:00:00');
  staffTypes(w, 'Sign-ups', findRow(w, 'Sign-ups', 'Response ID', mai), {
    'Staff override': 'CANCELLED / 取消',
    'Staff note': '電話で辞退 / cancelled by phone',
  });
  rt.run('updateSessions');
  at('2024-05-18T10:00:00');
  staffTypes(w, 'Sign-ups', 1, { Attended: 'TRUE' });
  staffTypes(w, 'Sign-ups', 3, { Attended: 'TRUE' });
  rt.run('updateSessions');
  const sheets = new Map<string, SheetData>();
  for (const name of ['Sessions', 'Sign-ups']) {
    const data = ss.sheetsData().find((s) => s.name === name);
    if (!data) throw new Error(`the sessions demo made no sheet "${name}"`);
    sheets.set(name, data);
  }
  return sheets;
}

/** Every picture (file name → SVG text), drawn from a fresh run of the demo. */
export function renderPictures(bundle?: string): Map<string, string> {
  const demo = runDemo(bundle);
  for (const [name, data] of runSessionsDemo(bundle)) demo.sheets.set(name, data);
  const out = new Map<string, string>();
  for (const [file, picture] of Object.entries(PICTURES)) {
    const data = demo.sheets.get(picture.sheet);
    if (!data) throw new Error(`the demo kept no snapshot of "${picture.sheet}"`);
    if (picture.chart) {
      const chart = data.charts.find((c) => c.title === picture.chart);
      if (!chart) throw new Error(`the sheet "${picture.sheet}" has no chart "${picture.chart}"`);
      out.set(file, `${renderCharts([chartOutput(data, chart)])[0]}\n`);
      continue;
    }
    out.set(file, sheetSvg(data, picture));
  }
  return out;
}

function main(): void {
  for (const lang of ['ja', 'en'] as const) {
    const file = GUIDE_FILES[lang];
    const before = readFileSync(file, 'utf8');
    const after = writeGenerated(before, generatedSections(lang));
    if (after !== before) writeFileSync(file, after);
    console.log(`${file}: ${after === before ? 'up to date' : 'generated sections rewritten'}`);
  }
  mkdirSync(IMAGE_DIR, { recursive: true });
  for (const [name, svg] of renderPictures(process.env.DOCS_BUNDLE)) {
    writeFileSync(join(IMAGE_DIR, name), svg);
    console.log(`docs/images/${name}`);
  }
}

if (require.main === module) main();
