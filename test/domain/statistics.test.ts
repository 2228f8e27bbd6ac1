// RULES §9 (R37, R38): the program statistics, against a small fixture whose every number was
// counted by hand (the comments show the counting), never by the code under test.
import {
  checkedChoices,
  computeStatistics,
  prefectureIndex,
  protectedCount,
  type StatisticsInput,
  type StatsApplication,
  type StatTable,
} from '../../src/domain/statistics';

const app = (
  responseId: string,
  supportDate: string | null,
  status: StatsApplication['status'],
  minutes: number | null,
  recipientKey: string,
  issues: string,
  prefecture: string,
  supporters: string[],
  reasons: string[] = [],
): StatsApplication => ({
  responseId,
  supportDate,
  status,
  reasons,
  minutes,
  recipientKey,
  issues,
  prefecture,
  supporters,
});

const R = '在留資格 / Residency status';
const L = '労働 / Labor';
const H = '医療 / Healthcare';
const FREE_ISSUE = '通訳が必要 山田花子さん';
const FREE_PLACE = 'Somewhere near the station';
const FREE_LANGUAGE = 'ケチュア語';

// Twelve applications; K1…K7 are recipient keys, S1…S5 supporters.
const FIXTURE: StatisticsInput = {
  applications: [
    app('a1', '2023-07-20', 'ACCEPTED', 90, 'k1', L, '東京都', ['S1']),
    app('a2', '2023-07-25', 'ACCEPTED', 150, 'k2', `${L}, ${H}`, '東京', ['S1', 'S2']),
    app('a3', '2023-08-05', 'ACCEPTED', 60, 'k1', R, 'Osaka', ['S2']),
    app('a4', '2023-08-10', 'REJECTED', 90, 'k3', L, '東京都', [], ['LATE']),
    app('a5', '2023-08-15', 'REJECTED', null, 'k4', '', '', [], ['NOT_SELF', 'LATE']),
    app('a6', '2024-03-31', 'ACCEPTED', 120, 'k3', `${H}, ${FREE_ISSUE}`, '神奈川県', ['S3']),
    app('a7', '2024-04-01', 'ACCEPTED', 119, 'k1', L, '大阪府', ['S1']),
    app('a8', '2024-04-02', 'ACCEPTED', 180, 'k5', `${R}, ${L}`, FREE_PLACE, ['S2', 'S3']),
    app('a9', '2024-05-20', 'REVIEW', null, '', '', '', [], ['MISSING_ANSWER']),
    app('a10', '2024-05-21', 'ACCEPTED', 90, 'k6', H, '東京都', ['S4'], ['CO_UNKNOWN']),
    app('a11', null, 'REVIEW', null, 'k7', '', '', [], ['MISSING_ANSWER']),
    app('a12', '2023-09-01', 'ACCEPTED', 90, 'k2', L, '東京都', ['S1']),
  ],
  ledger: [
    { responseId: 'a1', memberId: 'S1', amount: 4000, settledMonth: '2023-07' },
    { responseId: 'a2', memberId: 'S1', amount: 8000, settledMonth: '2023-07' },
    { responseId: 'a2', memberId: 'S2', amount: 8000, settledMonth: '2023-07' },
    { responseId: 'a3', memberId: 'S2', amount: 4000, settledMonth: '2023-08' },
    { responseId: 'a6', memberId: 'S3', amount: 8000, settledMonth: '2024-04' },
    { responseId: 'a7', memberId: 'S1', amount: 4000, settledMonth: '2024-04' },
    { responseId: 'a8', memberId: 'S2', amount: 8000, settledMonth: '2024-04' },
    { responseId: 'a8', memberId: 'S3', amount: 8000, settledMonth: '2024-04' },
    { responseId: 'a12', memberId: 'S1', amount: 4000, settledMonth: '2023-09' },
    // A line whose application row is gone: its fiscal year comes from the payments month.
    { responseId: 'gone', memberId: 'S9', amount: 4000, settledMonth: '2024-06' },
  ],
  members: [
    { memberId: 'S1', foreignBackground: 'はい / Yes', languages: '日本語, English' },
    { memberId: 'S2', foreignBackground: 'いいえ / No', languages: '日本語' },
    { memberId: 'S3', foreignBackground: 'はい / Yes', languages: `日本語, ${FREE_LANGUAGE}` },
    { memberId: 'S4', foreignBackground: '', languages: 'English' },
    { memberId: 'S5', foreignBackground: 'はい / Yes', languages: 'English' },
  ],
  issueChoices: [R, L, H],
  languageChoices: ['日本語', 'English', 'Tiếng Việt'],
  programStart: '2023-07-10',
  programEnd: '2026-02-28',
  longMinutes: 120,
  threshold: 3,
};

