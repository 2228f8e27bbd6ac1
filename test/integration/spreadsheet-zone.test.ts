// The spreadsheet's own time zone (File > Settings > Time zone) is not the script's: a new
// spreadsheet takes its creator's account zone. Apps Script turns a date/time cell into a Date
// through the spreadsheet's zone, and stores a Date it writes as the wall-clock time of that
// zone (see local/runtime/spreadsheet/zone.ts and the runtime test that cites the reference).
// RULES: "All dates and times are in Asia/Tokyo". So the same office, run with the spreadsheet
// in Los Angeles, UTC, Paris or Sydney before set-up, must decide, announce and pay exactly as
// in Tokyo. Expected values are written by hand from RULES.md.
import { resolve } from 'node:path';
import { REGISTRATION_TITLES as R, SIGNUP_TITLES as S } from '../../local/world';
import {
  documentsReceived,
  failedExecutions,
  type Office,
  office,
  sheetValues,
  staffAddsSession,
  staffAppends,
  staffSets,
  tokyo,
  uncounted,
} from './helpers';

const ZONES = ['Asia/Tokyo', 'America/Los_Angeles', 'UTC', 'Europe/Paris', 'Australia/Sydney'];
const MEET = 'https://meet.example.org/s1';

function member(o: Office, email: string, name: string, experience: boolean): void {
  o.rt.forms.submit(o.registration, {
    email,
    answers: {
      [R.name]: name,
      [R.experience]: experience ? 'あり / Yes' : 'なし / No',
      [R.foreignBackground]: 'いいえ / No',
      [R.emailLanguage]: '日本語',
      [R.consent]: ['同意します / I agree'],
    },
  });
}

function choices(o: Office): string[] {
  return uncounted(o, () => {
    const item = o.signup!.getItems().find((i) => i.getTitle() === S.session)!;
    return item.getChoices().map((c) => c.getValue());
  });
}

/** A sign-up through the choice the respondent saw when they opened the form. */
function signUp(o: Office, email: string, id: string, choice: string): string {
  return o.rt.forms
    .submit(o.signup!, {
      email,
      answers: { [S.memberId]: id, [S.session]: choice, [S.purpose]: '参加 / Participation' },
    })
    .getId();
}

/**
 * Staff type session S2024-01 (10 May 2024, 19:00–20:30, sign-up closes 9 May 17:00); four
 * members sign up at various moments. Everything must happen at those Tokyo times (R33–R35).
 */
function sessionScenario(o: Office, afterFirstMember = (): void => {}): void {
  member(o, 'a@example.org', 'Aoki Akira', true); // BN-00001
  afterFirstMember();
  member(o, 'e@example.org', 'Endo Emi', true); // BN-00002
  staffAddsSession(o, 'S2024-01', '2024-05-10', 10, '2024-05-09 17:00', MEET);
  o.rt.run('updateSessions');
  expect(choices(o)).toEqual([
    'S2024-01 2024/05/10 19:00–20:30 在留資格の相談 / Residency questions',
  ]);
  const seen = choices(o)[0];
  member(o, 'f@example.org', 'Fujita Fumi', true); // BN-00003
  member(o, 'g@example.org', 'Goto Gen', true); // BN-00004
  o.at('2024-05-01T10:00:00');
  signUp(o, 'a@example.org', 'BN-00001', seen);
  // R34: open until 17:00 Tokyo on 9 May, closed from then on.
  o.at('2024-05-08T23:59:00');
  signUp(o, 'e@example.org', 'BN-00002', seen);
  // R35: the reminder goes the day before (9 May in Tokyo), not earlier.
  const reminders = () =>
    o.rt.mail.outbox.filter(
      (m) => m.to.includes('a@example.org') && m.subject.includes('明日のオンライン相談会'),
    );
  expect(reminders()).toHaveLength(0);
  // The form page opened just before the closing time; one sent at once, one just after 17:00.
  o.at('2024-05-09T16:59:00');
  const late = choices(o)[0];
  signUp(o, 'f@example.org', 'BN-00003', late);
  o.at('2024-05-09T17:00:20');
  signUp(o, 'g@example.org', 'BN-00004', late);
  expect(o.rows('Sign-ups').map((r) => [r['Bansou Net ID'], r.Status, r['Reason codes']])).toEqual([
    ['BN-00001', 'ACCEPTED', ''],
    ['BN-00002', 'ACCEPTED', ''],
    ['BN-00003', 'ACCEPTED', ''],
    ['BN-00004', 'REJECTED', 'SESSION_CLOSED'],
  ]);
  const confirmation = o.rt.mail.outbox.find(
    (m) => m.to.includes('a@example.org') && m.body.includes(MEET),
  )!;
  expect(confirmation.body).toContain('2024年5月10日');
  expect(confirmation.body).toContain('19:00');
  expect(confirmation.body).toContain('20:30');
  o.at('2024-05-09T23:00:00');
  expect(reminders()).toHaveLength(1);
  expect(reminders()[0].body).toContain('19:00');
}

