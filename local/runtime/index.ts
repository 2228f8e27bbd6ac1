// The whole local Apps Script runtime: one RuntimeContext shared by every service, the
// script's globals, the loaded bundle, and the executions (editor runs, triggers, the clock).

import type vm from 'node:vm';
import {
  type CallCost,
  type CallCounts,
  EXECUTION_TIME_EXCEEDED,
  type Execution,
  RuntimeContext,
} from './context';
import { FormService } from './forms';
import { HtmlServiceImpl } from './html';
import { loadBundle } from './load';
import { LockServiceImpl } from './lock';
import { createConsole, type LocalConsole, LogCapture, LoggerService } from './logger';
import { MailService } from './mail';
import { PropertiesServiceImpl } from './properties';
import { ScriptService, type TriggerRecord } from './script';
import { SessionService } from './session';
import { SpreadsheetService } from './spreadsheet';
import { UtilitiesService } from './utilities';

export interface LocalRuntimeOptions {
  /** The world's clock at the start. */
  start: number | Date;
  /** The script's time zone (appsscript.json). */
  timeZone?: string;
  /** MailApp recipients per day (100 consumer, 1,500 Workspace). */
  dailyMailQuota?: number;
  /** The staff account that runs the editor and creates the triggers. */
  user?: string;
  /**
   * What each call costs (e.g. `callCost(defaultModel())` from local/bench/latency.ts): calls
   * then move the clock, and an execution is killed once it has run 6 minutes. Off by default:
   * only waits (locks, `Utilities.sleep`) take time.
   */
  latency?: CallCost;
  /** The execution time limit (default 6 minutes). */
  executionLimitMs?: number;
  /** What a Plain-text cell does with a leading apostrophe (see RuntimeContext). */
  textCellApostrophe?: 'keep' | 'drop';
  /** The order of checkbox answers (default 'reversed': the reference promises none). */
  checkboxOrder?: 'reversed' | 'choice';
  /**
   * Each execution (editor or menu run, simple or installable trigger) starts with a new global
   * scope, as in Apps Script: the bundle is evaluated anew into a new context before each
   * execution, so module-level state (a top-level `let`, a cache, a reader set per execution)
   * never carries from one execution to the next. The world (spreadsheets, forms, properties,
   * triggers, mail, the clock) persists; only the script's global is new. Off by default: a new
   * context costs some 3 ms per execution, too slow for the demo, the replay and the bench (see
   * README, "The local runtime").
   */
  freshGlobalEachExecution?: boolean;
}

export interface ExecutionRecord {
  functionName: string;
  kind: Execution['kind'];
  triggerUid?: string;
  user: string;
  startedAt: number;
  endedAt: number;
  /** The exception's message when the execution failed. */
  error?: string;
}

/** The script's global scope: the Apps Script services and nothing from Node. */
export interface ScriptGlobals {
  SpreadsheetApp: SpreadsheetService;
  FormApp: FormService;
  HtmlService: HtmlServiceImpl;
  ScriptApp: ScriptService;
  MailApp: MailService;
  LockService: LockServiceImpl;
  PropertiesService: PropertiesServiceImpl;
  Utilities: UtilitiesService;
  Session: SessionService;
  Logger: LoggerService;
  console: LocalConsole;
}

function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

export class LocalRuntime {
  readonly ctx: RuntimeContext;
  readonly sheets: SpreadsheetService;
  readonly forms: FormService;
  readonly script: ScriptService;
  readonly mail: MailService;
  readonly locks: LockServiceImpl;
  readonly properties: PropertiesServiceImpl;
  readonly utilities: UtilitiesService;
  readonly session: SessionService;
  readonly logger: LoggerService;
  readonly logs: LogCapture;
  readonly globals: ScriptGlobals;
  readonly executions: ExecutionRecord[] = [];
  readonly user: string;
  private context: vm.Context | null = null;
  /** The bundle load() evaluated (evaluated again before each execution under freshGlobal). */
  private bundlePath: string | null = null;
  /** Globals the world defines for the script (defineGlobal), set again on every new context. */
  private readonly worldGlobals = new Map<string, unknown>();
  /** See LocalRuntimeOptions.freshGlobalEachExecution. */
  readonly freshGlobal: boolean;
  /** How many times the bundle has been evaluated (load() and each fresh execution). */
  loads = 0;

