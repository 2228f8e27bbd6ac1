// Fault injection on the services (RULES R22, R26, R29, R18): mail quota, a failing Spreadsheet
// call, the monthly run started twice, edits after payment, staff rearranging the sheets — each
// compared with the fault-free run.
import { EXPLAINED } from '../../local/faults/suite';
import { faultRun, mustBeZero, referenceRun, SAME_MAIL, ZERO } from './helpers';

describe('fault injection: services', () => {
  test("the mail quota exhausted mid-run ('Service invoked too many times for one day: email.') queues mail, sent later; sheets equal", () => {
    const { run, diffs, failures, mail } = faultRun('mailQuota');
    expect(run.stats.quotaExhaustions).toBe(2);
    expect(run.stillQueued).toBe(0);
    expect(diffs).toEqual([]);
    // The queued mail arrives later, once; the only new mail is the staff alert, one per
    // alert line (one a Tokyo day while the queue waits).
    expect(failures).toEqual([]);
    expect(mail).toEqual(SAME_MAIL);
    const alerts = run.handled.filter((h) => h.startsWith('Log STAFF_ALERT: '));
    expect(alerts.length).toBeGreaterThanOrEqual(1);
    expect(run.mail.length - referenceRun().mail.length).toBe(alerts.length);
    expect(mustBeZero(run)).toEqual(ZERO);
  });

  test("a sheet write throwing 'Service Spreadsheets failed while accessing document with id …' mid-flow is completed by a later run", () => {
    const { run, diffs, failures, mail } = faultRun('sheetThrows');
    expect(run.stats.injectedFailures).toBeGreaterThan(0);
    expect(diffs).toEqual([]);
    expect(failures).toEqual([]);
    // Each logged failure is one injected error; the mail is the fault-free run's, none twice.
    const logged = run.handled.filter((h) => /^Log (APPLICATION|REGISTRATION)_FAILED /.test(h));
    expect(logged.length).toBeGreaterThanOrEqual(1);
    expect(logged.length).toBeLessThanOrEqual(run.stats.injectedFailures);
    expect(mail).toEqual(SAME_MAIL);
    expect(run.mail.length).toBe(referenceRun().mail.length);
    expect(mustBeZero(run)).toEqual(ZERO);
  });

  test('a sheet write throwing in each timed job (daily sessions job, outbox, sweep) is finished by a later run: sheets and mail as without it', () => {
    const { run, diffs, failures, mail } = faultRun('timedThrows');
    expect(run.stats.injectedFailures).toBeGreaterThanOrEqual(2);
    expect(diffs).toEqual([]);
    expect(failures).toEqual([]);
    expect(mail).toEqual(SAME_MAIL);
    expect(run.mail.length).toBe(referenceRun().mail.length);
    expect(mustBeZero(run)).toEqual(ZERO);
  });

  test('the monthly run started again while the first holds the lock, and again after, pays nothing twice (R22)', () => {
    const { run, diffs, failures, mail } = faultRun('monthlyTwice');
    expect(run.stats.nestedMonthlyRuns).toBeGreaterThan(1);
    expect(run.invariants.doublePaidLines).toBe(0);
    expect(diffs).toEqual([]);
    expect(failures).toEqual([]);
    expect(mail).toEqual(SAME_MAIL);
    expect(mustBeZero(run)).toEqual(ZERO);
  });

  test('applications edited after payment keep their payment and are flagged EDITED_AFTER_PAYMENT; nothing else changes (R18)', () => {
    const { run, diffs, failures, mail } = faultRun('edited');
    expect(run.edited).toBeGreaterThan(0);
    expect(run.flagged).toBe(run.edited);
    expect(diffs).toEqual([]);
    expect(failures).toEqual([]);
    // Besides the fault-free run's mail, one acknowledgement per edit (R18), nothing else.
    expect(mail).toEqual(SAME_MAIL);
    const acknowledged = run.mail.filter((m) => EXPLAINED.edited.extraMail!.test(m));
    expect(acknowledged).toHaveLength(run.edited);
    expect(run.mail.length - referenceRun().mail.length).toBe(run.edited);
    expect(mustBeZero(run)).toEqual(ZERO);
  });

  test('staff sorting the system sheets and inserting and moving columns between executions change no decision, payment, ledger line, hold, notice or email', () => {
    const { run, diffs, failures, mail } = faultRun('rearranged');
    // Applications, Members, Ledger, Payment holds, Sign-ups and the Outbox sorted at every
    // point they have rows; a staff column in three sheets, four columns dragged elsewhere.
    expect(run.stats.sorts).toBeGreaterThanOrEqual(50);
    expect(run.stats.columnChanges).toBe(7);
    // Compared by header (the staff column left out) and by key (rows sorted).
    expect(diffs).toEqual([]);
    expect(failures).toEqual([]);
    expect(mail).toEqual(SAME_MAIL);
    // Not only the same mail: in the same order.
    expect(run.mail).toEqual(referenceRun().mail);
    expect(mustBeZero(run)).toEqual(ZERO);
  });
});