// Computed inside each test, never at module load: Stryker runs only the tests that cover a
// mutant, and code run while the file loads is covered by no test (README, mutation testing).
const stats = (input: StatisticsInput = FIXTURE) => computeStatistics(input);
const table = (key: StatTable['key'], input: StatisticsInput = FIXTURE) =>
  stats(input).tables.find((t) => t.key === key)!;
const rowsOf = (key: StatTable['key'], input: StatisticsInput = FIXTURE) =>
  Object.fromEntries(table(key, input).rows.map((r) => [r.label, r.cells]));

describe('statistics (R37): counts of the hand-counted fixture', () => {
  test('fiscal years are those of the program period (2023-07-10..2026-02-28: FY2023–FY2025)', () => {
    expect(stats().fiscalYears).toEqual([2023, 2024, 2025]);
    expect(table('summary').columns).toEqual([
      'Item / 項目',
      'Whole program / 事業全体',
      'FY2023 / 2023年度',
      'FY2024 / 2024年度',
      'FY2025 / 2025年度',
    ]);
  });

  test('summary per fiscal year of the support date and for the whole program, exact (R38: totals)', () => {
    // Columns: whole, FY2023, FY2024, FY2025. a6 (2024-03-31) is FY2023; a11 has no date.
    expect(rowsOf('summary')).toEqual({
      'Applications received / 申請数': [12, 7, 4, 0],
      'Accepted support cases / 受理した支援件数': [8, 5, 3, 0], // a1 a2 a3 a6 a12 | a7 a8 a10
      'Rejected / 不受理': [2, 2, 0, 0], // a4 a5
      'In review / 確認中': [2, 0, 1, 0], // a9 (FY2024), a11 (no date)
      'Persons supported / 相談者数（実人数）': [5, 3, 3, 0], // k1 k2 k3 k5 k6 | k1 k2 k3 | k1 k5 k6
      'Active supporters / 活動した支援者数': [4, 3, 4, 0], // S1–S4 | S1 S2 S3 | S1 S2 S3 S4
      'Amount paid (yen) / 支払額（円）': [60000, 36000, 24000, 0], // 'gone' (2024-06) is FY2024
      'Long cases (120 min or more) / 長時間の件数': [3, 2, 1, 0], // a2 a6 | a8
      'Standard cases (under 120 min) / 通常の件数': [5, 3, 2, 0], // a1 a3 a12 | a7 (119) a10
      'Cases with a second supporter / 同行支援者ありの件数': [2, 1, 1, 0], // a2 | a8
    });
  });

  test('cases by month of support; persons and supporters below 3 shown as <3', () => {
    // Month: cases, persons, supporters, long, second supporter, amount paid.
    expect(table('byMonth').rows.map((r) => [r.label, ...r.cells])).toEqual([
      ['2023-07', 2, '<3', '<3', 1, 1, 20000], // a1 a2: k1 k2; S1 S2
      ['2023-08', 1, '<3', '<3', 0, 0, 4000],
      ['2023-09', 1, '<3', '<3', 0, 0, 4000],
      ['2024-03', 1, '<3', '<3', 1, 0, 8000],
      ['2024-04', 2, '<3', 3, 1, 1, 20000], // a7 a8: k1 k5; S1 S2 S3 (3 is shown)
      ['2024-05', 1, '<3', '<3', 0, 0, 0], // a10 is on hold: nothing paid
    ]);
  });

  test('cases by each checked 相談内容 choice; another answer counted without its text', () => {
    // Cases: whole, FY2023, FY2024, FY2025; then persons supported in the same columns.
    expect(rowsOf('byIssue')).toEqual({
      [R]: [2, 1, 1, 0, '<3', '<3', '<3', 0], // a3 (k1), a8 (k5)
      [L]: [5, 3, 2, 0, 3, '<3', '<3', 0], // a1 a2 a12 | a7 a8: k1 k2 k5
      [H]: [3, 2, 1, 0, 3, '<3', '<3', 0], // a2 a6 | a10: k2 k3 k6
      'Other answer (not a form choice) / 選択肢以外の回答': [1, 1, 0, 0, '<3', '<3', 0, 0],
    });
  });

  test('every 相談内容 choice is a row even without cases; the other-answer row only when one was given', () => {
    const one = computeStatistics({
      ...FIXTURE,
      applications: [app('b1', '2023-07-20', 'ACCEPTED', 90, 'k1', L, '東京都', ['S1'])],
      ledger: [],
    });
    const issues = one.tables.find((t) => t.key === 'byIssue')!;
    // Cases: whole, FY2023, FY2024, FY2025; then persons supported (1 → <3 in a breakdown).
    expect(Object.fromEntries(issues.rows.map((r) => [r.label, r.cells]))).toEqual({
      [R]: [0, 0, 0, 0, 0, 0, 0, 0],
      [L]: [1, 1, 0, 0, '<3', '<3', 0, 0],
      [H]: [0, 0, 0, 0, 0, 0, 0, 0],
    });
  });

  test('cases by prefecture in JIS order, read from 東京 / Osaka / 大阪府; free text is "other"', () => {
    expect(rowsOf('byPrefecture')).toEqual({
      '東京都 / Tokyo': [4, 3, 1, 0, 3, '<3', '<3', 0], // a1 a2 a12 | a10: k1 k2 k6
      '神奈川県 / Kanagawa': [1, 1, 0, 0, '<3', '<3', 0, 0],
      '大阪府 / Osaka': [2, 1, 1, 0, '<3', '<3', '<3', 0], // a3 a7: k1 only
      'Other or unknown / その他・不明': [1, 0, 1, 0, '<3', 0, '<3', 0], // a8
    });
  });

  test('reason codes of every application, in RULES order, only those that occur', () => {
    expect(table('reasons').rows.map((r) => [r.label.split(':')[0], ...r.cells])).toEqual([
      ['NOT_SELF', 1, 1, 0, 0],
      ['LATE', 2, 2, 0, 0],
      ['CO_UNKNOWN', 1, 0, 1, 0], // accepted, the second supporter's share refused
      ['MISSING_ANSWER', 2, 0, 1, 0], // a11 (no date) only in the whole program
    ]);
  });

  test('supporters by foreign background: registered, and active per fiscal year', () => {
    // Registered; active whole, FY2023, FY2024, FY2025.
    expect(rowsOf('supportersByBackground')).toEqual({
      'Foreign background / 外国にルーツあり': [3, '<3', '<3', '<3', 0], // S1 S3 S5; active S1 S3
      'No foreign background / 外国にルーツなし': ['<3', '<3', '<3', '<3', 0], // S2
      'Not answered / 回答なし': ['<3', '<3', 0, '<3', 0], // S4 (FY2024 only)
    });
  });

  test('supporters by language choice; a typed language counted as "other", unnamed', () => {
    expect(rowsOf('supportersByLanguage')).toEqual({
      日本語: [3, 3, 3, 3, 0], // S1 S2 S3, active in both years
      English: [3, '<3', '<3', '<3', 0], // S1 S4 S5; active S1 S4
      'Other answer (not a form choice) / 選択肢以外の回答': ['<3', '<3', '<3', '<3', 0], // S3
    });
  });

  test('charts: cases per month (column), issues and prefectures (bar)', () => {
    expect(
      stats()
        .tables.filter((t) => t.chart)
        .map((t) => [t.key, t.chart!.type, t.chart!.title]),
    ).toEqual([
      ['byMonth', 'column', 'Cases per month / 月別の受理件数'],
      ['byIssue', 'bar', 'Cases by issue / 相談内容別の件数'],
      ['byPrefecture', 'bar', 'Cases by prefecture / 都道府県別の件数'],
    ]);
  });
});

