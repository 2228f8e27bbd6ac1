// The Statistics sheet (RULES R37–R39) through the built bundle: written after the monthly run
// and from the menu, its numbers counted by hand, no personal data, and its three charts kept
// in place however often it is refreshed or set up again.
import {
  documentsReceived,
  failedExecutions,
  type Office,
  office,
  sheetValues,
  staffAddsSession,
  staffAppends,
  staffSets,
  uncounted,
} from './helpers';

function register(o: Office, email: string, name: string, foreign: string, languages: string[]) {
  o.register({ email, name, foreignBackground: foreign, languages });
}

function apply(
  o: Office,
  email: string,
  a: { id: string; date: string; start: string; end: string; recipient: string; second?: string },
  issues: string[],
  prefecture: string,
) {
  o.apply({
    email,
    ...a,
    name: 'Applicant Name',
    issues,
    prefecture,
    description: '山田さんの友人宅で相談 / private details of the case',
  });
}

/** Aiko (BN-00001), Ben (BN-00002), Chen (BN-00003); four applications in July 2023. */
function july(): Office {
  const o = office();
  register(o, 'aiko@example.org', 'Aiko Tanaka', 'はい / Yes', ['日本語', 'English']);
  register(o, 'ben@example.org', 'Ben Silva', 'いいえ / No', ['日本語']);
  register(o, 'chen@example.org', 'Chen Wei', 'はい / Yes', ['中文']);
  for (const id of ['BN-00001', 'BN-00002', 'BN-00003']) {
    documentsReceived(o, id, '2023', '2023/07/01');
  }
  o.at('2023-07-25T10:00:00');
  // 90 min with a second supporter: 4,000 yen each.
  apply(
    o,
    'aiko@example.org',
    {
      id: 'BN-00001',
      date: '2023-07-18',
      start: '10:00',
      end: '11:30',
      recipient: 'Nguyen Van A',
      second: 'BN-00002',
    },
    ['労働 / Labor', '医療 / Healthcare'],
    '東京都',
  );
  // 150 min: 8,000 yen.
  apply(
    o,
    'ben@example.org',
    { id: 'BN-00002', date: '2023-07-19', start: '10:00', end: '12:30', recipient: 'Maria Santos' },
    ['在留資格 / Residency status'],
    '大阪府',
  );
  // The same person supported again (the same recipient key), somewhere not a prefecture.
  apply(
    o,
    'chen@example.org',
    { id: 'BN-00003', date: '2023-07-20', start: '13:00', end: '14:00', recipient: 'NGUYEN van a' },
    ['その他 / Other'],
    '山田さんの家の近く',
  );
  // 30 min: TOO_SHORT.
  apply(
    o,
    'aiko@example.org',
    {
      id: 'BN-00001',
      date: '2023-07-21',
      start: '10:00',
      end: '10:30',
      recipient: 'Secret Person',
    },
    ['労働 / Labor'],
    '東京都',
  );
  o.at('2023-08-01T09:00:00'); // the monthly run of 08-01 06:00 settled July
  return o;
}

/** A table of the sheet: label → its cells, from the row under the title `title`. */
function tableIn(o: Office, title: string): Record<string, unknown[]> {
  const values = sheetValues(o, 'Statistics');
  const at = values.findIndex((r) => r[0] === title);
  expect(at).toBeGreaterThan(0);
  const width = values[at + 1].filter((c) => c !== '').length;
  const out: Record<string, unknown[]> = {};
  for (let r = at + 2; r < values.length && values[r][0] !== ''; r++)
    out[String(values[r][0])] = values[r].slice(1, width);
  return out;
}

const charts = (o: Office) =>
  uncounted(o, () =>
    o.ss
      .getSheetByName('Statistics')!
      .getCharts()
      .map((c) => ({
        id: c.getChartId(),
        title: c.getOptions().get('title'),
        ranges: c.getRanges().map((r) => r.getA1Notation()),
      })),
  );

