import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalRuntime } from '../../local/runtime';
import { toWall } from '../../local/runtime/script';

const BUNDLE = join(__dirname, 'fixtures', 'runtime', 'Code.js');
const START = Date.UTC(2024, 6, 10, 1, 0); // 2024-07-10 10:00 in Tokyo

function loaded(options: { user?: string } = {}): LocalRuntime {
  const runtime = new LocalRuntime({ start: START, ...options });
  runtime.load(BUNDLE);
  return runtime;
}

function lastLog(runtime: LocalRuntime): string {
  return runtime.logs.messages().at(-1) ?? '';
}

describe('LocalRuntime: the script context', () => {
  test('the globals are exactly the Apps Script services and console', () => {
    const runtime = new LocalRuntime({ start: START });
    expect(Object.keys(runtime.globals).sort()).toEqual(
      [
        'FormApp',
        'HtmlService',
        'LockService',
        'Logger',
        'MailApp',
        'PropertiesService',
        'ScriptApp',
        'Session',
        'SpreadsheetApp',
        'Utilities',
        'console',
      ].sort(),
    );
  });

  test('require, process, setTimeout, Buffer and module are undefined in the script (the V8 runtime has none)', () => {
    const runtime = loaded();
    expect(runtime.run('nodeGlobals')).toEqual({
      require: 'undefined',
      process: 'undefined',
      setTimeout: 'undefined',
      Buffer: 'undefined',
      module: 'undefined',
    });
  });

  test("the script's new Date() and Date.now() follow the local clock, from load time on", () => {
    const runtime = loaded();
    expect(runtime.run('whenLoaded')).toBe(START);
    runtime.advanceBy(90 * 60_000);
    expect(runtime.run('clockInfo')).toEqual({
      now: START + 90 * 60_000,
      dateNow: START + 90 * 60_000,
      withArgument: 0,
      isDate: true,
      constructorIsDate: true,
      utc: Date.UTC(2024, 0, 1),
      parsed: Date.UTC(2024, 0, 1),
      calledAsFunction: 'string',
      // With arguments, Date is the context's own Date (ECMAScript Date constructor).
      fields: [2024, 0, 2, 3, 4],
      copied: 7,
      undefinedIsInvalid: true,
      subclass: [true, true, 9, true],
    });
  });

  test("the script's global object is an ordinary global: the services as writable, enumerable properties, top-level functions and vars as non-configurable ones (ECMAScript global declarations, as in Apps Script's V8 runtime)", () => {
    // https://developers.google.com/apps-script/guides/v8-runtime: a project's files share one
    // global scope; ECMA-262 GlobalDeclarationInstantiation makes a `var` or function declaration
    // a non-configurable property of the global object.
    const runtime = new LocalRuntime({ start: START });
    const file = join(mkdtempSync(join(tmpdir(), 'global-')), 'Code.js');
    writeFileSync(
      file,
      `var declared = 1;
       function describeGlobal() {
         const d = (name) => {
           const p = Object.getOwnPropertyDescriptor(globalThis, name);
           return p && [p.writable, p.enumerable, p.configurable];
         };
         globalThis.assigned = 2;
         return {
           service: d('SpreadsheetApp'),
           declared: d('declared'),
           fn: d('describeGlobal'),
           assigned: d('assigned'),
           same: this === globalThis,
           global: globalThis,
         };
       }`,
    );
    runtime.load(file);
    const seen = runtime.run('describeGlobal') as Record<string, unknown>;
    expect(seen.service).toEqual([true, true, true]);
    expect(seen.declared).toEqual([true, true, false]);
    expect(seen.fn).toEqual([true, true, false]);
    expect(seen.assigned).toEqual([true, true, true]);
    expect(seen.same).toBe(true);
    // The script's global is the object the runtime holds, not a sandbox behind an interceptor
    // (Node's vm.constants.DONT_CONTEXTIFY: global names are read without a call into Node).
    expect(seen.global).toBe(runtime.scriptGlobal);
    expect(runtime.scriptGlobal.assigned).toBe(2);
  });

  test("Dates the services return are the script's own Dates (instanceof Date holds in the script)", () => {
    const runtime = loaded();
    const form = runtime.forms.createForm({
      title: 'Apply',
      items: [{ title: 'Q', type: 'TEXT' }],
    });
    runtime.run('installFormTrigger', form.getId());
    runtime.forms.submit(form, { answers: { Q: 'hello' } });
    expect(JSON.parse(lastLog(runtime)).timestampIsDate).toBe(true);
  });
});