describe('session participation (R36, R37)', () => {
  const signup = (
    sessionId: string,
    memberId: string,
    status: string,
    purpose: 'participation' | 'training',
    attended: boolean,
  ) => ({ sessionId, memberId, status, purpose, attended });
  const withSessions = () =>
    computeStatistics({
      ...FIXTURE,
      sessions: [
        { sessionId: 'SS1', day: '2023-10-15', cancelled: false }, // FY2023
        { sessionId: 'SS2', day: '2024-02-10', cancelled: false }, // FY2023
        { sessionId: 'SS3', day: '2024-06-01', cancelled: true }, // FY2024, cancelled
        { sessionId: 'SS4', day: '2024-09-01', cancelled: false }, // FY2024
      ],
      signups: [
        signup('SS1', 'S1', 'ACCEPTED', 'participation', true),
        signup('SS1', 'S2', 'ACCEPTED', 'training', true),
        signup('SS1', 'S3', 'WAITLISTED', 'participation', false),
        signup('SS2', 'S1', 'ACCEPTED', 'participation', true),
        signup('SS2', 'S4', 'REJECTED', 'participation', false),
        signup('SS4', 'S1', 'ACCEPTED', 'participation', true),
        signup('SS4', 'S2', 'ACCEPTED', 'participation', true),
        signup('SS4', 'S5', 'ACCEPTED', 'training', true),
        signup('SS4', 'S6', 'ACCEPTED', 'participation', false),
        signup('SSX', 'S7', 'ACCEPTED', 'participation', true), // unknown session: whole only
      ],
    });

  test('sessions, accepted sign-ups, attendances and supporters who attended, by the session’s fiscal year', () => {
    const t = withSessions().tables.find((x) => x.key === 'sessions')!;
    expect(t.columns.slice(1)).toEqual(table('summary').columns.slice(1));
    expect(Object.fromEntries(t.rows.map((r) => [r.label, r.cells]))).toEqual({
      'Sessions (not cancelled) / 相談会（中止を除く）': [3, 2, 1, 0],
      'Sign-ups accepted / 参加が確定した申込': [8, 3, 4, 0],
      'Attendances / 出席（延べ）': [7, 3, 3, 0],
      'Supporters who attended / 出席した支援者（実人数）': [4, 2, 3, 0], // S1 S2 S5 S7 | S1 S2 | S1 S2 S5
      'of whom for participation / うち参加目的': [3, '<3', '<3', 0], // S1 S2 S7 | S1 | S1 S2
      'of whom for training / うち研修目的': ['<3', '<3', '<3', 0], // S2 S5 | S2 | S5
    });
  });

  test('without the Sessions and Sign-ups sheets the section is left out', () => {
    expect(stats().tables.map((t) => t.key)).not.toContain('sessions');
    expect(withSessions().tables.at(-1)!.key).toBe('sessions');
  });
});

