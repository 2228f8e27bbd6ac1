// The staff guide's archive of a closed fiscal year (docs/guide.en.md 9.7, #15 item 4), done the
// way staff would do it between two executions, must change nothing the program does after it:
// the same program runs twice from July 2023 to June 2024, once with FY2023 archived right after
// its last month (2024-03, settled by the run of 2024-04-01 06:00) and once without. Decisions,
// ledger lines, holds paid later (R20), payment notices (R30), the FY2024 Payments sheets, the
// statistics (R37), sign-ups (R34) and every email after the archive must be the same.
//
// Unlinking a form (Sheets: Form → Unlink form) is Form.removeDestination(): the form keeps every
// response in its own store ("All forms, including those that do not have a destination set
// explicitly, save a copy of responses in the form's response store", Enum DestinationType,
// https://developers.google.com/apps-script/reference/forms/destination-type), which is where
// the script reads responses from (FormApp), never from the response sheets (R24).
import { APPLICATION_TITLES as A, SIGNUP_TITLES as S } from '../../local/world';
import {
  BANK_SETTINGS,
  documentsReceived,
  type Office,
  office,
  sheetValues,
  staffAppends,
  tokyo,
  uncounted,
} from './helpers';

/** The first month of the fiscal year after FY `fy` (the Japanese fiscal year starts in April). */
const monthsOf = (fy: number): string[] =>
  Array.from({ length: 12 }, (_, i) => {
    const m = ((3 + i) % 12) + 1;
    return `${m >= 4 ? fy : fy + 1}-${String(m).padStart(2, '0')}`;
  });

const inFiscalYear = (fy: number, month: string): boolean => monthsOf(fy).includes(month);

/** Staff delete the data rows of a sheet that `match` (from the bottom, as one would by hand). */
function staffDeletesRows(
  o: Office,
  name: string,
  match: (row: Record<string, unknown>) => boolean,
): number {
  const rows = o.rows(name);
  return uncounted(o, () => {
    const sheet = o.ss.getSheetByName(name)!;
    let deleted = 0;
    for (let i = rows.length - 1; i >= 0; i--) {
      if (!match(rows[i])) continue;
      sheet.deleteRow(i + 2);
      deleted++;
    }
    return deleted;
  });
}

interface ArchiveSteps {
  /** Delete the Payment holds rows too (what the guide asked before: see the last tests). */
  holds: boolean;
  /** Delete the Payment runs rows too (a step the guide never had: see the last test). */
  runs?: boolean;
}

/**
 * The guide's procedure for fiscal year `fy`, step by step (step 1, the copy, is what the test
 * keeps of the sheets before; step 4, the Health report, is compared by the test).
 */
function archiveFiscalYear(o: Office, fy: number, steps: ArchiveSteps = { holds: false }): void {
  // 2. The Payments YYYY-MM sheets of the fiscal year.
  uncounted(o, () => {
    for (const month of monthsOf(fy)) {
      const sheet = o.ss.getSheetByName(`Payments ${month}`);
      if (sheet) o.ss.deleteSheet(sheet);
    }
  });
  // The Log rows written in the fiscal year (Tokyo time).
  const start = tokyo(`${fy}-04-01T00:00:00`);
  const end = tokyo(`${fy + 1}-04-01T00:00:00`);
  staffDeletesRows(o, 'Log', (r) => {
    const at = (r.Time as Date).getTime();
    return at >= start && at < end;
  });
  // The Payment holds rows of the fiscal year's Payments sheets.
  if (steps.holds) {
    staffDeletesRows(o, 'Payment holds', (r) => inFiscalYear(fy, String(r['Payments sheet'])));
  }
  if (steps.runs) staffDeletesRows(o, 'Payment runs', (r) => inFiscalYear(fy, String(r.Month)));
  // The forms' response sheets: unlinked (Form → Unlink form), then deleted.
  uncounted(o, () => {
    for (const form of [o.registration, o.application, o.signup]) form?.removeDestination();
    for (const sheet of o.ss.getSheets()) {
      if (sheet.getName().startsWith('Form Responses')) o.ss.deleteSheet(sheet);
    }
  });
}