describe('LocalRuntime: executions', () => {
  test('run() records an editor execution and rethrows its error', () => {
    const runtime = loaded();
    expect(() => runtime.run('failing')).toThrow('the handler failed');
    expect(runtime.executions.at(-1)).toMatchObject({
      functionName: 'failing',
      kind: 'editor',
      error: 'the handler failed',
    });
  });

  test("running a function the script does not define fails with 'Script function not found'", () => {
    const runtime = loaded();
    expect(() => runtime.run('nope')).toThrow('Script function not found: nope');
  });

  test('an exception in a trigger is recorded, not rethrown, and the event is not retried', () => {
    const runtime = loaded();
    const form = runtime.forms.createForm({
      title: 'Apply',
      items: [{ title: 'Q', type: 'TEXT' }],
    });
    runtime.script.newTrigger('failing').forForm(form).onFormSubmit().create();
    expect(() => runtime.forms.submit(form, { answers: { Q: 'x' } })).not.toThrow();
    const triggerRuns = runtime.executions.filter((e) => e.kind === 'trigger');
    expect(triggerRuns).toHaveLength(1);
    expect(triggerRuns[0]).toMatchObject({ functionName: 'failing', error: 'the handler failed' });
  });

  test('locks end with their execution (LockService: locks are released when the script ends)', () => {
    const runtime = loaded();
    expect(runtime.run('takeLock')).toBe('held');
    expect(runtime.locks.holderOf('script')).toBeNull();
    expect(runtime.run('canTakeLock')).toBe(true);
  });

  test('a trigger runs as the user who created it', () => {
    const runtime = loaded({ user: 'creator@example.org' });
    const form = runtime.forms.createForm({
      title: 'Apply',
      items: [{ title: 'Q', type: 'TEXT' }],
    });
    const uid = runtime.run('installFormTrigger', form.getId());
    runtime.forms.submit(form, { answers: { Q: 'x' } });
    expect(runtime.executions.at(-1)).toMatchObject({
      kind: 'trigger',
      triggerUid: uid,
      user: 'creator@example.org',
    });
    expect(JSON.parse(lastLog(runtime)).user).toBe('creator@example.org');
  });

  test('a trigger created inside a trigger execution is disabled and never fires (issue tracker 150756612)', () => {
    const runtime = loaded();
    const form = runtime.forms.createForm({
      title: 'Apply',
      items: [{ title: 'Q', type: 'TEXT' }],
    });
    runtime.script.newTrigger('installInsideTrigger').forForm(form).onFormSubmit().create();
    runtime.forms.submit(form, { answers: { Q: 'x' } });
    const created = runtime.script.all().filter((t) => t.eventType === 'CLOCK');
    expect(created).toHaveLength(1);
    expect(created[0].enabled).toBe(false);
    runtime.advanceBy(5 * 3_600_000);
    expect(runtime.executions.filter((e) => e.functionName === 'monthly')).toHaveLength(0);
  });

  test("the script's 21st trigger throws 'This script has too many triggers…' (ScriptApp limits)", () => {
    const runtime = loaded();
    runtime.run('installMany', 20);
    expect(() => runtime.run('installMany', 1)).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    expect(runtime.run('triggerCount')).toBe(20);
  });

  test('counts() reports the round trips of the script and resetCounts() starts again', () => {
    const runtime = loaded();
    runtime.run('installHourly');
    expect(runtime.counts().calls.Script).toBeGreaterThan(0);
    runtime.resetCounts();
    expect(runtime.counts().calls.Script).toBe(0);
  });
});

