// The bench's call-count targets as tests (README "Benchmark"). Spreadsheet round trips are
// counted exactly by the local runtime, so they are deterministic: each target is checked here on
// small tables (the bench runs the same scenarios at 5,000–50,000 rows and adds the modelled
// time, which stays in the bench). The counts must not grow with the table, so two sizes each.
//
// Three targets are not met (README: registration ≤ 8, application ≤ 12, monthly run ≤ 30). For those the test
// holds today's exact count as a ceiling, so any growth fails, and its name says which target it
// is still above. Lower the ceiling (down to the target) when a change brings the count down.
// A table is read in two calls (getSheetByName, getSheetValues(1, 1, -1, -1)), once per
// execution: a table read a second time fails these ceilings (a memoisation bypassed for the
// Ledger made the monthly run 70 against a ceiling of 66). Later writes offset from a table's first range (no round
// trip): test/adapters/tables/table.test.ts counts that.
import { defaultModel } from '../../local/bench/latency';
import {
  applicationScenario,
  monthlyScenario,
  redecideScenario,
  registrationScenario,
  type ScenarioResult,
  statisticsScenario,
} from '../../local/bench/scenarios';
import { sessionsJobScenario, signupScenario } from '../../local/bench/signups';
import { needsBuiltBundle } from '../built-bundle';

const model = defaultModel();

needsBuiltBundle();

/** Spreadsheet calls of the product's one execution, after checking it did its work. */
function calls(r: ScenarioResult): number {
  expect(r.product.error).toBeUndefined();
  expect(r.outcome.same).toBe(true);
  return r.product.calls.Spreadsheet;
}

describe('Spreadsheet call budgets (the bench targets, counted exactly)', () => {
  test("a registration makes at most 13 Spreadsheet calls, the same with 20 and 300 members (target ≤ 8: still above it, 13 today: two sheets' headers, one TextFinder search for the response, the address and IDs above the highest, the writes; 10 when it read Members and Member history whole)", () => {
    const small = calls(registrationScenario(20, model));
    const larger = calls(registrationScenario(300, model));
    expect(small).toBeLessThanOrEqual(13);
    expect(larger).toBe(small);
  });

  test("an application makes at most 22 Spreadsheet calls, the same with 20 and 400 earlier applications (target ≤ 12: still above it, 22 today: five sheets' headers, one TextFinder search, the rows of the two members named; 15 when it read five tables whole)", () => {
    const small = calls(applicationScenario(20, 100, model));
    const larger = calls(applicationScenario(400, 100, model));
    expect(small).toBeLessThanOrEqual(22);
    expect(larger).toBe(small);
  });

  test('the monthly run makes at most 67 Spreadsheet calls at 400 applications, every part of its job included: staff changes decided, the month settled, the Payments sheet, the statistics refresh and the payment notices (target ≤ 30: still above it, 67 today, 80 before; the holds are appended through their table, header-matched: +1)', () => {
    expect(calls(monthlyScenario(400, 100, model))).toBeLessThanOrEqual(67);
  });

  test('redecideAll makes at most 16 Spreadsheet calls at 400 applications (target ≤ 30: met, 16 today)', () => {
    expect(calls(redecideScenario(400, 100, model))).toBeLessThanOrEqual(16);
  });

  test('updating the statistics makes at most 24 Spreadsheet calls at 400 applications (target ≤ 30: met, 24 today)', () => {
    expect(calls(statisticsScenario(400, 100, model))).toBeLessThanOrEqual(24);
  });
});

// Issue #15 item 2: "lock ≤ 2 s". A submission's rows and Log lines are written under the script
// lock; its email goes out after the lock is released (src/adapters/mail-after-lock.ts sendAfterLock), so the
// next submission does not wait for mail. Modelled with the bench's latency model.
describe('the script lock per submission (issue #15: ≤ 2 s modelled)', () => {
  test('a registration and an application each hold the script lock at most 2 s, however long the tables; their emails are sent after it is released', () => {
    for (const r of [
      registrationScenario(20, model),
      registrationScenario(300, model),
      applicationScenario(20, 100, model),
      applicationScenario(400, 100, model),
    ]) {
      expect(r.product.error).toBeUndefined();
      expect(r.product.lockHeldMs).toBeGreaterThan(0);
      expect(r.product.lockHeldMs).toBeLessThanOrEqual(2000);
      // Mail (250 ms a call in the model) is not in it: the whole execution is longer.
      expect(r.product.modelledMs - r.product.lockHeldMs).toBeGreaterThanOrEqual(250);
    }
  });
});

// Issue #15 item 2: a submission reads what its decision needs, not the history. The cells a
// registration or an application reads are those of the sheets' header rows and of the rows its
// lookups find (its members, the earlier applications for the same person supported): the same
// number however long the tables are. Reading a table whole again makes the count grow with it.
describe('cells read per submission (issue #15: lookups by key, not whole tables)', () => {
  function cells(r: ScenarioResult): number {
    expect(r.product.error).toBeUndefined();
    expect(r.outcome.same).toBe(true);
    return r.product.cellsRead;
  }

  test('a registration reads the same cells with 20 and 300 members, under 100 (two header rows)', () => {
    const small = cells(registrationScenario(20, model));
    const larger = cells(registrationScenario(300, model));
    expect(larger).toBe(small);
    expect(small).toBeLessThan(100);
  });

  test('an application reads the same cells with 20 and 400 earlier applications and 100 or 300 members, under 1,000', () => {
    const small = cells(applicationScenario(20, 100, model));
    const larger = cells(applicationScenario(400, 300, model));
    expect(larger).toBe(small);
    expect(small).toBeLessThan(1000);
  });
});

