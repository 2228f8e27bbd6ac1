import { nextMonth } from '../../src/domain/dates';
import { DEFAULT_TEMPLATES } from '../../src/domain/default-templates';
import {
  buildStatement,
  type LedgerLine,
  lastScheduledRun,
  missingDocuments,
  monthsToSettle,
  type PayableApplication,
  paymentSheetName,
  quietAfterProgram,
  type Statement,
  settleMonth,
  settlementDay,
  statementToRows,
  summaryFor,
  summaryVars,
} from '../../src/domain/payments';
import { pickTemplate, renderEmail } from '../../src/domain/templates';
import type { DocumentRecord, Month } from '../../src/domain/types';

/** An instant given as Tokyo wall time: independent of the machine's zone. */
function jst(wall: string): number {
  return Date.parse(`${wall}+09:00`);
}

function app(over: Partial<PayableApplication> & { responseId: string }): PayableApplication {
  return {
    submittedAt: jst('2023-09-20T10:00:00'),
    paymentMonth: '2023-09',
    status: 'ACCEPTED',
    supporters: ['BN-00001'],
    feePerSupporter: 4000,
    supportDate: '2023-09-15',
    ...over,
  };
}

function docs(memberId: string, fiscalYear: number, on: string): DocumentRecord {
  return { memberId, fiscalYear, memorandumOn: on, accountOn: on };
}

/** Runs the monthly settlements of these months in order, as the trigger would. */
function settleInOrder(
  months: Month[],
  apps: PayableApplication[],
  documents: DocumentRecord[],
  runDay = 1,
): { ledger: LedgerLine[]; results: ReturnType<typeof settleMonth>[] } {
  const ledger: LedgerLine[] = [];
  const results = months.map((m) => {
    const r = settleMonth(m, apps, ledger, documents, settlementDay(m, runDay));
    ledger.push(...r.newLines);
    return r;
  });
  return { ledger, results };
}

describe('settlementDay and monthsToSettle (R21)', () => {
  test('month M is settled on the run day of M+1', () => {
    expect(settlementDay('2023-10', 1)).toBe('2023-11-01');
    expect(settlementDay('2023-12', 5)).toBe('2024-01-05');
    // R21: applications of month M are paid in M+1 (the month named in the acceptance email).
    expect(nextMonth('2024-12')).toBe('2025-01');
    expect(paymentSheetName('2024-07')).toBe('Payments 2024-07');
  });

  test('a late first run settles every closed month since the first one, oldest first', () => {
    const months = monthsToSettle(jst('2023-10-02T10:00:00'), new Set(), '2023-07', 1, 6);
    expect(months).toEqual(['2023-07', '2023-08', '2023-09']);
  });

  test('months already settled are skipped', () => {
    const months = monthsToSettle(
      jst('2023-10-02T10:00:00'),
      new Set(['2023-08']),
      '2023-07',
      1,
      6,
    );
    expect(months).toEqual(['2023-07', '2023-09']);
  });

  test('a month is due exactly at its scheduled hour in Tokyo, not a moment before', () => {
    const firstMonth = '2023-10';
    expect(monthsToSettle(jst('2023-11-01T06:00:00'), new Set(), firstMonth, 1, 6)).toEqual([
      '2023-10',
    ]);
    expect(monthsToSettle(jst('2023-11-01T05:59:59.999'), new Set(), firstMonth, 1, 6)).toEqual([]);
  });

  test('with a later run day, the previous month waits until that day', () => {
    expect(monthsToSettle(jst('2023-11-04T23:00:00'), new Set(), '2023-10', 5, 6)).toEqual([]);
    expect(monthsToSettle(jst('2023-11-05T06:30:00'), new Set(), '2023-10', 5, 6)).toEqual([
      '2023-10',
    ]);
  });

  test('the month boundary is Tokyo’s: 2024-07-31 23:30 JST is still July, 2024-08-01 00:10 JST is August', () => {
    // With a run at 00:00 on day 1, July becomes due exactly when Tokyo enters August,
    // although in UTC (and Los Angeles) it is still 31 July.
    expect(monthsToSettle(jst('2024-07-31T23:30:00'), new Set(), '2024-07', 1, 0)).toEqual([]);
    expect(monthsToSettle(jst('2024-08-01T00:10:00'), new Set(), '2024-07', 1, 0)).toEqual([
      '2024-07',
    ]);
  });

  test('nothing is due before the first month has ended', () => {
    expect(monthsToSettle(jst('2023-07-20T12:00:00'), new Set(), '2023-07', 1, 6)).toEqual([]);
  });
});

