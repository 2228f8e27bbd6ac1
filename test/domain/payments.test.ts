import { nextMonth } from '../../src/domain/dates';
import { DEFAULT_TEMPLATES } from '../../src/domain/default-templates';
import {
  buildStatement,
  type LedgerLine,
  monthsToSettle,
  type PayableApplication,
  paymentSheetName,
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