/** A course completion typed by staff, and two applications around it (R7, R19, R21). */
function courseScenario(o: Office): void {
  courseScenarioFrom(o, 'BN-00001', 'a@example.org');
}

function courseScenarioFrom(o: Office, id: string, email: string): void {
  o.register({ email, name: 'Aiko', experience: 'なし / No' });
  documentsReceived(o, id, '2024', '2024/07/01');
  for (const n of [1, 2, 3, 4, 5]) {
    staffAppends(o, 'Course', {
      'Bansou Net ID': id,
      Module: `Basic ${n}`,
      'Completed on': '2024/07/15',
    });
  }
  o.at('2024-07-14T20:00:00');
  const before = o.apply({ email, id, date: '2024-07-14', recipient: 'P1' });
  o.at('2024-07-31T23:30:00');
  const after = o.apply({ email, id, date: '2024-07-30', recipient: 'P2' });
  const apps = o.rows('Applications');
  const row = (id: string) => apps.find((a) => a['Response ID'] === id)!;
  expect(row(before)).toMatchObject({ Status: 'REJECTED', 'Reason codes': 'NOT_ELIGIBLE' });
  expect(row(after)).toMatchObject({ Status: 'ACCEPTED', 'Payment month': '2024-07' });
  // R21: submitted in July (Tokyo), settled by the monthly run of 1 August.
  o.at('2024-08-02T09:00:00');
  expect(o.rows('Ledger').map((l) => [l['Response ID'], l.Amount])).toEqual([[after, 4000]]);
}

describe.each(ZONES)('the spreadsheet in %s before set-up', (zone) => {
  test('set-up makes the zone Asia/Tokyo (no data yet) and says so', () => {
    const o = office({ spreadsheetTimeZone: zone });
    expect(uncounted(o, () => o.ss.getSpreadsheetTimeZone())).toBe('Asia/Tokyo');
    const shown = o.rt.sheets.ui.dialogs.map((d) => d.prompt).join('\n');
    expect(shown).toContain('Set-up complete.');
    expect(shown.includes(`time zone was ${zone}; set-up set it to Asia/Tokyo`)).toBe(
      zone !== 'Asia/Tokyo',
    );
    expect(shown).not.toContain('WARNING');
  });

  test('a session typed as 2024-05-10 19:00–20:30, closing 2024-05-09 17:00, is offered, closed and announced at those Tokyo times', () => {
    const o = office({
      withSignupForm: true,
      start: tokyo('2024-04-01T09:00:00'),
      spreadsheetTimeZone: zone,
    });
    sessionScenario(o);
    expect(failedExecutions(o)).toEqual([]);
  });

  test('a course completion typed as 2024/07/15 counts from 15 July in Tokyo (R7, R19); the payment month follows the Tokyo submission month (R21)', () => {
    const o = office({ start: tokyo('2024-07-01T09:00:00'), spreadsheetTimeZone: zone });
    courseScenario(o);
    expect(failedExecutions(o)).toEqual([]);
  });
});