describe('the Statistics sheet (R37–R39)', () => {
  test('the monthly run writes it, with the counts of the month as counted by hand', () => {
    const o = july();
    expect(failedExecutions(o)).toEqual([]);
    // Whole program, FY2023, FY2024, FY2025.
    expect(tableIn(o, 'Summary / 概要')).toEqual({
      'Applications received / 申請数': [4, 4, 0, 0],
      'Accepted support cases / 受理した支援件数': [3, 3, 0, 0],
      'Rejected / 不受理': [1, 1, 0, 0],
      'In review / 確認中': [0, 0, 0, 0],
      'Persons supported / 相談者数（実人数）': [2, 2, 0, 0], // Nguyen Van A twice, Maria Santos
      'Active supporters / 活動した支援者数': [3, 3, 0, 0],
      'Amount paid (yen) / 支払額（円）': [20000, 20000, 0, 0], // 4,000 × 2 + 8,000 + 4,000
      'Long cases (120 min or more) / 長時間の件数': [1, 1, 0, 0],
      'Standard cases (under 120 min) / 通常の件数': [2, 2, 0, 0],
      'Cases with a second supporter / 同行支援者ありの件数': [1, 1, 0, 0],
    });
    // Cases, persons (2 → <3), supporters (3), long, second supporter, amount.
    expect(tableIn(o, 'Cases by month of support / 支援月別')).toEqual({
      '2023-07': [3, '<3', 3, 1, 1, 20000],
    });
    expect(tableIn(o, 'Cases by prefecture / 都道府県別')).toEqual({
      '東京都 / Tokyo': [1, 1, 0, 0, '<3', '<3', 0, 0],
      '大阪府 / Osaka': [1, 1, 0, 0, '<3', '<3', 0, 0],
      'Other or unknown / その他・不明': [1, 1, 0, 0, '<3', '<3', 0, 0],
    });
    expect(tableIn(o, 'Rejection and review reasons / 不受理・確認の理由')).toEqual({
      'TOO_SHORT: Support too short / 支援時間不足': [1, 1, 0, 0],
    });
    expect(tableIn(o, 'Supporters by foreign background / 外国ルーツ別の支援者')).toEqual({
      'Foreign background / 外国にルーツあり': ['<3', '<3', '<3', 0, 0],
      'No foreign background / 外国にルーツなし': ['<3', '<3', '<3', 0, 0],
    });
    expect(charts(o).map((c) => c.title)).toEqual([
      'Cases per month / 月別の受理件数',
      'Cases by issue / 相談内容別の件数',
      'Cases by prefecture / 都道府県別の件数',
    ]);
  });

  test('no name, email, ID, person supported or free-text answer appears in the sheet (R38)', () => {
    const o = july();
    const text = JSON.stringify(sheetValues(o, 'Statistics'));
    for (const secret of [
      'Aiko',
      'Tanaka',
      'Ben Silva',
      'Nguyen',
      'NGUYEN',
      'Maria',
      'Secret',
      'Applicant Name',
      '山田',
      'private details',
      '@',
      'BN-0',
    ])
      expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
  });

  test('three refreshes from the menu and two set-ups later there are still the same three charts, updated in place (R39)', () => {
    const o = july();
    const before = charts(o);
    expect(before).toHaveLength(3);
    for (let i = 0; i < 3; i++)
      expect(String(o.rt.run('updateStatistics'))).toContain('Statistics');
    o.rt.run('setup');
    o.rt.run('setup');
    const after = charts(o);
    expect(after).toEqual(before);
    // Each chart reads its table: the label column and the first value column, header first.
    const values = sheetValues(o, 'Statistics');
    const month = after[0].ranges[0]; // e.g. A19:B20
    const first = Number(/^A(\d+):B(\d+)$/.exec(month)![1]);
    expect(values[first - 1].slice(0, 2)).toEqual(['Month / 月', 'Accepted cases / 受理件数']);
    expect(values[first].slice(0, 2)).toEqual(['2023-07', 3]);
  });

  test('a copy of a chart (same title) is removed at the next refresh; staff’s own charts stay', () => {
    const o = july();
    uncounted(o, () => {
      const sheet = o.ss.getSheetByName('Statistics')!;
      sheet.insertChart(sheet.getCharts()[1]); // a duplicate of "Cases by issue"
      sheet.insertChart(
        sheet.newChart().addRange(sheet.getRange('A1:B3')).setOption('title', 'Mine').build(),
      );
    });
    o.rt.run('updateStatistics');
    expect(charts(o).map((c) => c.title)).toEqual([
      'Cases per month / 月別の受理件数',
      'Cases by issue / 相談内容別の件数',
      'Cases by prefecture / 都道府県別の件数',
      'Mine',
    ]);
  });

  test('session participation: sessions, accepted sign-ups and attendance ticked by staff (R36)', () => {
    const o = july();
    staffAddsSession(
      o,
      'S2023-10',
      '2023/10/15',
      20,
      '2023/10/14 12:00',
      'https://meet.example.org/abc',
    );
    const signup = (
      id: string,
      response: string,
      status: string,
      purpose: string,
      attended: boolean,
    ) =>
      staffAppends(o, 'Sign-ups', {
        'Response ID': response,
        'Bansou Net ID': id,
        'Session ID': 'S2023-10',
        Status: status,
        Purpose: purpose,
        Attended: attended,
      });
    signup('BN-00001', 'r1', 'ACCEPTED', '参加 / Participation', true);
    signup('BN-00002', 'r2', 'ACCEPTED', '研修 / Training', true);
    signup('BN-00003', 'r3', 'WAITLISTED', '参加 / Participation', false);
    o.rt.run('updateStatistics');
    // Whole program, FY2023, FY2024, FY2025.
    expect(tableIn(o, 'Session participation / 相談会への参加')).toEqual({
      'Sessions (not cancelled) / 相談会（中止を除く）': [1, 1, 0, 0],
      'Sign-ups accepted / 参加が確定した申込': [2, 2, 0, 0],
      'Attendances / 出席（延べ）': [2, 2, 0, 0],
      'Supporters who attended / 出席した支援者（実人数）': [2, 2, 0, 0],
      'of whom for participation / うち参加目的': ['<3', '<3', 0, 0],
      'of whom for training / うち研修目的': ['<3', '<3', 0, 0],
    });
  });

  test('a failure while drawing the statistics never undoes the monthly run: paid, summarised, logged', () => {
    const o = office();
    o.explains.push(/STATISTICS_FAILED: Service Spreadsheets failed while accessing document/);
    register(o, 'aiko@example.org', 'Aiko Tanaka', 'はい / Yes', ['日本語']);
    documentsReceived(o, 'BN-00001', '2023', '2023/07/01');
    o.at('2023-07-25T10:00:00');
    apply(
      o,
      'aiko@example.org',
      { id: 'BN-00001', date: '2023-07-18', start: '10:00', end: '11:30', recipient: 'P One' },
      ['労働 / Labor'],
      '東京都',
    );
    o.rt.ctx.faults.push((service, method) => {
      if (service === 'Spreadsheet' && method === 'getCharts')
        throw new Error('Service Spreadsheets failed while accessing document');
    });
    o.at('2023-08-01T09:00:00');
    expect(failedExecutions(o)).toEqual([]);
    expect(o.rows('Ledger')).toHaveLength(1);
    expect(
      o.rt.mail.outbox.filter((m) => m.to[0] === o.staffEmail && m.subject.includes('July 2023')),
    ).toHaveLength(1);
    const log = o.rows('Log').map((r) => String(r.Action));
    expect(log).toContain('PAYMENTS_SETTLED');
    expect(log).toContain('STATISTICS_FAILED');
  });

  test('the small-cell threshold is a setting: at 2, the two persons of July are shown as 2', () => {
    const o = july();
    const row = o.rows('Settings').findIndex((r) => r.Key === 'smallCellThreshold') + 1;
    expect(row).toBeGreaterThan(0);
    staffSets(o, 'Settings', row, 'Value', '2');
    o.rt.run('updateStatistics');
    expect(tableIn(o, 'Cases by month of support / 支援月別')['2023-07']).toEqual([
      3, 2, 3, 1, 1, 20000,
    ]);
  });
});
