// The runtime's freshGlobalEachExecution: Apps Script evaluates the project's files anew for each
// execution, so nothing a script keeps in a global survives into the next one. The reference
// offers the Cache service ("temporarily cache results that take time to fetch/compute",
// developers.google.com/apps-script/reference/cache) and the Properties service
// (developers.google.com/apps-script/guides/properties) to keep data between executions, and
// promises nothing of globals. The world (sheets, properties, triggers, clock) persists.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalRuntime } from '../../local/runtime';

const START = Date.UTC(2024, 0, 1, 0, 0);

const SCRIPT = `
var runs = 0;
let cache = null;
function count() {
  runs++;
  cache = cache || 'filled in run ' + runs;
  return [runs, cache];
}
function remember() {
  PropertiesService.getScriptProperties().setProperty('kept', 'yes');
  SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue(new Date(2024, 0, 2));
  ScriptApp.newTrigger('tick').timeBased().everyMinutes(1).create();
}
var ticks = [];
function tick() {
  ticks.push(Date.now());
  var cell = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').getValue();
  Logger.log('tick ' + ticks.length + ' ' + PropertiesService.getScriptProperties().getProperty('kept') + ' ' + (cell instanceof Date) + ' ' + (new Date() instanceof Date));
}
function outer() {
  runs = 10;
  nestedRun('count');
  var cell = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').getValue();
  return [runs, cell instanceof Date, new Date() instanceof Date];
}
`;

function runtime(fresh: boolean): LocalRuntime {
  const rt = new LocalRuntime({ start: START, freshGlobalEachExecution: fresh });
  rt.sheets.setContainer(rt.sheets.createSpreadsheet('office'));
  const file = join(mkdtempSync(join(tmpdir(), 'fresh-')), 'Code.js');
  writeFileSync(file, SCRIPT);
  rt.load(file);
  return rt;
}

describe('LocalRuntime freshGlobalEachExecution', () => {
  test('each run starts from the top of the script: a global var and a top-level let are back to their first value (with one shared global they carry over)', () => {
    const fresh = runtime(true);
    expect(fresh.run('count')).toEqual([1, 'filled in run 1']);
    expect(fresh.run('count')).toEqual([1, 'filled in run 1']);
    const shared = runtime(false);
    expect(shared.run('count')).toEqual([1, 'filled in run 1']);
    expect(shared.run('count')).toEqual([2, 'filled in run 1']);
  });

  test('the world persists between executions: properties, cells, triggers and the clock; each trigger run has its own global and its Dates are the script’s Dates', () => {
    const rt = runtime(true);
    rt.run('remember');
    rt.advanceTo(START + 3 * 60_000);
    expect(rt.logs.messages()).toEqual([
      'tick 1 yes true true',
      'tick 1 yes true true',
      'tick 1 yes true true',
    ]);
    expect(rt.executions.map((e) => e.functionName)).toEqual(['remember', 'tick', 'tick', 'tick']);
    expect(rt.loads).toBe(5); // load() and one per execution
  });

  test('an execution that runs another inside it (a world hook) gets its own global and Dates back when the inner one ends', () => {
    const rt = runtime(true);
    rt.run('remember');
    rt.defineGlobal('nestedRun', (name: string) => rt.run(name));
    // The inner count() ran in a new global (runs there was 0); the outer still sees its own 10.
    expect(rt.run('outer')).toEqual([10, true, true]);
  });
});
