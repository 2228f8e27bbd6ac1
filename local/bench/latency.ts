// The latency model that turns call counts into "modelled Apps Script time": a fixed cost per
// round trip (per service, optionally per method) plus a cost per cell read and written.
// Every figure is a default that a JSON file (--model file.json) or flags (--ms-spreadsheet=…)
// override; README "Benchmark" lists where each default comes from and which are estimates.
import { readFileSync } from 'node:fs';
import type { CallCost, CallCounts, ServiceName } from '../runtime/context';

export interface LatencyModel {
  /** Milliseconds per round trip, by service. */
  perCall: Record<ServiceName, number>;
  /** Milliseconds per round trip for one "Service.method", overriding perCall. */
  perMethod: Record<string, number>;
  /** Milliseconds per cell moved by a value read (getValues, getValue, getDataRange…). */
  perCellRead: number;
  /** Milliseconds per cell written (setValues, setValue, appendRow). */
  perCellWritten: number;
}

/**
 * Defaults, each labelled in MODEL_SOURCES as "measured (source)" or "estimate". Where Apps
 * Script caches (a read that follows a read is served from its read cache; writes are
 * buffered until the next read or flush — "Optimizing Spreadsheet Operations", Apps Script
 * blog), the single-cell methods a naive script calls in loops are charged what was measured
 * in such loops, not a full round trip: this favours the naive baseline (a read right after a
 * write costs more on Google), so the "× fewer" ratios are, if anything, understated.
 */
export function defaultModel(): LatencyModel {
  return {
    perCall: {
      Spreadsheet: 40,
      Forms: 20,
      Mail: 250,
      Lock: 25,
      Properties: 30,
      Script: 50,
      Utilities: 0,
      Session: 0,
      Logger: 0,
    },
    perMethod: {
      'Properties.setProperty': 62,
      'Properties.getScriptProperties': 0,
      'Lock.getScriptLock': 0,
      'Spreadsheet.flush': 560,
      'Spreadsheet.getRange': 0,
      'Spreadsheet.getValue': 3,
      'Spreadsheet.setValue': 1.2,
      'Spreadsheet.getLastRow': 160,
      'Forms.getId': 2,
      'Forms.getTimestamp': 2,
      'Forms.getRespondentEmail': 2,
      'Forms.getItemResponses': 2,
      'Forms.getResponse': 2,
      'Forms.getItem': 2,
      'Forms.getTitle': 2,
    },
    perCellRead: 0.031,
    perCellWritten: 0.012,
  };
}

const BLOG = 'Optimizing Spreadsheet Operations, Apps Script blog 2010';
const SO =
  'Stack Overflow "What is faster: ScriptDb or SpreadsheetApp?": one setValues of 4,000 cells < 50 ms';
const BUGBUG = 'bugbugnow.net "GoogleAppsScriptのスプレッドシート処理を高速化する" (2019)';

/** Where each default comes from: "measured (source)" or "estimate (why)". */
export const MODEL_SOURCES: Record<string, string> = {
  'perCall.Spreadsheet':
    'estimate: one round trip; bounded by the measured < 50 ms of one 4,000-cell setValues (' +
    SO +
    ')',
  'perCall.Forms': 'estimate',
  'perCall.Mail': 'estimate',
  'perCall.Lock': 'estimate',
  'perCall.Properties': 'measured (ziritione.org, getProperty average of 100 runs: 30 ms)',
  'perCall.Script': 'estimate',
  'perMethod.Properties.setProperty':
    'measured (ziritione.org, setProperty average of 100 runs: 62 ms)',
  'perMethod.Properties.getScriptProperties': 'estimate: returns a handle, no round trip',
  'perMethod.Lock.getScriptLock': 'estimate: returns a handle, no round trip',
  'perMethod.Spreadsheet.flush': `measured (${SO}; with flush() 610 ms: 560 ms for the flush)`,
  'perMethod.Spreadsheet.getRange':
    'estimate: a Range is made without a round trip (the 3 ms getValue figure includes it)',
  'perMethod.Spreadsheet.getValue': `measured (${BUGBUG}: 1,000 getRange().getValue() in a loop, 3,064 ms — the read cache; ${BLOG})`,
  'perMethod.Spreadsheet.setValue': `measured, approximately (${SO}: cell-by-cell writes two orders of magnitude slower than the one setValues, i.e. about 1.2 ms a cell — the write cache)`,
  'perMethod.Spreadsheet.getLastRow': `measured (${BUGBUG}: 1,000 getLastRow() in a loop, 160 s)`,
  'perMethod.Forms.*': 'estimate: FormResponse getters (the response came back whole)',
  perCellRead:
    'measured (Qiita shi-suzuki, "getValues()の代わりにSheets API": getValues of 120,000 rows × 2 columns in 7.38 s = 0.031 ms a cell)',
  perCellWritten: `measured upper bound (${SO}: 0.0125 ms a cell)`,
};

