// The bench machinery at a small size: every scenario runs the built bundle and the naive
// baseline inside counted executions, the two compute the same result, and the report has the
// ratios, verdicts and JSON shape the README table is made from. No timing is asserted.
import { resolve } from 'node:path';
import { measureCells } from '../../local/bench/cells';
import { defaultModel, describeModel, modelFromArgs, modelledMs } from '../../local/bench/latency';
import { buildReport, ratiosOf, toJson } from '../../local/bench/report';
import {
  applicationScenario,
  hourlySweepScenario,
  monthlyScenario,
  QUICK,
  redecideScenario,
  registrationScenario,
  runAll,
  type ScenarioResult,
  statisticsScenario,
  sweepScenario,
} from '../../local/bench/scenarios';
import { CallCounter } from '../../local/runtime/context';
import { needsBuiltBundle } from '../built-bundle';

const ROOT = resolve(__dirname, '..', '..');

needsBuiltBundle();

const model = defaultModel();

function expectCounted(r: ScenarioResult): void {
  expect(r.product.error).toBeUndefined();
  expect(r.naive.error).toBeUndefined();
  expect(r.product.calls.Spreadsheet).toBeGreaterThan(0);
  expect(r.naive.calls.Spreadsheet).toBeGreaterThan(0);
  expect(r.product.cellsRead).toBeGreaterThan(0);
  expect(r.product.modelledMs).toBeGreaterThan(0);
}

describe('bench scenarios at a small size', () => {
  test('a registration: the product and the naive version give the newcomer the same next ID', () => {
    const r = registrationScenario(30, model);
    expectCounted(r);
    expect(r.outcome.product).toBe('new member BN-00031');
    expect(r.outcome.naive).toBe(r.outcome.product);
    // The naive version scans the Members sheet a cell at a time: its calls grow with the table.
    expect(r.naive.calls.Spreadsheet).toBeGreaterThan(2 * 30);
  });

  test('an application: the same decision and fee from the product and the naive version', () => {
    const r = applicationScenario(60, 40, model);
    expectCounted(r);
    expect(r.outcome.product).toBe('ACCEPTED 8000');
    expect(r.outcome.naive).toBe(r.outcome.product);
    expect(r.product.reads.Applications).toBe(1);
  });

  test('the monthly run: the same ledger lines and total for the month from both', () => {
    const r = monthlyScenario(200, 40, model);
    expectCounted(r);
    expect(r.outcome.product).toMatch(/^2024-06: [1-9]\d* ledger lines, [1-9]\d* yen$/);
    expect(r.outcome.naive).toBe(r.outcome.product);
    expect(r.naive.calls.Spreadsheet).toBeGreaterThan(r.product.calls.Spreadsheet);
  });

  test('redecideAll over seeded decisions: the same statuses from both', () => {
    const r = redecideScenario(200, 40, model);
    expectCounted(r);
    expect(r.outcome.product).toMatch(/ACCEPTED \d+/);
    expect(r.outcome.naive).toBe(r.outcome.product);
    // The seed holds the product's own decisions: re-deciding them changes no application row.
    expect(r.product.writes.Applications).toBeUndefined();
  });

  test('update statistics: the same accepted cases, persons and amount paid from both', () => {
    const r = statisticsScenario(200, 40, model);
    expectCounted(r);
    expect(r.outcome.product).toMatch(
      /^accepted \/ persons \/ paid: [1-9]\d* \/ [1-9]\d* \/ [1-9]\d*$/,
    );
    expect(r.outcome.naive).toBe(r.outcome.product);
    // The charts already there are updated in place: none inserted by the measured refresh.
    expect(r.product.byMethod['Spreadsheet.insertChart']).toBeUndefined();
    expect(r.product.byMethod['Spreadsheet.updateChart']).toBe(3);
  });

  test('the full pass finishes the missing responses under the 6-minute kill: the same statuses from both, nothing lost', () => {
    const r = sweepScenario(200, 40, 50, model);
    expectCounted(r);
    expect(r.size.missing).toBe(4);
    expect(r.outcome.naive).toBe(r.outcome.product);
    expect(r.product.calls.Forms).toBeGreaterThan(0);
    expect(r.runs).toMatchObject({ killed: 0, rows: 200, responses: 200, mailed: 4, logged: 4 });
  });

  test('the hourly sweep of a running system asks Forms only for responses since its mark', () => {
    const r = hourlySweepScenario(200, 40, 50, model);
    expect(r.product.error).toBeUndefined();
    // getResponses(mark − 2 h) returns the last few responses only: 2 getters each, not 200.
    expect(r.product.byMethod['Forms.getTimestamp'] ?? 0).toBeLessThan(20);
    expect(r.naive.byMethod['Forms.getId']).toBeGreaterThanOrEqual(200);
  });
});

