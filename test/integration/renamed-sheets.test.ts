// Staff rename or delete one of the system's own tabs ("Members" → "会員", "Copy of Ledger"
// restored from version history, a tab deleted by mistake). The jobs find their sheets by name:
// none may make a fresh empty one and carry on (an empty Ledger pays July again, R22; an empty
// Members hands out IDs against no one, R1; an empty Settings or Templates runs on the defaults).
// A job that needs the sheet stops, staff get one alert naming it, a Log line says why, and the
// form responses wait for the sweep (R26); once the tab has its name back, everything resumes.
// Sheet protection does not stop a rename: set-up's protection is warning-only ("every user can
// edit data in the protected range, except editing will prompt a warning", Sheets API
// ProtectedRange.warningOnly), so the local runtime models none. Expected values by hand.
import {
  documentsReceived,
  failedExecutions,
  type Office,
  office,
  sweep,
  uncounted,
} from './helpers';

const STAFF = 'office@bansou.example.org';

function rename(o: Office, from: string, to: string): void {
  uncounted(o, () => o.ss.getSheetByName(from)!.setName(to));
}

function exists(o: Office, name: string): boolean {
  return uncounted(o, () => o.ss.getSheetByName(name) !== null);
}

function alerts(o: Office, sheet: string): string[] {
  return o.rt.mail.outbox
    .filter((m) => m.to.includes(STAFF) && m.subject.includes(`The sheet "${sheet}" is missing`))
    .map((m) => m.subject);
}

/**
 * Aiko (BN-00001, documents for FY2023) applies on 20 July for 18 July, 10:00–11:30 (90 min:
 * 4,000 yen, R16); the monthly run of 1 August pays it (one Ledger line). Then the tab is
 * renamed, and a registration, an application, the hourly sweep, the monthly run, the July
 * payments redrawn and "Re-decide all" all happen before staff notice.
 */
function renamedAfterJuly(name: string, newName: string) {
  const o = office();
  o.explains.push(/FAILED.*is missing \(renamed or deleted\)/, /STAFF_ALERT/);
  o.register({ email: 'a@example.org', name: 'Aiko' });
  documentsReceived(o, 'BN-00001', '2023', '2023/07/01');
  o.at('2023-07-20T10:00:00');
  const july = o.apply({ email: 'a@example.org', date: '2023-07-18' });
  o.at('2023-08-01T09:00:00');
  expect(o.rows('Ledger').map((l) => [l['Response ID'], l.Amount])).toEqual([[july, 4000]]);
  rename(o, name, newName);
  o.register({ email: 'b@example.org', name: 'Ben' });
  o.at('2023-08-02T10:00:00');
  const august = o.apply({ email: 'a@example.org', date: '2023-08-01', recipient: 'Other' });
  sweep(o);
  o.rt.run('runMonthlyPayments');
  o.rt.run('generatePayments', '2023-07');
  o.rt.run('redecideAll');
  o.at('2023-08-03T10:00:00');
  return { o, july, august };
}

/** Staff rename the tab back; the sweeps and the monthly run of 1 September follow. */
function backAndSeptember(o: Office, name: string, newName: string): void {
  rename(o, newName, name);
  o.at('2023-09-01T09:00:00');
}