describe('small-cell protection (R38)', () => {
  test('at the threshold boundary: 2 → "<3", 3 → 3; zero stays 0', () => {
    expect(protectedCount(2, 3)).toBe('<3');
    expect(protectedCount(1, 3)).toBe('<3');
    expect(protectedCount(3, 3)).toBe(3);
    expect(protectedCount(0, 3)).toBe(0);
  });

  test('the threshold is a setting: at 2, the two persons of 2023-07 are shown as 2', () => {
    const two = computeStatistics({ ...FIXTURE, threshold: 2 });
    const july = two.tables.find((t) => t.key === 'byMonth')!.rows[0];
    expect(july.cells.slice(0, 3)).toEqual([2, 2, 2]);
    const august = two.tables.find((t) => t.key === 'byMonth')!.rows[1];
    expect(august.cells.slice(0, 3)).toEqual([1, '<2', '<2']);
  });

  test('no name, recipient key, supporter ID, typed answer or email appears anywhere', () => {
    const text = JSON.stringify(stats());
    for (const secret of [
      FREE_ISSUE,
      '山田花子',
      FREE_PLACE,
      FREE_LANGUAGE,
      'k1',
      'S1',
      'S9',
      'a1',
      '@',
    ])
      expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
  });
});

describe('reading answers', () => {
  test('checked choices are the form choices; anything else is "other"', () => {
    expect(checkedChoices(`${L}, ${H}`, [R, L, H])).toEqual({ chosen: [L, H], other: false });
    expect(checkedChoices(`${H}, free words`, [R, L, H])).toEqual({ chosen: [H], other: true });
    expect(checkedChoices('', [R, L, H])).toEqual({ chosen: [], other: false });
    // A choice that itself holds ", " is still one choice.
    expect(checkedChoices('A, B, C', ['A, B', 'C'])).toEqual({
      chosen: ['A, B', 'C'],
      other: false,
    });
  });

  test('prefectures by Japanese name, short name or English name; others are unknown', () => {
    expect(prefectureIndex('東京都')).toBe(12);
    expect(prefectureIndex('東京')).toBe(12);
    expect(prefectureIndex(' tokyo ')).toBe(12);
    expect(prefectureIndex('北海道 / Hokkaido')).toBe(0);
    expect(prefectureIndex('沖縄県')).toBe(46);
    expect(prefectureIndex('京都')).toBe(25);
    expect(prefectureIndex('Ｏｓａｋａ')).toBe(26);
    expect(prefectureIndex('駅の近く')).toBeNull();
    expect(prefectureIndex('')).toBeNull();
  });
});