function applicationAnswers(a: {
  id: string;
  date: string;
  start?: string;
  end: string;
  recipient: string;
}): Record<string, string | string[]> {
  return {
    [A.applicantId]: a.id,
    [A.applicantName]: 'Test Person',
    [A.supportDate]: a.date,
    [A.startTime]: a.start ?? '10:00',
    [A.endTime]: a.end,
    [A.recipientName]: a.recipient,
    [A.issues]: ['労働 / Labor'],
    [A.prefecture]: '東京都',
  };
}

/** What the program did after the archive, which the archive must not change. */
interface Outcome {
  ids: Record<'bensHeld' | 'chikasPaid' | 'aikoWithBen' | 'bensApril', string>;
  mail: { to: string; subject: string; body: string }[];
  sheets: Record<string, unknown[][]>;
  /** Payment holds rows of the FY2024 Payments sheets (header first). */
  holdsFromFY2024: unknown[][];
  /** Log rows written after the archive (header first). */
  logAfter: unknown[][];
  health: string[];
  cellsUsed: number;
  /** Payments 2023-09 as the run drew it (kept in the copy) and as staff redrew it later. */
  september: unknown[][];
  redrawnSeptember: unknown[][];
  /** The bank transfer file of 2023-09 as its dialog offers it (R31). */
  septemberTransfer: string;
}

/** FY2023 is closed: the run of 2024-04-01 06:00 has settled its last month, 2024-03. */
const ARCHIVED_AT = '2024-04-01T12:00:00';

/**
 * The program from July 2023 to June 2024: staff archive FY2023 at noon on 2024-04-01 as
 * `archive` says (null: no archive), then FY2024 goes on.
 */
