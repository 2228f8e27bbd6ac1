// Shared state of one local Apps Script "world": the clock, the call counter, fault
// injection, the script realm and the current execution. Every service of the local
// runtime receives the same RuntimeContext, so a test or the runner controls them all.

export type ServiceName =
  | 'Spreadsheet'
  | 'Forms'
  | 'Mail'
  | 'Lock'
  | 'Properties'
  | 'Script'
  | 'Utilities'
  | 'Session'
  | 'Logger';

export interface CallCounts {
  /** Round trips per service (a call that would reach Google's servers). */
  calls: Record<ServiceName, number>;
  /** Round trips per "Service.method", e.g. "Spreadsheet.getValues". */
  byMethod: Record<string, number>;
  cellsRead: number;
  cellsWritten: number;
}

const METHOD_KEYS = new Map<string, Map<string, string>>();

/** "Service.method", made once per pair (counted on every call). */
function methodKey(service: string, method: string): string {
  let methods = METHOD_KEYS.get(service);
  if (methods === undefined) {
    methods = new Map();
    METHOD_KEYS.set(service, methods);
  }
  let key = methods.get(method);
  if (key === undefined) {
    key = `${service}.${method}`;
    methods.set(method, key);
  }
  return key;
}

export class CallCounter {
  enabled = true;
  counts: CallCounts = CallCounter.empty();

  static empty(): CallCounts {
    return {
      calls: {
        Spreadsheet: 0,
        Forms: 0,
        Mail: 0,
        Lock: 0,
        Properties: 0,
        Script: 0,
        Utilities: 0,
        Session: 0,
        Logger: 0,
      },
      byMethod: {},
      cellsRead: 0,
      cellsWritten: 0,
    };
  }

  /** Records one round trip. `cells` counts cells moved by value reads/writes. */
  count(service: ServiceName, method: string, cells?: { read?: number; written?: number }): void {
    if (!this.enabled) return;
    this.counts.calls[service]++;
    const key = methodKey(service, method);
    this.counts.byMethod[key] = (this.counts.byMethod[key] ?? 0) + 1;
    this.counts.cellsRead += cells?.read ?? 0;
    this.counts.cellsWritten += cells?.written ?? 0;
  }

  reset(): CallCounts {
    const before = this.counts;
    this.counts = CallCounter.empty();
    return before;
  }
}

