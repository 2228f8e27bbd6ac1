// Text safe in any column format (#17, RULES R25): staff re-format the system sheets' columns
// as Plain text, Number or Date, and Sheets either keeps a written leading apostrophe as text
// in a Plain-text cell or drops it (the reference does not say: the runtime models both).
import { Buffer } from 'node:buffer';
import { SIGNUP_TITLES as S } from '../../local/world';
import { fromCell } from '../../src/adapters/tables/cells';
import {
  BANK_SETTINGS,
  documentsReceived,
  office,
  sheetValues,
  staffAppends,
  staffSets,
  tokyo,
  uncounted,
} from './helpers';

/** Every sheet set-up makes (src/usecases/setup.ts SYSTEM_TABLES); Statistics comes later. */
const SYSTEM_SHEETS = [
  'Members',
  'Member history',
  'Documents',
  'Course',
  'Applications',
  'Ledger',
  'Payment holds',
  'Payment runs',
  'Payment notices',
  'Accounts',
  'Sessions',
  'Sign-ups',
  'Outbox',
  'Log',
  'Templates',
];

/** An office with the sign-up form and the bank details; `mode`: the runtime's '@' model. */
const world = (options: Parameters<typeof office>[0] = {}) =>
  office({ withSignupForm: true, settings: BANK_SETTINGS, ...options });

type Office = ReturnType<typeof office>;

/** Staff select every column of every system sheet and choose Format → Number → `format`. */
function staffFormatEverySheet(o: Office, format: string, names = SYSTEM_SHEETS): void {
  uncounted(o, () => {
    for (const name of names) {
      const sheet = o.ss.getSheetByName(name)!;
      sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).setNumberFormat(format);
    }
  });
}

/**
 * Some text columns of every system sheet (written by hand from the sheets' headers), and some
 * of their date, time, number and checkbox columns, which must stay typed.
 */
const PLAIN_TEXT_COLUMNS: Record<string, string[]> = {
  Members: ['Bansou Net ID', 'Email', 'Phone'],
  'Member history': ['Bansou Net ID', 'Registration response ID', 'Kind', 'Email'],
  Documents: ['Bansou Net ID'],
  Course: ['Bansou Net ID'],
  Applications: ['Response ID', 'Applicant ID', 'Payment month'],
  Ledger: ['Bansou Net ID', 'Payments sheet'],
  'Payment holds': ['Payments sheet', 'Bansou Net ID'],
  'Payment runs': ['Month'],
  'Payment notices': ['Payments sheet', 'Bansou Net ID'],
  Accounts: [
    'Bansou Net ID',
    'Bank code',
    'Branch code',
    'Account type',
    'Account number',
    'Account holder (kana)',
  ],
  Sessions: ['Session ID', 'Title (Japanese)', 'Meeting URL', 'Status'],
  'Sign-ups': ['Response ID', 'ID as answered', 'Bansou Net ID', 'Session ID', 'Staff override'],
  Outbox: ['To', 'Subject'],
  Log: ['Action', 'Bansou Net ID'],
  Templates: ['Template', 'Body'],
};
const TYPED_COLUMNS: Record<string, string[]> = {
  'Member history': ['Response time', 'Recorded at'],
  'Payment notices': ['Cases', 'Amount', 'Notice sent at'],
  Sessions: ['Date', 'Start', 'End', 'Capacity', 'Sign-up closes', 'Participants'],
  'Sign-ups': ['Signed up at', 'Decided at', 'Attended'],
};

/** The number format of each named column's first data row, sheet by sheet. */
function formatsOf(o: Office, columns: Record<string, string[]>): Record<string, string[]> {
  return uncounted(o, () =>
    Object.fromEntries(
      Object.entries(columns).map(([name, headers]) => {
        const sheet = o.ss.getSheetByName(name)!;
        const header = sheet
          .getRange(1, 1, 1, sheet.getLastColumn())
          .getValues()[0]
          .map((h) => String(h).split(' / ')[0]);
        return [
          name,
          headers.map((h) => {
            expect({ name, h, at: header.indexOf(h) >= 0 }).toEqual({ name, h, at: true });
            return sheet.getRange(2, header.indexOf(h) + 1).getNumberFormat();
          }),
        ];
      }),
    ),
  );
}

const allPlain = (columns: Record<string, string[]>) =>
  Object.fromEntries(Object.entries(columns).map(([n, hs]) => [n, hs.map(() => '@')]));

