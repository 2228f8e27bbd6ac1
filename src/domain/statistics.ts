// Program statistics for policy recommendations and reports (RULES §9, R37–R39). Pure: plain
// rows of applications, ledger lines and members in; plain tables out. Nothing here names a
// person, an email or a free-text answer: labels are fixed texts, months, the forms' own choices,
// prefecture names and reason codes (R38). Every count is by the fiscal year (April–March) of
// the support date, so the cases, persons and amounts of a year are the same cases.
import { fiscalYearOf, monthOfDay, parseDay } from './dates';
import { REASON_CODES, REASONS } from './reasons';
import { nfkc } from './text';
import type { Day, Month, Status } from './types';

export interface StatsApplication {
  responseId: string;
  /** Support date; null when unreadable (counted in the whole program only). */
  supportDate: Day | null;
  status: Status;
  reasons: string[];
  minutes: number | null;
  /** R13 recipient key ('' when the name is empty); never shown, only counted. */
  recipientKey: string;
  /** The 相談内容 answer as stored: the checked choices joined by ', '. */
  issues: string;
  prefecture: string;
  /** The supporters paid for the case (the applicant and a valid second supporter). */
  supporters: string[];
}

export interface StatsLedgerLine {
  responseId: string;
  memberId: string;
  amount: number;
  /** The payments sheet month (YYYY-MM); used when the application is not found. */
  settledMonth: string;
}

export interface StatsMember {
  memberId: string;
  /** The answer to 外国にルーツがありますか as stored (はい / Yes, いいえ / No, or empty). */
  foreignBackground: string;
  /** The checked languages joined by ', '. */
  languages: string;
}

/** A row of the Sessions sheet (R32) that could be read. */
export interface StatsSession {
  sessionId: string;
  day: Day;
  cancelled: boolean;
}

/** A row of the Sign-ups sheet (R34–R36). */
export interface StatsSignup {
  sessionId: string;
  memberId: string;
  status: string;
  purpose: 'participation' | 'training';
  /** Ticked by staff (R36). */
  attended: boolean;
}

export interface StatisticsInput {
  applications: readonly StatsApplication[];
  ledger: readonly StatsLedgerLine[];
  members: readonly StatsMember[];
  /** The application form's 相談内容 choices, in form order. */
  issueChoices: readonly string[];
  /** The registration form's language choices, in form order. */
  languageChoices: readonly string[];
  programStart: Day;
  programEnd: Day;
  /** R16: long support from this many minutes (Settings longMinutes). */
  longMinutes: number;
  /** R38: counts of persons or supporters below this, in a breakdown, are shown as `<N`. */
  threshold: number;
  /** Online consultation sessions (RULES §8); the section is left out without them. */
  sessions?: readonly StatsSession[];
  signups?: readonly StatsSignup[];
}

/** A cell: a number, or the protected `<N` text (R38). */
export type StatCell = number | string;

export type StatTableKey =
  | 'summary'
  | 'byMonth'
  | 'byIssue'
  | 'byPrefecture'
  | 'reasons'
  | 'supportersByBackground'
  | 'supportersByLanguage'
  | 'sessions';

export interface StatChart {
  /** Also the chart's identity in the sheet (R39: updated in place, never duplicated). */
  title: string;
  type: 'column' | 'bar';
}

export interface StatTable {
  key: StatTableKey;
  title: string;
  /** Column headers; the first is the label column. */
  columns: string[];
  rows: { label: string; cells: StatCell[] }[];
  /** Where the yen amounts are: whole rows, or columns (indexes into cells). */
  yen: { rows: number[]; columns: number[] };
  /** A chart of the label column against the first value column. */
  chart?: StatChart;
}

export interface Statistics {
  fiscalYears: number[];
  threshold: number;
  tables: StatTable[];
}

const WHOLE = 'Whole program / 事業全体';
const OTHER_ANSWER = 'Other answer (not a form choice) / 選択肢以外の回答';
const UNKNOWN_PREFECTURE = 'Other or unknown / その他・不明';

