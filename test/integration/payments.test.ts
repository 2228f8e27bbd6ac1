// The monthly payment run (RULES R20–R23) through the built bundle and its time trigger.
import {
  documentsReceived,
  failedExecutions,
  monthlyAndSweepOff,
  office,
  sheetValues,
  staffSets,
  tokyo,
} from './helpers';

function world() {
  const o = office();
  o.register({ email: 'a@example.org', name: 'Aiko' }); // BN-00001
  o.register({ email: 'b@example.org', name: 'Ben', language: 'English' }); // BN-00002
  return o;
}

describe('monthly payments', () => {
  test('the payment month follows Tokyo time: 2024-07-31 23:30 JST is July, 2024-08-01 00:10 JST is August', () => {
    const o = office({ start: tokyo('2024-07-01T09:00:00') });
    o.register({ email: 'a@example.org', name: 'Aiko' });
    documentsReceived(o, 'BN-00001', '2024', '2024/07/01', '2024/07/01');
    o.rt.advanceTo(tokyo('2024-07-31T23:30:00'));
    const july = o.apply({ email: 'a@example.org', date: '2024-07-31', recipient: 'P1' });
    o.rt.advanceTo(tokyo('2024-08-01T00:10:00'));
    const august = o.apply({ email: 'a@example.org', date: '2024-07-31', recipient: 'P2' });
    const apps = o.rows('Applications');
    expect(apps.find((a) => a['Response ID'] === july)!['Payment month']).toBe('2024-07');
    expect(apps.find((a) => a['Response ID'] === august)!['Payment month']).toBe('2024-08');
    o.at('2024-09-02T09:00:00'); // the monthly trigger fired on 08-01 and 09-01 at 06:00
    const ledger = o.rows('Ledger');
    expect(ledger.map((l) => [l['Response ID'], l['Payments sheet']])).toEqual([
      [july, '2024-07'],
      [august, '2024-08'],
    ]);
  });

  test('an application on hold for documents is paid in the first run after both arrive, marked carried over (R20)', () => {
    const o = world();
    o.at('2023-09-10T10:00:00');
    const id = o.apply({ email: 'a@example.org', date: '2023-09-05' });
    o.at('2023-10-02T09:00:00'); // run of 10-01: September settled, the application on hold
    expect(o.rows('Ledger')).toHaveLength(0);
    const sep = sheetValues(o, 'Payments 2023-09').flat();
    expect(sep).toContain(id); // listed in the on-hold section
    documentsReceived(o, 'BN-00001', 'FY2023', '2023/10/15', '2023/10/15');
    o.at('2023-11-02T09:00:00'); // run of 11-01 settles October
    const ledger = o.rows('Ledger');
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({
      'Response ID': id,
      'Payments sheet': '2023-10',
      'Application month': '2023-09',
      'Carried over': true,
      Amount: 4000,
    });
    const oct = sheetValues(o, 'Payments 2023-10');
    const line = oct.find((r) => r[0] === 'BN-00001')!;
    expect(line.slice(0, 4)).toEqual(['BN-00001', 'Aiko', 1, 4000]);
    expect(String(line[5])).toMatch(/あり|Yes/);
    // Staff were told after each run (R23).
    expect(
      o.rt.mail.outbox.filter((m) => m.to[0] === o.staffEmail && m.subject.includes('2023')),
    ).not.toHaveLength(0);
  });

  test('running the job twice, and twice at once, gives identical sheets and an unchanged ledger (R22)', () => {
    const o = world();
    o.explains.push(/^console\.warn LOCK_BUSY runMonthlyPayments: /);
    documentsReceived(o, 'BN-00001', '2023', '2023/07/01', '2023/07/01');
    documentsReceived(o, 'BN-00002', '2023', '2023/07/01', '2023/07/01');
    o.at('2023-07-20T10:00:00');
    o.apply({ email: 'a@example.org', date: '2023-07-18', second: 'BN-00002' });
    o.apply({ email: 'b@example.org', id: 'BN-00002', date: '2023-07-19', recipient: 'Other' });
    o.at('2023-08-01T09:00:00');
    const ledger = o.rows('Ledger');
    const sheet = sheetValues(o, 'Payments 2023-07');
    expect(ledger).toHaveLength(3);
    o.rt.run('runMonthlyPayments');
    // Twice at once: a second run starts while the first holds the script lock.
    let started = false;
    o.rt.ctx.faults.push((service, method) => {
      if (
        !started &&
        service === 'Spreadsheet' &&
        (method === 'getValues' || method === 'getSheetValues') &&
        o.rt.ctx.execution?.functionName === 'runMonthlyPayments'
      ) {
        started = true;
        o.rt.run('runMonthlyPayments');
      }
    });
    o.rt.run('runMonthlyPayments');
    expect(started).toBe(true);
    expect(o.rows('Ledger')).toEqual(ledger);
    expect(sheetValues(o, 'Payments 2023-07')).toEqual(sheet);
    // The staff menu redraws a settled month from the ledger: the same sheet again.
    o.rt.run('generatePayments', '2023-07');
    expect(sheetValues(o, 'Payments 2023-07')).toEqual(sheet);
    const totalRow = sheet.find((r) => String(r[0]).includes('Total'))!;
    expect(totalRow[3]).toBe(ledger.reduce((s, l) => s + Number(l.Amount), 0));
  });

  test('no run for three months, then one run: the three months are settled in order', () => {
    const o = world();
    documentsReceived(o, 'BN-00001', '2023', '2023/07/01', '2023/07/01');
    // The monthly trigger and the hourly sweep were switched off until staff restored them.
    const switchOn = monthlyAndSweepOff(o);
    for (const [month, day] of [
      ['07', '20'],
      ['08', '20'],
      ['09', '20'],
    ]) {
      o.rt.advanceTo(tokyo(`2023-${month}-${day}T10:00:00`));
      o.apply({ email: 'a@example.org', date: `2023-${month}-${day}`, recipient: `P${month}` });
    }
    o.at('2023-10-15T10:00:00');
    expect(o.rows('Payment runs')).toHaveLength(0);
    switchOn();
    o.rt.run('runMonthlyPayments');
    expect(o.rows('Payment runs').map((r) => r.Month)).toEqual(['2023-07', '2023-08', '2023-09']);
    expect(o.rows('Ledger').map((l) => l['Payments sheet'])).toEqual([
      '2023-07',
      '2023-08',
      '2023-09',
    ]);
  });

  test('a monthly run that did not happen (trigger disabled, or failed) is run by the hourly sweep two hours after its time: the month is settled that morning, not a month later', () => {
    const o = world();
    documentsReceived(o, 'BN-00001', '2023', '2023/07/01', '2023/07/01');
    const monthly = o.rt.script.all().find((t) => t.handlerFunction === 'runMonthlyPayments')!;
    o.rt.disableTrigger(monthly.uid);
    o.at('2023-07-20T10:00:00');
    const id = o.apply({ email: 'a@example.org', date: '2023-07-18' });
    o.at('2023-08-01T07:50:00'); // scheduled at 06:00: the sweep gives the trigger two hours
    expect(o.rows('Payment runs')).toHaveLength(0);
    o.at('2023-08-01T09:00:00');
    expect(o.rows('Payment runs').map((r) => r.Month)).toEqual(['2023-07']);
    expect(o.rows('Ledger').map((l) => [l['Response ID'], l['Payments sheet']])).toEqual([
      [id, '2023-07'],
    ]);
    expect(o.rows('Log').filter((l) => l.Action === 'PAYMENTS_CATCH_UP')).toHaveLength(1);
    // Once is enough: later sweeps that month see the run recorded.
    o.at('2023-08-20T09:00:00');
    expect(o.rows('Log').filter((l) => l.Action === 'PAYMENTS_CATCH_UP')).toHaveLength(1);
    expect(o.rows('Payment runs')).toHaveLength(1);
  });

  test('a monthly run that keeps failing is tried by the sweep three times, then staff are told once; the sweeps after that leave it alone', () => {
    const o = world();
    o.explains.push(/Service Spreadsheets failed/);
    o.explains.push(/^Log STAFF_ALERT: The monthly payment run has not finished/);
    documentsReceived(o, 'BN-00001', '2023', '2023/07/01', '2023/07/01');
    o.at('2023-07-20T10:00:00');
    o.apply({ email: 'a@example.org', date: '2023-07-18' });
    // The Payments sheet cannot be made (a broken spreadsheet), in every run.
    let broken = true;
    o.rt.ctx.faults.push((service, method) => {
      if (broken && service === 'Spreadsheet' && method === 'insertSheet')
        throw new Error('Service Spreadsheets failed while accessing document with id x.');
    });
    o.at('2023-08-02T09:00:00'); // the trigger at 06:00 of the 1st, then 26 hourly sweeps
    const log = (action: string) => o.rows('Log').filter((l) => l.Action === action).length;
    expect(log('RUNMONTHLYPAYMENTS_FAILED')).toBe(4); // the trigger, then three catch-ups
    expect(log('PAYMENTS_CATCH_UP')).toBe(0); // their Log lines went with the failed runs
    const alerts = o.rt.mail.outbox.filter(
      (m) => m.to[0] === o.staffEmail && m.subject.includes('月次の支払い処理が終わっていません'),
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0].body).toContain('2023-08-01 06:00');
    // Fixed: staff settle the month from the menu.
    broken = false;
    o.rt.run('generatePayments', '2023-07');
    expect(o.rows('Payment runs').map((r) => r.Month)).toEqual(['2023-07']);
  });

  test('a catch-up run that fails half-way: the months it settled keep their payment notices and staff summaries; the next run finishes the month it stopped in, writing no ledger line, hold or notice twice', () => {
    const o = world();
    o.explains.push(/Service Spreadsheets failed/);
    documentsReceived(o, 'BN-00001', '2023', '2023/07/01', '2023/07/01');
    // The monthly trigger and the hourly sweep were switched off until staff restored them.
    const switchOn = monthlyAndSweepOff(o);
    for (const month of ['07', '08', '09']) {
      o.rt.advanceTo(tokyo(`2023-${month}-20T10:00:00`));
      o.apply({ email: 'a@example.org', date: `2023-${month}-20`, recipient: `P${month}` });
    }
    // Ben has no documents: his September application is on hold (a Payment holds row).
    o.apply({ email: 'b@example.org', id: 'BN-00002', date: '2023-09-20', recipient: 'Q' });
    o.at('2023-10-15T10:00:00');
    switchOn();
    // September's Payments sheet cannot be made: July and August are settled, September's
    // ledger lines, holds and notices are written, its Payment runs row is not.
    let sheets = 0;
    o.rt.ctx.faults.push((service, method) => {
      if (o.rt.ctx.execution?.functionName !== 'runMonthlyPayments') return;
      if (service === 'Spreadsheet' && method === 'insertSheet' && ++sheets === 3)
        throw new Error('Service Spreadsheets failed while accessing document with id x.');
    });
    o.rt.run('runMonthlyPayments');
    const summaries = () =>
      o.rt.mail.outbox
        .filter((m) => m.to[0] === o.staffEmail && m.subject.includes('謝金支払い一覧'))
        .map((m) => /(\d{4})年(\d+)月分の謝金支払い一覧/.exec(m.subject)?.slice(1).join('-'));
    expect(o.rows('Payment runs').map((r) => r.Month)).toEqual(['2023-07', '2023-08']);
    expect(summaries()).toEqual(['2023-7', '2023-8']);
    o.rt.run('runMonthlyPayments');
    expect(o.rows('Payment runs').map((r) => r.Month)).toEqual(['2023-07', '2023-08', '2023-09']);
    expect(o.rows('Ledger').map((l) => l['Payments sheet'])).toEqual([
      '2023-07',
      '2023-08',
      '2023-09',
    ]);
    // Each supporter paid hears once per settled month (R30), the months of the failed run too.
    o.at('2023-10-15T13:00:00'); // the hourly sendQueuedEmails
    const notices = o.rt.mail.outbox
      .filter((m) => m.to[0] === 'a@example.org' && m.subject.includes('謝金のお支払いのお知らせ'))
      .map((m) => /(\d{4})年(\d+)月分/.exec(m.subject)?.slice(1).join('-'));
    expect(notices).toEqual(['2023-7', '2023-8', '2023-9']);
    // The hold written by the failed run is not written again by the run that finished it.
    expect(o.rows('Payment holds').map((r) => [r['Payments sheet'], r['Bansou Net ID']])).toEqual([
      ['2023-09', 'BN-00002'],
    ]);
    // September's summary waited behind the notices the failed run had queued (R29: in order).
    expect(summaries()).toEqual(['2023-7', '2023-8', '2023-9']);
    expect(failedExecutions(o)).toEqual([]);
  });

  test('rejected and REVIEW applications never reach the ledger; editing a paid application changes no ledger line (R18)', () => {
    const o = world();
    documentsReceived(o, 'BN-00001', '2023', '2023/07/01', '2023/07/01');
    o.at('2023-07-20T10:00:00');
    const paid = o.apply({ email: 'a@example.org', date: '2023-07-18' });
    o.apply({
      email: 'a@example.org',
      date: '2023-07-18',
      start: '09:00',
      end: '09:30',
      recipient: 'Short',
    }); // rejected
    o.apply({ email: 'a@example.org', date: '2023-07-18', recipient: 'Needs a look' });
    staffSets(o, 'Applications', 3, 'Staff override', 'REVIEW / 確認中'); // staff want to look first
    o.at('2023-08-02T09:00:00');
    const ledger = o.rows('Ledger');
    expect(ledger.map((l) => l['Response ID'])).toEqual([paid]);
    o.rt.forms.editResponse(paid, {
      answers: {
        '伴走ネットID / Bansou Net ID': 'BN-00001',
        '氏名 / Name': 'Aiko',
        '支援日 / Date of support': '2023-07-18',
        '開始時刻 / Start time': '10:00',
        '終了時刻 / End time': '13:00',
        '相談者の氏名 / Name of the person supported': 'Nguyen Van A',
      },
    });
    o.at('2023-09-02T09:00:00');
    expect(o.rows('Ledger')).toEqual(ledger);
    const row = o.rows('Applications').find((a) => a['Response ID'] === paid)!;
    expect(row).toMatchObject({
      Flag: 'EDITED_AFTER_PAYMENT',
      'Fee per supporter': 4000,
      Status: 'ACCEPTED',
    });
  });

  test('a staff override flows into the next payment run and the log', () => {
    const o = world();
    documentsReceived(o, 'BN-00001', '2023', '2023/07/01', '2023/07/01');
    o.at('2023-07-20T10:00:00');
    const id = o.apply({
      email: 'a@example.org',
      date: '2023-07-18',
      start: '10:00',
      end: '10:45',
    }); // TOO_SHORT
    staffSets(o, 'Applications', 1, 'Staff override', 'ACCEPTED / 受理');
    staffSets(o, 'Applications', 1, 'Staff note', 'Travel time counted, agreed by phone');
    o.at('2023-08-02T09:00:00');
    expect(o.rows('Ledger').map((l) => [l['Response ID'], l.Amount])).toEqual([[id, 4000]]);
    expect(
      o
        .rows('Log')
        .some(
          (l) => l['Response ID'] === id && String(l['Status change']) === 'REJECTED → ACCEPTED',
        ),
    ).toBe(true);
  });
});