  constructor(options: LocalRuntimeOptions) {
    this.freshGlobal = options.freshGlobalEachExecution ?? false;
    const start = typeof options.start === 'number' ? options.start : options.start.getTime();
    this.user = options.user ?? 'office@example.org';
    this.ctx = new RuntimeContext({ now: start, timeZone: options.timeZone ?? 'Asia/Tokyo' });
    this.ctx.latency = options.latency ?? null;
    if (options.executionLimitMs !== undefined)
      this.ctx.executionLimitMs = options.executionLimitMs;
    this.ctx.textCellApostrophe = options.textCellApostrophe ?? 'drop';
    this.ctx.checkboxOrder = options.checkboxOrder ?? 'reversed';
    this.sheets = new SpreadsheetService(this.ctx);
    this.script = new ScriptService(this.ctx, { user: this.user });
    this.forms = new FormService(this.ctx, { sheets: this.sheets, script: this.script });
    this.mail = new MailService(this.ctx, { dailyQuota: options.dailyMailQuota ?? 100 });
    this.locks = new LockServiceImpl(this.ctx);
    this.properties = new PropertiesServiceImpl(this.ctx);
    this.utilities = new UtilitiesService(this.ctx);
    this.session = new SessionService(this.ctx, { activeUser: this.user });
    this.logs = new LogCapture(this.ctx);
    this.logger = new LoggerService(this.ctx, this.logs);
    this.script.executor = (trigger, event) => this.runTrigger(trigger, event);
    this.globals = {
      SpreadsheetApp: this.sheets,
      FormApp: this.forms,
      HtmlService: new HtmlServiceImpl(),
      ScriptApp: this.script,
      MailApp: this.mail,
      LockService: this.locks,
      PropertiesService: this.properties,
      Utilities: this.utilities,
      Session: this.session,
      Logger: this.logger,
      console: createConsole(this.logs),
    };
  }

  /** Evaluates the bundle (only that file) in a fresh context; returns the script's global. */
  load(bundlePath = 'dist/Code.js'): vm.Context {
    this.bundlePath = bundlePath;
    this.context = loadBundle(bundlePath, this.globals, this.ctx);
    this.loads++;
    for (const [name, value] of this.worldGlobals) this.context[name] = value;
    return this.context;
  }

  /**
   * World API: a global the world gives the script (the bench's naive functions), kept on every
   * new context under freshGlobalEachExecution. Not an Apps Script behaviour.
   */
  defineGlobal(name: string, value: unknown): void {
    this.worldGlobals.set(name, value);
    this.scriptGlobal[name] = value;
  }

  /**
   * The script's global object (after load): under freshGlobalEachExecution, the one the last
   * (or running) execution started with.
   */
  get scriptGlobal(): vm.Context {
    if (!this.context) throw new Error('no script loaded: call load() first');
    return this.context;
  }

  /** Runs a global function from the editor (or a menu): UI available; errors are rethrown. */
  run(functionName: string, ...args: unknown[]): unknown {
    return this.runAs(this.user, functionName, ...args);
  }

  /**
   * Runs a global function from the editor or a menu as another account (a second staff member
   * who can edit the spreadsheet): ScriptApp then shows and creates that account's triggers.
   */
  runAs(user: string, functionName: string, ...args: unknown[]): unknown {
    const outcome = this.execute('editor', functionName, user, undefined, args);
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  }

  /**
   * A simple trigger (onOpen, onEdit) as Sheets runs it: LIMITED authorization, as the person
   * who caused the event. An exception is recorded, not shown (or rethrown).
   */
  simpleTrigger(
    functionName: 'onOpen' | 'onEdit',
    event: Record<string, unknown>,
    user = this.user,
  ): void {
    this.execute('editor', functionName, user, undefined, [event], 'LIMITED');
  }

  /**
   * Runs an installable trigger's handler as its creator. An exception ends the execution and
   * is recorded; the event is not retried.
   */
  runTrigger(trigger: TriggerRecord, event: Record<string, unknown>): void {
    this.execute('trigger', trigger.handlerFunction, trigger.owner, trigger.uid, [event]);
  }

  /**
   * Staff open the spreadsheet: the simple `onOpen(e)` trigger runs as the person at the
   * keyboard, with the UI available (it adds the menus). Like every simple trigger, an
   * exception is recorded, not shown.
   */
  open(): void {
    let source: unknown = null;
    this.uncounted(() => {
      source = this.sheets.getActiveSpreadsheet();
    });
    const event = { authMode: 'LIMITED', source, user: this.user };
    this.simpleTrigger('onOpen', event);
  }