/** Staff change the zone in File > Settings after set-up; data is then stored in that zone. */
function movedTo(o: Office, zone: string): void {
  uncounted(o, () => o.ss.setSpreadsheetTimeZone(zone));
}

describe.each(ZONES.slice(1))('the spreadsheet moved to %s once data exists', (zone) => {
  test('set-up keeps the zone and warns in its report; the health report warns too, and staff get one alert email however often it runs', () => {
    const o = office({ start: tokyo('2024-07-01T09:00:00') });
    movedTo(o, zone);
    o.register({ email: 'a@example.org', name: 'Aiko' });
    const report = String(o.rt.run('setup'));
    expect(uncounted(o, () => o.ss.getSpreadsheetTimeZone())).toBe(zone);
    expect(report).toContain(`WARNING: the spreadsheet's time zone is ${zone}, not Asia/Tokyo`);
    expect(report).toContain(
      "Set-up did not change it because the system's sheets already hold data (Members, Member history",
    );
    expect(report).toContain(`スプレッドシートのタイムゾーンが Asia/Tokyo ではなく ${zone} です`);
    const health = String(o.rt.run('healthReport'));
    expect(health).toContain(
      `Spreadsheet time zone / タイムゾーン: WARNING: the spreadsheet's time zone is ${zone}`,
    );
    o.rt.run('healthReport');
    o.rt.run('sendQueuedEmails');
    const alerts = o.rt.mail.outbox.filter(
      (m) =>
        m.to.includes(o.staffEmail) &&
        m.subject.includes("The spreadsheet's time zone is not Tokyo"),
    );
    expect(alerts).toHaveLength(1);
    o.explains.push(/time zone is not Tokyo/);
  });

  test('the dates and times staff type are read as Tokyo times: sessions (R33–R35)', () => {
    const o = office({ withSignupForm: true, start: tokyo('2024-04-01T09:00:00') });
    movedTo(o, zone);
    o.explains.push(/time zone is not Tokyo/);
    sessionScenario(o, () => {
      // A member is stored in the new zone; set-up, run again, keeps that zone.
      expect(String(o.rt.run('setup'))).toContain('WARNING');
    });
  });
});

test('the dates staff type are read as Tokyo days: a course completion (R7, R19) in a spreadsheet moved to Sydney', () => {
  const o = office({ start: tokyo('2024-07-01T09:00:00') });
  movedTo(o, 'Australia/Sydney');
  o.explains.push(/time zone is not Tokyo/);
  o.rt.run('setup'); // nothing stored yet: set-up moves it back to Tokyo…
  expect(uncounted(o, () => o.ss.getSpreadsheetTimeZone())).toBe('Asia/Tokyo');
  movedTo(o, 'Australia/Sydney'); // …and staff move it again
  o.register({ email: 'z@example.org', name: 'Zed' }); // data
  expect(String(o.rt.run('setup'))).toContain('WARNING');
  courseScenarioFrom(o, 'BN-00002', 'a@example.org');
});

test('why set-up never changes the zone once data exists: moved from Los Angeles to Tokyo, every stored time reads 16 hours earlier and the sweep takes processed responses for edits (re-decided, emailed again)', () => {
  const o = office({ start: tokyo('2024-07-01T09:00:00') });
  movedTo(o, 'America/Los_Angeles');
  const registration = o.register({ email: 'a@example.org', name: 'Aiko' });
  const application = o.apply({ email: 'a@example.org', date: '2024-06-30' });
  const stored = () => (o.rows('Members')[0]['Last response time'] as Date).getTime();
  expect(stored()).toBe(tokyo('2024-07-01T09:00:00'));
  movedTo(o, 'Asia/Tokyo'); // staff, by hand: File > Settings > Time zone
  expect(stored()).toBe(tokyo('2024-07-01T09:00:00') - 16 * 3600_000);
  o.at('2024-07-01T12:00:00'); // the hourly sweep
  const log = o.rows('Log').map((l) => `${l.Action} ${l['Response ID']}`);
  expect(log).toEqual(
    expect.arrayContaining([
      `REGISTRATION_EDITED ${registration}`,
      `APPLICATION_EDITED ${application}`,
    ]),
  );
});

