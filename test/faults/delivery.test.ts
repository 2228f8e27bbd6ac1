// Fault injection on event delivery (RULES R26): the small scenario played with each fault ends
// in the same sheets as the fault-free run. The full-size run is `npm run test:faults`.
import { faultRun, mustBeZero, referenceRun, scenario, ZERO } from './helpers';

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

  test('every event delivered twice (form-submit trigger fires twice, reported) gives the same final sheets', () => {
    const { run, diffs } = faultRun('twice');
    expect(run.stats.duplicates).toBe(run.stats.submissions);
    expect(diffs).toEqual([]);
    expect(mustBeZero(run)).toEqual(ZERO);
  });

  test('10% of events dropped (trigger did not fire) are finished by the sweep: same sheets, IDs compared by email', () => {
    const { run, diffs } = faultRun('drop');
    expect(run.stats.drops).toBeGreaterThan(5);
    expect(diffs).toEqual([]);
    expect(mustBeZero(run)).toEqual(ZERO);
  });

  test('the response-sheet row written after the trigger ran (reported) changes nothing: e.response is the source', () => {
    const { run, diffs } = faultRun('lateRow');
    expect(run.stats.lateRows).toBe(run.stats.submissions);
    expect(diffs).toEqual([]);
    expect(mustBeZero(run)).toEqual(ZERO);
  });

  test("the script lock held by another execution ('Lock timeout', tryLock false) leaves work to the sweep, which finishes it", () => {
    const { run, diffs } = faultRun('lockBusy');
    expect(run.stats.lockStretches).toBeGreaterThan(3);
    expect(diffs).toEqual([]);
    expect(mustBeZero(run)).toEqual(ZERO);
  });
});