describe('settleMonth (R20, R22)', () => {
  test('an application waiting for documents is paid in the first run after they arrive, marked carried over', () => {
    const apps = [app({ responseId: 'r1' })]; // submitted in September 2023, FY2023
    const documents = [docs('BN-00001', 2023, '2023-10-15')];
    const { ledger, results } = settleInOrder(['2023-09', '2023-10'], apps, documents);

    // Run of 2023-10-01: documents not there yet.
    expect(results[0].newLines).toEqual([]);
    expect(results[0].onHold).toEqual([
      {
        responseId: 'r1',
        memberId: 'BN-00001',
        fiscalYear: 2023,
        missing: ['memorandum', 'account'],
        applicationMonth: '2023-09',
      },
    ]);
    // Run of 2023-11-01 (settlement of 2023-10): paid, carried over from September.
    expect(results[1].onHold).toEqual([]);
    expect(ledger).toEqual([
      {
        responseId: 'r1',
        memberId: 'BN-00001',
        amount: 4000,
        settledMonth: '2023-10',
        applicationMonth: '2023-09',
        carriedOver: true,
      },
    ]);
  });

  test('an application whose documents are in place is paid in its own month, not carried over', () => {
    const r = settleMonth(
      '2023-09',
      [app({ responseId: 'r1' })],
      [],
      [docs('BN-00001', 2023, '2023-08-01')],
      '2023-10-01',
    );
    expect(r.newLines.map((l) => [l.responseId, l.settledMonth, l.carriedOver])).toEqual([
      ['r1', '2023-09', false],
    ]);
  });

  test('the second supporter is on hold for a missing document while the applicant is paid', () => {
    const apps = [app({ responseId: 'r1', supporters: ['BN-00001', 'BN-00002'] })];
    const documents: DocumentRecord[] = [
      docs('BN-00001', 2023, '2023-08-01'),
      { memberId: 'BN-00002', fiscalYear: 2023, memorandumOn: '2023-08-01', accountOn: '' },
    ];
    const r = settleMonth('2023-09', apps, [], documents, '2023-10-01');
    expect(r.newLines.map((l) => l.memberId)).toEqual(['BN-00001']);
    expect(r.onHold).toEqual([
      {
        responseId: 'r1',
        memberId: 'BN-00002',
        fiscalYear: 2023,
        missing: ['account'],
        applicationMonth: '2023-09',
      },
    ]);
  });

  test('settling the same month twice adds nothing the second time', () => {
    const apps = [
      app({ responseId: 'r1', supporters: ['BN-00001', 'BN-00002'] }),
      app({ responseId: 'r2', submittedAt: jst('2023-09-21T09:00:00'), supporters: ['BN-00003'] }),
    ];
    const documents = [docs('BN-00001', 2023, '2023-08-01'), docs('BN-00003', 2023, '2023-09-01')];
    const first = settleMonth('2023-09', apps, [], documents, '2023-10-01');
    expect(first.newLines).toHaveLength(2);
    const second = settleMonth('2023-09', apps, first.newLines, documents, '2023-10-01');
    expect(second.newLines).toEqual([]);
    expect(second.onHold).toEqual(first.onHold);
  });

  test('documents of another fiscal year do not count (they are needed again each year)', () => {
    const apps = [app({ responseId: 'r1', supportDate: '2024-04-02', paymentMonth: '2024-04' })];
    const r = settleMonth(
      '2024-04',
      apps,
      [],
      [docs('BN-00001', 2023, '2023-08-01')],
      '2024-05-01',
    );
    expect(r.newLines).toEqual([]);
    expect(r.onHold.map((h) => h.fiscalYear)).toEqual([2024]);
  });

  test('documents received after the settlement day wait for the next settlement', () => {
    const r = settleMonth(
      '2023-09',
      [app({ responseId: 'r1' })],
      [],
      [docs('BN-00001', 2023, '2023-10-02')],
      '2023-10-01',
    );
    expect(r.newLines).toEqual([]);
    expect(r.onHold).toHaveLength(1);
  });

  test('rejected and under-review applications are never paid; the ones under review are listed', () => {
    const apps = [
      app({ responseId: 'rej', status: 'REJECTED' }),
      app({ responseId: 'rev', status: 'REVIEW' }),
    ];
    const r = settleMonth(
      '2023-09',
      apps,
      [],
      [docs('BN-00001', 2023, '2023-08-01')],
      '2023-10-01',
    );
    expect(r.newLines).toEqual([]);
    expect(r.onHold).toEqual([]);
    expect(r.review).toEqual(['rev']);
  });

  test('an accepted application without a readable support date goes to review instead of being paid', () => {
    const r = settleMonth(
      '2023-09',
      [app({ responseId: 'r1', supportDate: null })],
      [],
      [docs('BN-00001', 2023, '2023-08-01')],
      '2023-10-01',
    );
    expect(r.newLines).toEqual([]);
    expect(r.onHold).toEqual([]);
    expect(r.review).toEqual(['r1']);
  });

  test('applications of later months are left for their own settlement', () => {
    const r = settleMonth(
      '2023-09',
      [app({ responseId: 'oct', paymentMonth: '2023-10', status: 'REVIEW' })],
      [],
      [],
      '2023-10-01',
    );
    expect(r).toEqual({ newLines: [], onHold: [], review: [] });
  });

  test('lines come in submission order, then supporter order, whatever the input order', () => {
    const apps = [
      app({
        responseId: 'late',
        submittedAt: jst('2023-09-25T09:00:00'),
        supporters: ['BN-00005'],
      }),
      app({ responseId: 'early', supporters: ['BN-00004', 'BN-00002'] }),
    ];
    const documents = ['BN-00002', 'BN-00004', 'BN-00005'].map((id) =>
      docs(id, 2023, '2023-08-01'),
    );
    const r = settleMonth('2023-09', apps, [], documents, '2023-10-01');
    expect(r.newLines.map((l) => `${l.responseId}:${l.memberId}`)).toEqual([
      'early:BN-00004',
      'early:BN-00002',
      'late:BN-00005',
    ]);
  });

  test('a supporter named twice on one application is paid once', () => {
    const r = settleMonth(
      '2023-09',
      [app({ responseId: 'r1', supporters: ['BN-00001', 'BN-00001'] })],
      [],
      [docs('BN-00001', 2023, '2023-08-01')],
      '2023-10-01',
    );
    expect(r.newLines).toHaveLength(1);
  });

  test('its inputs are left unchanged', () => {
    const apps = [
      app({ responseId: 'r2', submittedAt: jst('2023-09-25T09:00:00') }),
      app({ responseId: 'r1', supporters: ['BN-00001', 'BN-00002'] }),
    ];
    const ledger: LedgerLine[] = [];
    const documents = [docs('BN-00001', 2023, '2023-08-01')];
    const before = JSON.stringify([apps, ledger, documents]);
    settleMonth('2023-09', apps, ledger, documents, '2023-10-01');
    expect(JSON.stringify([apps, ledger, documents])).toBe(before);
  });
});