export const CHART_TITLES = {
  byMonth: 'Cases per month / 月別の受理件数',
  byIssue: 'Cases by issue / 相談内容別の件数',
  byPrefecture: 'Cases by prefecture / 都道府県別の件数',
} as const;

/** R38: a count of persons or supporters in a breakdown, protected below the threshold. */
export function protectedCount(n: number, threshold: number): StatCell {
  // Zero discloses no one (and a category without cases must not look like it has some).
  return n > 0 && n < threshold ? `<${threshold}` : n;
}

/** Fiscal years of the program period (Settings programStart..programEnd), oldest first. */
export function programFiscalYears(start: Day, end: Day): number[] {
  const first = fiscalYearOf(start);
  const last = Math.max(first, fiscalYearOf(end));
  const out: number[] = [];
  for (let fy = first; fy <= last; fy++) out.push(fy);
  return out;
}

const fyLabel = (fy: number) => `FY${fy} / ${fy}年度`;

/** Choice texts of a checkbox answer stored as 'a, b, c': form choices, and whether others were given. */
export function checkedChoices(
  answer: string,
  choices: readonly string[],
): { chosen: string[]; other: boolean } {
  const text = answer.trim();
  if (text === '') return { chosen: [], other: false };
  // Choices may themselves contain ', ': take the known choices out first, longest first.
  let rest = `, ${text}, `;
  const chosen: string[] = [];
  for (const choice of [...choices].sort((a, b) => b.length - a.length)) {
    const needle = `, ${choice}, `;
    if (rest.includes(needle)) {
      chosen.push(choice);
      rest = rest.replace(needle, ', ');
    }
  }
  const other = rest.split(', ').some((s) => s.trim() !== '');
  return { chosen: choices.filter((c) => chosen.includes(c)), other };
}

/** The 47 prefectures in JIS order (code 01–47), with their English names. */
export const PREFECTURES: readonly (readonly [string, string])[] = [
  ['北海道', 'Hokkaido'],
  ['青森県', 'Aomori'],
  ['岩手県', 'Iwate'],
  ['宮城県', 'Miyagi'],
  ['秋田県', 'Akita'],
  ['山形県', 'Yamagata'],
  ['福島県', 'Fukushima'],
  ['茨城県', 'Ibaraki'],
  ['栃木県', 'Tochigi'],
  ['群馬県', 'Gunma'],
  ['埼玉県', 'Saitama'],
  ['千葉県', 'Chiba'],
  ['東京都', 'Tokyo'],
  ['神奈川県', 'Kanagawa'],
  ['新潟県', 'Niigata'],
  ['富山県', 'Toyama'],
  ['石川県', 'Ishikawa'],
  ['福井県', 'Fukui'],
  ['山梨県', 'Yamanashi'],
  ['長野県', 'Nagano'],
  ['岐阜県', 'Gifu'],
  ['静岡県', 'Shizuoka'],
  ['愛知県', 'Aichi'],
  ['三重県', 'Mie'],
  ['滋賀県', 'Shiga'],
  ['京都府', 'Kyoto'],
  ['大阪府', 'Osaka'],
  ['兵庫県', 'Hyogo'],
  ['奈良県', 'Nara'],
  ['和歌山県', 'Wakayama'],
  ['鳥取県', 'Tottori'],
  ['島根県', 'Shimane'],
  ['岡山県', 'Okayama'],
  ['広島県', 'Hiroshima'],
  ['山口県', 'Yamaguchi'],
  ['徳島県', 'Tokushima'],
  ['香川県', 'Kagawa'],
  ['愛媛県', 'Ehime'],
  ['高知県', 'Kochi'],
  ['福岡県', 'Fukuoka'],
  ['佐賀県', 'Saga'],
  ['長崎県', 'Nagasaki'],
  ['熊本県', 'Kumamoto'],
  ['大分県', 'Oita'],
  ['宮崎県', 'Miyazaki'],
  ['鹿児島県', 'Kagoshima'],
  ['沖縄県', 'Okinawa'],
];