/** Staff type a Settings value as a person does: a day becomes a date cell, in the zone. */
function staffTypesSetting(o: Office, key: string, value: string): void {
  const row = sheetValues(o, 'Settings').findIndex((r) => r[0] === key);
  expect(row).toBeGreaterThan(0);
  staffSets(o, 'Settings', row, 'Value', value);
}

test("set-up over an installation in Los Angeles whose staff typed the program's last day as a date: it keeps the zone, reads the day as typed (not '2024-07-31 16:00 is not a date'), and the environment check does too", () => {
  const o = office({ start: tokyo('2024-07-01T09:00:00') });
  movedTo(o, 'America/Los_Angeles');
  o.explains.push(/time zone is not Tokyo/);
  o.register({ email: 'a@example.org', name: 'Aiko' }); // BN-00001: data
  documentsReceived(o, 'BN-00001', '2024', '2024/07/01');
  staffTypesSetting(o, 'programEnd', '2024-07-31');
  // Each execution starts with fresh globals in Apps Script; the local runtime keeps the bundle
  // loaded, so it is loaded again: nothing an earlier execution set (the reader) carries over.
  const freshExecution = () => o.rt.load(resolve(__dirname, '..', '..', 'dist', 'Code.js'));
  freshExecution();
  const report = String(o.rt.run('setup'));
  expect(report).not.toContain('is not a date');
  expect(report).toContain('Set-up complete.');
  expect(report).toContain(
    "WARNING: the spreadsheet's time zone is America/Los_Angeles, not Asia/Tokyo",
  );
  freshExecution();
  const check = String(o.rt.run('checkEnvironment'));
  expect(check).not.toContain('is not a date');
  // R8: the last day typed is the last day covered, in Tokyo.
  o.at('2024-07-31T10:00:00');
  const last = o.apply({ email: 'a@example.org', date: '2024-07-31', recipient: 'P1' });
  const after = o.apply({ email: 'a@example.org', date: '2024-08-01', recipient: 'P2' });
  const apps = o.rows('Applications');
  const status = (id: string) => apps.find((a) => a['Response ID'] === id)!.Status;
  expect([status(last), status(after)]).toEqual(['ACCEPTED', 'REJECTED']);
});

describe('the environment check looks at the zone', () => {
  test('in Tokyo: the zone and a typed 2024/05/10 19:00 are as expected', () => {
    const o = office();
    const report = String(o.rt.run('checkEnvironment'));
    expect(report).toContain(
      "✓ expected / 想定どおり — Sheets: the spreadsheet's time zone is Asia/Tokyo",
    );
    expect(report).toContain(
      '✓ expected / 想定どおり — Sheets: "2024/05/10" and "19:00" typed by staff read as 10 May, 19:00 Tokyo time',
    );
  });

  test('moved to Sydney once data exists: the zone is reported different, the typed date and time still read as 10 May 19:00 in Tokyo', () => {
    const o = office();
    movedTo(o, 'Australia/Sydney');
    o.register({ email: 'a@example.org', name: 'Aiko' });
    const report = String(o.rt.run('checkEnvironment'));
    expect(report).toMatch(
      /DIFFERENT[^\n]*Sheets: the spreadsheet's time zone is Asia\/Tokyo[^\n]*Australia\/Sydney: run Set up \/ check/,
    );
    expect(report).toContain(
      '✓ expected / 想定どおり — Sheets: "2024/05/10" and "19:00" typed by staff read as 10 May, 19:00 Tokyo time',
    );
  });
});
