// Turns scenario results into the terminal table, the target verdicts and the JSON file.
import type { CellsResult } from './cells';
import { describeModel, type LatencyModel } from './latency';
import { fmt, type Measure, type ScenarioResult, SERVICES } from './scenarios';

export interface TargetVerdict {
  target: string;
  pass: boolean;
  measured: string;
  /** What limits it, when it does not pass (the calls and tables responsible). */
  limits: string[];
}

export interface BenchReport {
  generatedAt: string;
  mode: 'full' | 'quick';
  node: string;
  model: LatencyModel;
  /** Every figure of the model with "measured (source)" or "estimate". */
  modelBasis: { item: string; ms: number; basis: string }[];
  scenarios: (ScenarioResult & { ratios: Ratios })[];
  /** Cells per application (after; before: with the --before bundle). */
  cells?: { after: CellsResult; before?: CellsResult };
  targets: TargetVerdict[];
  /** Executions whose modelled time passes the 6-minute limit of one execution. */
  warnings: string[];
  /** A busy day's trigger runtime against the daily quota (daily.ts). */
  daily?: import('./daily').DailyBudget;
  /** Replay time at two sizes of the demo generator (replay.ts). */
  replay?: import('./replay').ReplayResult;
  /** Calls and cells per sign-up at three sizes of the Members table (signups.ts). */
  signups?: import('./signups').SignupResult;
}

const EXECUTION_LIMIT_MS = 6 * 60 * 1000;

export function warningsOf(results: ScenarioResult[]): string[] {
  return results
    .filter((r) => (r.runs ? Math.max(...r.runs.runMs) : r.product.modelledMs) > EXECUTION_LIMIT_MS)
    .map(
      (r) =>
        `${r.label}: ${seconds(r.product.modelledMs)} modelled, over the 6-minute execution limit. ${limitsOf(r).join('; ')}`,
    );
}

export interface Ratios {
  /** Product figure ÷ naive figure (below 1 = the product does less). */
  toNaive: {
    spreadsheetCalls: number;
    totalCalls: number;
    cellsRead: number;
    cellsWritten: number;
    modelledMs: number;
  };
  /** Product figure ÷ the minimum possible. */
  toMinimum: { spreadsheetCalls: number; cellsRead: number };
}

function ratio(a: number, b: number): number {
  if (b === 0) return a === 0 ? 1 : Number.POSITIVE_INFINITY;
  return a / b;
}

export function ratiosOf(r: ScenarioResult): Ratios {
  const p = r.product;
  const n = r.naive;
  return {
    toNaive: {
      spreadsheetCalls: ratio(p.calls.Spreadsheet, n.calls.Spreadsheet),
      totalCalls: ratio(p.totalCalls, n.totalCalls),
      cellsRead: ratio(p.cellsRead, n.cellsRead),
      cellsWritten: ratio(p.cellsWritten, n.cellsWritten),
      modelledMs: ratio(p.modelledMs, n.modelledMs),
    },
    toMinimum: {
      spreadsheetCalls: ratio(p.calls.Spreadsheet, r.minimum.spreadsheetCalls),
      cellsRead: ratio(p.cellsRead, r.minimum.cellsRead),
    },
  };
}