const PREFECTURE_INDEX = (() => {
  const index = new Map<string, number>();
  PREFECTURES.forEach(([ja, en], i) => {
    index.set(ja, i);
    if (ja !== '北海道') index.set(ja.slice(0, -1), i); // 東京 for 東京都, 大阪 for 大阪府
    index.set(en.toLowerCase(), i);
    index.set(`${en.toLowerCase()} prefecture`, i);
  });
  return index;
})();

/** The prefecture an answer names (JIS index), or null: free text is never shown (R38). */
export function prefectureIndex(answer: string): number | null {
  const text = nfkc(answer).trim().toLowerCase();
  if (text === '') return null;
  for (const part of [text, ...text.split(/\s*[/／]\s*/)]) {
    const i = PREFECTURE_INDEX.get(part.replace(/\s+/g, ' ').trim());
    if (i !== undefined) return i;
  }
  return null;
}

function prefectureLabel(i: number): string {
  const [ja, en] = PREFECTURES[i];
  return `${ja} / ${en}`;
}

function yesNo(answer: string): 'yes' | 'no' | 'none' {
  const parts = nfkc(answer)
    .toLowerCase()
    .split(/[\s/／・,]+/)
    .filter((p) => p !== '');
  const yes = parts.some((p) => ['はい', 'yes', 'あり', 'y'].includes(p));
  const no = parts.some((p) => ['いいえ', 'no', 'なし', 'n'].includes(p));
  if (yes && !no) return 'yes';
  if (no && !yes) return 'no';
  return 'none';
}

/** Counts per key, per fiscal year, and distinct sets per key (for persons and supporters). */
class Tally {
  readonly count = new Map<string, number>();
  readonly sets = new Map<string, Set<string>>();
  add(key: string, n = 1): void {
    this.count.set(key, (this.count.get(key) ?? 0) + n);
  }
  addTo(key: string, member: string): void {
    if (member === '') return;
    let s = this.sets.get(key);
    if (!s) {
      s = new Set();
      this.sets.set(key, s);
    }
    s.add(member);
  }
  n(key: string): number {
    return this.count.get(key) ?? 0;
  }
  distinct(key: string): number {
    return this.sets.get(key)?.size ?? 0;
  }
}

/** Key of a (category, fiscal year) cell; fy 'all' is the whole program. */
const k = (category: string, fy: number | string) => `${category}\u0000${fy}`;

