// Fault injection on event delivery (RULES R26): the small scenario played with each fault ends
// in the same sheets as the fault-free run. The full-size run is `npm run test:faults`.
import { repeatedMail } from '../../local/faults/handled';
import { faultRun, mustBeZero, referenceRun, SAME_MAIL, scenario, ZERO } from './helpers';

describe('fault injection: event delivery', () => {
  test('the fault-free run of the scenario keeps every invariant and pays something', () => {
    const run = referenceRun();
    expect(mustBeZero(run)).toEqual(ZERO);
    expect(run.stats.submissions).toBeGreaterThan(100);
    expect(run.stats.missingIds).toBe(0);
    expect(run.snapshot.get('Ledger')!.length).toBeGreaterThan(10);
    expect([...run.snapshot.keys()]).toEqual(
      expect.arrayContaining([
        'Members',
        'Applications',
        'Ledger',
        'Documents',
        'Course',
        'Payments 2024-04',
      ]),
    );
    expect(scenario.events.some((e) => e.kind === 'documents')).toBe(true);
    // The online sessions take part (RULES §8): sign-ups decided and told, places counted.
    const signups = run.snapshot.get('Sign-ups')!;
    const col = (name: string) => signups[0].findIndex((h) => h.includes(`${name} /`));
    const statuses = signups.slice(1).map((row) => row[col('Status')]);
    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses).toEqual(expect.arrayContaining(['string:ACCEPTED', 'string:REJECTED']));
    for (const row of signups.slice(1)) expect(row[col('Status emailed')]).toBe(row[col('Status')]);
  });

  test('the fault-free run handles no failure: no *_FAILED log line, no staff alert, no console error or warning', () => {
    expect(referenceRun().handled).toEqual([]);
  });

  test('the fault-free run sends every message once: an auto-reply or decision mail never goes out twice', () => {
    const run = referenceRun();
    expect(repeatedMail(run.mail)).toEqual([]);
    // One auto-reply per registration (R29: at most one a day per address; the scenario's
    // repeat registrations come on other days), one decision mail per application at least.
    const registrations = scenario.events.filter((e) => e.kind === 'register').length;
    const applications = scenario.events.filter((e) => e.kind === 'apply').length;
    const autoReplies = run.mail.filter((m) =>
      /^subject: .*(伴走ネットID|your ID): BN-</.test(m.split('\n')[1]),
    );
    expect(autoReplies).toHaveLength(registrations);
    expect(run.mail.length).toBeGreaterThanOrEqual(registrations + applications);
  });

  test('every event delivered twice (form-submit trigger fires twice, reported) gives the same final sheets', () => {
    const { run, diffs, failures, mail } = faultRun('twice');
    expect(run.stats.duplicates).toBe(run.stats.submissions);
    expect(diffs).toEqual([]);
    expect(failures).toEqual([]);
    expect(mail).toEqual(SAME_MAIL);
    expect(mustBeZero(run)).toEqual(ZERO);
  });

  test('10% of events dropped (trigger did not fire) are finished by the sweep: same sheets, IDs compared by email', () => {
    const { run, diffs, failures, mail } = faultRun('drop');
    expect(run.stats.drops).toBeGreaterThan(5);
    expect(diffs).toEqual([]);
    expect(failures).toEqual([]);
    expect(mail).toEqual(SAME_MAIL);
    expect(mustBeZero(run)).toEqual(ZERO);
  });

  test('the response-sheet row written after the trigger ran (reported) changes nothing: e.response is the source', () => {
    const { run, diffs, failures, mail } = faultRun('lateRow');
    expect(run.stats.lateRows).toBe(run.stats.submissions);
    expect(diffs).toEqual([]);
    expect(failures).toEqual([]);
    expect(mail).toEqual(SAME_MAIL);
    expect(mustBeZero(run)).toEqual(ZERO);
  });

  test("the script lock held by another execution ('Lock timeout', tryLock false) leaves work to the sweep, which finishes it", () => {
    const { run, diffs, failures, mail } = faultRun('lockBusy');
    expect(run.stats.lockStretches).toBeGreaterThan(3);
    expect(diffs).toEqual([]);
    expect(failures).toEqual([]);
    expect(mail).toEqual(SAME_MAIL);
    expect(mustBeZero(run)).toEqual(ZERO);
  });
});