describe('a system sheet renamed or deleted by staff', () => {
  const stopping = [
    'Members',
    'Applications',
    'Ledger',
    'Payment runs',
    'Documents',
    'Course',
    'Settings',
    'Templates',
    'Outbox',
  ];
  for (const name of stopping) {
    test(`"${name}" renamed: no job makes an empty "${name}" and carries on; staff get one alert naming it; renamed back, the work resumes and nothing is paid twice (R1, R22, R26)`, () => {
      const newName = name === 'Ledger' ? 'Copy of Ledger' : `${name}（旧）`;
      const { o, july, august } = renamedAfterJuly(name, newName);
      expect(exists(o, name)).toBe(false);
      expect(alerts(o, name)).toHaveLength(1);
      expect(
        o
          .rows('Log')
          .some((l) => l.Action === 'STAFF_ALERT' && String(l.Detail).includes(`"${name}"`)),
      ).toBe(true);
      // July was paid once; nothing was paid while the sheet was missing.
      const ledger = name === 'Ledger' ? newName : 'Ledger';
      expect(o.rows(ledger).map((l) => [l['Response ID'], l['Payments sheet']])).toEqual([
        [july, '2023-07'],
      ]);
      backAndSeptember(o, name, newName);
      // Ben's registration waited for the sweep: he gets the next ID, never one used before (R1).
      expect(o.rows('Members').map((m) => [m['Bansou Net ID'], m.Email])).toEqual([
        ['BN-00001', 'a@example.org'],
        ['BN-00002', 'b@example.org'],
      ]);
      expect(
        o.rt.mail.outbox.filter(
          (m) => m.to.includes('b@example.org') && m.subject.includes('BN-00002'),
        ),
      ).toHaveLength(1);
      expect(o.rows('Applications').map((a) => [a['Response ID'], a.Status])).toEqual([
        [july, 'ACCEPTED'],
        [august, 'ACCEPTED'],
      ]);
      // Each line paid exactly once: July in July's run, August's application in August's (R21, R22).
      expect(
        o.rows('Ledger').map((l) => [l['Response ID'], l['Payments sheet'], l.Amount]),
      ).toEqual([
        [july, '2023-07', 4000],
        [august, '2023-08', 4000],
      ]);
      expect(alerts(o, name)).toHaveLength(1);
      expect(failedExecutions(o)).toEqual([]);
    });
  }

  test('the Log renamed: a new Log is made (harmless) and everything goes on', () => {
    const { o, july, august } = renamedAfterJuly('Log', 'ログ');
    expect(exists(o, 'Log')).toBe(true);
    expect(o.rows('Members').map((m) => m['Bansou Net ID'])).toEqual(['BN-00001', 'BN-00002']);
    expect(o.rows('Applications').map((a) => [a['Response ID'], a.Status])).toEqual([
      [july, 'ACCEPTED'],
      [august, 'ACCEPTED'],
    ]);
    expect(o.rows('Ledger').map((l) => [l['Response ID'], l['Payments sheet']])).toEqual([
      [july, '2023-07'],
    ]);
    expect(o.rt.mail.outbox.filter((m) => m.subject.includes('is missing'))).toEqual([]);
  });

  test('the Ledger deleted: "Set up / check" refuses to make an empty one and names it; the monthly run pays nothing again', () => {
    const o = office();
    o.explains.push(/FAILED.*is missing \(renamed or deleted\)/, /STAFF_ALERT/);
    o.register({ email: 'a@example.org', name: 'Aiko' });
    documentsReceived(o, 'BN-00001', '2023', '2023/07/01');
    o.at('2023-07-20T10:00:00');
    o.apply({ email: 'a@example.org', date: '2023-07-18' });
    o.at('2023-08-01T09:00:00');
    uncounted(o, () => o.ss.deleteSheet(o.ss.getSheetByName('Ledger')!));
    const report = String(o.rt.run('setup'));
    expect(report).toContain('The sheet "Ledger" is missing');
    expect(exists(o, 'Ledger')).toBe(false);
    o.rt.run('generatePayments', '2023-07');
    o.rt.run('runMonthlyPayments');
    expect(exists(o, 'Ledger')).toBe(false);
    expect(alerts(o, 'Ledger')).toHaveLength(1);
  });

  test('Settings renamed: "Check this Google environment" reports the sheet missing and makes no Settings with the defaults', () => {
    // A fresh global per execution, as on Google: nothing remembered from an earlier execution.
    const o = office({ freshGlobals: true });
    rename(o, 'Settings', '設定');
    const report = String(o.rt.run('checkEnvironment'));
    expect(report).toContain('The sheet "Settings" is missing');
    expect(exists(o, 'Settings')).toBe(false);
  });
});
