// One trigger owner (#17): installable triggers belong to the account that created them and
// ScriptApp.getProjectTriggers() shows each account only its own (Installable triggers guide,
// Restrictions). Set-up records the owner; a second account installs nothing.
import { FIVE_TRIGGERS, failedExecutions, freshGlobalsInThisFile, office } from './helpers';

// Each execution starts with a fresh global scope, as in Apps Script (helpers.ts).
freshGlobalsInThisFile();

const SECOND = 'volunteer@bansou.example.org';

function triggersBy(o: ReturnType<typeof office>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const t of o.rt.script.all()) {
    out[t.owner] = out[t.owner] ?? [];
    out[t.owner].push(t.handlerFunction);
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

describe('one trigger owner', () => {
  test('set-up records the installing account and its trigger IDs in Script Properties', () => {
    const o = office();
    const props = o.rt.properties.getScriptProperties();
    expect(props.getProperty('triggers.owner')).toBe(o.staffEmail);
    const ids = JSON.parse(props.getProperty('triggers.ids')!);
    expect([...ids].sort()).toEqual(
      o.rt.script
        .all()
        .map((t) => t.uid)
        .sort(),
    );
    expect(ids).toHaveLength(5);
  });

  test('a second staff account running Set up / check installs nothing, names the owner and how to hand over', () => {
    const o = office();
    const report = String(o.rt.runAs(SECOND, 'setup'));
    expect(triggersBy(o)).toEqual({ [o.staffEmail]: FIVE_TRIGGERS });
    expect(report).toContain(`installed by ${o.staffEmail}`);
    expect(report).toContain('Hand over: remove my triggers');
    expect(report).toContain('引き継ぐには');
    // Every job still runs once: one registration, one auto-reply, one member.
    o.register({ email: 'a@example.org' });
    expect(o.rows('Members')).toHaveLength(1);
    expect(o.rt.executions.filter((e) => e.functionName === 'onRegistrationSubmit')).toHaveLength(
      1,
    );
  });

  test('hand-over: the owner removes the triggers, then the new owner’s Set up / check installs them as the new owner', () => {
    const o = office();
    const removed = String(o.rt.run('removeMyTriggers'));
    expect(removed).toContain('Removed 5 trigger(s)');
    expect(o.rt.script.all()).toHaveLength(0);
    o.rt.runAs(SECOND, 'setup');
    expect(triggersBy(o)).toEqual({ [SECOND]: FIVE_TRIGGERS });
    expect(o.rt.properties.getScriptProperties().getProperty('triggers.owner')).toBe(SECOND);
    // The old owner now gets the hand-over answer.
    expect(String(o.rt.run('setup'))).toContain(`installed by ${SECOND}`);
    o.register({ email: 'a@example.org' });
    expect(o.rt.executions.find((e) => e.functionName === 'onRegistrationSubmit')!.user).toBe(
      SECOND,
    );
    expect(failedExecutions(o)).toEqual([]);
  });

  test('the owner running Set up / check again changes nothing and keeps the record', () => {
    const o = office();
    const before = o.rt.properties.getScriptProperties().getProperty('triggers.ids');
    const report = String(o.rt.run('setup'));
    expect(report).toContain('All triggers were already in place.');
    expect(o.rt.properties.getScriptProperties().getProperty('triggers.ids')).toBe(before);
  });

  test('the health report shows the owner and each job’s last run; another account is told it cannot list them', () => {
    const o = office();
    o.register({ email: 'a@example.org' });
    o.at('2023-07-01T12:30:00'); // the hourly sweep and outbox ran
    const report = String(o.rt.run('healthReport'));
    expect(report).toContain(
      `Trigger owner / トリガー所有者: ${o.staffEmail}, installed 2023-07-01 09:00 JST`,
    );
    expect(report).toMatch(/onRegistrationSubmit: 2023-07-01 09:00 JST/);
    expect(report).toMatch(/sweep: 2023-07-01 1[0-2]:\d\d JST/);
    expect(report).toMatch(/runMonthlyPayments: not yet/);
    const other = String(o.rt.runAs(SECOND, 'healthReport'));
    expect(other).toContain(`owned by ${o.staffEmail}`);
    expect(other).not.toContain('MISSING');
  });
});

describe('the runtime models per-user triggers and their limit', () => {
  test('each account sees only its own triggers; the 21st trigger of one account fails with Google’s text', () => {
    const o = office();
    const script = o.rt.script;
    const asUser = <T>(user: string, fn: () => T): T => {
      const ctx = o.rt.ctx;
      const prev = ctx.execution;
      ctx.execution = { kind: 'editor', functionName: 'test', user, id: ctx.newExecutionId() };
      try {
        return fn();
      } finally {
        ctx.execution = prev;
      }
    };
    expect(asUser(o.staffEmail, () => script.getProjectTriggers()).length).toBe(5);
    expect(asUser(SECOND, () => script.getProjectTriggers()).length).toBe(0);
    asUser(o.staffEmail, () => {
      for (let i = 0; i < 15; i++) script.newTrigger('sweep').timeBased().everyHours(1).create();
      expect(() => script.newTrigger('sweep').timeBased().everyHours(1).create()).toThrow(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    });
    // The limit is per user: the second account still has room.
    asUser(SECOND, () => script.newTrigger('sweep').timeBased().everyHours(1).create());
  });
});
