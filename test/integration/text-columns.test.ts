// Text safe in any column format (#17, RULES R25): staff re-format the system sheets' columns
// as Plain text, Number or Date, and Sheets either keeps a written leading apostrophe as text
// in a Plain-text cell or drops it (the reference does not say: the runtime models both).
import { fromCell } from '../../src/adapters/tables/cells';
import { documentsReceived, office, sheetValues, tokyo, uncounted } from './helpers';

const SYSTEM_SHEETS = [
  'Members',
  'Documents',
  'Course',
  'Applications',
  'Ledger',
  'Payment holds',
  'Payment runs',
  'Outbox',
  'Log',
  'Templates',
];

type Office = ReturnType<typeof office>;

/** Staff select every column of every system sheet and choose Format → Number → `format`. */
function staffFormatEverySheet(o: Office, format: string): void {
  uncounted(o, () => {
    for (const name of SYSTEM_SHEETS) {
      const sheet = o.ss.getSheetByName(name)!;
      sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).setNumberFormat(format);
    }
  });
}

/** Two members, documents, two applications (one with a second supporter), one month paid. */
function playAMonth(o: Office): { first: string; second: string } {
  o.register({ email: 'a@example.org', name: 'Aiko', phone: '00012' });
  o.register({ email: 'b@example.org', name: 'Ben', phone: '=1+1' });
  for (const id of ['BN-00001', 'BN-00002']) documentsReceived(o, id, '2023', '2023/07/01');
  o.at('2023-07-21T10:00:00');
  const first = o.apply({ email: 'a@example.org', id: 'BN-00001', date: '2023-07-20' });
  const second = o.apply({
    email: 'b@example.org',
    id: 'BN-00002',
    name: 'Ben',
    date: '2023-07-21',
    recipient: "'x",
    birthYear: '1990',
    second: 'BN-00001',
  });
  o.at('2023-08-02T09:00:00'); // the monthly run of 08-01 settles July
  return { first, second };
}

/** The sheets as the system reads them (store/cells.ts fromCell). */
function outcome(o: Office) {
  const rows = (name: string) =>
    o
      .rows(name)
      .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, fromCell(v)])));
  return {
    members: rows('Members').map((m) => [m['Bansou Net ID'], m.Email, m.Phone]),
    applications: rows('Applications').map((a) => [
      a['Applicant ID'],
      a.Status,
      a['Reason codes'],
      a['Support date'],
      a.Start,
      a['Person supported'],
      a['Birth year'],
      a['Payment month'],
    ]),
    ledger: rows('Ledger').map((l) => [l['Bansou Net ID'], l.Amount, l['Payments sheet']]),
    runs: rows('Payment runs').map((r) => r.Month),
  };
}

const EXPECTED = {
  members: [
    ['BN-00001', 'a@example.org', '00012'],
    ['BN-00002', 'b@example.org', '=1+1'],
  ],
  applications: [
    ['BN-00001', 'ACCEPTED', '', '2023-07-20', '10:00', 'Nguyen Van A', '', '2023-07'],
    ['BN-00002', 'ACCEPTED', '', '2023-07-21', '10:00', "'x", '1990', '2023-07'],
  ],
  ledger: [
    ['BN-00001', 4000, '2023-07'],
    ['BN-00002', 4000, '2023-07'],
    ['BN-00001', 4000, '2023-07'],
  ],
  runs: ['2023-07'],
};

describe.each(['keep', 'drop'] as const)(
  'Plain-text cells that %s a written leading apostrophe',
  (mode) => {
    test('set-up formats the text columns as Plain text; every value reads back as given; IDs, addresses and names are stored without an apostrophe', () => {
      const o = office({ textCellApostrophe: mode });
      const members = uncounted(o, () => o.ss.getSheetByName('Members')!);
      expect(uncounted(o, () => members.getRange(2, 1).getNumberFormat())).toBe('@');
      playAMonth(o);
      expect(outcome(o)).toEqual(EXPECTED);
      const [member] = o.rows('Members');
      expect([member['Bansou Net ID'], member.Email, member.Name]).toEqual([
        'BN-00001',
        'a@example.org',
        'Aiko',
      ]);
      const stray = ['Members', 'Applications', 'Ledger', 'Payment runs'].flatMap((name) =>
        sheetValues(o, name)
          .flat()
          .filter((v) => typeof v === 'string' && v.startsWith("'")),
      );
      if (mode === 'drop') expect(stray).toEqual(["'x"]);
      // Where the cell keeps it, number-like text shows the apostrophe that protects it in any
      // format (and a value starting with one shows two); the system reads them without.
      else expect(stray).toContain("'2023-07");
    });

    test('staff format every column of every system sheet as Plain text: IDs stay unique and an application finds its member', () => {
      const o = office({ textCellApostrophe: mode });
      staffFormatEverySheet(o, '@');
      playAMonth(o);
      expect(outcome(o)).toEqual(EXPECTED);
      expect(o.rt.executions.filter((e) => e.error)).toEqual([]);
    });
  },
);