/** The source label of one model entry ("perCall.Spreadsheet", "perMethod.Forms.getId", …). */
export function sourceOf(key: string): string {
  if (MODEL_SOURCES[key]) return MODEL_SOURCES[key];
  if (key.startsWith('perMethod.Forms.')) return MODEL_SOURCES['perMethod.Forms.*'];
  return 'estimate';
}

/** Every figure of a model with its label, for the terminal and the JSON. */
export function describeModel(model: LatencyModel): { item: string; ms: number; basis: string }[] {
  const defaults = defaultModel();
  const out: { item: string; ms: number; basis: string }[] = [];
  const add = (item: string, ms: number, byDefault: number | undefined) =>
    out.push({ item, ms, basis: ms === byDefault ? sourceOf(item) : 'given (--model / --ms-…)' });
  for (const [k, v] of Object.entries(model.perCall))
    if (v > 0) add(`perCall.${k}`, v, defaults.perCall[k as ServiceName]);
  for (const [k, v] of Object.entries(model.perMethod))
    add(`perMethod.${k}`, v, defaults.perMethod[k]);
  add('perCellRead', model.perCellRead, defaults.perCellRead);
  add('perCellWritten', model.perCellWritten, defaults.perCellWritten);
  return out;
}

/** Modelled milliseconds of one execution's counted calls. */
export function modelledMs(counts: CallCounts, model: LatencyModel): number {
  let ms = 0;
  for (const [key, n] of Object.entries(counts.byMethod)) {
    const service = key.slice(0, key.indexOf('.')) as ServiceName;
    const each = model.perMethod[key] ?? model.perCall[service] ?? 0;
    ms += n * each;
  }
  ms += counts.cellsRead * model.perCellRead + counts.cellsWritten * model.perCellWritten;
  return ms;
}

/**
 * The same model applied call by call, for the runtime (LocalRuntime's `latency` option): each
 * call moves the world's clock by what it costs, so the 6-minute kill happens where the model
 * says. Σ callCost over an execution's calls = modelledMs of its counts.
 */
export function callCost(model: LatencyModel = defaultModel()): CallCost {
  return (service, method, cells) =>
    (model.perMethod[`${service}.${method}`] ?? model.perCall[service] ?? 0) +
    cells.read * model.perCellRead +
    cells.written * model.perCellWritten;
}

const SERVICES: ServiceName[] = [
  'Spreadsheet',
  'Forms',
  'Mail',
  'Lock',
  'Properties',
  'Script',
  'Utilities',
  'Session',
  'Logger',
];

/**
 * The model from defaults, then a JSON file (a partial LatencyModel), then flags:
 * --ms-<service>=N (e.g. --ms-spreadsheet=60), --ms-method=Service.method:N,
 * --ms-cell-read=N, --ms-cell-written=N.
 */
export function modelFromArgs(args: readonly string[]): LatencyModel {
  const model = defaultModel();
  const file = flagValue(args, '--model');
  if (file) mergeModel(model, JSON.parse(readFileSync(file, 'utf8')) as Partial<LatencyModel>);
  for (const arg of args) {
    const m = /^--ms-([a-z-]+)=(.+)$/.exec(arg);
    if (!m) continue;
    const [, name, raw] = m;
    if (name === 'cell-read') model.perCellRead = number(raw, arg);
    else if (name === 'cell-written') model.perCellWritten = number(raw, arg);
    else if (name === 'method') {
      const i = raw.lastIndexOf(':');
      if (i < 0) throw new Error(`${arg}: write --ms-method=Service.method:ms`);
      model.perMethod[raw.slice(0, i)] = number(raw.slice(i + 1), arg);
    } else {
      const service = SERVICES.find((s) => s.toLowerCase() === name);
      if (!service) throw new Error(`${arg}: unknown service "${name}"`);
      model.perCall[service] = number(raw, arg);
    }
  }
  return model;
}

export function mergeModel(model: LatencyModel, partial: Partial<LatencyModel>): void {
  Object.assign(model.perCall, partial.perCall ?? {});
  Object.assign(model.perMethod, partial.perMethod ?? {});
  if (partial.perCellRead !== undefined) model.perCellRead = partial.perCellRead;
  if (partial.perCellWritten !== undefined) model.perCellWritten = partial.perCellWritten;
}

export function flagValue(args: readonly string[], flag: string): string | undefined {
  const eq = args.find((a) => a.startsWith(`${flag}=`));
  if (eq) return eq.slice(flag.length + 1);
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

function number(raw: string, arg: string): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${arg}: not a number of milliseconds`);
  return n;
}