function program(archive: ArchiveSteps | null): Outcome {
  const o = office({ withSignupForm: true, settings: BANK_SETTINGS });
  o.register({ email: 'a@example.org', name: 'Aiko' }); // BN-00001
  o.register({ email: 'b@example.org', name: 'Ben', language: 'English' }); // BN-00002
  o.register({ email: 'c@example.org', name: 'Chika' }); // BN-00003
  documentsReceived(o, 'BN-00001', 'FY2023', '2023/07/01');
  documentsReceived(o, 'BN-00003', 'FY2023', '2023/07/01');
  staffAppends(o, 'Accounts', {
    'Bansou Net ID': 'BN-00001',
    'Bank code': '0001',
    'Branch code': '002',
    'Account type': '普通',
    'Account number': '7654321',
    'Account holder (kana)': 'ヤマダ アイコ',
  });

  // FY2023. Ben has no FY2023 documents: his line of Aiko's application (R20: per supporter
  // line) and his own application wait.
  o.at('2023-09-10T10:00:00');
  const aikoWithBen = o.apply({ email: 'a@example.org', date: '2023-09-05', second: 'BN-00002' });
  const bensHeld = o.apply({
    email: 'b@example.org',
    id: 'BN-00002',
    date: '2023-09-06',
    recipient: 'Tran Thi B',
  });
  const chikasPaid = o.apply({
    email: 'c@example.org',
    id: 'BN-00003',
    date: '2023-09-07',
    recipient: 'Le Van C',
  });
  o.at('2024-02-15T10:00:00');
  o.apply({ email: 'c@example.org', id: 'BN-00003', date: '2024-02-14', recipient: 'Le Van C' });
  o.at('2024-03-20T10:00:00');
  o.apply({ email: 'a@example.org', date: '2024-03-18', end: '12:30', recipient: 'Pham D' });

  o.at(ARCHIVED_AT);
  const september = sheetValues(o, 'Payments 2023-09'); // as the copy keeps it (step 1)
  const mailBefore = o.rt.mail.outbox.length;
  if (archive) archiveFiscalYear(o, 2023, archive);

  // FY2024.
  o.at('2024-04-05T10:00:00');
  // A FY2023 support applied for in April (on time, R10), Ben still without FY2023 documents.
  const bensApril = o.apply({
    email: 'b@example.org',
    id: 'BN-00002',
    date: '2024-03-25',
    recipient: 'Vo E',
  });
  // R18: Chika edits her paid September application (it stays paid, flagged for staff); Ben
  // edits his held one (decided again: 150 minutes, 8,000 yen).
  o.rt.forms.editResponse(chikasPaid, {
    answers: applicationAnswers({
      id: 'BN-00003',
      date: '2023-09-07',
      end: '12:00',
      recipient: 'Le Van C',
    }),
  });
  o.rt.forms.editResponse(bensHeld, {
    answers: applicationAnswers({
      id: 'BN-00002',
      date: '2023-09-06',
      end: '12:30',
      recipient: 'Tran Thi B',
    }),
  });
  // An application and a registration whose triggers never fired: the hourly sweep finishes
  // them from the forms' own responses (R26), the response sheets being gone.
  o.apply({ email: 'a@example.org', date: '2024-04-03', recipient: 'Nguyen F' }, { drop: true });
  o.register({ email: 'd@example.org', name: 'Daichi' }, { drop: true }); // BN-00004
  staffAppends(o, 'Sessions', {
    'Session ID': 'S2024-01',
    Date: '2024-05-20',
    Start: '19:00',
    End: '20:30',
    'Title (Japanese)': '在留資格の相談',
    'Title (English)': 'Residency questions',
    'Meeting URL': 'https://meet.example.org/s1',
    Capacity: '1',
    Status: 'open',
  });
  o.rt.run('updateSessions');

  // Ben's FY2023 documents arrive in FY2024: the next run pays each of his waiting lines once.
  o.at('2024-04-20T10:00:00');
  documentsReceived(o, 'BN-00002', 'FY2023', '2024/04/20');
  documentsReceived(o, 'BN-00001', 'FY2024', '2024/04/20');
  // Two sign-ups for a session of one place: the second waits (R34).
  for (const [email, id] of [
    ['a@example.org', 'BN-00001'],
    ['c@example.org', 'BN-00003'],
  ]) {
    const choice = uncounted(
      o,
      () =>
        o
          .signup!.getItems()
          .find((i) => i.getTitle() === S.session)!
          .getChoices()
          .map((c) => c.getValue())
          .find((c) => c.startsWith('S2024-01'))!,
    );
    o.rt.forms.submit(o.signup!, {
      email,
      answers: { [S.memberId]: id, [S.session]: choice, [S.purpose]: '参加 / Participation' },
    });
  }
  // The monthly trigger of 2024-05-01 does not run: the hourly sweep catches the run up.
  const monthly = o.rt.script.all().find((t) => t.handlerFunction === 'runMonthlyPayments')!;
  o.rt.disableTrigger(monthly.uid);
  o.at('2024-05-02T09:00:00');
  o.rt.enableTrigger(monthly.uid);
  // Staff redraw a month of the archived year and look for missed responses (menu).
  o.rt.run('generatePayments', '2023-09');
  const redrawnSeptember = sheetValues(o, 'Payments 2023-09');
  o.rt.run('bankTransferFile', '2023-09'); // R31: from the Ledger and the Accounts
  const septemberTransfer = uncounted(o, () => o.rt.sheets.ui.htmlDialogs.at(-1)!.html);
  o.rt.run('processMissedResponses');
  o.rt.run('updateStatistics');
  o.at('2024-06-02T09:00:00'); // the run of 2024-06-01; April's sent emails are 30 days old

  const health = String(o.rt.run('healthReport')).split('\n');
  return {
    ids: { bensHeld, chikasPaid, aikoWithBen, bensApril },
    mail: uncounted(o, () =>
      o.rt.mail.outbox
        .slice(mailBefore)
        .map((m) => ({ to: m.to.join(','), subject: m.subject, body: m.body })),
    ),
    sheets: Object.fromEntries(
      [
        'Members',
        'Member history',
        'Applications',
        'Ledger',
        'Documents',
        'Payment runs',
        'Payment notices',
        'Sessions',
        'Sign-ups',
        'Payments 2024-04',
        'Payments 2024-05',
        'Statistics',
        'Outbox',
      ].map((n) => [n, sheetValues(o, n)]),
    ),
    holdsFromFY2024: sheetValues(o, 'Payment holds').filter(
      (r, i) => i === 0 || String(r[0]) >= '2024-04',
    ),
    logAfter: sheetValues(o, 'Log').filter(
      (r, i) => i === 0 || (r[0] as Date).getTime() >= tokyo(ARCHIVED_AT),
    ),
    health,
    cellsUsed: uncounted(o, () =>
      o.ss.getSheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0),
    ),
    september,
    redrawnSeptember,
    septemberTransfer,
  };
}