describe('report', () => {
  let results: ScenarioResult[];
  beforeAll(() => {
    results = runAll(QUICK, model);
  }, 120_000);

  test('ratios to the naive version and to the minimum are computed for every scenario', () => {
    for (const r of results) {
      const ratios = ratiosOf(r);
      expect(ratios.toNaive.spreadsheetCalls).toBeCloseTo(
        r.product.calls.Spreadsheet / r.naive.calls.Spreadsheet,
      );
      expect(ratios.toMinimum.spreadsheetCalls).toBeCloseTo(
        r.product.calls.Spreadsheet / r.minimum.spreadsheetCalls,
      );
      expect(r.minimum.spreadsheetCalls).toBe(
        r.minimum.tablesRead.length + r.minimum.tablesWritten.length,
      );
    }
  });

  test('the JSON has the model, every scenario with both sides, and a verdict per target', () => {
    const json = JSON.parse(toJson(buildReport(results, model, 'quick')));
    expect(json.mode).toBe('quick');
    expect(json.model.perCall.Spreadsheet).toBe(model.perCall.Spreadsheet);
    expect(json.scenarios.map((s: ScenarioResult) => s.id)).toEqual([
      'registration',
      'registration',
      'application',
      'application',
      'monthly',
      'redecideAll',
      'statistics',
      'sweepHourly',
      'sweepHourly',
      'sweepHourly',
      'sweepHourly',
      'sweep',
    ]);
    for (const s of json.scenarios) {
      for (const side of ['product', 'naive']) {
        expect(Object.keys(s[side].calls)).toEqual(
          expect.arrayContaining(['Spreadsheet', 'Forms', 'Mail', 'Lock', 'Properties']),
        );
        expect(typeof s[side].cellsRead).toBe('number');
        expect(typeof s[side].cpuMs).toBe('number');
      }
      expect(typeof s.ratios.toNaive.modelledMs).toBe('number');
    }
    const targets = json.targets.map((t: { target: string }) => t.target).join('\n');
    expect(targets).toMatch(/per registration ≤ 8/);
    expect(targets).toMatch(/per application ≤ 12/);
    expect(targets).toMatch(/monthly at/);
    expect(targets).toMatch(/redecideAll at/);
    expect(targets).toMatch(/statistics at/);
    expect(targets).toMatch(/≥ 100× fewer/);
    expect(targets).toMatch(/Cells read per hourly sweep the same at every table size/);
    // The sweep an hour after one that confirmed its window (issue #15): no lookup at all.
    const after = json.targets.find((t: { target: string }) =>
      /an hour after a sweep that confirmed its window/.test(t.target),
    );
    expect(after?.pass).toBe(true);
    expect(after?.measured).toMatch(/^0 searches, 0 value reads, 0 cells, 2 Spreadsheet calls/);
    for (const t of json.targets) {
      if (!t.pass) expect(t.limits.length + t.measured.length).toBeGreaterThan(0);
    }
  });
});

describe('cells per application', () => {
  test("the small demo's sheets, measured as Google counts them: one Applications row per application, the Log 7 columns wide", () => {
    const c = measureCells(resolve(ROOT, 'dist', 'Code.js'), 'small');
    const sheet = (name: string) => c.sheets.find((x) => x.name === name)!;
    expect(sheet('Applications').rows).toBe(c.applications);
    expect(sheet('Log').columns).toBe(7);
    expect(sheet('Ledger').columns).toBe(7);
    expect(c.perApplication).toBeCloseTo(
      c.sheets.reduce((sum, x) => sum + x.perApplication, 0),
      6,
    );
    expect(c.applicationsAtLimit).toBe(Math.floor((10_000_000 - c.fixed) / c.perApplication));
  });
});

describe('latency model', () => {
  test('every default figure says where it comes from: "measured (source)" or "estimate"', () => {
    for (const d of describeModel(defaultModel())) expect(d.basis).toMatch(/^(measured|estimate)/);
    // The naive baseline's single-cell reads cost what a cached read loop measured
    // (bugbugnow.net: 1,000 getRange().getValue() in 3,064 ms), not a 40 ms round trip.
    expect(defaultModel().perMethod['Spreadsheet.getValue']).toBe(3);
    expect(defaultModel().perMethod['Spreadsheet.getRange']).toBe(0);
  });

  test('modelled time is the per-call cost of each method plus the per-cell costs', () => {
    const counter = new CallCounter();
    counter.count('Spreadsheet', 'getValues', { read: 1000 });
    counter.count('Spreadsheet', 'setValues', { written: 100 });
    counter.count('Properties', 'setProperty');
    const m = defaultModel();
    const expected =
      2 * m.perCall.Spreadsheet +
      m.perMethod['Properties.setProperty'] +
      1000 * m.perCellRead +
      100 * m.perCellWritten;
    expect(modelledMs(counter.counts, m)).toBeCloseTo(expected);
  });

  test('flags override the defaults per service, per method and per cell', () => {
    const m = modelFromArgs([
      '--ms-spreadsheet=60',
      '--ms-method=Spreadsheet.flush:5',
      '--ms-cell-read=0.5',
    ]);
    expect(m.perCall.Spreadsheet).toBe(60);
    expect(m.perMethod['Spreadsheet.flush']).toBe(5);
    expect(m.perCellRead).toBe(0.5);
    expect(() => modelFromArgs(['--ms-nosuch=1'])).toThrow('unknown service');
  });
});
