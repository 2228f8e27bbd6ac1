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
 * Defaults. Measured figures: Properties (ziritione.org, 100 runs: getProperty avg 30 ms,
 * setProperty avg 62 ms). A single setValues of 4,000 cells under 50 ms (Stack Overflow
 * experiment "What is faster: ScriptDB or SpreadsheetApp?") bounds the per-cell write cost.
 * Estimates: the 40 ms Spreadsheet round trip ("tens of milliseconds", APPS-SCRIPT-FACTS and
 * the Apps Script best-practices page "Use batch operations"), Forms, Mail, Lock, Script, and
 * the cheap FormResponse getters (the response objects come back whole from getResponses /
 * the trigger event, so reading their fields is assumed not to need a full round trip).
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
      'Spreadsheet.flush': 100,
      'Forms.getId': 2,
      'Forms.getTimestamp': 2,
      'Forms.getRespondentEmail': 2,
      'Forms.getItemResponses': 2,
      'Forms.getResponse': 2,
      'Forms.getItem': 2,
      'Forms.getTitle': 2,
    },
    perCellRead: 0.005,
    perCellWritten: 0.012,
  };
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