  private execute(
    kind: Execution['kind'],
    functionName: string,
    user: string,
    triggerUid: string | undefined,
    args: unknown[],
    authMode: 'FULL' | 'LIMITED' = 'FULL',
  ): { value: unknown } | { error: unknown } {
    const previous = this.ctx.execution;
    const execution: Execution = {
      kind,
      functionName,
      user,
      id: this.ctx.newExecutionId(),
      triggerUid,
      startedAt: this.ctx.clock.now(),
      authMode,
    };
    const record: ExecutionRecord = {
      functionName,
      kind,
      user,
      startedAt: this.ctx.clock.now(),
      endedAt: this.ctx.clock.now(),
      ...(triggerUid ? { triggerUid } : {}),
    };
    this.executions.push(record);
    // A nested execution (a trigger fired from inside another) gives the outer one its own
    // global and Dates back when it ends.
    const outer = previous ? { context: this.context, realm: this.ctx.realm } : null;
    this.ctx.execution = execution;
    this.uncounted(() => this.logger.clear()); // Logger.getLog() covers one execution
    try {
      // Apps Script evaluates the project's files anew for each execution.
      if (this.freshGlobal && this.bundlePath !== null) this.load(this.bundlePath);
      const fn = this.scriptGlobal[functionName];
      if (typeof fn !== 'function') throw new Error(`Script function not found: ${functionName}`);
      const value = fn(...args);
      // Killed: whatever the script did with the error, the execution ended there.
      if (execution.killed) throw new Error(EXECUTION_TIME_EXCEEDED);
      return { value };
    } catch (error) {
      record.error = execution.killed ? EXECUTION_TIME_EXCEEDED : messageOf(error);
      return { error: execution.killed ? new Error(EXECUTION_TIME_EXCEEDED) : error };
    } finally {
      record.endedAt = this.ctx.clock.now();
      // Locks end with their execution.
      this.locks.releaseAll(execution.id);
      this.ctx.execution = previous;
      if (outer && this.freshGlobal) {
        this.context = outer.context;
        this.ctx.realm = outer.realm;
      }
    }
  }

  /**
   * Runs `action` without counting its calls: set-up of a scenario, a person's or Google's own
   * doing, or the runner looking at the sheets (not the script's work).
   */
  uncounted<T>(action: () => T): T {
    const enabled = this.ctx.counter.enabled;
    this.ctx.counter.enabled = false;
    try {
      return action();
    } finally {
      this.ctx.counter.enabled = enabled;
    }
  }

  // ---- the clock ---------------------------------------------------------------------------

  /**
   * Moves the clock to `ms`, firing every time-driven trigger that falls due on the way, in
   * time order, each with the clock set to its due time. Response rows held back (lateRow)
   * reach their sheet first: they were due when their form was submitted.
   */
  advanceTo(ms: number | Date): void {
    const until = typeof ms === 'number' ? ms : ms.getTime();
    if (until < this.ctx.clock.now()) throw new Error('the local clock never goes backwards');
    this.forms.flushLateRows();
    for (;;) {
      const due = this.script.nextClockDue(until);
      if (!due) break;
      // An execution that waited (a lock, Utilities.sleep) moved the clock on: a trigger that
      // fell due meanwhile runs late, at the current time, as Google's would.
      const at = Math.max(due.at, this.ctx.clock.now());
      this.ctx.clock.set(at);
      this.script.advanceClockTrigger(due.trigger, due.at);
      this.betweenExecutions?.('before', due.trigger.handlerFunction);
      this.script.fire(due.trigger, clockEvent(at));
      this.betweenExecutions?.('after', due.trigger.handlerFunction);
    }
    this.ctx.clock.set(Math.max(until, this.ctx.clock.now()));
  }

  /**
   * World API: called right before and right after each time-driven trigger's execution, with
   * its handler (what a person does to the spreadsheet between two executions: the fault suite's
   * staff rearranging the sheets). Not an Apps Script behaviour.
   */
  betweenExecutions: ((when: 'before' | 'after', handler: string) => void) | null = null;

  advanceBy(ms: number): void {
    this.advanceTo(this.ctx.clock.now() + ms);
  }

  now(): number {
    return this.ctx.clock.now();
  }

  /** Turns the per-call latency on (a cost function) or off (null). */
  setLatency(cost: CallCost | null): void {
    this.ctx.latency = cost;
  }

  // ---- faults and counts ----------------------------------------------------------------

  /** The trigger stops firing (Google disables triggers after repeated failures). */
  disableTrigger(uid: string): void {
    this.script.setEnabled(uid, false, 'disabled by the test');
  }

  enableTrigger(uid: string): void {
    this.script.setEnabled(uid, true);
  }

  counts(): CallCounts {
    return this.ctx.counter.counts;
  }

  resetCounts(): CallCounts {
    return this.ctx.counter.reset();
  }
}

/** The time-driven event object (ScriptApp clock events report their fields in UTC). */
function clockEvent(at: number): Record<string, unknown> {
  const d = new Date(at);
  const startOfYear = Date.UTC(d.getUTCFullYear(), 0, 1);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    'day-of-month': d.getUTCDate(),
    'day-of-week': d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
    'week-of-year': Math.floor((at - startOfYear) / (7 * 86_400_000)) + 1,
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    timezone: 'UTC',
  };
}

export { FormService } from './forms';
export { ScriptService } from './script';