describe('LocalRuntime: the bound spreadsheet', () => {
  test('the script writes to the active (container) spreadsheet and reads its own Dates back', () => {
    const runtime = loaded();
    const spreadsheet = runtime.sheets.createSpreadsheet('Bansou Net');
    spreadsheet.insertSheet('Log');
    runtime.sheets.setContainer(spreadsheet);
    runtime.run('writeActive', 'first');
    runtime.advanceBy(60_000);
    runtime.run('writeActive', 'second');
    const rows = runtime.run('readActive') as [Date, string][];
    expect(rows.map(([at, text]) => [at.getTime(), text])).toEqual([
      [START, 'first'],
      [START + 60_000, 'second'],
    ]);
  });

  test('open() runs the simple onOpen trigger with the UI available, so its menu is added', () => {
    const runtime = loaded();
    runtime.sheets.setContainer(runtime.sheets.createSpreadsheet('Bansou Net'));
    runtime.open();
    expect(runtime.sheets.ui.menus.map((m) => m.name)).toEqual(['Bansou Net']);
    expect(lastLog(runtime)).toBe('opened by office@example.org in LIMITED');
    expect(runtime.executions.at(-1)).toMatchObject({ functionName: 'onOpen' });
    expect(runtime.executions.at(-1)?.error).toBeUndefined();
  });

  test("SpreadsheetApp.getUi() inside a trigger fails with 'Cannot call SpreadsheetApp.getUi() from this context.'", () => {
    const runtime = loaded();
    const form = runtime.forms.createForm({
      title: 'Apply',
      items: [{ title: 'Q', type: 'TEXT' }],
    });
    runtime.script.newTrigger('uiInTrigger').forForm(form).onFormSubmit().create();
    runtime.forms.submit(form, { answers: { Q: 'x' } });
    expect(runtime.executions.at(-1)?.error).toBe(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
  });
});

describe('LocalRuntime: the clock fires time-driven triggers', () => {
  test('a monthly trigger on day 1 at 9:00 Asia/Tokyo runs between 9:00 and 10:00 Tokyo time, with the clock at its due time', () => {
    const runtime = loaded();
    runtime.run('installMonthly');
    runtime.advanceTo(Date.UTC(2024, 9, 15));
    const runs = runtime.logs.messages().filter((m) => m.startsWith('ran at '));
    expect(runs.map((m) => m.slice(7, 20))).toEqual([
      '2024-08-01 09',
      '2024-09-01 09',
      '2024-10-01 09',
    ]);
    const executions = runtime.executions.filter((e) => e.functionName === 'monthly');
    for (const e of executions) {
      const wall = new Date(toWall(e.startedAt, 'Asia/Tokyo'));
      expect(wall.getUTCDate()).toBe(1);
      expect(wall.getUTCHours()).toBe(9);
    }
    expect(runtime.now()).toBe(Date.UTC(2024, 9, 15));
  });

  test('everyHours(1) runs once an hour as the clock advances', () => {
    const runtime = loaded();
    runtime.run('installHourly');
    runtime.advanceBy(10 * 3_600_000);
    const runs = runtime.executions.filter((e) => e.kind === 'trigger');
    expect(runs.length).toBeGreaterThanOrEqual(9);
    expect(runs.length).toBeLessThanOrEqual(10);
    expect(runs.map((r) => r.startedAt)).toEqual(
      [...runs.map((r) => r.startedAt)].sort((a, b) => a - b),
    );
  });

  test('disableTrigger stops a trigger from firing and enableTrigger lets it fire again', () => {
    const runtime = loaded();
    runtime.run('installHourly');
    const [trigger] = runtime.script.all();
    runtime.disableTrigger(trigger.uid);
    runtime.advanceBy(3 * 3_600_000);
    expect(runtime.executions.filter((e) => e.kind === 'trigger')).toHaveLength(0);
    runtime.enableTrigger(trigger.uid);
    runtime.advanceBy(3 * 3_600_000);
    expect(runtime.executions.filter((e) => e.kind === 'trigger').length).toBeGreaterThan(0);
  });

  test('the clock never goes backwards', () => {
    const runtime = loaded();
    expect(() => runtime.advanceTo(START - 1)).toThrow();
  });
});

describe('clock and waiting executions', () => {
  test('a trigger that falls due while another execution waits for a lock runs late, at the current time', () => {
    const rt = new LocalRuntime({ start: Date.UTC(2024, 0, 1, 0, 0) });
    const file = join(mkdtempSync(join(tmpdir(), 'late-')), 'Code.js');
    writeFileSync(
      file,
      `var seen = [];
       function install() { ScriptApp.newTrigger('slow').timeBased().everyMinutes(1).create(); ScriptApp.newTrigger('fast').timeBased().everyMinutes(1).create(); }
       function slow() { LockService.getScriptLock().tryLock(90000); seen.push(['slow', Date.now()]); }
       function fast() { seen.push(['fast', Date.now()]); }`,
    );
    rt.load(file);
    rt.run('install');
    rt.locks.holdByAnotherExecution('script');
    expect(() => rt.advanceTo(Date.UTC(2024, 0, 1, 0, 10))).not.toThrow();
    const seen = rt.scriptGlobal.seen as [string, number][];
    expect(seen.length).toBeGreaterThan(2);
    for (let i = 1; i < seen.length; i++) expect(seen[i][1]).toBeGreaterThanOrEqual(seen[i - 1][1]);
    expect(rt.now()).toBeGreaterThanOrEqual(Date.UTC(2024, 0, 1, 0, 10));
  });
});