/** The world's clock (ms since epoch). Only the runtime advances it; time triggers fire on it. */
export class Clock {
  constructor(private ms: number) {}
  now(): number {
    return this.ms;
  }
  set(ms: number): void {
    if (ms < this.ms) throw new Error('the local clock never goes backwards');
    this.ms = ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

/**
 * What one call costs in modelled milliseconds (the bench's latency model, applied per call:
 * local/bench/latency.ts `callCost`). When the runtime has one, every counted call of an
 * execution moves the world's clock on by its cost, so the script's `Date.now()` sees the
 * time pass and the 6-minute limit is reached as on Google.
 */
export type CallCost = (
  service: ServiceName,
  method: string,
  cells: { read: number; written: number },
) => number;

/**
 * One execution may run 6 minutes: Apps Script kills it with `Exceeded maximum execution time`
 * (Quotas for Google Services, "Script runtime: 6 min / execution",
 * https://developers.google.com/apps-script/guides/services/quotas; the error text:
 * https://developers.google.com/apps-script/guides/support/troubleshooting).
 */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
export const EXECUTION_TIME_EXCEEDED = 'Exceeded maximum execution time';

/**
 * Fault injection: called before every counted call. A hook may throw (the call then fails
 * the way the real service fails) — e.g. `Service Spreadsheets failed while accessing document
 * with id …`. Tests push hooks and remove them.
 */
export type FaultHook = (service: ServiceName, method: string) => void;

/**
 * The script's realm. Values the runtime returns to the script (Dates, arrays) should be made
 * in the script's own V8 context, as in Apps Script; `Date` is set once the bundle is loaded.
 * Anything coming from the script must be recognised without instanceof (use isDate).
 */
export interface Realm {
  Date: DateConstructor;
}

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

export interface Execution {
  /** 'editor' (run by hand or from a menu: UI available) or 'trigger'. */
  kind: 'editor' | 'trigger';
  functionName: string;
  /** The effective user (installable triggers run as their creator). */
  user: string;
  /** Unique id for lock ownership. */
  id: number;
  triggerUid?: string;
  /** The world's clock when it started (its 6 minutes count from here; none: no limit). */
  startedAt?: number;
  /** Set once the execution ran past the limit: every later call fails the same way. */
  killed?: boolean;
  /**
   * 'LIMITED' for simple triggers (onOpen, onEdit): services that need authorization throw
   * (see limitedModeError). Everything else runs with full authorization.
   */
  authMode?: 'FULL' | 'LIMITED';
}

/** What a call needs that a simple trigger (LIMITED mode) does not have, by service. */
const NEEDS_AUTHORIZATION: Partial<
  Record<ServiceName, { global: string; scope: string; methods?: readonly string[] }>
> = {
  Mail: { global: 'MailApp', scope: 'https://www.googleapis.com/auth/script.send_mail' },
  Forms: { global: 'FormApp', scope: 'https://www.googleapis.com/auth/forms' },
  Script: {
    global: 'ScriptApp',
    scope: 'https://www.googleapis.com/auth/script.scriptapp',
    methods: ['getProjectTriggers', 'getUserTriggers', 'newTrigger', 'create', 'deleteTrigger'],
  },
  Spreadsheet: {
    global: 'SpreadsheetApp',
    scope: 'https://www.googleapis.com/auth/spreadsheets',
    methods: ['openById', 'openByUrl', 'create'],
  },
};

/**
 * Simple triggers run in LIMITED mode and "cannot access services that require authorization"
 * (Apps Script guide, Simple triggers → Restrictions); they may use the file they are bound to.
 * The error text is the one reported from real simple triggers, e.g. "You do not have
 * permission to call ScriptApp.getProjectTriggers. Required permissions:
 * https://www.googleapis.com/auth/script.scriptapp" (diegomanuel/binance-to-google-sheets#106)
 * and "…SpreadsheetApp.openById. Required permissions: …/auth/spreadsheets"
 * (peterherrmann/BetterLog#29).
 */
export function limitedModeError(service: ServiceName, method: string): Error | null {
  const rule = NEEDS_AUTHORIZATION[service];
  if (!rule || (rule.methods && !rule.methods.includes(method))) return null;
  const e = new Error(
    `You do not have permission to call ${rule.global}.${method}. Required permissions: ${rule.scope}`,
  );
  e.name = 'Exception';
  return e;
}

export class RuntimeContext {
  readonly counter = new CallCounter();
  readonly clock: Clock;
  readonly faults: FaultHook[] = [];
  realm: Realm = { Date };
  readonly timeZone: string;
  /** The execution that is running now, or null between executions. */
  execution: Execution | null = null;
  /** Per-call cost (off by default: calls take no time, only waits move the clock). */
  latency: CallCost | null = null;
  /** Longest an execution may run on the world's clock before it is killed. */
  executionLimitMs = EXECUTION_LIMIT_MS;
  /**
   * What a '@' (Plain text) cell does with a string written with a leading apostrophe. The
   * reference does not say: 'keep' stores the apostrophe as part of the text (as reported for
   * Plain-text columns, #17); 'drop' (the default) treats it as typed input does, where the
   * apostrophe "is not part of the value" (APPS-SCRIPT-FACTS). The product must be right under
   * both, and the tests run both; the environment check reports which one a Google has.
   */
  textCellApostrophe: 'keep' | 'drop' = 'drop';
  /**
   * The order of a checkbox answer's choices. The reference promises none; the runtime gives
   * them in reverse choice order ('reversed', the default) so that code depending on the
   * choice order shows up; 'choice' gives the form's order.
   */
  checkboxOrder: 'reversed' | 'choice' = 'reversed';
  /** The manifest's oauthScopes (null: unknown, nothing is withheld). */
  scopes: readonly string[] | null = null;
  private nextExecutionId = 1;
  private nextIdSeq = 1;

  constructor(options: { now: number; timeZone: string }) {
    this.clock = new Clock(options.now);
    this.timeZone = options.timeZone;
  }

  /**
   * Counts one round trip and runs the fault hooks first (a hook may throw). With a latency
   * model the call takes its modelled time; a call that ends past the execution's limit does
   * not happen: the execution is killed (and stays dead: a script cannot catch its way out).
   */
  call(service: ServiceName, method: string, cells?: { read?: number; written?: number }): void {
    const execution = this.execution;
    const timed = execution !== null && this.counter.enabled;
    if (timed && execution.killed) throw new Error(EXECUTION_TIME_EXCEEDED);
    if (this.execution?.authMode === 'LIMITED') {
      const denied = limitedModeError(service, method);
      if (denied) throw denied;
    }
    for (const hook of this.faults) hook(service, method);
    this.counter.count(service, method, cells);
    if (!timed) return;
    if (this.latency) {
      const ms = this.latency(service, method, {
        read: cells?.read ?? 0,
        written: cells?.written ?? 0,
      });
      if (ms > 0) this.clock.advance(ms);
    }
    this.checkTime();
  }

  /** Kills the running execution when the clock says its time is up. */
  checkTime(): void {
    const execution = this.execution;
    if (!execution || !this.counter.enabled) return;
    const started = execution.startedAt;
    if (
      execution.killed ||
      (started !== undefined && this.clock.now() - started > this.executionLimitMs)
    ) {
      execution.killed = true;
      throw new Error(EXECUTION_TIME_EXCEEDED);
    }
  }

  newExecutionId(): number {
    return this.nextExecutionId++;
  }

  /** Deterministic ids (spreadsheet, form, response, trigger ids): prefix + counter. */
  newId(prefix: string): string {
    const n = this.nextIdSeq++;
    return `${prefix}${n.toString(36).padStart(8, '0')}`;
  }

  /** A Date in the script's realm. */
  date(ms: number): Date {
    return new this.realm.Date(ms);
  }
}