describe('statement and payment sheet (R21, R23)', () => {
  function septemberStatement(): { statement: Statement; ledger: LedgerLine[] } {
    const apps = [
      app({ responseId: 'a', supportDate: '2023-08-30', paymentMonth: '2023-08' }),
      app({ responseId: 'b', supporters: ['BN-00002', 'BN-00001'], feePerSupporter: 8000 }),
      app({ responseId: 'c', submittedAt: jst('2023-09-28T09:00:00'), supporters: ['BN-00003'] }),
      app({ responseId: 'd', status: 'REVIEW' }),
    ];
    const documents = [docs('BN-00001', 2023, '2023-09-10'), docs('BN-00002', 2023, '2023-08-01')];
    const { ledger, results } = settleInOrder(['2023-08', '2023-09'], apps, documents);
    const names = new Map([
      ['BN-00001', 'Ana'],
      ['BN-00002', 'Binh'],
    ]);
    const sept = results[1];
    return {
      statement: buildStatement('2023-09', ledger, names, sept.onHold, sept.review),
      ledger,
    };
  }

  test('one entry per supporter, sorted by ID, with cases, amount, applications and carry-over', () => {
    const { statement } = septemberStatement();
    expect(statement.supporters).toEqual([
      {
        memberId: 'BN-00001',
        name: 'Ana',
        cases: 2,
        amount: 12000,
        responseIds: ['a', 'b'],
        carriedOver: true,
      },
      {
        memberId: 'BN-00002',
        name: 'Binh',
        cases: 1,
        amount: 8000,
        responseIds: ['b'],
        carriedOver: false,
      },
    ]);
    expect(statement.onHold.map((h) => `${h.responseId}:${h.memberId}`)).toEqual(['c:BN-00003']);
    expect(statement.review).toEqual(['d']);
  });

  test('the statement totals equal the sum of the ledger lines of that month', () => {
    const { statement, ledger } = septemberStatement();
    const septLines = ledger.filter((l) => l.settledMonth === '2023-09');
    expect(statement.totalCases).toBe(septLines.length);
    expect(statement.totalAmount).toBe(septLines.reduce((sum, l) => sum + l.amount, 0));
  });

  test('the sheet has a title, a bilingual header, supporter rows, a total row equal to their sum, then on hold and review', () => {
    const { statement } = septemberStatement();
    const rows = statementToRows(statement, 'both');
    const width = rows[0].length;
    for (const r of rows) expect(r).toHaveLength(width); // one setValues block
    expect(String(rows[0][0])).toContain('2023年9月');
    expect(String(rows[0][0])).toContain('September 2023');
    expect(rows[1].slice(0, 4)).toEqual([
      '伴走ネットID / Bansou Net ID',
      '氏名 / Name',
      '件数 / Cases',
      '金額（円） / Amount (yen)',
    ]);
    const supporterRows = rows.slice(2, 2 + statement.supporters.length);
    expect(supporterRows.map((r) => r[0])).toEqual(['BN-00001', 'BN-00002']);
    expect(supporterRows[0][4]).toBe('a\nb');
    expect(supporterRows[0][5]).toBe('あり / Yes');
    const total = rows[2 + statement.supporters.length];
    expect(total[0]).toBe('合計 / Total');
    expect(total[2]).toBe(supporterRows.reduce((n, r) => n + (r[2] as number), 0));
    expect(total[3]).toBe(supporterRows.reduce((n, r) => n + (r[3] as number), 0));
    expect(typeof total[3]).toBe('number');
    const flat = rows.map((r) => r[0]);
    expect(flat).toContain('c');
    expect(flat.indexOf('c')).toBeLessThan(flat.lastIndexOf('d'));
    expect(rows[flat.indexOf('c')]).toEqual([
      'c',
      'BN-00003',
      2023,
      '覚書 / Memorandum\n謝金受取口座届出書 / Notification of Payment Receiving Account',
      '2023-09',
      '',
    ]);
  });

  test('a month with nothing to pay still has its total row and says None in the empty lists', () => {
    const rows = statementToRows(buildStatement('2023-07', [], new Map(), [], []), 'en');
    expect(rows[2].slice(0, 4)).toEqual(['Total', '', 0, 0]);
    expect(rows.filter((r) => r[0] === 'None')).toHaveLength(2);
  });

  test('the staff summary gives supporters paid, total, applications on hold and under review', () => {
    const { statement } = septemberStatement();
    expect(summaryFor(statement)).toEqual({
      supportersPaid: 2,
      totalCases: 3,
      totalAmount: 20000,
      onHold: 1,
      review: 1,
    });
    const t = pickTemplate(DEFAULT_TEMPLATES, 'payments.summary', 'ja');
    const out = renderEmail(t, summaryVars(statement, 'https://docs.google.com/spreadsheets/d/x'));
    expect(out.missing).toEqual([]);
    expect(out.subject).toContain('2023年9月分');
    expect(out.body).toContain('合計金額: 20,000円');
    expect(out.body).toContain('シート「Payments 2023-09」');
  });
});