/** Spreadsheet calls by method, biggest first: "getValues 6, getSheetByName 6, …". */
export function spreadsheetBreakdown(m: Measure): string {
  return Object.entries(m.byMethod)
    .filter(([k]) => k.startsWith('Spreadsheet.'))
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k.slice('Spreadsheet.'.length)} ${v}`)
    .join(', ');
}

function perTable(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([k, v]) => `${k} ×${v}`)
    .join(', ');
}

/** Tables read more than once in the execution. */
export function rereads(m: Measure): string[] {
  return Object.entries(m.reads)
    .filter(([, v]) => v > 1)
    .map(([k, v]) => `${k} read ${v} times`);
}

function limitsOf(r: ScenarioResult): string[] {
  const p = r.product;
  const out = [
    `Spreadsheet calls by method: ${spreadsheetBreakdown(p)}`,
    `value reads per table: ${perTable(p.reads) || 'none'}; writes per table: ${perTable(p.writes) || 'none'}`,
  ];
  for (const x of rereads(p)) out.push(`re-read: ${x}`);
  const slow = Object.entries(p.byMethod)
    .filter(([k]) => !k.startsWith('Spreadsheet.'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([k, v]) => `${k} ${fmt(v)}`);
  if (slow.length) out.push(`other services: ${slow.join(', ')}`);
  return out;
}

export function targetsOf(results: ScenarioResult[]): TargetVerdict[] {
  const verdicts: TargetVerdict[] = [];
  const perEvent = (id: ScenarioResult['id'], what: string, max: number) => {
    const rs = results.filter((r) => r.id === id);
    if (rs.length === 0) return;
    const calls = rs.map((r) => r.product.calls.Spreadsheet);
    const same = calls.every((c) => c === calls[0]);
    const pass = same && calls.every((c) => c <= max) && rs.every((r) => !r.product.error);
    const sizes = rs
      .map((r) => `${fmt(Object.values(r.size)[0])}: ${r.product.calls.Spreadsheet}`)
      .join(', ');
    const floor = rs[0].minimum.spreadsheetCalls;
    verdicts.push({
      target: `Spreadsheet calls per ${what} ≤ ${max}, the same at every table size`,
      pass,
      measured: `${sizes} (all services: ${rs.map((r) => r.product.totalCalls).join(', ')}); ${floorText(calls[calls.length - 1], floor, max)}`,
      limits: pass ? [] : limitsOf(rs[rs.length - 1]),
    });
  };
  perEvent('registration', 'registration', 8);
  perEvent('application', 'application', 12);
  // Issue #15 item 2: a submission holds the script lock ≤ 2 s (modelled), so a burst of them
  // does not queue behind it (each waits at most 30 s for the lock, then leaves its work to the sweep).
  const locked = results.filter((x) => x.id === 'registration' || x.id === 'application');
  if (locked.length > 0) {
    const held = locked.map((r) => r.product.lockHeldMs);
    const pass = held.every((ms) => ms <= 2000) && locked.every((r) => !r.product.error);
    verdicts.push({
      target: 'Script lock held per registration and per application ≤ 2 s (modelled)',
      pass,
      measured: locked.map((r) => `${r.label}: ${seconds(r.product.lockHeldMs)}`).join('; '),
      limits: [],
    });
  }
  for (const id of ['monthly', 'redecideAll', 'statistics'] as const) {
    const r = results.find((x) => x.id === id);
    if (!r) continue;
    const calls = r.product.calls.Spreadsheet;
    const seconds = r.product.modelledMs / 1000;
    const pass = calls <= 30 && seconds <= 60 && !r.product.error;
    verdicts.push({
      target: `${id} at ${fmt(Object.values(r.size)[0])}: ≤ 30 Spreadsheet calls and ≤ 60 s modelled`,
      pass,
      measured: `${calls} Spreadsheet calls, ${seconds.toFixed(1)} s modelled; ${floorText(calls, r.minimum.spreadsheetCalls, 30)}`,
      limits: pass ? [] : limitsOf(r),
    });
  }
  const monthly = results.find((x) => x.id === 'monthly');
  if (monthly) {
    const times = monthly.naive.calls.Spreadsheet / Math.max(1, monthly.product.calls.Spreadsheet);
    const all = monthly.naive.totalCalls / Math.max(1, monthly.product.totalCalls);
    verdicts.push({
      target: 'Monthly run: ≥ 100× fewer Spreadsheet calls than the naive version',
      pass: times >= 100,
      measured: `${fmt(Math.round(times))}× fewer Spreadsheet calls (${fmt(Math.round(all))}× fewer calls of all services)`,
      limits: times >= 100 ? [] : limitsOf(monthly),
    });
  }
  const hourly = results.filter((x) => x.id === 'sweepHourly' && /in its window/.test(x.label));
  if (hourly.length > 1) {
    // Issue #15: the hourly sweep finds its window's responses by key, not by reading tables.
    const cells = hourly.map((r) => r.product.cellsRead);
    const pass = cells.every((c) => c === cells[0]) && hourly.every((r) => !r.product.error);
    verdicts.push({
      target:
        'Cells read per hourly sweep the same at every table size (the same responses in its window)',
      pass,
      measured: hourly
        .map(
          (r) =>
            `${fmt(Object.values(r.size)[0])}: ${fmt(r.product.cellsRead)} cells, ${r.product.calls.Spreadsheet} Spreadsheet calls, ${seconds(r.product.modelledMs)}`,
        )
        .join('; '),
      limits: pass ? [] : limitsOf(hourly[hourly.length - 1]),
    });
  }
  const after = results.find((x) => x.id === 'sweepHourly' && x.size.confirmed);
  if (after) {
    // Issue #15: the sweep remembers what it confirmed; an hour later, nothing new, no lookup.
    const p = after.product;
    const searches = p.byMethod['Spreadsheet.findAll'] ?? 0;
    const tablesRead = Object.values(p.reads).reduce((a, b) => a + b, 0);
    const pass = searches === 0 && tablesRead === 0 && p.cellsRead === 0 && !p.error;
    verdicts.push({
      target:
        'Hourly sweep an hour after a sweep that confirmed its window, nothing new: no TextFinder search, no table read',
      pass,
      measured: `${searches} searches, ${tablesRead} value reads, ${fmt(p.cellsRead)} cells, ${p.calls.Spreadsheet} Spreadsheet calls, ${seconds(p.modelledMs)}`,
      limits: pass ? [] : limitsOf(after),
    });
  }
  const sweep = results.find((x) => x.id === 'sweep');
  if (sweep?.runs) verdicts.push(sweepVerdict(sweep, sweep.runs));
  for (const r of results) {
    if (!r.outcome.same) {
      verdicts.push({
        target: `${r.label}: the naive version computes the same result`,
        pass: false,
        measured: `product: ${r.outcome.product}; naive: ${r.outcome.naive}`,
        limits: [],
      });
    }
  }
  return verdicts;
}

/**
 * The bench's own floor: one read per table read plus one write per table written. A target
 * below the floor cannot be met by reading whole tables at all.
 */
function floorText(calls: number, floor: number, target: number): string {
  const vs =
    target < floor
      ? `the target is below it by ${floor - target}`
      : `target − floor ${target - floor}`;
  return `floor ${floor} (1 read per table read, 1 write per table written): ${(calls / floor).toFixed(1)}× the floor, ${vs}`;
}

function sweepVerdict(r: ScenarioResult, runs: NonNullable<ScenarioResult['runs']>): TargetVerdict {
  const longest = Math.max(...runs.runMs);
  const lost =
    runs.responses - runs.rows + (runs.missing - runs.mailed) + (runs.missing - runs.logged);
  const pass = runs.killed === 0 && longest < EXECUTION_LIMIT_MS && lost === 0;
  return {
    target: `${r.label}: no run killed, every run inside 6 minutes, nothing lost (rows, mail, log lines)`,
    pass,
    measured: runsText(runs),
    limits: [],
  };
}

export function runsText(runs: NonNullable<ScenarioResult['runs']>): string {
  return `${runs.runs} runs (${runs.runMs.map((ms) => seconds(ms)).join(', ')}), ${runs.killed} killed; rows ${fmt(runs.rows)}/${fmt(runs.responses)}, decision mail sent or queued ${runs.mailed}/${runs.missing}, DECIDED log lines ${runs.logged}/${runs.missing}`;
}

/** Cells per application against the target of 40 (all sheets included). */
export function cellsVerdict(c: CellsResult): TargetVerdict {
  return {
    target: 'Cells per application ≤ 40, all sheets included',
    pass: c.perApplication <= 40,
    measured: `${c.perApplication.toFixed(1)} (the ${c.demo} demo; 10,000,000 cells at about ${fmt(c.applicationsAtLimit)} applications)`,
    limits:
      c.perApplication <= 40
        ? []
        : c.sheets
            .filter((s) => s.perApplication >= 1)
            .sort((a, b) => b.perApplication - a.perApplication)
            .map((s) => `${s.name}: ${s.perApplication.toFixed(1)} (${s.columns} columns)`),
  };
}

// ---- the terminal table ------------------------------------------------------------------

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

function x(r: number): string {
  if (!Number.isFinite(r)) return '∞';
  if (r === 0) return '0';
  if (r < 0.01) return `1/${fmt(Math.round(1 / r))}`;
  return r >= 10 ? `${fmt(Math.round(r))}×` : `${r.toFixed(r >= 1 ? 1 : 3)}×`;
}

export function seconds(ms: number): string {
  const s = ms / 1000;
  if (s < 10) return `${s.toFixed(2)} s`;
  if (s < 3600) return `${s.toFixed(0)} s`;
  return `${(s / 3600).toFixed(1)} h`;
}

export function formatTable(results: ScenarioResult[]): string {
  const lines: string[] = [];
  const head = [
    pad('scenario', 50),
    pad('side', 8),
    ...SERVICES.map((s) => pad(s.slice(0, 11), 11, true)),
    pad('cells read', 12, true),
    pad('written', 10, true),
    pad('CPU', 9, true),
    pad('modelled', 10, true),
  ].join(' ');
  lines.push(head, '-'.repeat(head.length));
  for (const r of results) {
    const ratios = ratiosOf(r);
    const row = (side: string, m: Measure, label: string) =>
      [
        pad(label, 50),
        pad(side, 8),
        ...SERVICES.map((s) => pad(fmt(m.calls[s]), 11, true)),
        pad(fmt(m.cellsRead), 12, true),
        pad(fmt(m.cellsWritten), 10, true),
        pad(`${m.cpuMs.toFixed(0)} ms`, 9, true),
        pad(seconds(m.modelledMs), 10, true),
      ].join(' ');
    lines.push(row('product', r.product, r.label + (r.product.error ? ' (FAILED)' : '')));
    lines.push(row('naive', r.naive, r.naive.error ? '  (naive FAILED)' : ''));
    lines.push(
      [
        pad('', 50),
        pad('÷naive', 8),
        pad(x(ratios.toNaive.spreadsheetCalls), 11, true),
        pad(`all ${x(ratios.toNaive.totalCalls)}`, 11 * 4 + 3, true),
        pad(x(ratios.toNaive.cellsRead), 12, true),
        pad(x(ratios.toNaive.cellsWritten), 10, true),
        pad('', 9),
        pad(x(ratios.toNaive.modelledMs), 10, true),
      ].join(' '),
    );
    lines.push(
      [
        pad('', 50),
        pad('÷min', 8),
        pad(x(ratios.toMinimum.spreadsheetCalls), 11, true),
        pad(
          `(min ${r.minimum.spreadsheetCalls} calls: ${r.minimum.tablesRead.length} tables read, ${r.minimum.tablesWritten.length} written)`,
          11 * 4 + 3,
          true,
        ),
        pad(x(ratios.toMinimum.cellsRead), 12, true),
      ].join(' '),
    );
  }
  return lines.join('\n');
}

export function formatTargets(verdicts: TargetVerdict[]): string {
  const lines: string[] = [];
  for (const v of verdicts) {
    lines.push(`${v.pass ? 'PASS' : 'FAIL'}  ${v.target}: ${v.measured}`);
    for (const l of v.limits) lines.push(`        limited by: ${l}`);
  }
  return lines.join('\n');
}

export function buildReport(
  results: ScenarioResult[],
  model: LatencyModel,
  mode: 'full' | 'quick',
  cells?: { after: CellsResult; before?: CellsResult },
): BenchReport {
  const targets = targetsOf(results);
  if (cells) targets.push(cellsVerdict(cells.after));
  return {
    generatedAt: new Date().toISOString(),
    mode,
    node: process.version,
    model,
    modelBasis: describeModel(model),
    scenarios: results.map((r) => ({ ...r, ratios: ratiosOf(r) })),
    ...(cells ? { cells } : {}),
    targets,
    warnings: warningsOf(results),
  };
}

/** The model, one figure a line with its basis. */
export function formatModel(model: LatencyModel): string {
  return describeModel(model)
    .map((d) => `  ${d.item.padEnd(40)} ${String(d.ms).padStart(6)} ms  ${d.basis}`)
    .join('\n');
}

/** JSON has no Infinity: write it as null. */
export function toJson(report: BenchReport): string {
  return `${JSON.stringify(report, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}
