// The hourly sweep remembers what it confirmed (issue #15): per form, the response IDs of the
// next window that it found handled or handled itself, with their response times, in Script
// Properties written in the same `setProperties` as its marks, after the rows are flushed. The
// sweep an hour later looks up only the responses it has not confirmed at the same version;
// when none is left it opens no table and makes no TextFinder search.
import { EXECUTION_TIME_EXCEEDED } from '../../local/runtime/context';
import { LocalSheet, LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { SIGNUP_TITLES as S } from '../../local/world';
import { needsBuiltBundle } from '../built-bundle';
import { type Office, office, staffAddsSession, staffSets, sweep, tokyo } from './helpers';

needsBuiltBundle();

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** The TextFinder patterns the script asks for (spreadsheet-wide and per sheet), in order. */
const patterns: string[] = [];
const spreadsheetFinder = LocalSpreadsheet.prototype.createTextFinder;
const sheetFinder = LocalSheet.prototype.createTextFinder;
beforeEach(() => {
  patterns.length = 0;
  LocalSpreadsheet.prototype.createTextFinder = function (this: LocalSpreadsheet, text: string) {
    patterns.push(text);
    return spreadsheetFinder.call(this, text);
  };
  LocalSheet.prototype.createTextFinder = function (this: LocalSheet, text: string) {
    patterns.push(text);
    return sheetFinder.call(this, text);
  };
});
afterEach(() => {
  LocalSpreadsheet.prototype.createTextFinder = spreadsheetFinder;
  LocalSheet.prototype.createTextFinder = sheetFinder;
});

interface Busy {
  o: Office;
  /** The four applications their triggers handled, oldest first. */
  ids: string[];
}

/**
 * Two members; then, from 09:00, four applications five minutes apart handled by their
 * triggers: three for Person 1 (R13 allows three per person supported) and one for Person 2.
 * The clock moves without firing the hourly trigger: each test runs the sweeps itself.
 */
function busyMorning(): Busy {
  const o = office();
  o.register({ email: 'a@example.org', name: 'Aiko' });
  o.register({ email: 'b@example.org', name: 'Ben' });
  // The hourly sweeps of the weeks before have run (and confirmed the two registrations).
  o.at('2023-07-21T09:00:00');
  const ids: string[] = [];
  const apply = (recipient: string, date: string) => {
    o.rt.ctx.clock.advance(5 * MINUTE);
    ids.push(o.apply({ email: 'a@example.org', id: 'BN-00001', name: 'Aiko', recipient, date }));
  };
  apply('Person 1', '2023-07-10');
  apply('Person 1', '2023-07-12');
  apply('Person 1', '2023-07-14');
  apply('Person 2', '2023-07-18');
  // Staff ran Set up / check: the cached Settings and Templates are fresh for the next 6 hours
  // (CONFIG_TTL_MS), so no sweep below reads those two sheets.
  o.rt.run('setup');
  return { o, ids };
}

/** One sweep, as its trigger runs it, with what it cost. */
/** Ben applies for a third person; the form-submit event is dropped (the sweep must find it). */
function lateDroppedApplication(o: Office): string {
  return o.apply(
    {
      email: 'b@example.org',
      id: 'BN-00002',
      name: 'Ben',
      recipient: 'Person 3',
      date: '2023-07-19',
    },
    { drop: true },
  );
}

function measuredSweep(o: Office, killed = false) {
  patterns.length = 0;
  o.rt.resetCounts();
  if (killed) expect(() => sweep(o)).toThrow(EXECUTION_TIME_EXCEEDED);
  else sweep(o);
  const c = o.rt.resetCounts();
  return {
    spreadsheetCalls: c.calls.Spreadsheet,
    searches: c.byMethod['Spreadsheet.findAll'] ?? 0,
    valueReads: c.byMethod['Spreadsheet.getSheetValues'] ?? 0,
    sheetsOpened: c.byMethod['Spreadsheet.getSheetByName'] ?? 0,
    cellsRead: c.cellsRead,
    propertyWrites: c.byMethod['Properties.setProperties'] ?? 0,
    patterns: [...patterns],
  };
}

/** Which of these response IDs the sweep's search patterns name. */
function searchedFor(patternsSeen: string[], ids: string[]): string[] {
  return ids.filter((id) => patternsSeen.some((p) => p.includes(id)));
}

const applications = (o: Office) =>
  o.rows('Applications').map((r) => ({
    id: String(r['Response ID']),
    status: String(r.Status),
    reasons: String(r['Reason codes']),
    recipient: String(r['Recipient key']),
  }));
const decided = (o: Office, id: string) =>
  o.rows('Log').filter((l) => l.Action === 'DECIDED' && l['Response ID'] === id).length;
const mailsTo = (o: Office, address: string) =>
  o.rt.mail.outbox.filter((m) => m.to.includes(address)).length;

describe('the hourly sweep remembers what it confirmed (issue #15)', () => {
  test('the sweep an hour after one that confirmed its window, with nothing new, makes no TextFinder search and no table read: 2 Spreadsheet calls (the spreadsheet, the flush before the lock is released), no cell read, no Properties write', () => {
    const { o, ids } = busyMorning();
    o.rt.ctx.clock.advance(10 * MINUTE);
    const first = measuredSweep(o);
    // The first sweep looks its window up: the four applications, in one search.
    expect(first.searches).toBe(1);
    expect(searchedFor(first.patterns, ids)).toEqual(ids);
    expect(first.propertyWrites).toBe(1);
    o.rt.ctx.clock.advance(HOUR);
    const second = measuredSweep(o);
    expect(second.searches).toBe(0);
    expect(second.patterns).toEqual([]);
    expect(second.valueReads).toBe(0);
    expect(second.sheetsOpened).toBe(0);
    expect(second.cellsRead).toBe(0);
    expect(second.spreadsheetCalls).toBe(2);
    // Its marks and memory did not change: nothing to write.
    expect(second.propertyWrites).toBe(0);
    // And the sweep after that, the same.
    o.rt.ctx.clock.advance(HOUR);
    expect(measuredSweep(o).searches).toBe(0);
    expect(applications(o)).toHaveLength(4);
  });

  test('a response arriving between the two sweeps whose trigger was dropped is processed by the second sweep, decided, mailed and logged once, and only it is searched for', () => {
    const { o, ids } = busyMorning();
    o.rt.ctx.clock.advance(10 * MINUTE);
    measuredSweep(o);
    o.rt.ctx.clock.advance(20 * MINUTE);
    const mailsBefore = mailsTo(o, 'b@example.org');
    const late = lateDroppedApplication(o);
    expect(applications(o)).toHaveLength(4);
    o.rt.ctx.clock.advance(40 * MINUTE);
    const second = measuredSweep(o);
    // Looked up: the late response alone (the decision then searches as a submission does).
    expect(searchedFor(second.patterns, [...ids, late])).toEqual([late]);
    const row = applications(o).find((a) => a.id === late);
    expect(row?.status).toBe('ACCEPTED');
    expect(decided(o, late)).toBe(1);
    expect(mailsTo(o, 'b@example.org')).toBe(mailsBefore + 1);
    // An hour later it is confirmed too: nothing to look up.
    o.rt.ctx.clock.advance(HOUR);
    const third = measuredSweep(o);
    expect(third.searches).toBe(0);
    expect(applications(o)).toHaveLength(5);
    expect(decided(o, late)).toBe(1);
  });

  test('an application edited after the sweep confirmed it (a new response time), its trigger dropped, is searched for again and re-decided: moved to Person 1, it is the fourth for that person (R13)', () => {
    const { o, ids } = busyMorning();
    o.rt.ctx.clock.advance(10 * MINUTE);
    measuredSweep(o);
    expect(applications(o).find((a) => a.id === ids[3])?.status).toBe('ACCEPTED');
    o.rt.ctx.clock.advance(20 * MINUTE);
    o.rt.forms.editResponse(
      ids[3],
      {
        answers: {
          '伴走ネットID / Bansou Net ID': 'BN-00001',
          '氏名 / Name': 'Aiko',
          '支援日 / Date of support': '2023-07-18',
          '開始時刻 / Start time': '10:00',
          '終了時刻 / End time': '11:30',
          '相談者の氏名 / Name of the person supported': 'Person 1',
        },
      },
      { drop: true },
    );
    o.rt.ctx.clock.advance(40 * MINUTE);
    const second = measuredSweep(o);
    expect(searchedFor(second.patterns, ids)).toEqual([ids[3]]);
    const edited = applications(o).find((a) => a.id === ids[3]);
    expect(edited?.status).toBe('REJECTED');
    expect(edited?.reasons).toContain('RECIPIENT_LIMIT');
    expect(edited?.recipient).toBe('1 person');
    // The new version is remembered: the sweep after looks nothing up.
    o.rt.ctx.clock.advance(HOUR);
    expect(measuredSweep(o).searches).toBe(0);
  });

  test('a sweep killed as it writes its marks and memory (after its rows) leaves the old memory: the next sweep searches its window again and finds every response handled, none twice', () => {
    const { o, ids } = busyMorning();
    o.rt.ctx.clock.advance(10 * MINUTE);
    o.explains.push(new RegExp(EXECUTION_TIME_EXCEEDED));
    killSweepAt(o, (service, method) => service === 'Properties' && method === 'setProperties');
    const killed = measuredSweep(o, true);
    expect(killed.searches).toBe(1);
    o.rt.ctx.faults.length = 0;
    o.rt.ctx.clock.advance(HOUR);
    const next = measuredSweep(o);
    expect(next.searches).toBe(1);
    expect(searchedFor(next.patterns, ids)).toEqual(ids);
    expect(applications(o).map((a) => a.id)).toEqual(ids);
    // Now remembered.
    o.rt.ctx.clock.advance(HOUR);
    expect(measuredSweep(o).searches).toBe(0);
  });

  test('a sweep killed while it writes the rows of a response whose trigger was dropped loses nothing: the next sweep looks it up again and decides, mails and logs it once', () => {
    const { o } = busyMorning();
    o.rt.ctx.clock.advance(10 * MINUTE);
    measuredSweep(o);
    o.rt.ctx.clock.advance(20 * MINUTE);
    const late = lateDroppedApplication(o);
    const mailsBefore = mailsTo(o, 'b@example.org');
    o.rt.ctx.clock.advance(40 * MINUTE);
    o.explains.push(new RegExp(EXECUTION_TIME_EXCEEDED));
    // Killed at its first write to the spreadsheet: the Applications row of the late response.
    killSweepAt(o, (service, method) => service === 'Spreadsheet' && WRITES.has(method));
    measuredSweep(o, true);
    expect(applications(o).find((a) => a.id === late)).toBeUndefined();
    o.rt.ctx.faults.length = 0;
    o.rt.ctx.clock.advance(HOUR);
    const next = measuredSweep(o);
    expect(searchedFor(next.patterns, [late])).toEqual([late]);
    expect(applications(o).filter((a) => a.id === late)).toEqual([
      { id: late, status: 'ACCEPTED', reasons: expect.any(String), recipient: '3 person' },
    ]);
    expect(decided(o, late)).toBe(1);
    expect(mailsTo(o, 'b@example.org')).toBe(mailsBefore + 1);
  });

  test('a confirmed application whose row staff deleted is not restored by the hourly sweep (it remembers the response as handled), but by Process missed responses', () => {
    const { o, ids } = busyMorning();
    o.rt.ctx.clock.advance(10 * MINUTE);
    measuredSweep(o);
    o.rt.uncounted(() => o.ss.getSheetByName('Applications')?.deleteRow(5));
    expect(applications(o).map((a) => a.id)).toEqual(ids.slice(0, 3));
    o.rt.ctx.clock.advance(HOUR);
    sweep(o);
    expect(applications(o).map((a) => a.id)).toEqual(ids.slice(0, 3));
    const mails = mailsTo(o, 'a@example.org');
    o.rt.run('processMissedResponses');
    expect(applications(o).map((a) => a.id)).toEqual(ids);
    // Processed again as new: its decision email goes out again.
    expect(mailsTo(o, 'a@example.org')).toBe(mails + 1);
  });

  test('Process missed responses (the full pass) reads the tables whole without the memory and refreshes it: the hourly sweep an hour later, nothing new, looks nothing up', () => {
    const { o } = busyMorning();
    o.rt.ctx.clock.advance(10 * MINUTE);
    o.rt.run('processMissedResponses');
    o.rt.ctx.clock.advance(HOUR);
    const next = measuredSweep(o);
    expect(next.searches).toBe(0);
    expect(next.cellsRead).toBe(0);
  });
});

describe('a sign-up the sweep could not decide is not remembered', () => {
  test('a sign-up for a Sessions row staff must fix first waits without a row; the sweep that handled it does not remember it, so the sweep after the fix decides it', () => {
    const o = office({ withSignupForm: true, start: tokyo('2024-04-01T09:00:00') });
    o.register({ email: 'a@example.org', name: 'Aoki Akira' }); // BN-00001
    staffAddsSession(o, 'S2024-01', '2024-05-10', 10);
    o.rt.run('updateSessions');
    // The choice as the respondent sees it.
    const choice = o.rt.uncounted(() => {
      const item = o.signup?.getItems().find((i) => i.getTitle() === S.session);
      return item?.asListItem().getChoices()[0].getValue() ?? '';
    });
    expect(choice).toMatch(/^S2024-01 /);
    // Staff type a capacity that cannot be read: the row is bad, its sign-ups wait (R32). A
    // sign-up comes in before the sweep takes the session off the form; its trigger is dropped.
    staffSets(o, 'Sessions', 1, 'Capacity', 'ten');
    o.explains.push(/Sessions|S2024-01/);
    const id = o.rt.forms
      .submit(
        o.signup!,
        {
          email: 'a@example.org',
          answers: {
            [S.memberId]: 'BN-00001',
            [S.session]: choice,
            [S.purpose]: '参加 / Participation',
          },
        },
        { drop: true },
      )
      .getId();
    o.rt.ctx.clock.advance(10 * MINUTE);
    sweep(o);
    const waits = o.rows('Log').filter((l) => l.Action === 'SIGNUP_WAITS_FOR_SESSION_ROW');
    expect(waits.map((l) => l['Response ID'])).toEqual([id]);
    expect(o.rows('Sign-ups')).toEqual([]);
    // Staff fix the row; the next hourly sweep decides the sign-up.
    staffSets(o, 'Sessions', 1, 'Capacity', '10');
    o.rt.ctx.clock.advance(HOUR);
    sweep(o);
    const rows = o.rows('Sign-ups');
    expect(rows.map((r) => [r['Response ID'], r.Status])).toEqual([[id, 'ACCEPTED']]);
  });
});

/** Spreadsheet methods that write. */
const WRITES = new Set(['setValues', 'setValue', 'appendRow', 'insertRowsAfter', 'insertRows']);

/** Kills the next sweep execution at the first call `at` picks (as the 6-minute limit would). */
function killSweepAt(o: Office, at: (service: string, method: string) => boolean): void {
  o.rt.ctx.faults.push((service, method) => {
    const execution = o.rt.ctx.execution;
    if (execution?.functionName !== 'sweep' || !at(service, method)) return;
    execution.killed = true;
    throw new Error(EXECUTION_TIME_EXCEEDED);
  });
}
