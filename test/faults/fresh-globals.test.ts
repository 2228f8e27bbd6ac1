// Apps Script starts every execution with a fresh global scope: the project's files are evaluated
// anew for each trigger, menu or editor run and simple trigger, so a top-level `let`, a cache or a
// reader set by one execution is gone in the next. The reference keeps data between executions
// only in its services: the Cache service "allows a script to temporarily cache results that take
// time to fetch/compute" (developers.google.com/apps-script/reference/cache), the Properties
// service stores key-value pairs scoped to a script, user or document
// (developers.google.com/apps-script/guides/properties); neither page, nor any other the search
// found, promises that a global survives, so the program must not rely on one. Most of our
// local runs share one evaluated bundle for speed (the demo, the replay, the bench); this guard
// plays the fault suite's small scenario in a spreadsheet that is not in Tokyo (the zone reader
// must be set in every entry point that reads staff dates), then the entry points the scenario
// does not run (Health report, environment check, statistics, re-deciding all, generating a
// month's payments, the menu), once with the shared
// global and once with a fresh global per execution: every sheet, mail (in order), log line,
// property, trigger and execution outcome must be the same. A product that relied on state kept
// from an earlier execution passes the shared run and differs here.

import { play, sheetNames } from '../../local/faults/play';
import { buildScenario, SMALL_SIZE } from '../../local/faults/scenario';
import type { OfficeWorld } from '../../local/world';
import { SEED } from './helpers';

// The small scenario with the sweep and the Outbox every 12 hours rather than 4: each fresh
// execution's context stays alive under npm test's coverage (scripts/coverage.mjs).
const scenario = buildScenario(SEED, {
  ...SMALL_SIZE,
  settings: { ...SMALL_SIZE.settings, sweepEveryHours: '12', outboxEveryHours: '12' },
});

function cell(value: unknown): string {
  if (Object.prototype.toString.call(value) === '[object Date]')
    return `date:${(value as Date).toISOString()}`;
  return `${typeof value}:${String(value)}`;
}

/** Everything the office and its people can see at the end, in order. */
function everything(world: OfficeWorld) {
  const { rt, ss } = world;
  return rt.uncounted(() => ({
    sheets: [
      ...sheetNames(world),
      ...ss
        .getSheets()
        .map((s) => s.getName())
        .filter((n) => /^Form Responses \d+$/.test(n)),
    ].map((name) => ({
      name,
      values: ss
        .getSheetByName(name)!
        .getDataRange()
        .getValues()
        .map((row) => row.map(cell)),
    })),
    mail: rt.mail.outbox.map((m) => JSON.stringify(m)),
    log: rt.logs.lines.map((l) => `${l.at} ${l.level} ${l.source}: ${l.message}`),
    properties: {
      script: [...rt.properties.script],
      document: [...rt.properties.document],
      users: [...rt.properties.users].map(([user, store]) => [user, [...store]]),
    },
    triggers: rt.script
      .getProjectTriggers()
      .map((t) => `${t.getHandlerFunction()} ${String(t.getEventType())}`),
    executions: rt.executions.map(
      (e) => `${e.startedAt} ${e.kind} ${e.functionName} ${e.error ?? 'ok'}`,
    ),
  }));
}

/** The scenario, then the entry points it leaves out, each as staff or Google would run it. */
function run(freshGlobals: boolean) {
  const { world } = play(scenario, 'zoneKept', { freshGlobals });
  const { rt } = world;
  rt.open(); // onOpen: the menus
  const results = [
    'healthReport',
    'checkEnvironment',
    'updateStatistics',
    'runSessionsDaily',
    'redecideAll',
  ].map((fn) => `${fn}: ${String(rt.run(fn))}`);
  results.push(`generatePayments: ${String(rt.run('generatePayments', '2024-06'))}`);
  return { results, loads: rt.loads, count: rt.executions.length, ...everything(world) };
}

describe('each execution with a fresh global scope, as in Apps Script', () => {
  test('the small scenario in Los Angeles (set-up keeping the zone, registrations, applications and their edits, the monthly runs, sign-ups and the daily sessions job, the sweep, the Outbox, transfer files) and then the Health report, the environment check, the statistics, re-deciding all, generating payments and the menu: every sheet, mail in order, log line, property, trigger and execution outcome is the same as with one shared global', () => {
    const shared = run(false);
    const fresh = run(true);
    // The fresh run really evaluated the bundle anew for every execution (and once at load).
    expect(shared.loads).toBe(1);
    expect(fresh.loads).toBe(fresh.count + 1);
    expect(fresh.count).toBeGreaterThan(300);
    expect(fresh.count).toBe(shared.count);
    const { loads: _a, ...a } = shared;
    const { loads: _b, ...b } = fresh;
    expect(b.results).toEqual(a.results);
    expect(b.executions).toEqual(a.executions);
    expect(b.triggers).toEqual(a.triggers);
    expect(b.properties).toEqual(a.properties);
    expect(b.log).toEqual(a.log);
    expect(b.mail).toEqual(a.mail);
    expect(b.sheets).toEqual(a.sheets);
  });
});