const tokyoDay = (v: unknown): string =>
  new Date((v as Date).getTime() + 9 * 3_600_000).toISOString().slice(0, 10);

const cellsLine = (health: string[]) =>
  Number(
    health
      .find((l) => l.startsWith('Spreadsheet cells'))!
      .split(': ')[1]
      .split(' ')[0]
      .replace(/,/g, ''),
  );

describe('archiving a closed fiscal year (staff guide 9.7)', () => {
  let kept: Outcome;
  let archived: Outcome;
  beforeAll(() => {
    kept = program(null);
    archived = program({ holds: false });
  });

  test('after the archive of FY2023 (the day its last month, 2024-03, was settled) every email goes out as without it: the same recipients, subjects and bodies, in the same order', () => {
    expect(archived.mail).toEqual(kept.mail);
    // Written by hand from RULES: what the two months after the archive send, in order.
    expect(archived.mail.map((m) => m.to)).toEqual([
      'b@example.org', // Ben's April application: accepted, waiting for documents (R17, R20)
      'c@example.org', // Chika's edit of a paid application acknowledged (R18)
      'b@example.org', // Ben's edited application decided again: still waiting
      'd@example.org', // the registration the sweep finished: BN-00004 (R3, R26)
      'a@example.org', // the application the sweep finished: waiting for FY2024 documents
      'a@example.org', // sign-up accepted (R35)
      'c@example.org', // sign-up on the waiting list
      'office@bansou.example.org', // the April run's summary (R23), caught up by the sweep
      'a@example.org', // payment notices (R30)
      'b@example.org',
      'a@example.org', // the reminder the day before
      'office@bansou.example.org', // the participant list
      'office@bansou.example.org', // the May run's summary
    ]);
    const bensNotice = archived.mail.filter(
      (m) => m.to === 'b@example.org' && /fees for April 2024/.test(m.subject),
    );
    expect(bensNotice).toHaveLength(1);
    // His three lines: Aiko's September case as second supporter, his own September case as
    // edited (150 minutes), his April application of a March support.
    expect(bensNotice[0].body).toContain('Total: ¥16,000');
  });

  test('the FY2023 supporter lines on hold are paid once, in the first run after their documents; decisions, ledger, notices, FY2024 Payments sheets, holds and sign-ups are the same as without the archive', () => {
    const { aikoWithBen, bensHeld, bensApril, chikasPaid } = archived.ids;
    const ledger = archived.sheets.Ledger.slice(1).map((r) => r.slice(0, 6));
    expect(ledger.filter((r) => r[1] === 'BN-00002')).toEqual([
      [aikoWithBen, 'BN-00002', 4000, '2024-04', '2023-09', true],
      [bensHeld, 'BN-00002', 8000, '2024-04', '2023-09', true],
      [bensApril, 'BN-00002', 4000, '2024-04', '2024-04', false],
    ]);
    // Chika's edited application stays paid once at its fee of the time, flagged for staff.
    expect(ledger.filter((r) => r[0] === chikasPaid)).toEqual([
      [chikasPaid, 'BN-00003', 4000, '2023-09', '2023-09', false],
    ]);
    for (const name of Object.keys(kept.sheets)) {
      expect([name, archived.sheets[name]]).toEqual([name, kept.sheets[name]]);
    }
    expect(archived.holdsFromFY2024).toEqual(kept.holdsFromFY2024);
  });

  test('the monthly catch-up, the hourly sweep and Process missed responses work without the Log rows and the response sheets: the Log after the archive is the same', () => {
    expect(archived.logAfter).toEqual(kept.logAfter);
    expect(archived.logAfter.some((r) => r[1] === 'PAYMENTS_CATCH_UP')).toBe(true);
    expect(archived.mail.filter((m) => m.to === 'd@example.org')).toHaveLength(1);
  });

  test('the Outbox removes its own SENT rows more than 30 days after sending, archive or not', () => {
    expect(archived.sheets.Outbox).toEqual(kept.sheets.Outbox);
    // Mail through the Outbox after the archive: the payment notices of the runs of 04-01 (Aiko)
    // and 05-01 (Aiko, Ben). Sending those of 05-01 removed the one of 04-01; nothing went
    // through the Outbox since, so those two are what it holds.
    const outbox = archived.sheets.Outbox;
    const col = (name: string) => outbox[0].findIndex((h) => String(h).startsWith(name));
    expect(
      outbox.slice(1).map((r) => [r[col('To')], r[col('Status')], tokyoDay(r[col('Sent at')])]),
    ).toEqual([
      ['a@example.org', 'SENT', '2024-05-01'],
      ['b@example.org', 'SENT', '2024-05-01'],
    ]);
    expect(archived.logAfter.filter((r) => r[1] === 'OUTBOX_SENT').map((r) => r[5])).toContainEqual(
      '2 sent, 0 waiting, 0 failed; 1 sent more than 30 days ago removed',
    );
  });

  test('the Statistics sheet still counts the archived year (it is counted from Applications, Ledger, Members, Sessions and Sign-ups, which stay)', () => {
    const stats = archived.sheets.Statistics;
    const paid = stats.find((r) => String(r[0]).startsWith('Amount paid'))!;
    // Whole program, FY2023, FY2024, FY2025 (by support date): FY2023 is 4,000 × 3 + 8,000
    // (Aiko, September) + 4,000 × 2 (Chika) + 8,000 (Aiko, March) + 8,000 + 4,000 (Ben's).
    expect(paid.slice(1, 5)).toEqual([40000, 36000, 4000, 0]);
  });

  test('the Health report says the same but for the cells used, which go down', () => {
    const same = (h: string[]) => h.filter((l) => !/^(Spreadsheet cells|Full at)/.test(l));
    expect(same(archived.health)).toEqual(same(kept.health));
    expect(cellsLine(archived.health)).toBe(archived.cellsUsed);
    expect(cellsLine(archived.health)).toBeLessThan(cellsLine(kept.health));
  });

  test('Generate payments for a month of the archived year redraws it as the run drew it, its on-hold list included (the Payment holds rows stay); its bank transfer file is the same (R31)', () => {
    expect(archived.redrawnSeptember).toEqual(archived.september);
    expect(archived.september.flat()).toContain(archived.ids.bensHeld);
    // The transfer file of an archived month: Aiko's 4,000 yen; Chika, without an account, named.
    expect(archived.septemberTransfer).toEqual(kept.septemberTransfer);
    expect(archived.septemberTransfer).toContain('<span id="count">1</span>');
    expect(archived.septemberTransfer).toContain('<span id="total">¥4,000</span>');
    expect(archived.septemberTransfer).toContain('BN-00003');
  });

  test('why the Payment holds rows stay: with them deleted, a redrawn month of the archived year says nothing was on hold (payments are not affected)', () => {
    const holdsDeleted = program({ holds: true });
    expect(holdsDeleted.september.flat()).toContain(holdsDeleted.ids.bensHeld);
    expect(holdsDeleted.redrawnSeptember.flat()).not.toContain(holdsDeleted.ids.bensHeld);
    expect(holdsDeleted.redrawnSeptember.flat()).toContain('なし / None');
    // Payments themselves do not read the holds of earlier months: the same mail and ledger.
    expect(holdsDeleted.mail).toEqual(kept.mail);
    expect(holdsDeleted.sheets.Ledger).toEqual(kept.sheets.Ledger);
  });

  test('why the Payment runs rows stay: with them deleted, the next run settles the archived months again and emails their summaries again (no one is paid twice: the Ledger)', () => {
    const runsDeleted = program({ holds: false, runs: true });
    const summaries = (o: Outcome) =>
      o.mail.filter(
        (m) => m.to === 'office@bansou.example.org' && /謝金支払い一覧/.test(m.subject),
      );
    expect(summaries(kept)).toHaveLength(2); // April and May 2024
    expect(summaries(runsDeleted).length).toBeGreaterThan(2);
    expect(runsDeleted.sheets.Ledger).toEqual(kept.sheets.Ledger);
  });
});