// One fiscal year (FY2024), no cases: each test below adds the few rows it is about.
const BASE: StatisticsInput = {
  applications: [],
  ledger: [],
  members: [],
  issueChoices: [R, L, H],
  languageChoices: ['日本語', 'English'],
  programStart: '2024-04-01',
  programEnd: '2025-03-31',
  longMinutes: 120,
  threshold: 3,
};

describe('statistics (R37): the sheet’s tables, titles and columns', () => {
  test('each table’s title, column headers, yen cells and chart, for a program of one fiscal year', () => {
    const all = computeStatistics({ ...BASE, sessions: [], signups: [] });
    const fy = 'FY2024 / 2024年度';
    const whole = 'Whole program / 事業全体';
    const none = { rows: [], columns: [] };
    expect(all.tables.map((t) => [t.key, t.title, t.columns, t.yen, t.chart])).toEqual([
      [
        'summary',
        'Summary / 概要',
        ['Item / 項目', whole, fy],
        { rows: [6], columns: [] }, // the "Amount paid (yen)" row
        undefined,
      ],
      [
        'byMonth',
        'Cases by month of support / 支援月別',
        [
          'Month / 月',
          'Accepted cases / 受理件数',
          'Persons supported / 相談者数',
          'Active supporters / 支援者数',
          'Long cases / 長時間の件数',
          'With a second supporter / 同行支援者あり',
          'Amount paid (yen) / 支払額（円）',
        ],
        { rows: [], columns: [5] }, // the amount, the sixth value column
        { title: 'Cases per month / 月別の受理件数', type: 'column' },
      ],
      [
        'byIssue',
        'Cases by issue (相談内容) / 相談内容別',
        [
          'Issue / 相談内容',
          `Cases: ${whole}`,
          'Cases: FY2024 / 件数 2024年度',
          `Persons supported: ${whole}`,
          'Persons supported: FY2024 / 相談者数 2024年度',
        ],
        none,
        { title: 'Cases by issue / 相談内容別の件数', type: 'bar' },
      ],
      [
        'byPrefecture',
        'Cases by prefecture / 都道府県別',
        [
          'Prefecture / 都道府県',
          `Cases: ${whole}`,
          'Cases: FY2024 / 件数 2024年度',
          `Persons supported: ${whole}`,
          'Persons supported: FY2024 / 相談者数 2024年度',
        ],
        none,
        { title: 'Cases by prefecture / 都道府県別の件数', type: 'bar' },
      ],
      [
        'reasons',
        'Rejection and review reasons / 不受理・確認の理由',
        ['Reason / 理由', whole, fy],
        none,
        undefined,
      ],
      [
        'supportersByBackground',
        'Supporters by foreign background / 外国ルーツ別の支援者',
        [
          'Foreign background / 外国ルーツ',
          'Registered supporters / 登録者数',
          `Active supporters: ${whole}`,
          'Active supporters: FY2024 / 活動した支援者 2024年度',
        ],
        none,
        undefined,
      ],
      [
        'supportersByLanguage',
        'Supporters by language / 対応言語別の支援者',
        [
          'Language / 言語',
          'Registered supporters / 登録者数',
          `Active supporters: ${whole}`,
          'Active supporters: FY2024 / 活動した支援者 2024年度',
        ],
        none,
        undefined,
      ],
      [
        'sessions',
        'Session participation / 相談会への参加',
        ['Item / 項目', whole, fy],
        none,
        undefined,
      ],
    ]);
  });

  test('every 相談内容 choice has a row, zeros included; "other answer" only when someone gave one', () => {
    const one = {
      ...BASE,
      applications: [app('d1', '2024-05-01', 'ACCEPTED', 90, 'k1', L, '', ['S1'])],
    };
    expect(rowsOf('byIssue', one)).toEqual({
      [R]: [0, 0, 0, 0],
      [L]: [1, 1, '<3', '<3'],
      [H]: [0, 0, 0, 0],
    });
    // Prefectures, by contrast, only those with cases; an empty answer is "other or unknown".
    expect(rowsOf('byPrefecture', one)).toEqual({
      'Other or unknown / その他・不明': [1, 1, '<3', '<3'],
    });
  });

  test('an accepted case without a recipient name counts as a case, not as a person supported', () => {
    const input = {
      ...BASE,
      applications: [
        app('b1', '2024-05-01', 'ACCEPTED', 90, '', L, '東京都', ['S1']),
        app('b2', '2024-05-02', 'ACCEPTED', 90, 'k1', L, '東京都', ['S1']),
      ],
    };
    const rows = rowsOf('summary', input);
    expect(rows['Accepted support cases / 受理した支援件数']).toEqual([2, 2]);
    expect(rows['Persons supported / 相談者数（実人数）']).toEqual([1, 1]);
  });

  test('an accepted case with an unreadable date counts in the whole program only and in no month; unreadable minutes are neither long nor standard', () => {
    const input = {
      ...BASE,
      applications: [
        app('c1', null, 'ACCEPTED', null, 'k1', L, '東京都', ['S1']),
        app('c2', '2024-06-01', 'ACCEPTED', null, 'k2', L, '東京都', ['S2']),
      ],
    };
    const rows = rowsOf('summary', input);
    expect(rows['Accepted support cases / 受理した支援件数']).toEqual([2, 1]);
    expect(rows['Persons supported / 相談者数（実人数）']).toEqual([2, 1]);
    expect(rows['Long cases (120 min or more) / 長時間の件数']).toEqual([0, 0]);
    expect(rows['Standard cases (under 120 min) / 通常の件数']).toEqual([0, 0]);
    expect(table('byMonth', input).rows).toEqual([
      { label: '2024-06', cells: [1, '<3', '<3', 0, 0, 0] },
    ]);
  });

  test('supporters by background: only the answers someone gave have a row', () => {
    const input = {
      ...BASE,
      members: [{ memberId: 'S1', foreignBackground: 'はい / Yes', languages: '日本語' }],
    };
    expect(rowsOf('supportersByBackground', input)).toEqual({
      'Foreign background / 外国にルーツあり': ['<3', 0, 0],
    });
  });

  test.each([
    ['はい / Yes', 'Foreign background / 外国にルーツあり'],
    ['はい', 'Foreign background / 外国にルーツあり'],
    ['Yes', 'Foreign background / 外国にルーツあり'],
    ['YES', 'Foreign background / 外国にルーツあり'],
    ['あり', 'Foreign background / 外国にルーツあり'],
    ['y', 'Foreign background / 外国にルーツあり'],
    ['いいえ / No', 'No foreign background / 外国にルーツなし'],
    ['いいえ', 'No foreign background / 外国にルーツなし'],
    ['No', 'No foreign background / 外国にルーツなし'],
    ['NO', 'No foreign background / 外国にルーツなし'],
    ['なし', 'No foreign background / 外国にルーツなし'],
    ['n', 'No foreign background / 外国にルーツなし'],
    ['', 'Not answered / 回答なし'],
    ['はい, いいえ', 'Not answered / 回答なし'],
    ['わからない', 'Not answered / 回答なし'],
  ])('a foreign-background answer of "%s" is counted as "%s"', (answer, label) => {
    const input = {
      ...BASE,
      members: [{ memberId: 'S1', foreignBackground: answer, languages: '' }],
    };
    expect(table('supportersByBackground', input).rows.map((r) => r.label)).toEqual([label]);
  });

  test('with a Sessions sheet but no Sign-ups sheet (or the reverse) the section is left out', () => {
    const sessions = [{ sessionId: 'SS1', day: '2024-06-01', cancelled: false }];
    expect(stats({ ...BASE, sessions }).tables.map((t) => t.key)).not.toContain('sessions');
    expect(stats({ ...BASE, signups: [] }).tables.map((t) => t.key)).not.toContain('sessions');
  });
});