describe('after the program (RULES §5, after R23): a quiet month writes nothing', () => {
  // Program end 2026-03-31, deadline 1 month (R10): the last application is due 2026-04-30.
  const none = { newLines: [], onHold: [], review: [] };
  test('a month after the last due month with nothing to pay, hold or review is quiet', () => {
    expect(quietAfterProgram('2026-05', '2026-03-31', 1, none)).toBe(true);
  });
  test('the month of the last due day itself is always written', () => {
    expect(quietAfterProgram('2026-04', '2026-03-31', 1, none)).toBe(false);
  });
  test('a later month with a line to pay, a hold or a review is written', () => {
    expect(quietAfterProgram('2026-05', '2026-03-31', 1, { ...none, newLines: [{}] })).toBe(false);
    expect(quietAfterProgram('2026-05', '2026-03-31', 1, { ...none, onHold: [{}] })).toBe(false);
    expect(quietAfterProgram('2026-05', '2026-03-31', 1, { ...none, review: ['r1'] })).toBe(false);
  });
  test('a longer deadline moves the last due month: 2 months after 2026-03-31 is 2026-05-31', () => {
    expect(quietAfterProgram('2026-05', '2026-03-31', 2, none)).toBe(false);
    expect(quietAfterProgram('2026-06', '2026-03-31', 2, none)).toBe(true);
  });
});