export function computeStatistics(input: StatisticsInput): Statistics {
  const years = programFiscalYears(input.programStart, input.programEnd);
  const t = input.threshold;
  const accepted = input.applications.filter((a) => a.status === 'ACCEPTED');
  const fyOfApp = (a: StatsApplication): number | null =>
    a.supportDate ? fiscalYearOf(a.supportDate) : null;
  const scopes = (a: StatsApplication): (number | 'all')[] => {
    const fy = fyOfApp(a);
    return fy === null ? ['all'] : ['all', fy];
  };
  const byResponse = new Map(input.applications.map((a) => [a.responseId, a]));
  const ledgerScope = (l: StatsLedgerLine): { fy: number | null; month: Month | null } => {
    const app = byResponse.get(l.responseId);
    if (app?.supportDate)
      return { fy: fiscalYearOf(app.supportDate), month: monthOfDay(app.supportDate) };
    const day = parseDay(`${l.settledMonth}-01`);
    return { fy: day ? fiscalYearOf(day) : null, month: null };
  };

  // Summary (whole fiscal years and the whole program: exact, R38).
  const sum = new Tally();
  for (const a of input.applications) {
    for (const s of scopes(a)) {
      sum.add(k('received', s));
      if (a.status === 'REJECTED') sum.add(k('rejected', s));
      if (a.status === 'REVIEW') sum.add(k('review', s));
      if (a.status !== 'ACCEPTED') continue;
      sum.add(k('accepted', s));
      sum.addTo(k('persons', s), a.recipientKey);
      for (const id of a.supporters) sum.addTo(k('supporters', s), id);
      if (a.minutes !== null && a.minutes >= input.longMinutes) sum.add(k('long', s));
      else if (a.minutes !== null) sum.add(k('standard', s));
      if (a.supporters.length >= 2) sum.add(k('second', s));
    }
  }
  for (const l of input.ledger) {
    sum.add(k('amount', 'all'), l.amount);
    const { fy } = ledgerScope(l);
    if (fy !== null) sum.add(k('amount', fy), l.amount);
  }
  const allYears: (number | 'all')[] = ['all', ...years];
  const summaryRow = (label: string, key: string, distinct = false) => ({
    label,
    cells: allYears.map((s) => (distinct ? sum.distinct(k(key, s)) : sum.n(k(key, s)))),
  });
  const yearColumns = years.map(fyLabel);
  const tables: StatTable[] = [
    {
      key: 'summary',
      title: 'Summary / 概要',
      columns: ['Item / 項目', WHOLE, ...yearColumns],
      rows: [
        summaryRow('Applications received / 申請数', 'received'),
        summaryRow('Accepted support cases / 受理した支援件数', 'accepted'),
        summaryRow('Rejected / 不受理', 'rejected'),
        summaryRow('In review / 確認中', 'review'),
        summaryRow('Persons supported / 相談者数（実人数）', 'persons', true),
        summaryRow('Active supporters / 活動した支援者数', 'supporters', true),
        summaryRow('Amount paid (yen) / 支払額（円）', 'amount'),
        summaryRow(`Long cases (${input.longMinutes} min or more) / 長時間の件数`, 'long'),
        summaryRow(`Standard cases (under ${input.longMinutes} min) / 通常の件数`, 'standard'),
        summaryRow('Cases with a second supporter / 同行支援者ありの件数', 'second'),
      ],
      yen: { rows: [6], columns: [] },
    },
  ];

  // Cases by month (of the support date).
  const month = new Tally();
  const months = new Set<Month>();
  for (const a of accepted) {
    if (!a.supportDate) continue;
    const m = monthOfDay(a.supportDate);
    months.add(m);
    month.add(k('cases', m));
    month.addTo(k('persons', m), a.recipientKey);
    for (const id of a.supporters) month.addTo(k('supporters', m), id);
    if (a.minutes !== null && a.minutes >= input.longMinutes) month.add(k('long', m));
    if (a.supporters.length >= 2) month.add(k('second', m));
  }
  for (const l of input.ledger) {
    const { month: m } = ledgerScope(l);
    if (m === null) continue;
    months.add(m);
    month.add(k('amount', m), l.amount);
  }
  tables.push({
    key: 'byMonth',
    title: 'Cases by month of support / 支援月別',
    columns: [
      'Month / 月',
      'Accepted cases / 受理件数',
      'Persons supported / 相談者数',
      'Active supporters / 支援者数',
      'Long cases / 長時間の件数',
      'With a second supporter / 同行支援者あり',
      'Amount paid (yen) / 支払額（円）',
    ],
    rows: [...months].sort().map((m) => {
      const at = (key: string) => k(key, m);
      return {
        label: m,
        cells: [
          month.n(at('cases')),
          protectedCount(month.distinct(at('persons')), t),
          protectedCount(month.distinct(at('supporters')), t),
          month.n(at('long')),
          month.n(at('second')),
          month.n(at('amount')),
        ],
      };
    }),
    yen: { rows: [], columns: [5] },
    chart: { title: CHART_TITLES.byMonth, type: 'column' },
  });

  // Cases and persons by a category of the case (issue, prefecture).
  const breakdown = (
    key: 'byIssue' | 'byPrefecture',
    title: string,
    labelHeader: string,
    categoriesOf: (a: StatsApplication) => string[],
    order: readonly string[],
    /** Rows shown even without a case (the form's choices); the others only when they occur. */
    always: readonly string[],
  ): StatTable => {
    const tally = new Tally();
    const seen = new Set<string>();
    for (const a of accepted) {
      for (const c of categoriesOf(a)) {
        seen.add(c);
        for (const s of scopes(a)) {
          tally.add(k(c, s));
          tally.addTo(k(c, s), a.recipientKey);
        }
      }
    }
    const rows = order.filter((c) => seen.has(c) || always.includes(c));
    return {
      key,
      title,
      columns: [
        labelHeader,
        `Cases: ${WHOLE}`,
        ...years.map((fy) => `Cases: FY${fy} / 件数 ${fy}年度`),
        `Persons supported: ${WHOLE}`,
        ...years.map((fy) => `Persons supported: FY${fy} / 相談者数 ${fy}年度`),
      ],
      rows: rows.map((c) => ({
        label: c,
        cells: [
          ...allYears.map((s) => tally.n(k(c, s))),
          ...allYears.map((s) => protectedCount(tally.distinct(k(c, s)), t)),
        ],
      })),
      yen: { rows: [], columns: [] },
      chart: { title: CHART_TITLES[key], type: 'bar' },
    };
  };

  const issuesOf = (a: StatsApplication): string[] => {
    const { chosen, other } = checkedChoices(a.issues, input.issueChoices);
    return other ? [...chosen, OTHER_ANSWER] : chosen;
  };
  // Every choice of the form, with or without cases; other answers only when someone gave one.
  tables.push(
    breakdown(
      'byIssue',
      'Cases by issue (相談内容) / 相談内容別',
      'Issue / 相談内容',
      issuesOf,
      [...input.issueChoices, OTHER_ANSWER],
      input.issueChoices,
    ),
  );

  const prefectureOf = (a: StatsApplication): string[] => {
    const i = prefectureIndex(a.prefecture);
    return [i === null ? UNKNOWN_PREFECTURE : prefectureLabel(i)];
  };
  tables.push(
    breakdown(
      'byPrefecture',
      'Cases by prefecture / 都道府県別',
      'Prefecture / 都道府県',
      prefectureOf,
      [...PREFECTURES.map((_, i) => prefectureLabel(i)), UNKNOWN_PREFECTURE],
      [],
    ),
  );

  // Reason codes of the applications (rejections, reviews, second supporters not paid).
  const reasons = new Tally();
  for (const a of input.applications) {
    for (const code of new Set(a.reasons)) for (const s of scopes(a)) reasons.add(k(code, s));
  }
  tables.push({
    key: 'reasons',
    title: 'Rejection and review reasons / 不受理・確認の理由',
    columns: ['Reason / 理由', WHOLE, ...yearColumns],
    rows: REASON_CODES.filter((code) => reasons.n(k(code, 'all')) > 0).map((code) => ({
      label: `${code}: ${REASONS[code].label}`,
      cells: allYears.map((s) => reasons.n(k(code, s))),
    })),
    yen: { rows: [], columns: [] },
  });

  // Supporters: registered members, and those active on accepted cases, by background and language.
  const activeIn = new Map<string, Set<number | 'all'>>();
  for (const a of accepted) {
    for (const id of a.supporters) {
      const set = activeIn.get(id) ?? new Set<number | 'all'>();
      for (const s of scopes(a)) set.add(s);
      activeIn.set(id, set);
    }
  }
  const supporterTable = (
    key: 'supportersByBackground' | 'supportersByLanguage',
    title: string,
    labelHeader: string,
    categoriesOf: (m: StatsMember) => string[],
    order: string[],
    keepEmpty: boolean,
  ): StatTable => {
    const registered = new Tally();
    const active = new Tally();
    for (const m of input.members) {
      for (const c of categoriesOf(m)) {
        registered.add(c);
        for (const s of activeIn.get(m.memberId) ?? []) active.add(k(c, s));
      }
    }
    return {
      key,
      title,
      columns: [
        labelHeader,
        'Registered supporters / 登録者数',
        `Active supporters: ${WHOLE}`,
        ...years.map((fy) => `Active supporters: FY${fy} / 活動した支援者 ${fy}年度`),
      ],
      rows: order
        .filter((c) => keepEmpty || registered.n(c) > 0)
        .map((c) => ({
          label: c,
          cells: [
            protectedCount(registered.n(c), t),
            ...allYears.map((s) => protectedCount(active.n(k(c, s)), t)),
          ],
        })),
      yen: { rows: [], columns: [] },
    };
  };
  const BACKGROUND = {
    yes: 'Foreign background / 外国にルーツあり',
    no: 'No foreign background / 外国にルーツなし',
    none: 'Not answered / 回答なし',
  } as const;
  tables.push(
    supporterTable(
      'supportersByBackground',
      'Supporters by foreign background / 外国ルーツ別の支援者',
      'Foreign background / 外国ルーツ',
      (m) => [BACKGROUND[yesNo(m.foreignBackground)]],
      [BACKGROUND.yes, BACKGROUND.no, BACKGROUND.none],
      false,
    ),
  );
  tables.push(
    supporterTable(
      'supportersByLanguage',
      'Supporters by language / 対応言語別の支援者',
      'Language / 言語',
      (m) => {
        const { chosen, other } = checkedChoices(m.languages, input.languageChoices);
        return other ? [...chosen, OTHER_ANSWER] : chosen;
      },
      [...input.languageChoices, OTHER_ANSWER],
      false,
    ),
  );
  if (input.sessions && input.signups)
    tables.push(sessionTable(input.sessions, input.signups, years, t));
  return { fiscalYears: years, threshold: t, tables };
}