/** Staff keep the Sessions sheet: one session whose ID looks like a number (0801). */
function staffAddSession(o: Office): void {
  staffAppends(o, 'Sessions', {
    'Session ID': '0801',
    Date: '2023/08/10',
    Start: '19:00',
    End: '20:30',
    'Title (Japanese)': '在留資格の相談',
    'Title (English)': 'Residency questions',
    Topics: '在留資格',
    'Meeting URL': 'https://meet.example.org/0801',
    Capacity: '10',
    Status: 'open',
  });
  o.rt.run('updateSessions');
}

/** A member signs up for the session, choosing it as the form shows it. */
function signUp(o: Office, email: string, id: string): void {
  const choice = uncounted(o, () =>
    o
      .signup!.getItems()
      .find((i) => i.getTitle() === S.session)!
      .getChoices()
      .map((c) => c.getValue())
      .find((c) => c.startsWith('0801 ')),
  );
  expect(choice).toBeDefined();
  o.rt.forms.submit(o.signup!, {
    email,
    answers: { [S.memberId]: id, [S.session]: choice!, [S.purpose]: '参加 / Participation' },
  });
}

/** Staff type both members' accounts: codes and numbers with leading zeros (R31). */
function staffAddAccounts(o: Office): void {
  staffAppends(o, 'Accounts', {
    'Bansou Net ID': 'BN-00001',
    'Bank code': '0001',
    'Branch code': '002',
    'Account type': '普通',
    'Account number': '0765432',
    'Account holder (kana)': 'ヤマダ アイコ',
  });
  staffAppends(o, 'Accounts', {
    'Bansou Net ID': 'BN-00002',
    'Bank code': '0009',
    'Branch code': '010',
    'Account type': '当座',
    'Account number': '0011111',
    'Account holder (kana)': 'ベン スミス',
  });
}

/**
 * Two members, documents, accounts, a session and a sign-up, two applications (one with a
 * second supporter), one month paid (payment notices, Statistics) and its bank transfer file.
 */
function playAMonth(o: Office): { first: string; second: string } {
  registerTwo(o);
  staffAddSession(o);
  return restOfMonth(o);
}

/** Aiko (BN-00001, phone 00012) and Ben (BN-00002, phone =1+1) register. */
function registerTwo(o: Office): void {
  o.register({ email: 'a@example.org', name: 'Aiko', phone: '00012' });
  o.register({ email: 'b@example.org', name: 'Ben', phone: '=1+1' });
}

/** Documents, accounts, the sign-up, two applications, July paid, the bank transfer file. */
function restOfMonth(o: Office): { first: string; second: string } {
  for (const id of ['BN-00001', 'BN-00002']) documentsReceived(o, id, '2023', '2023/07/01');
  staffAddAccounts(o);
  signUp(o, 'a@example.org', 'BN-00001');
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
  o.rt.run('bankTransferFile', '2023-07');
  return { first, second };
}

/** The bank transfer file's dialog: how many transfers, the total, and the file's records. */
function transferFile(o: Office) {
  const html = o.rt.sheets.ui.htmlDialogs.at(-1)?.html ?? '';
  const file = /href="data:text\/plain;base64,([A-Za-z0-9+/=]*)"/.exec(html);
  const records = Buffer.from(file ? file[1] : '', 'base64')
    .toString('latin1')
    .split('\r\n')
    .filter((r) => r.startsWith('2'));
  return {
    count: /<span id="count">([^<]*)</.exec(html)?.[1],
    total: /<span id="total">([^<]*)</.exec(html)?.[1],
    // Bank code, branch code and account number of each data record (全銀 layout, 1-based
    // columns 2–5, 21–23, 44–50).
    accounts: records.map((r) => [r.slice(1, 5), r.slice(20, 23), r.slice(43, 50)]),
  };
}

/** A table of the Statistics sheet: label → its cells, from the row under the title `title`. */
function statisticsTable(o: Office, title: string): Record<string, unknown[]> {
  const values = sheetValues(o, 'Statistics');
  const at = values.findIndex((r) => r[0] === title);
  if (at < 0) return {};
  const width = values[at + 1].filter((c) => c !== '').length;
  const out: Record<string, unknown[]> = {};
  for (let r = at + 2; r < values.length && values[r][0] !== ''; r++)
    out[String(values[r][0])] = values[r].slice(1, width);
  return out;
}