describe('missing documents (R20)', () => {
  const rec = (memorandumOn: string, accountOn: string, fiscalYear = 2024): DocumentRecord => ({
    memberId: 'BN-00001',
    fiscalYear,
    memorandumOn,
    accountOn,
  });
  test('both received on or before the day: nothing missing', () => {
    expect(
      missingDocuments([rec('2024-05-01', '2024-05-10')], 'BN-00001', 2024, '2024-05-10'),
    ).toEqual([]);
  });
  test('a document received after the day, or not a day, is still missing', () => {
    expect(
      missingDocuments([rec('2024-05-11', '2024-05-01')], 'BN-00001', 2024, '2024-05-10'),
    ).toEqual(['memorandum']);
    expect(missingDocuments([rec('2024-05-01', 'yes')], 'BN-00001', 2024, '2024-05-10')).toEqual([
      'account',
    ]);
    expect(missingDocuments([rec('2024/05/01', '')], 'BN-00001', 2024, '2024-05-10')).toEqual([
      'memorandum',
      'account',
    ]);
  });
  test('no record for that member or that fiscal year: both missing', () => {
    const records = [rec('2024-05-01', '2024-05-01')];
    expect(missingDocuments(records, 'BN-00002', 2024, '2024-06-01')).toEqual([
      'memorandum',
      'account',
    ]);
    expect(missingDocuments(records, 'BN-00001', 2025, '2025-06-01')).toEqual([
      'memorandum',
      'account',
    ]);
  });
  test('a member entered twice for the year: the earliest received day of each document counts', () => {
    const twice = [rec('2024-06-01', ''), rec('2024-05-01', '2024-05-20'), rec('', '2024-07-01')];
    expect(missingDocuments(twice, 'BN-00001', 2024, '2024-05-10')).toEqual(['account']);
    expect(missingDocuments(twice, 'BN-00001', 2024, '2024-05-20')).toEqual([]);
    const later = [rec('2024-05-01', '2024-05-20'), rec('2024-06-01', '2024-04-30')];
    expect(missingDocuments(later, 'BN-00001', 2024, '2024-05-10')).toEqual([]);
    const emptyFirst = [rec('', '2024-05-02'), rec('2024-05-03', '')];
    expect(missingDocuments(emptyFirst, 'BN-00001', 2024, '2024-05-03')).toEqual([]);
  });
});

