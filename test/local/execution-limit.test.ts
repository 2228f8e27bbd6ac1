// The 6-minute execution limit (Quotas for Google Services: "Script runtime 6 min / execution";
// the error text `Exceeded maximum execution time`, Apps Script troubleshooting guide).
// With a latency model each call takes its modelled time; the execution is killed once its
// clock time passes 6 minutes, and a script cannot catch its way out of that.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callCost, defaultModel } from '../../local/bench/latency';
import { LocalRuntime } from '../../local/runtime';

const START = Date.UTC(2024, 6, 10, 1, 0);

function world(latency: boolean): LocalRuntime {
  const rt = new LocalRuntime({ start: START, ...(latency ? { latency: callCost() } : {}) });
  const file = join(mkdtempSync(join(tmpdir(), 'limit-')), 'Code.js');
  writeFileSync(
    file,
    `function appendMany(n) {
       var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Log');
       var done = 0;
       for (var i = 0; i < n; i++) {
         try { sheet.appendRow([i]); done++; } catch (e) { /* swallows every error */ }
       }
       return done;
     }
     function elapsed(n) {
       var start = Date.now();
       var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Log');
       for (var i = 0; i < n; i++) sheet.getLastRow();
       return Date.now() - start;
     }
     function sleepThenWrite(ms) {
       Utilities.sleep(ms);
       SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Log').appendRow(['after']);
     }
     function appendLots() { appendMany(20000); }
     function install() { ScriptApp.newTrigger('appendLots').timeBased().everyHours(1).create(); }`,
  );
  const ss = rt.sheets.createSpreadsheet('Office');
  ss.insertSheet('Log');
  rt.sheets.setContainer(ss);
  rt.load(file);
  return rt;
}

function rows(rt: LocalRuntime): number {
  return rt.uncounted(() => rt.sheets.getActiveSpreadsheet()!.getSheetByName('Log')!.getLastRow());
}

describe('the 6-minute execution limit', () => {
  test("with latency on, each call moves the script's clock by its modelled cost", () => {
    const rt = world(true);
    // getActiveSpreadsheet and getSheetByName at 40 ms, then 100 × getLastRow at 160 ms (the
    // default model: a round trip, and getLastRow as measured in a loop).
    expect(rt.run('elapsed', 100)).toBe(2 * 40 + 100 * 160);
    expect(rt.now()).toBe(START + 2 * 40 + 100 * 160);
  });

  test('without latency calls take no time (the default)', () => {
    const rt = world(false);
    expect(rt.run('elapsed', 100)).toBe(0);
  });

  test("an execution past 6 minutes is killed with 'Exceeded maximum execution time': the calls before stay done, none after", () => {
    const rt = world(true);
    const each = callCost(defaultModel())('Spreadsheet', 'appendRow', { read: 0, written: 1 });
    expect(() => rt.run('appendMany', 20_000)).toThrow('Exceeded maximum execution time');
    expect(rt.executions.at(-1)?.error).toBe('Exceeded maximum execution time');
    // 6 minutes of 40.012 ms appends, after the two calls that found the sheet (80 ms).
    expect(rows(rt)).toBe(Math.floor((360_000 - 80) / each));
    expect(rt.now() - START).toBeLessThanOrEqual(360_000 + each);
  });

  test('a killed trigger execution is recorded as failed although the script caught every error, and the next one starts afresh', () => {
    const rt = world(true);
    rt.run('install');
    rt.advanceBy(3600_000);
    const first = rt.executions.at(-1);
    expect(first).toMatchObject({ functionName: 'appendLots', kind: 'trigger' });
    expect(first?.error).toBe('Exceeded maximum execution time');
    const once = rows(rt);
    expect(once).toBeGreaterThan(8000);
    rt.advanceBy(3600_000);
    expect(rt.executions.at(-1)?.error).toBe('Exceeded maximum execution time');
    expect(rows(rt)).toBeGreaterThan(once + 8000);
  });

  test('waiting counts too: an execution that sleeps past 6 minutes is killed at its next call', () => {
    const rt = world(false);
    expect(() => rt.run('sleepThenWrite', 361_000)).toThrow('Exceeded maximum execution time');
    expect(rows(rt)).toBe(0);
    expect(() => rt.run('sleepThenWrite', 359_000)).not.toThrow();
    expect(rows(rt)).toBe(1);
  });
});