/** The sheets as the system reads them (store/cells.ts fromCell). */
function outcome(o: Office) {
  const rows = (name: string) =>
    o
      .rows(name)
      .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, fromCell(v)])));
  return {
    members: rows('Members').map((m) => [m['Bansou Net ID'], m.Email, m.Phone]),
    history: rows('Member history').map((h) => [h['Bansou Net ID'], h.Kind, h.Email]),
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
    notices: rows('Payment notices').map((n) => [
      n['Payments sheet'],
      n['Bansou Net ID'],
      n.Cases,
      n.Amount,
    ]),
    accounts: rows('Accounts').map((a) => [
      a['Bansou Net ID'],
      a['Bank code'],
      a['Branch code'],
      a['Account number'],
    ]),
    sessions: rows('Sessions').map((s) => [
      s['Session ID'],
      s['Title (English)'],
      s.Status,
      s.Participants,
    ]),
    signups: rows('Sign-ups').map((r) => [
      r['Bansou Net ID'],
      r.Name,
      r['Session ID'],
      r.Status,
      r['Reason codes'],
    ]),
    transfer: transferFile(o),
    statistics: statisticsTable(o, 'Cases by month of support / 支援月別'),
  };
}

const EXPECTED = {
  members: [
    ['BN-00001', 'a@example.org', '00012'],
    ['BN-00002', 'b@example.org', '=1+1'],
  ],
  history: [
    ['BN-00001', 'FIRST', 'a@example.org'],
    ['BN-00002', 'FIRST', 'b@example.org'],
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
  // Aiko: her own case and Ben's as second supporter (2 × 4,000); Ben: his own (4,000).
  notices: [
    ['2023-07', 'BN-00001', 2, 8000],
    ['2023-07', 'BN-00002', 1, 4000],
  ],
  accounts: [
    ['BN-00001', '0001', '002', '0765432'],
    ['BN-00002', '0009', '010', '0011111'],
  ],
  sessions: [['0801', 'Residency questions', 'open', 1]],
  signups: [['BN-00001', 'Aiko', '0801', 'ACCEPTED', '']],
  transfer: {
    count: '2',
    total: '¥12,000',
    accounts: [
      ['0001', '002', '0765432'],
      ['0009', '010', '0011111'],
    ],
  },
  // Two cases, 2 persons and 2 supporters (below 3: '<3'), none long, one with a second
  // supporter, 12,000 yen.
  statistics: { '2023-07': [2, '<3', '<3', 0, 1, 12000] },
};

/** Staff format the Statistics sheet too; the next refresh writes it the same again. */
function staffFormatStatisticsAndRefresh(o: Office, format: string): void {
  staffFormatEverySheet(o, format, ['Statistics']);
  o.rt.run('updateStatistics');
}

const typedAsPlain = (o: Office) =>
  Object.values(formatsOf(o, TYPED_COLUMNS))
    .flat()
    .filter((f) => f === '@');

describe.each(['keep', 'drop'] as const)(
  'Plain-text cells that %s a written leading apostrophe',
  (mode) => {
    test('set-up formats the text columns of every system sheet as Plain text, and not its date, time, number and checkbox columns; every value reads back as given; IDs, addresses and names are stored without an apostrophe', () => {
      const o = world({ textCellApostrophe: mode });
      expect(formatsOf(o, PLAIN_TEXT_COLUMNS)).toEqual(allPlain(PLAIN_TEXT_COLUMNS));
      expect(typedAsPlain(o)).toEqual([]);
      playAMonth(o);
      expect(outcome(o)).toEqual(EXPECTED);
      const [member] = o.rows('Members');
      expect([member['Bansou Net ID'], member.Email, member.Name]).toEqual([
        'BN-00001',
        'a@example.org',
        'Aiko',
      ]);
      const stray = [
        'Members',
        'Member history',
        'Applications',
        'Ledger',
        'Payment runs',
        'Payment notices',
        'Accounts',
        'Sessions',
        'Sign-ups',
      ].flatMap((name) =>
        sheetValues(o, name)
          .flat()
          .filter((v) => typeof v === 'string' && v.startsWith("'")),
      );
      if (mode === 'drop') expect(stray).toEqual(["'x"]);
      // Where the cell keeps it, number-like text shows the apostrophe that protects it in any
      // format (and a value starting with one shows two); the system reads them without.
      else expect(stray).toEqual(expect.arrayContaining(["'2023-07", "'0801"]));
      expect(o.rt.executions.filter((e) => e.error)).toEqual([]);
    });

    test('staff format every column of every system sheet as Plain text: IDs stay unique, an application finds its member, a sign-up its session, the transfer file its accounts', () => {
      const o = world({ textCellApostrophe: mode });
      staffFormatEverySheet(o, '@');
      playAMonth(o);
      expect(outcome(o)).toEqual(EXPECTED);
      staffFormatStatisticsAndRefresh(o, '@');
      expect(outcome(o).statistics).toEqual(EXPECTED.statistics);
      expect(o.rt.executions.filter((e) => e.error)).toEqual([]);
    });
  },
);

describe('staff-formatted Number and Date columns', () => {
  test('every column of every system sheet formatted as Number: IDs still match and number-like answers stay text; the next Set up / check makes the text columns Plain text again', () => {
    const o = world();
    staffFormatEverySheet(o, '0.00');
    registerTwo(o);
    expect(o.rows('Members').map((m) => [m['Bansou Net ID'], m.Phone])).toEqual([
      ['BN-00001', '00012'],
      ['BN-00002', '=1+1'],
    ]);
    o.rt.run('setup');
    expect(formatsOf(o, PLAIN_TEXT_COLUMNS)).toEqual(allPlain(PLAIN_TEXT_COLUMNS));
    staffAddSession(o);
    restOfMonth(o);
    expect(outcome(o)).toEqual(EXPECTED);
    staffFormatStatisticsAndRefresh(o, '0.00');
    expect(outcome(o).statistics).toEqual(EXPECTED.statistics);
    expect(o.rt.executions.filter((e) => e.error)).toEqual([]);
  });

  test('every column of every system sheet formatted as Date: IDs, names, codes and months still read as typed; the next Set up / check makes the text columns Plain text again', () => {
    const o = world();
    staffFormatEverySheet(o, 'yyyy-mm-dd');
    registerTwo(o);
    expect(o.rows('Members').map((m) => [m['Bansou Net ID'], m.Phone])).toEqual([
      ['BN-00001', '00012'],
      ['BN-00002', '=1+1'],
    ]);
    o.rt.run('setup');
    expect(formatsOf(o, PLAIN_TEXT_COLUMNS)).toEqual(allPlain(PLAIN_TEXT_COLUMNS));
    staffAddSession(o);
    // A capacity typed into a column staff made Date is a date (Sheets shows 1900-01-09): the
    // system says so and decides no sign-up; staff format it back and type it again.
    o.explains.push(/Sessions row 2 \(0801\): the capacity is not a whole number/);
    expect(Object.prototype.toString.call(o.rows('Sessions')[0].Capacity)).toBe('[object Date]');
    uncounted(o, () => {
      const sessions = o.ss.getSheetByName('Sessions')!;
      sessions.getRange(2, 9, sessions.getMaxRows() - 1, 1).setNumberFormat('0'); // Capacity
    });
    staffSets(o, 'Sessions', 1, 'Capacity', '10');
    o.rt.run('updateSessions');
    restOfMonth(o);
    // The text of every sheet as given. (Not compared: the system's number columns — minutes,
    // fees, amounts, counts — which a Date format turns into dates until staff format them
    // back; Set up / check restores only the text columns.)
    const got = outcome(o);
    expect({
      members: got.members,
      history: got.history,
      applications: got.applications,
      runs: got.runs,
      accounts: got.accounts,
      sessions: got.sessions.map((r) => r.slice(0, 3)),
      signups: got.signups,
    }).toEqual({
      members: EXPECTED.members,
      history: EXPECTED.history,
      applications: EXPECTED.applications,
      runs: EXPECTED.runs,
      accounts: EXPECTED.accounts,
      sessions: [['0801', 'Residency questions', 'open']],
      signups: EXPECTED.signups,
    });
    expect(o.rt.executions.filter((e) => e.error)).toEqual([]);
  });

  test('the system number and date columns formatted as Plain text still read as numbers and dates', () => {
    const o = world({ start: tokyo('2023-07-01T09:00:00') });
    staffFormatEverySheet(o, '@');
    playAMonth(o);
    const [app] = o.rows('Applications');
    expect(app.Minutes).toBe(90);
    expect(app['Fee per supporter']).toBe(4000);
    expect(Object.prototype.toString.call(app['Submitted at'])).toBe('[object Date]');
    const [notice] = o.rows('Payment notices');
    expect([notice.Cases, notice.Amount]).toEqual([2, 8000]);
    expect(Object.prototype.toString.call(notice['Notice sent at'])).toBe('[object Date]');
    const [signup] = o.rows('Sign-ups');
    expect(Object.prototype.toString.call(signup['Signed up at'])).toBe('[object Date]');
    expect(o.rows('Sessions')[0].Participants).toBe(1);
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
