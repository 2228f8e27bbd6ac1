// Fault injection on the services (RULES R22, R26, R29, R18): mail quota, a failing Spreadsheet
// call, the monthly run started twice, edits after payment — each compared with the fault-free run.
import { faultRun, mustBeZero, ZERO } from './helpers';

describe('fault injection: services', () => {
  test("the mail quota exhausted mid-run ('Service invoked too many times for one day: email.') queues mail, sent later; sheets equal", () => {
    const { run, diffs } = faultRun('mailQuota');
    expect(run.stats.quotaExhaustions).toBe(2);
    expect(run.stillQueued).toBe(0);
    expect(diffs).toEqual([]);
    expect(mustBeZero(run)).toEqual(ZERO);
  });

  test("a sheet write throwing 'Service Spreadsheets failed while accessing document with id …' mid-flow is completed by a later run", () => {
    const { run, diffs } = faultRun('sheetThrows');
    expect(run.stats.injectedFailures).toBeGreaterThan(0);
    expect(diffs).toEqual([]);
    expect(mustBeZero(run)).toEqual(ZERO);
  });

  test('the monthly run started again while the first holds the lock, and again after, pays nothing twice (R22)', () => {
    const { run, diffs } = faultRun('monthlyTwice');
    expect(run.stats.nestedMonthlyRuns).toBeGreaterThan(1);
    expect(run.invariants.doublePaidLines).toBe(0);
    expect(diffs).toEqual([]);
    expect(mustBeZero(run)).toEqual(ZERO);
  });

  test('applications edited after payment keep their payment and are flagged EDITED_AFTER_PAYMENT; nothing else changes (R18)', () => {
    const { run, diffs } = faultRun('edited');
    expect(run.edited).toBeGreaterThan(0);
    expect(run.flagged).toBe(run.edited);
    expect(diffs).toEqual([]);
    expect(mustBeZero(run)).toEqual(ZERO);
  });
});
