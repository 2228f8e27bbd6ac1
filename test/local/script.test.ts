import { RuntimeContext } from '../../local/runtime/context';
import {
  ScriptService,
  TOO_MANY_TRIGGERS,
  type TriggerRecord,
  toWall,
} from '../../local/runtime/script';

const TOKYO = 'Asia/Tokyo';
const start = Date.UTC(2024, 6, 1, 0, 0); // 2024-07-01 09:00 in Tokyo

function world(user = 'office@example.org') {
  const ctx = new RuntimeContext({ now: start, timeZone: TOKYO });
  const script = new ScriptService(ctx, { user });
  const fired: { trigger: TriggerRecord; event: Record<string, unknown>; at: number }[] = [];
  script.executor = (trigger, event) => fired.push({ trigger, event, at: ctx.clock.now() });
  return { ctx, script, fired };
}

/** Runs the clock to `until` the way LocalRuntime.advanceTo does. */
function runClock(w: ReturnType<typeof world>, until: number): void {
  for (;;) {
    const due = w.script.nextClockDue(until);
    if (!due) break;
    w.ctx.clock.set(due.at);
    w.script.advanceClockTrigger(due.trigger, due.at);
    w.script.fire(due.trigger, {});
  }
  w.ctx.clock.set(until);
}

/** Wall-clock fields of an instant in Tokyo. */
function tokyo(ms: number) {
  const d = new Date(toWall(ms, TOKYO));
  return { month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours() };
}