// Issue #15 item 2 for the sign-up form (RULES §8): a sign-up reads the Members and Member
// history rows of the member it names (and of any sign-up it emails), and of the Sign-ups sheet
// its own row and the sign-ups of the session it names and of the sessions not over, all found by
// key in one TextFinder search, not the whole tables. The Sessions sheet and the open sessions'
// sign-ups are the same at both sizes (12 sessions over, 2 open with 15 sign-ups); the members and
// the sign-ups of the sessions over grow: reading Members whole again (20 cells a member), Member
// history (9) or Sign-ups (19 a sign-up) makes the count grow by thousands.
describe('cells read per sign-up (issue #15: the rows it needs, not the Members or Sign-ups table)', () => {
  test('a sign-up reads the same cells with 100 members and 100 earlier sign-ups as with 1,000 and 1,000, under 1,000 cells (the Sign-ups table alone is 19,000 at 1,000 sign-ups, Members 20,000), in the same Spreadsheet calls, at most 21', () => {
    const small = signupScenario({ members: 100, signups: 100 }, model);
    const larger = signupScenario({ members: 1000, signups: 1000 }, model);
    for (const r of [small, larger]) {
      expect(r.product.error).toBeUndefined();
      // The member is accepted and told, greeted by the name on their Members row.
      expect(r.outcome).toMatch(/^ACCEPTED Member \d+; mail member\d+@example\.org: .*S2024-07/);
      expect(r.earlierSignups).toBe(r.members);
    }
    expect(larger.product.cellsRead).toBe(small.product.cellsRead);
    expect(small.product.cellsRead).toBeLessThan(1000);
    expect(larger.product.calls.Spreadsheet).toBe(small.product.calls.Spreadsheet);
    // 20 when Sign-ups was read whole (its sheet, one read); by key, its header and the rows found
    // (one block: the open sessions' sign-ups are the last in the sheet), in the members' search:
    // +1. 15 when Members and Member history were read whole too.
    expect(small.product.calls.Spreadsheet).toBeLessThanOrEqual(21);
    expect(larger.product.lockHeldMs).toBe(small.product.lockHeldMs);
    expect(small.product.lockHeldMs).toBeLessThanOrEqual(2000);
  });

  test('the hourly sweep that finishes a sign-up whose trigger did not fire reads the same cells with 100 and 1,000 earlier sign-ups, under 1,000, in the same Spreadsheet calls, at most 28 (as many as when it read Sign-ups whole)', () => {
    const small = signupScenario({ members: 100, signups: 100 }, model, undefined, 'sweep');
    const larger = signupScenario({ members: 1000, signups: 1000 }, model, undefined, 'sweep');
    for (const r of [small, larger]) {
      expect(r.product.error).toBeUndefined();
      expect(r.outcome).toMatch(/^ACCEPTED Member \d+; mail member\d+@example\.org: .*S2024-07/);
    }
    expect(larger.product.cellsRead).toBe(small.product.cellsRead);
    expect(small.product.cellsRead).toBeLessThan(1000);
    expect(larger.product.calls.Spreadsheet).toBe(small.product.calls.Spreadsheet);
    expect(small.product.calls.Spreadsheet).toBeLessThanOrEqual(28);
  });
});

// Issue #15 for the sessions jobs (RULES §8): the daily job and "Update sessions now" read the
// sign-ups of the sessions that can still change (not over, unreadable, or touched by a staff edit)
// found by one TextFinder search, and the Members rows and sign-ups of their members, not the
// Sign-ups and Members tables (19 and 20 cells a row: thousands more at 1,000 of each).
describe('cells read by the sessions jobs (issue #15: what can still change, not the Sign-ups or Members table)', () => {
  test.each([
    [
      'the daily job, the day before the next open session (10 reminders, the participant list)',
      'daily',
    ],
    ['"Update sessions now" after staff cancel a participant of an open session', 'menu'],
  ] as const)(
    '%s reads the same cells with 100 members and 100 earlier sign-ups as with 1,000 and 1,000, under 2,000 (Sign-ups alone is 19,000 at 1,000, Members 20,000), in the same Spreadsheet calls',
    (_name, job) => {
      const small = sessionsJobScenario({ members: 100, signups: 100 }, model, undefined, job);
      const larger = sessionsJobScenario({ members: 1000, signups: 1000 }, model, undefined, job);
      for (const r of [small, larger]) expect(r.product.error).toBeUndefined();
      // The same emails at both sizes.
      const mail = (r: typeof small) => r.outcome.split('; mail ')[1];
      expect(mail(larger)).toBe(mail(small));
      expect(small.outcome).toMatch(
        job === 'daily'
          ? /mail member1@example\.org: 【伴走ネット】明日のオンライン相談会のご案内（S2024-07）.* \| office@bansou\.example\.org: 【伴走ネット】参加者一覧: S2024-07/
          : /S2024-07 CANCELLED ×1, S2024-07 ACCEPTED ×9.*mail member1@example\.org: 【伴走ネット】オンライン相談会の参加を取り消しました（S2024-07）$/,
      );
      expect(larger.product.cellsRead).toBe(small.product.cellsRead);
      expect(small.product.cellsRead).toBeLessThan(2000);
      expect(larger.product.calls.Spreadsheet).toBe(small.product.calls.Spreadsheet);
    },
  );
});