describe('settleMonth: what cannot be paid safely goes to review', () => {
  const documents = [docs('BN-00001', 2023, '2023-08-01')];
  test('no fee (0 or not a number) or a support date not shaped as a day: review, in submission order', () => {
    const r = settleMonth(
      '2023-09',
      [
        app({ responseId: 'zero', feePerSupporter: 0 }),
        app({ responseId: 'nan', feePerSupporter: Number.NaN }),
        app({ responseId: 'day', supportDate: '2023/09/15' }),
      ],
      [],
      documents,
      '2023-10-01',
    );
    expect(r).toEqual({ newLines: [], onHold: [], review: ['day', 'nan', 'zero'] }); // same moment: by response ID
  });
  test('an application listed for review by two supporters appears once', () => {
    const r = settleMonth(
      '2023-09',
      [
        app({ responseId: 'rev', status: 'REVIEW' }),
        app({ responseId: 'rev', status: 'REVIEW', supporters: ['BN-00002'] }),
      ],
      [],
      documents,
      '2023-10-01',
    );
    expect(r.review).toEqual(['rev']);
  });
  test('an application already fully in the ledger is not reviewed again for a missing date', () => {
    const ledger: LedgerLine[] = [
      {
        responseId: 'r1',
        memberId: 'BN-00001',
        amount: 4000,
        settledMonth: '2023-09',
        applicationMonth: '2023-09',
        carriedOver: false,
      },
    ];
    const r = settleMonth(
      '2023-10',
      [app({ responseId: 'r1', supportDate: null })],
      ledger,
      documents,
      '2023-11-01',
    );
    expect(r).toEqual({ newLines: [], onHold: [], review: [] });
  });
  test('a line paid to the applicant is not paid again; only the second supporter is added', () => {
    const ledger: LedgerLine[] = [
      {
        responseId: 'r1',
        memberId: 'BN-00001',
        amount: 4000,
        settledMonth: '2023-09',
        applicationMonth: '2023-09',
        carriedOver: false,
      },
    ];
    const r = settleMonth(
      '2023-10',
      [app({ responseId: 'r1', supporters: ['BN-00001', 'BN-00002'] })],
      ledger,
      [...documents, docs('BN-00002', 2023, '2023-10-20')],
      '2023-11-01',
    );
    expect(r.newLines).toEqual([
      {
        responseId: 'r1',
        memberId: 'BN-00002',
        amount: 4000,
        settledMonth: '2023-10',
        applicationMonth: '2023-09',
        carriedOver: true,
      },
    ]);
  });
  test('same submission moment: the lower response ID comes first', () => {
    const at = jst('2023-09-20T10:00:00');
    const apps = [
      app({ responseId: 'r2', submittedAt: at }),
      app({ responseId: 'r1', submittedAt: at }),
      app({ responseId: 'r3', submittedAt: at }),
    ];
    const ids = (list: PayableApplication[]) =>
      settleMonth('2023-09', list, [], documents, '2023-10-01').newLines.map((l) => l.responseId);
    expect(ids(apps)).toEqual(['r1', 'r2', 'r3']);
    expect(ids([...apps].reverse())).toEqual(['r1', 'r2', 'r3']);
  });
  test('an application of the month itself is paid in it; an earlier month one is carried over', () => {
    const r = settleMonth(
      '2023-09',
      [
        app({
          responseId: 'aug',
          paymentMonth: '2023-08',
          submittedAt: jst('2023-08-20T10:00:00'),
        }),
        app({ responseId: 'sep' }),
      ],
      [],
      documents,
      '2023-10-01',
    );
    expect(r.newLines.map((l) => [l.responseId, l.applicationMonth, l.carriedOver])).toEqual([
      ['aug', '2023-08', true],
      ['sep', '2023-09', false],
    ]);
  });
});