describe('staff-formatted Number and Date columns', () => {
  test.each([
    ['Number', '0.00'],
    ['Date', 'yyyy-mm-dd'],
  ])(
    'every column formatted as %s: IDs still match and number-like answers stay text; the next Set up / check makes the text columns Plain text again',
    (_kind, format) => {
      const o = office();
      staffFormatEverySheet(o, format);
      o.register({ email: 'a@example.org', name: 'Aiko' });
      o.register({ email: 'b@example.org', name: 'Ben' });
      expect(o.rows('Members').map((m) => m['Bansou Net ID'])).toEqual(['BN-00001', 'BN-00002']);
      o.rt.run('setup');
      const apps = uncounted(o, () => o.ss.getSheetByName('Applications')!);
      expect(uncounted(o, () => apps.getRange(2, 1).getNumberFormat())).toBe('@'); // Response ID
      const third = o.register({ email: 'c@example.org', name: 'Chika', phone: '00012' });
      expect(third).toBeTruthy();
      expect(o.rows('Members')[2]).toMatchObject({ 'Bansou Net ID': 'BN-00003', Phone: '00012' });
      o.at('2023-07-21T10:00:00');
      o.apply({ email: 'c@example.org', id: 'BN-00003', name: 'Chika', date: '2023-07-20' });
      const app = o.rows('Applications')[0];
      expect(app).toMatchObject({ 'Applicant ID': 'BN-00003', 'Support date': '2023-07-20' });
      expect(app.Status).toBe('ACCEPTED');
      expect(o.rt.executions.filter((e) => e.error)).toEqual([]);
    },
  );

  test('the system number and date columns formatted as Plain text still read as numbers and dates', () => {
    const o = office({ start: tokyo('2023-07-01T09:00:00') });
    staffFormatEverySheet(o, '@');
    playAMonth(o);
    const [app] = o.rows('Applications');
    expect(app.Minutes).toBe(90);
    expect(app['Fee per supporter']).toBe(4000);
    expect(Object.prototype.toString.call(app['Submitted at'])).toBe('[object Date]');
  });
});

describe('data written by the earlier version (every string with an apostrophe) into Plain-text cells that kept it', () => {
  test("a member stored as 'BN-00001 is found and the next registration gets BN-00002, not BN-00001 again", () => {
    const o = office({ textCellApostrophe: 'keep' });
    o.register({ email: 'a@example.org', name: 'Aiko' });
    // What the earlier writer left in a column staff had formatted as Plain text.
    uncounted(o, () => {
      const sheet = o.ss.getSheetByName('Members')!;
      sheet.getRange(2, 1, 1, 2).setValues([["'BN-00001", "'a@example.org"]]);
    });
    expect(sheetValues(o, 'Members')[1].slice(0, 2)).toEqual(["'BN-00001", "'a@example.org"]);
    o.register({ email: 'b@example.org', name: 'Ben' });
    o.register({ email: 'a@example.org', name: 'Aiko again' }); // a repeat: same ID
    expect(o.rows('Members').map((m) => m['Bansou Net ID'])).toEqual(["'BN-00001", 'BN-00002']);
    o.at('2023-07-21T10:00:00');
    o.apply({ email: 'a@example.org', id: 'BN-00001', date: '2023-07-20' });
    const [app] = o.rows('Applications');
    expect(app['Applicant ID']).toBe('BN-00001');
    expect(app['Reason codes']).not.toContain('UNKNOWN_ID');
  });
});