describe('reading answers: edge cases', () => {
  test('spaces around a checkbox answer are not another answer', () => {
    expect(checkedChoices(' 日本語 ', ['日本語', 'English'])).toEqual({
      chosen: ['日本語'],
      other: false,
    });
    expect(checkedChoices('日本語,  , English', ['日本語', 'English'])).toEqual({
      chosen: ['日本語', 'English'],
      other: false,
    });
  });

  test('an empty answer ticks nothing, even when the form has a choice with empty text', () => {
    expect(checkedChoices('', ['', '日本語'])).toEqual({ chosen: [], other: false });
    expect(checkedChoices('  ', ['', '日本語'])).toEqual({ chosen: [], other: false });
  });

  test('a choice that ends like a shorter choice is still read whole (longest choices first)', () => {
    expect(checkedChoices('A, B', ['B', 'A, B'])).toEqual({ chosen: ['A, B'], other: false });
    expect(checkedChoices('A, B, C', ['B', 'C', 'A, B, C'])).toEqual({
      chosen: ['A, B, C'],
      other: false,
    });
  });

  test('prefectures: capitals, doubled spaces, "Prefecture", and a city beside the prefecture', () => {
    expect(prefectureIndex('TOKYO')).toBe(12);
    expect(prefectureIndex('Kanagawa Prefecture')).toBe(13);
    expect(prefectureIndex('Kanagawa  Prefecture')).toBe(13);
    expect(prefectureIndex('北海道/Hokkaido')).toBe(0);
    expect(prefectureIndex('大阪府/大阪市')).toBe(26);
    expect(prefectureIndex('大阪市／大阪府')).toBe(26);
    expect(prefectureIndex('大阪市 / 大阪府')).toBe(26);
    expect(prefectureIndex('大阪市')).toBeNull();
  });
});