describe('ScriptApp triggers', () => {
  test('a form trigger reports its handler, event type, source and source id (Trigger reference)', () => {
    const { script } = world();
    const trigger = script
      .newTrigger('onApplicationSubmit')
      .forForm('form-1')
      .onFormSubmit()
      .create();
    expect(trigger.getHandlerFunction()).toBe('onApplicationSubmit');
    expect(trigger.getEventType()).toBe(script.EventType.ON_FORM_SUBMIT);
    expect(trigger.getTriggerSource()).toBe(script.TriggerSource.FORMS);
    expect(trigger.getTriggerSourceId()).toBe('form-1');
    expect(script.getProjectTriggers().map((t) => t.getUniqueId())).toEqual([
      trigger.getUniqueId(),
    ]);
  });

  test('forForm and forSpreadsheet accept the document object as well as its id', () => {
    const { script } = world();
    const form = { getId: () => 'form-9' };
    const sheet = { getId: () => 'ss-9' };
    script.newTrigger('a').forForm(form).onFormSubmit().create();
    const onOpen = script.newTrigger('b').forSpreadsheet(sheet).onOpen().create();
    expect(onOpen.getTriggerSource()).toBe('SPREADSHEETS');
    expect(onOpen.getEventType()).toBe('ON_OPEN');
    expect(script.getUserTriggers(form).map((t) => t.getHandlerFunction())).toEqual(['a']);
    expect(script.getUserTriggers('ss-9').map((t) => t.getHandlerFunction())).toEqual(['b']);
  });

  test("the 21st trigger of a user throws 'This script has too many triggers. Triggers must be deleted from the script before more can be added.'", () => {
    const { script } = world();
    for (let i = 0; i < 20; i++) script.newTrigger(`h${i}`).timeBased().everyHours(1).create();
    expect(() => script.newTrigger('h20').timeBased().everyHours(1).create()).toThrow(
      TOO_MANY_TRIGGERS,
    );
    expect(TOO_MANY_TRIGGERS).toBe(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    // Deleting one makes room again.
    script.deleteTrigger(script.getProjectTriggers()[0]);
    expect(() => script.newTrigger('h20').timeBased().everyHours(1).create()).not.toThrow();
  });

  test('the limit of 20 counts per user: another user can still install triggers', () => {
    const { ctx, script } = world('office@example.org');
    for (let i = 0; i < 20; i++) script.newTrigger(`h${i}`).timeBased().everyHours(1).create();
    ctx.execution = { kind: 'editor', functionName: 'setup', user: 'other@example.org', id: 1 };
    expect(() => script.newTrigger('mine').timeBased().everyHours(1).create()).not.toThrow();
  });

  test("getProjectTriggers returns only the current user's triggers (ScriptApp.getProjectTriggers reference)", () => {
    const { ctx, script } = world('office@example.org');
    script.newTrigger('fromOffice').timeBased().everyDays(1).atHour(3).create();
    ctx.execution = { kind: 'editor', functionName: 'setup', user: 'staff2@example.org', id: 1 };
    script.newTrigger('fromStaff2').timeBased().everyDays(1).atHour(3).create();
    expect(script.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['fromStaff2']);
    ctx.execution = null;
    expect(script.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['fromOffice']);
    expect(script.all()).toHaveLength(2);
  });

  test('a trigger created inside a trigger execution is installed but disabled (issue tracker 150756612)', () => {
    const { ctx, script } = world();
    ctx.execution = { kind: 'trigger', functionName: 'sweep', user: 'office@example.org', id: 1 };
    const trigger = script.newTrigger('later').timeBased().after(60_000).create();
    expect(script.get(trigger.getUniqueId())?.enabled).toBe(false);
    ctx.execution = { kind: 'editor', functionName: 'setup', user: 'office@example.org', id: 2 };
    const fromEditor = script.newTrigger('later').timeBased().after(60_000).create();
    expect(script.get(fromEditor.getUniqueId())?.enabled).toBe(true);
  });

  test('every call of ScriptApp is counted as a Script round trip', () => {
    const { ctx, script } = world();
    script.newTrigger('x').timeBased().everyDays(1).create();
    script.getProjectTriggers();
    expect(ctx.counter.counts.byMethod['Script.newTrigger']).toBe(1);
    expect(ctx.counter.counts.byMethod['Script.create']).toBe(1);
    expect(ctx.counter.counts.byMethod['Script.getProjectTriggers']).toBe(1);
  });

  test('everyMinutes accepts only 1, 5, 10, 15 or 30 and everyHours only 1, 2, 4, 6, 8 or 12', () => {
    const { script } = world();
    expect(() => script.newTrigger('x').timeBased().everyMinutes(7)).toThrow(/minutes/);
    expect(() => script.newTrigger('x').timeBased().everyHours(3)).toThrow(/hours/);
  });
});

describe('time-driven triggers fire on the local clock', () => {
  test('onMonthDay(1).atHour(9).inTimezone(Asia/Tokyo) fires once a month on the 1st between 9:00 and 10:00 Tokyo time', () => {
    const w = world();
    w.script
      .newTrigger('runMonthlyPayments')
      .timeBased()
      .onMonthDay(1)
      .atHour(9)
      .inTimezone(TOKYO)
      .create();
    runClock(w, Date.UTC(2024, 11, 31));
    // Created on 2024-07-01 09:00 Tokyo: the first run may still fall within that hour.
    const runs = w.fired.map((f) => tokyo(f.at));
    expect(runs.length).toBeGreaterThanOrEqual(5);
    expect(runs.length).toBeLessThanOrEqual(6);
    for (const run of runs) expect(run).toMatchObject({ day: 1, hour: 9 });
    expect(runs.slice(-5).map((r) => r.month)).toEqual([8, 9, 10, 11, 12]);
  });

  test('a monthly trigger without inTimezone uses the script time zone, whatever the machine zone', () => {
    const w = world();
    w.script.newTrigger('monthly').timeBased().onMonthDay(15).atHour(0).create();
    runClock(w, Date.UTC(2024, 8, 30));
    expect(w.fired.map((f) => tokyo(f.at))).toEqual([
      { month: 7, day: 15, hour: 0 },
      { month: 8, day: 15, hour: 0 },
      { month: 9, day: 15, hour: 0 },
    ]);
  });

  test('onMonthDay(31) skips the months that have no 31st', () => {
    const w = world();
    w.script.newTrigger('monthly').timeBased().onMonthDay(31).atHour(12).create();
    runClock(w, Date.UTC(2024, 11, 1));
    expect(w.fired.map((f) => tokyo(f.at).month)).toEqual([7, 8, 10]);
  });

  test('the minute within the hour is pseudo-random but the same run after run', () => {
    const minutes = () => {
      const w = world();
      w.script.newTrigger('monthly').timeBased().onMonthDay(2).atHour(9).create();
      runClock(w, Date.UTC(2025, 6, 1));
      return w.fired.map((f) => new Date(f.at).getUTCMinutes());
    };
    const first = minutes();
    expect(first).toHaveLength(12);
    expect(minutes()).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(1);
  });

  test('nearMinute(30) fires within 15 minutes of :30', () => {
    const w = world();
    w.script.newTrigger('daily').timeBased().everyDays(1).atHour(6).nearMinute(30).create();
    runClock(w, start + 20 * 86_400_000);
    expect(w.fired).toHaveLength(20);
    for (const f of w.fired) {
      const wall = toWall(f.at, TOKYO);
      const minutesPastSix = (wall % 86_400_000) / 60_000 - 6 * 60;
      expect(minutesPastSix).toBeGreaterThanOrEqual(15);
      expect(minutesPastSix).toBeLessThan(45);
    }
  });

  test('everyHours(2) fires once in every two-hour slot', () => {
    const w = world();
    w.script.newTrigger('sweep').timeBased().everyHours(2).create();
    runClock(w, start + 24 * 3_600_000);
    expect(w.fired).toHaveLength(12);
    const gaps = w.fired.slice(1).map((f, i) => f.at - w.fired[i].at);
    for (const gap of gaps) {
      expect(gap).toBeGreaterThan(60 * 60_000);
      expect(gap).toBeLessThan(3 * 60 * 60_000);
    }
  });

  test('everyMinutes(5) fires twelve times an hour', () => {
    const w = world();
    w.script.newTrigger('sendQueuedEmails').timeBased().everyMinutes(5).create();
    runClock(w, start + 3_600_000);
    expect(w.fired).toHaveLength(12);
  });

  test('everyWeeks(1).onWeekDay(MONDAY) fires on Mondays in Tokyo', () => {
    const w = world();
    w.script
      .newTrigger('weekly')
      .timeBased()
      .everyWeeks(1)
      .onWeekDay(w.script.WeekDay.MONDAY)
      .atHour(23)
      .create();
    runClock(w, Date.UTC(2024, 7, 1));
    expect(w.fired.length).toBeGreaterThanOrEqual(4);
    for (const f of w.fired) expect(new Date(toWall(f.at, TOKYO)).getUTCDay()).toBe(1);
  });

  test('at(date) fires once, and the trigger stays listed afterwards', () => {
    const w = world();
    const at = new Date(start + 90 * 60_000);
    w.script.newTrigger('once').timeBased().at(at).create();
    runClock(w, start + 86_400_000);
    expect(w.fired.map((f) => f.at)).toEqual([at.getTime()]);
    expect(w.script.getProjectTriggers()).toHaveLength(1);
  });

  test('a disabled clock trigger does not run, and does not run its missed slots when enabled again', () => {
    const w = world();
    const trigger = w.script.newTrigger('sweep').timeBased().everyHours(1).create();
    w.script.setEnabled(trigger.getUniqueId(), false);
    runClock(w, start + 5 * 3_600_000);
    expect(w.fired).toHaveLength(0);
    w.script.setEnabled(trigger.getUniqueId(), true);
    runClock(w, start + 6 * 3_600_000);
    expect(w.fired).toHaveLength(1);
  });

  test('the event object carries authMode FULL and the triggerUid', () => {
    const w = world();
    const trigger = w.script.newTrigger('sweep').timeBased().everyHours(1).create();
    runClock(w, start + 3_600_000);
    expect(w.fired[0].event).toMatchObject({
      authMode: w.script.AuthMode.FULL,
      triggerUid: trigger.getUniqueId(),
    });
  });
});