describe('the statement of one month', () => {
  const line = (
    responseId: string,
    memberId: string,
    amount: number,
    settledMonth: Month,
    carriedOver = false,
  ): LedgerLine => ({
    responseId,
    memberId,
    amount,
    settledMonth,
    applicationMonth: '2023-09',
    carriedOver,
  });
  test('only lines settled in that month count; a supporter without a name gets an empty one', () => {
    const st = buildStatement(
      '2023-10',
      [
        line('a', 'BN-00003', 4000, '2023-09'),
        line('b', 'BN-00003', 4000, '2023-10'),
        line('c', 'BN-00001', 8000, '2023-10', true),
        line('d', 'BN-00003', 4000, '2023-10'),
      ],
      new Map([['BN-00001', 'Ana']]),
      [],
      ['r9'],
    );
    expect(st).toEqual({
      month: '2023-10',
      supporters: [
        {
          memberId: 'BN-00001',
          name: 'Ana',
          cases: 1,
          amount: 8000,
          responseIds: ['c'],
          carriedOver: true,
        },
        {
          memberId: 'BN-00003',
          name: '',
          cases: 2,
          amount: 8000,
          responseIds: ['b', 'd'],
          carriedOver: false,
        },
      ],
      totalCases: 3,
      totalAmount: 16000,
      onHold: [],
      review: ['r9'],
    });
  });
  test('a supporter is carried over when any of their lines is, whatever the order', () => {
    const st = buildStatement(
      '2023-10',
      [line('a', 'BN-00001', 4000, '2023-10', true), line('b', 'BN-00001', 4000, '2023-10')],
      new Map(),
      [],
      [],
    );
    expect(st.supporters[0].carriedOver).toBe(true);
  });
  test('supporters are sorted by ID whatever the ledger order', () => {
    const ids = (lines: LedgerLine[]) =>
      buildStatement('2023-10', lines, new Map(), [], []).supporters.map((s) => s.memberId);
    const lines = [
      line('a', 'BN-00002', 1, '2023-10'),
      line('b', 'BN-00003', 1, '2023-10'),
      line('c', 'BN-00001', 1, '2023-10'),
    ];
    expect(ids(lines)).toEqual(['BN-00001', 'BN-00002', 'BN-00003']);
    expect(ids([...lines].reverse())).toEqual(['BN-00001', 'BN-00002', 'BN-00003']);
    expect(ids([lines[1], lines[2], lines[0]])).toEqual(['BN-00001', 'BN-00002', 'BN-00003']);
  });
  test('the statement copies the hold and review lists (changing them later changes nothing)', () => {
    const hold = [
      {
        responseId: 'h',
        memberId: 'BN-00001',
        fiscalYear: 2023,
        missing: ['account' as const],
        applicationMonth: '2023-09',
      },
    ];
    const review = ['r'];
    const st = buildStatement('2023-10', [], new Map(), hold, review);
    hold[0].missing.push('account');
    review.push('s');
    expect(st.onHold).toEqual([
      {
        responseId: 'h',
        memberId: 'BN-00001',
        fiscalYear: 2023,
        missing: ['account'],
        applicationMonth: '2023-09',
      },
    ]);
    expect(st.review).toEqual(['r']);
  });
  test('the summary counts applications on hold, not lines', () => {
    const hold = (responseId: string, memberId: string) => ({
      responseId,
      memberId,
      fiscalYear: 2023,
      missing: ['memorandum' as const],
      applicationMonth: '2023-09',
    });
    const st = buildStatement(
      '2023-10',
      [],
      new Map(),
      [hold('h1', 'BN-00001'), hold('h1', 'BN-00002'), hold('h2', 'BN-00001')],
      [],
    );
    expect(summaryFor(st)).toEqual({
      supportersPaid: 0,
      totalCases: 0,
      totalAmount: 0,
      onHold: 2,
      review: 0,
    });
  });
  test('the summary placeholders', () => {
    const st = buildStatement(
      '2023-10',
      [line('a', 'BN-00001', 4000, '2023-10'), line('b', 'BN-00002', 12000, '2023-10')],
      new Map(),
      [],
      ['r1', 'r2'],
    );
    expect(summaryVars(st, 'https://example.org/sheet')).toEqual({
      month: { ja: '2023年10月', en: 'October 2023' },
      sheetName: 'Payments 2023-10',
      sheetUrl: 'https://example.org/sheet',
      supportersPaid: '2',
      totalCases: '2',
      totalAmount: { ja: '16,000円', en: '¥16,000' },
      onHold: '0',
      review: '2',
    });
  });
});