/**
 * Session participation (R36, R37), by the fiscal year of the session's day: sessions not
 * cancelled, accepted sign-ups, attendances, and the supporters who attended (exact for a whole
 * year; by purpose, a finer breakdown, protected below the threshold, R38).
 */
function sessionTable(
  sessions: readonly StatsSession[],
  signups: readonly StatsSignup[],
  years: number[],
  t: number,
): StatTable {
  const dayOf = new Map(sessions.map((s) => [s.sessionId, s.day]));
  const scopes = (sessionId: string): (number | 'all')[] => {
    const day = dayOf.get(sessionId);
    return day ? ['all', fiscalYearOf(day)] : ['all'];
  };
  const tally = new Tally();
  for (const s of sessions) {
    if (s.cancelled) continue;
    for (const scope of scopes(s.sessionId)) tally.add(k('sessions', scope));
  }
  for (const u of signups) {
    for (const scope of scopes(u.sessionId)) {
      if (u.status === 'ACCEPTED') tally.add(k('accepted', scope));
      if (!u.attended) continue;
      tally.add(k('attendances', scope));
      tally.addTo(k('attended', scope), u.memberId);
      tally.addTo(k(u.purpose, scope), u.memberId);
    }
  }
  const all: (number | 'all')[] = ['all', ...years];
  return {
    key: 'sessions',
    title: 'Session participation / 相談会への参加',
    columns: ['Item / 項目', WHOLE, ...years.map(fyLabel)],
    rows: [
      {
        label: 'Sessions (not cancelled) / 相談会（中止を除く）',
        cells: all.map((s) => tally.n(k('sessions', s))),
      },
      {
        label: 'Sign-ups accepted / 参加が確定した申込',
        cells: all.map((s) => tally.n(k('accepted', s))),
      },
      { label: 'Attendances / 出席（延べ）', cells: all.map((s) => tally.n(k('attendances', s))) },
      {
        label: 'Supporters who attended / 出席した支援者（実人数）',
        cells: all.map((s) => tally.distinct(k('attended', s))),
      },
      {
        label: 'of whom for participation / うち参加目的',
        cells: all.map((s) => protectedCount(tally.distinct(k('participation', s)), t)),
      },
      {
        label: 'of whom for training / うち研修目的',
        cells: all.map((s) => protectedCount(tally.distinct(k('training', s)), t)),
      },
    ],
    yen: { rows: [], columns: [] },
  };
}
