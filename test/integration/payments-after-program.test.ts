// RULES §5 after R23, through the built bundle and its monthly trigger: once the program has
// ended and its last applications are due, a month with nothing to pay, nothing on hold and
// nothing to review writes no sheet and sends no summary (a log line only).
import { documentsReceived, office } from './helpers';

// The program ends 2023-08-31; with the one-month deadline (R10) the last applications are due
// 2023-09-30, so September can still hold applications on time and is always written.
const ENDED = { programEnd: '2023-08-31' };

function world() {
  const o = office({ settings: ENDED });
  o.register({ email: 'a@example.org', name: 'Aiko' }); // BN-00001
  o.register({ email: 'b@example.org', name: 'Ben' }); // BN-00002
  documentsReceived(o, 'BN-00001', 'FY2023', '2023/07/01');
  return o;
}

const sheetNames = (o: ReturnType<typeof office>) =>
  o.ss
    .getSheets()
    .map((s) => s.getName())
    .filter((n) => n.startsWith('Payments '));
const summaries = (o: ReturnType<typeof office>) =>
  o.rt.mail.outbox.filter((m) => m.to[0] === o.staffEmail).map((m) => m.subject);
const quietLines = (o: ReturnType<typeof office>) =>
  o
    .rows('Log')
    .filter((r) => r.Action === 'PAYMENTS_QUIET_MONTH')
    .map((r) => String(r.Detail));

describe('monthly payments after the program has ended', () => {
  test('months after the last due month with nothing in them write no sheet and send no summary, one log line each', () => {
    const o = world();
    o.at('2023-08-20T10:00:00');
    o.apply({ email: 'a@example.org', date: '2023-08-18' });
    o.at('2024-01-02T09:00:00'); // runs of 09-01 … 01-01 have fired
    expect(sheetNames(o)).toEqual(['Payments 2023-07', 'Payments 2023-08', 'Payments 2023-09']);
    expect(summaries(o).filter((s) => /2023-1[0-2]|2023年1[0-2]月/.test(s))).toEqual([]);
    expect(summaries(o).length).toBeGreaterThanOrEqual(3); // July, August, September
    expect(quietLines(o).map((d) => d.slice(0, 7))).toEqual(['2023-10', '2023-11', '2023-12']);
    // Each quiet month is recorded as run, so no later run looks at it (or logs it) again.
    o.at('2024-02-02T09:00:00');
    expect(quietLines(o).map((d) => d.slice(0, 7))).toEqual([
      '2023-10',
      '2023-11',
      '2023-12',
      '2024-01',
    ]);
  });

  test('an application still on hold keeps the months written until it is paid', () => {
    const o = world();
    o.at('2023-08-20T10:00:00');
    o.apply({ email: 'b@example.org', id: 'BN-00002', date: '2023-08-18' }); // no documents: on hold
    o.at('2023-11-10T10:00:00');
    documentsReceived(o, 'BN-00002', 'FY2023', '2023/11/10');
    o.at('2024-01-02T09:00:00');
    // October lists the hold; November pays it (carried over); December has nothing.
    expect(sheetNames(o)).toEqual([
      'Payments 2023-07',
      'Payments 2023-08',
      'Payments 2023-09',
      'Payments 2023-10',
      'Payments 2023-11',
    ]);
    expect(o.rows('Ledger').map((l) => [l['Bansou Net ID'], l['Payments sheet']])).toEqual([
      ['BN-00002', '2023-11'],
    ]);
    expect(quietLines(o).map((d) => d.slice(0, 7))).toEqual(['2023-12']);
  });
});