describe('the Payments sheet, cell by cell (R21)', () => {
  const statement: Statement = {
    month: '2024-07',
    supporters: [
      {
        memberId: 'BN-00001',
        name: 'Ana',
        cases: 2,
        amount: 8000,
        responseIds: ['a', 'b'],
        carriedOver: true,
      },
      {
        memberId: 'BN-00002',
        name: 'Binh',
        cases: 1,
        amount: 4000,
        responseIds: ['c'],
        carriedOver: false,
      },
    ],
    totalCases: 3,
    totalAmount: 12000,
    onHold: [
      {
        responseId: 'h1',
        memberId: 'BN-00003',
        fiscalYear: 2024,
        missing: ['memorandum'],
        applicationMonth: '2024-06',
      },
      {
        responseId: 'h2',
        memberId: 'BN-00004',
        fiscalYear: 2024,
        missing: ['account'],
        applicationMonth: '2024-07',
      },
    ],
    review: ['r1', 'r2'],
  };
  const header = [
    '伴走ネットID / Bansou Net ID',
    '氏名 / Name',
    '件数 / Cases',
    '金額（円） / Amount (yen)',
    '対象の申請 / Applications',
    '繰越を含む / Includes carried over',
  ];
  const holdHeader = [
    '受付番号 / Response ID',
    '伴走ネットID / Bansou Net ID',
    '年度 / Fiscal year',
    '不足している書類 / Missing documents',
    '申請月 / Application month',
    '',
  ];
  const blank = ['', '', '', '', '', ''];
  test('in Japanese', () => {
    expect(statementToRows(statement, 'ja')).toEqual([
      ['謝金支払い一覧（2024年7月に提出された申請）', '', '', '', '', ''],
      header,
      ['BN-00001', 'Ana', 2, 8000, 'a\nb', 'あり'],
      ['BN-00002', 'Binh', 1, 4000, 'c', ''],
      ['合計', '', 3, 12000, '', ''],
      blank,
      ['書類待ちで保留中の支払い', '', '', '', '', ''],
      holdHeader,
      ['h1', 'BN-00003', 2024, '覚書', '2024-06', ''],
      ['h2', 'BN-00004', 2024, '謝金受取口座届出書', '2024-07', ''],
      blank,
      ['確認が必要な申請', '', '', '', '', ''],
      ['受付番号 / Response ID', '', '', '', '', ''],
      ['r1', '', '', '', '', ''],
      ['r2', '', '', '', '', ''],
    ]);
  });
  test('in English', () => {
    expect(statementToRows(statement, 'en')).toEqual([
      ['Payments for applications submitted in July 2024', '', '', '', '', ''],
      header,
      ['BN-00001', 'Ana', 2, 8000, 'a\nb', 'Yes'],
      ['BN-00002', 'Binh', 1, 4000, 'c', ''],
      ['Total', '', 3, 12000, '', ''],
      blank,
      ['Payments on hold for documents', '', '', '', '', ''],
      holdHeader,
      ['h1', 'BN-00003', 2024, 'Memorandum', '2024-06', ''],
      ['h2', 'BN-00004', 2024, 'Notification of Payment Receiving Account', '2024-07', ''],
      blank,
      ['Applications needing review', '', '', '', '', ''],
      ['受付番号 / Response ID', '', '', '', '', ''],
      ['r1', '', '', '', '', ''],
      ['r2', '', '', '', '', ''],
    ]);
  });
  test('in both languages, with nothing on hold or to review', () => {
    const quiet = {
      ...statement,
      supporters: [],
      totalCases: 0,
      totalAmount: 0,
      onHold: [],
      review: [],
    };
    expect(statementToRows(quiet, 'both')).toEqual([
      [
        '謝金支払い一覧（2024年7月に提出された申請） / Payments for applications submitted in July 2024',
        '',
        '',
        '',
        '',
        '',
      ],
      header,
      ['合計 / Total', '', 0, 0, '', ''],
      blank,
      ['書類待ちで保留中の支払い / Payments on hold for documents', '', '', '', '', ''],
      holdHeader,
      ['なし / None', '', '', '', '', ''],
      blank,
      ['確認が必要な申請 / Applications needing review', '', '', '', '', ''],
      ['受付番号 / Response ID', '', '', '', '', ''],
      ['なし / None', '', '', '', '', ''],
    ]);
  });
});

describe('settleMonth: submission order comes before response IDs', () => {
  test('an earlier submission is paid first even when its response ID sorts later', () => {
    const documents = [docs('BN-00001', 2023, '2023-08-01')];
    const apps = [
      app({ responseId: 'a-later', submittedAt: jst('2023-09-21T10:00:00') }),
      app({ responseId: 'z-earlier', submittedAt: jst('2023-09-20T10:00:00') }),
    ];
    const r = settleMonth('2023-09', apps, [], documents, '2023-10-01');
    expect(r.newLines.map((l) => l.responseId)).toEqual(['z-earlier', 'a-later']);
  });
});

describe('when the monthly run of the latest month due was scheduled (the sweep catches up after it)', () => {
  const jst = (t: string) => Date.parse(`${t}+09:00`);
  test('run day 1 at 06:00: a minute before the August run it is the July 1 run (June); at 06:00 the August 1 run (July)', () => {
    expect(lastScheduledRun(jst('2024-08-01T05:59:00'), '2024-04', 1, 6)).toBe(
      jst('2024-07-01T06:00:00'),
    );
    expect(lastScheduledRun(jst('2024-08-01T06:00:00'), '2024-04', 1, 6)).toBe(
      jst('2024-08-01T06:00:00'),
    );
  });
  test('run day 5: on August 3 it is the July 5 run', () => {
    expect(lastScheduledRun(jst('2024-08-03T12:00:00'), '2024-04', 5, 6)).toBe(
      jst('2024-07-05T06:00:00'),
    );
  });
  test('before the first month of the program is due: none', () => {
    expect(lastScheduledRun(jst('2024-08-15T12:00:00'), '2024-08', 1, 6)).toBeNull();
    expect(lastScheduledRun(jst('2024-09-01T05:00:00'), '2024-08', 1, 6)).toBeNull();
    expect(lastScheduledRun(jst('2024-09-01T07:00:00'), '2024-08', 1, 6)).toBe(
      jst('2024-09-01T06:00:00'),
    );
  });
});
