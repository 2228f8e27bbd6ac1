// The Payment holds sheet (RULES R20–R22): the on-hold and review applications of each settled
// month, a field per column, read back when staff redraw a settled month. An office's sheet
// written before the holds had columns packed an on-hold row's fields into one "Detail" cell;
// those rows are still read, and the next run adds the columns and writes in them.
import { office, sheetValues, staffAppends, staffSets, uncounted } from './helpers';

function world() {
  const o = office();
  o.register({ email: 'a@example.org', name: 'Aiko' }); // BN-00001
  o.register({ email: 'b@example.org', name: 'Ben', language: 'English' }); // BN-00002
  return o;
}

/** BN-00001's documents for FY2023 arrive on 2023-09-01: their applications are payable. */
function aikoHasDocuments(o: ReturnType<typeof office>): void {
  staffAppends(o, 'Documents', {
    'Bansou Net ID': 'BN-00001',
    'Fiscal year': 'FY2023',
    'Memorandum received': '2023/09/01',
    'Account notification received': '2023/09/01',
  });
}

/** The sheet as the version before columns left it: five columns, the fields in "Detail". */
function rewriteAsPackedSheet(o: ReturnType<typeof office>, rows: string[][]): void {
  uncounted(o, () => {
    const sheet = o.ss.getSheetByName('Payment holds')!;
    sheet.clear();
    if (sheet.getMaxColumns() > 5) sheet.deleteColumns(6, sheet.getMaxColumns() - 5);
    const all = [
      [
        'Payments sheet / 支払表',
        'Kind / 種別',
        'Response ID / 回答ID',
        'Bansou Net ID / 伴走ネットID',
        'Detail / 詳細',
      ],
      ...rows,
    ];
    sheet.getRange(1, 1, all.length, 5).setNumberFormat('@').setValues(all);
  });
}

describe('Payment holds: a field per column', () => {
  test('an on-hold application is recorded with its fiscal year, missing documents and application month in their own columns; a review application by its ID', () => {
    const o = world();
    o.at('2023-09-10T10:00:00');
    const held = o.apply({ email: 'b@example.org', id: 'BN-00002', date: '2023-09-05' });
    const review = o.apply({ email: 'a@example.org', date: '2023-09-06' });
    staffSets(o, 'Applications', 2, 'Staff override', 'REVIEW / 確認中');
    o.at('2023-10-02T09:00:00'); // the run of 10-01 settles September
    expect(o.rows('Payment holds')).toEqual([
      {
        'Payments sheet': '2023-09',
        Kind: 'ON_HOLD',
        'Response ID': held,
        'Bansou Net ID': 'BN-00002',
        'Fiscal year': 2023,
        'Missing documents': 'memorandum,account',
        'Application month': '2023-09',
      },
      {
        'Payments sheet': '2023-09',
        Kind: 'REVIEW',
        'Response ID': review,
        'Bansou Net ID': '',
        'Fiscal year': '',
        'Missing documents': '',
        'Application month': '',
      },
    ]);
  });

  test('a sheet of the earlier packed format is still read: the month redraws as it was, and the next run adds the columns and writes in them', () => {
    const o = world();
    aikoHasDocuments(o);
    o.at('2023-09-10T10:00:00');
    const held = o.apply({ email: 'b@example.org', id: 'BN-00002', date: '2023-09-05' });
    const paid = o.apply({ email: 'a@example.org', date: '2023-09-06' });
    o.at('2023-10-02T09:00:00'); // September settled: Aiko paid, Ben's application on hold
    const september = sheetValues(o, 'Payments 2023-09');
    expect(september.flat()).toContain(held);
    expect(september.flat()).toContain(paid);
    // The office's sheet as the earlier version wrote it (typed here by hand in that format).
    rewriteAsPackedSheet(o, [
      ['2023-09', 'ON_HOLD', held, 'BN-00002', 'FY2023 memorandum,account 2023-09'],
    ]);
    o.rt.run('generatePayments', '2023-09');
    expect(sheetValues(o, 'Payments 2023-09')).toEqual(september);

    o.at('2023-10-10T10:00:00');
    const second = o.apply({ email: 'b@example.org', id: 'BN-00002', date: '2023-10-05' });
    o.at('2023-11-02T09:00:00'); // October settled: Ben's second application on hold too
    const october = sheetValues(o, 'Payments 2023-10');
    expect(october.flat()).toContain(second);
    const sheet = sheetValues(o, 'Payment holds');
    expect(sheet[0]).toEqual([
      'Payments sheet / 支払表',
      'Kind / 種別',
      'Response ID / 回答ID',
      'Bansou Net ID / 伴走ネットID',
      'Detail / 詳細',
      'Fiscal year / 年度',
      'Missing documents / 未提出の書類',
      'Application month / 申請月',
    ]);
    // The older row keeps its packed cell; the new ones (September's hold still open, and
    // October's) are written a field per column.
    expect(sheet.slice(1)).toEqual([
      ['2023-09', 'ON_HOLD', held, 'BN-00002', 'FY2023 memorandum,account 2023-09', '', '', ''],
      ['2023-10', 'ON_HOLD', held, 'BN-00002', '', 2023, 'memorandum,account', '2023-09'],
      ['2023-10', 'ON_HOLD', second, 'BN-00002', '', 2023, 'memorandum,account', '2023-10'],
    ]);
    // Both months redraw from the ledger and the holds exactly as the runs drew them.
    o.rt.run('generatePayments', '2023-09');
    o.rt.run('generatePayments', '2023-10');
    expect(sheetValues(o, 'Payments 2023-09')).toEqual(september);
    expect(sheetValues(o, 'Payments 2023-10')).toEqual(october);
  });
});
