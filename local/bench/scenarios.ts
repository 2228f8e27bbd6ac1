// The bench scenarios: each builds two identical office worlds (built bundle loaded, setup run,
// sheets seeded with counting off), runs exactly one execution of the product in one and of the
// naive implementation in the other, and measures both the same way.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fromCell } from '../../src/adapters/tables/cells';
import type { CallCounts, ServiceName } from '../runtime/context';
import type { FormResponse } from '../runtime/forms';
import type { LocalRuntime } from '../runtime/index';
import { LocalRange, LocalSheet, type LocalSpreadsheet } from '../runtime/spreadsheet';
import { createOfficeWorld, type OfficeWorld } from '../world';
import { callCost, type LatencyModel, modelledMs } from './latency';
import { installNaive } from './naive';
import {
  applicationAnswers,
  applicationInputs,
  buildDataset,
  type Dataset,
  memberSeed,
  registrationAnswers,
  seedSheets,
  tokyo,
} from './seed';

export const SERVICES: ServiceName[] = ['Spreadsheet', 'Forms', 'Mail', 'Lock', 'Properties'];

export interface Measure {
  calls: Record<ServiceName, number>;
  /** Round trips of every service. */
  totalCalls: number;
  byMethod: Record<string, number>;
  cellsRead: number;
  cellsWritten: number;
  /** Node CPU time of the execution (the script's work plus the local runtime's bookkeeping). */
  cpuMs: number;
  modelledMs: number;
  /**
   * Modelled milliseconds the script lock was held (from the tryLock that took it to its
   * releaseLock; summed when taken twice): what the next execution waits for (issue #15).
   */
  lockHeldMs: number;
  /** Value reads (getValues) and writes (setValues, appendRow) per sheet, in order. */
  reads: Record<string, number>;
  writes: Record<string, number>;
  /** The execution's error, if it failed. */
  error?: string;
}

export interface Minimum {
  tablesRead: string[];
  tablesWritten: string[];
  spreadsheetCalls: number;
  /** Every cell of the tables read, read once. */
  cellsRead: number;
}

export interface ScenarioResult {
  id:
    | 'registration'
    | 'application'
    | 'monthly'
    | 'redecideAll'
    | 'sweep'
    | 'sweepHourly'
    | 'statistics';
  label: string;
  size: Record<string, number>;
  product: Measure;
  naive: Measure;
  minimum: Minimum;
  /** What each side computed, to check they agree. */
  outcome: { product: string; naive: string; same: boolean };
  /** The full pass: its runs under the 6-minute kill (product), and with the earlier bundle. */
  runs?: SweepRuns;
  before?: SweepRuns;
}

export interface Sizes {
  registration: number[];
  application: number[];
  applicationMembers: number;
  monthly: { applications: number; members: number };
  redecideAll: { applications: number; members: number };
  statistics: { applications: number; members: number };
  sweep: { responses: number; members: number; missingEvery: number };
  /** The hourly sweep's sizes (responses): its cells read must be the same at each. */
  hourly: number[];
}

export const FULL: Sizes = {
  registration: [100, 5000, 20000],
  application: [100, 10000, 50000],
  applicationMembers: 5000,
  monthly: { applications: 50000, members: 5000 },
  redecideAll: { applications: 50000, members: 5000 },
  statistics: { applications: 50000, members: 5000 },
  sweep: { responses: 50000, members: 5000, missingEvery: 100 },
  hourly: [5000, 50000],
};

export const QUICK: Sizes = {
  registration: [20, 200],
  application: [20, 300],
  applicationMembers: 100,
  monthly: { applications: 400, members: 100 },
  redecideAll: { applications: 400, members: 100 },
  statistics: { applications: 400, members: 100 },
  sweep: { responses: 400, members: 100, missingEvery: 100 },
  hourly: [20, 400],
};

/** Responses in the window of the hourly sweep compared at two sizes (a busy day's 3 hours hold ~20). */
export const HOURLY_WINDOW = 10;

/** Bench clock: the monthly run of 2024-07 (settling June) and office hours that day. */
export const RUN_AT = tokyo('2024-07-01', '06:30');
export const OFFICE_HOURS = tokyo('2024-07-01', '10:00');
const SETTLED_THROUGH = '2024-05';

// ---- worlds ------------------------------------------------------------------------------

let bundle: string | undefined;

/**
 * Every world of one bench run loads the same copy of the bundle, taken at the start: other
 * work rebuilding dist/ during a run must not change the product between two sizes.
 */
export function snapshotBundle(from = resolve(__dirname, '..', '..', 'dist', 'Code.js')): string {
  const dir = mkdtempSync(join(tmpdir(), 'bansou-bench-'));
  bundle = join(dir, 'Code.js');
  copyFileSync(from, bundle);
  return bundle;
}

/** The bundle this run loads (the snapshot, when one was taken). */
export function bundleSnapshot(): string | undefined {
  return bundle;
}

export function newWorld(
  now: number,
  bundleFile = bundle,
  options: { withSignupForm?: boolean } = {},
): OfficeWorld {
  const world = createOfficeWorld({
    dailyMailQuota: 1_000_000,
    ...options,
    ...(bundleFile ? { bundle: bundleFile } : {}),
  });
  world.rt.run('setup');
  // Straight to the bench's day without firing the time triggers on the way (not measured).
  world.rt.ctx.clock.set(now);
  // A running system: an execution less than 6 h ago left Settings and Templates in the cache
  // (set-up is idempotent; re-running it here refreshes that cache, not measured). A trigger
  // that finds the cache cold reads the two sheets: +6 Spreadsheet calls, once.
  world.rt.run('setup');
  // ... whose monthly run ran on time (else the hourly sweep would run it: monthlyRunOverdue).
  world.rt.properties.script.set(
    'job.lastRun.runMonthlyPayments',
    `${new Date(now).toISOString()} spreadsheet`,
  );
  installNaive(world.rt, world.application.getId());
  return world;
}

// ---- measuring ---------------------------------------------------------------------------

/** Records which sheet each value read and write touches, by wrapping four runtime methods. */
function traceTables(rt: LocalRuntime): {
  reads: Record<string, number>;
  writes: Record<string, number>;
  stop: () => void;
} {
  const reads: Record<string, number> = {};
  const writes: Record<string, number> = {};
  const nameOf = (sheet: LocalSheet) => rt.uncounted(() => sheet.getName());
  const range = LocalRange.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const sheet = LocalSheet.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const getValues = range.getValues;
  const getSheetValues = sheet.getSheetValues;
  const setValues = range.setValues;
  const appendRow = sheet.appendRow;
  range.getValues = function (this: LocalRange, ...a: unknown[]) {
    const name = nameOf(this.getSheet());
    if (rt.ctx.counter.enabled) reads[name] = (reads[name] ?? 0) + 1;
    return getValues.apply(this, a);
  };
  sheet.getSheetValues = function (this: LocalSheet, ...a: unknown[]) {
    const name = nameOf(this);
    if (rt.ctx.counter.enabled) reads[name] = (reads[name] ?? 0) + 1;
    return getSheetValues.apply(this, a);
  };
  range.setValues = function (this: LocalRange, ...a: unknown[]) {
    const name = nameOf(this.getSheet());
    if (rt.ctx.counter.enabled) writes[name] = (writes[name] ?? 0) + 1;
    return setValues.apply(this, a);
  };
  sheet.appendRow = function (this: LocalSheet, ...a: unknown[]) {
    const name = nameOf(this);
    if (rt.ctx.counter.enabled) writes[name] = (writes[name] ?? 0) + 1;
    return appendRow.apply(this, a);
  };
  return {
    reads,
    writes,
    stop: () => {
      range.getValues = getValues;
      sheet.getSheetValues = getSheetValues;
      range.setValues = setValues;
      sheet.appendRow = appendRow;
    },
  };
}

/**
 * Times the script lock on the model: the calls counted between the tryLock (or waitLock) that
 * takes it and its releaseLock (the tryLock's own round trip left out: the lock is had at its end).
 */
function lockTimer(rt: LocalRuntime, model: LatencyModel): { heldMs(): number; stop(): void } {
  let held = 0;
  let since: number | null = null;
  const taking = (m: string) => model.perMethod[`Lock.${m}`] ?? model.perCall.Lock;
  let method = '';
  const hook = (service: string, m: string) => {
    if (service !== 'Lock') return;
    if ((m === 'tryLock' || m === 'waitLock') && since === null) {
      since = modelledMs(rt.counts(), model);
      method = m;
    } else if (m === 'releaseLock' && since !== null) {
      held += modelledMs(rt.counts(), model) - since - taking(method);
      since = null;
    }
  };
  rt.ctx.faults.push(hook);
  return {
    heldMs: () => held,
    stop: () => {
      const i = rt.ctx.faults.indexOf(hook);
      if (i >= 0) rt.ctx.faults.splice(i, 1);
    },
  };
}

export function measure(rt: LocalRuntime, model: LatencyModel, action: () => void): Measure {
  const executions = rt.executions.length;
  rt.resetCounts();
  const trace = traceTables(rt);
  const lock = lockTimer(rt, model);
  const cpu = process.cpuUsage();
  try {
    action();
  } finally {
    trace.stop();
    lock.stop();
  }
  const used = process.cpuUsage(cpu);
  const counts: CallCounts = structuredClone(rt.counts());
  const failed = rt.executions.slice(executions).find((e) => e.error);
  return {
    calls: counts.calls,
    totalCalls: Object.values(counts.calls).reduce((a, b) => a + b, 0),
    byMethod: counts.byMethod,
    cellsRead: counts.cellsRead,
    cellsWritten: counts.cellsWritten,
    cpuMs: (used.user + used.system) / 1000,
    modelledMs: modelledMs(counts, model),
    lockHeldMs: lock.heldMs(),
    reads: trace.reads,
    writes: trace.writes,
    ...(failed ? { error: failed.error } : {}),
  };
}

function minimum(
  ss: LocalSpreadsheet,
  rt: LocalRuntime,
  read: string[],
  written: string[],
): Minimum {
  const cellsRead = rt.uncounted(() =>
    read.reduce((sum, name) => {
      const sheet = ss.getSheetByName(name);
      return sum + (sheet ? sheet.getLastRow() * sheet.getLastColumn() : 0);
    }, 0),
  );
  return {
    tablesRead: read,
    tablesWritten: written,
    spreadsheetCalls: read.length + written.length,
    cellsRead,
  };
}

/**
 * Cells as the product reads them (store/cells.ts fromCell): the naive version writes every
 * string with an apostrophe, which a Plain-text column keeps (#17).
 */
function asRead(values: unknown[][]): unknown[][] {
  return values.map((row) => row.map(fromCell));
}

function cell(
  world: OfficeWorld,
  sheetName: string,
  header: string,
  match: (row: unknown[]) => boolean,
): string {
  return world.rt.uncounted(() => {
    const sheet = world.ss.getSheetByName(sheetName);
    if (!sheet) return '';
    const values = asRead(sheet.getDataRange().getValues());
    const i = values[0].indexOf(header);
    const row = values.slice(1).reverse().find(match);
    return row ? String(row[i]) : '';
  });
}

// ---- the scenarios -----------------------------------------------------------------------

export function registrationScenario(members: number, model: LatencyModel): ScenarioResult {
  const data = buildDataset({ members, applications: 0 });
  const newcomer = { ...memberSeed(members + 1), email: 'newcomer@example.org', name: 'Newcomer' };
  const run = (naive: boolean) => {
    const world = newWorld(OFFICE_HOURS);
    seedSheets(world.rt, world.ss, data);
    const min = minimum(
      world.ss,
      world.rt,
      ['Settings', 'Templates', 'Members'],
      ['Members', 'Log'],
    );
    const submission = { email: newcomer.email, answers: registrationAnswers(newcomer) };
    const m = measure(world.rt, model, () => {
      if (!naive) world.rt.forms.submit(world.registration, submission);
      else {
        const response = world.rt.forms.submit(world.registration, submission, { drop: true });
        world.rt.run('naiveRegistration', { response, source: world.registration });
      }
    });
    const id = cell(
      world,
      'Members',
      'Bansou Net ID / 伴走ネットID',
      (r) => r[1] === newcomer.email,
    );
    return { m, min, outcome: `new member ${id}` };
  };
  const p = run(false);
  const n = run(true);
  return result('registration', `Registration submit, ${fmt(members)} members`, { members }, p, n);
}

export function applicationScenario(
  earlier: number,
  members: number,
  model: LatencyModel,
): ScenarioResult {
  const data = buildDataset({ members, applications: earlier, settledThrough: SETTLED_THROUGH });
  // A member without declared experience (the course sheet is needed) and with documents,
  // with a second supporter: the most the decision reads and mails.
  const applicant = memberSeed(8);
  const second = memberSeed(3);
  const submission = applicationAnswers(
    {
      responseId: '',
      submittedAt: OFFICE_HOURS,
      respondentEmail: applicant.email,
      applicantId: applicant.id,
      secondId: second.id,
      supportDate: '2024-06-28',
      startTime: '10:00',
      endTime: '12:30',
      recipientName: 'Bench Person',
      recipientBirthYear: '1990',
      missing: [],
    },
    applicant.name,
  );
  const run = (naive: boolean) => {
    const world = newWorld(OFFICE_HOURS);
    seedSheets(world.rt, world.ss, data);
    const min = minimum(
      world.ss,
      world.rt,
      ['Settings', 'Templates', 'Members', 'Course', 'Documents', 'Applications'],
      ['Applications', 'Log'],
    );
    const sub = { email: submission.email, at: submission.at, answers: submission.answers };
    let responseId = '';
    const m = measure(world.rt, model, () => {
      if (!naive) responseId = world.rt.forms.submit(world.application, sub).getId();
      else {
        const response = world.rt.forms.submit(world.application, sub, { drop: true });
        responseId = world.rt.uncounted(() => response.getId());
        world.rt.run('naiveApplication', { response, source: world.application });
      }
    });
    const status = cell(world, 'Applications', 'Status / 判定', (r) => r[0] === responseId);
    const fee = cell(
      world,
      'Applications',
      'Fee per supporter / 謝金（1人）',
      (r) => r[0] === responseId,
    );
    return { m, min, outcome: `${status} ${fee}` };
  };
  const p = run(false);
  const n = run(true);
  return result(
    'application',
    `Application submit, ${fmt(earlier)} earlier applications`,
    { applications: earlier, members },
    p,
    n,
  );
}

function settledWorld(data: Dataset, now: number): OfficeWorld {
  const world = newWorld(now);
  seedSheets(world.rt, world.ss, data);
  return world;
}

function ledgerOf(world: OfficeWorld, month: string): { lines: number; total: number } {
  return world.rt.uncounted(() => {
    const values = asRead(world.ss.getSheetByName('Ledger')!.getDataRange().getValues());
    let lines = 0;
    let total = 0;
    for (const row of values.slice(1)) {
      if (row[3] !== month) continue;
      lines++;
      total += Number(row[2]);
    }
    return { lines, total };
  });
}

export function monthlyScenario(
  applications: number,
  members: number,
  model: LatencyModel,
): ScenarioResult {
  const data = buildDataset({ members, applications, settledThrough: SETTLED_THROUGH });
  const read = [
    'Settings',
    'Templates',
    'Applications',
    'Members',
    'Course',
    'Documents',
    'Ledger',
    'Payment runs',
    'Payment notices', // R30: who was told already
    'Outbox', // R30: the notices are queued there
  ];
  const written = [
    'Applications',
    'Ledger',
    'Payment holds',
    'Payment runs',
    'Payments 2024-06',
    'Payment notices',
    'Outbox',
    'Log',
  ];
  const run = (naive: boolean) => {
    const world = settledWorld(data, RUN_AT);
    const min = minimum(world.ss, world.rt, read, written);
    const m = measure(world.rt, model, () => {
      world.rt.run(naive ? 'naiveMonthly' : 'runMonthlyPayments');
    });
    const l = ledgerOf(world, '2024-06');
    return { m, min, outcome: `2024-06: ${l.lines} ledger lines, ${l.total} yen` };
  };
  const p = run(false);
  const n = run(true);
  return result(
    'monthly',
    `Monthly run, ${fmt(applications)} applications, ${fmt(members)} members`,
    { applications, members },
    p,
    n,
  );
}

function statusCounts(world: OfficeWorld): string {
  return world.rt.uncounted(() => {
    const values = asRead(world.ss.getSheetByName('Applications')!.getDataRange().getValues());
    const i = values[0].indexOf('Status / 判定');
    const counts: Record<string, number> = {};
    for (const row of values.slice(1)) counts[String(row[i])] = (counts[String(row[i])] ?? 0) + 1;
    return Object.keys(counts)
      .sort()
      .map((k) => `${k} ${counts[k]}`)
      .join(', ');
  });
}

export function redecideScenario(
  applications: number,
  members: number,
  model: LatencyModel,
): ScenarioResult {
  const data = buildDataset({ members, applications, settledThrough: SETTLED_THROUGH });
  const run = (naive: boolean) => {
    const world = settledWorld(data, OFFICE_HOURS);
    const min = minimum(
      world.ss,
      world.rt,
      ['Settings', 'Applications', 'Members', 'Course', 'Documents'],
      ['Applications', 'Log'],
    );
    const m = measure(world.rt, model, () => {
      world.rt.run(naive ? 'naiveRedecideAll' : 'redecideAll');
    });
    return { m, min, outcome: statusCounts(world) };
  };
  const p = run(false);
  const n = run(true);
  return result(
    'redecideAll',
    `redecideAll, ${fmt(applications)} applications`,
    { applications, members },
    p,
    n,
  );
}

/** A row's value in column B of the Statistics sheet, by its label in column A. */
function statisticOf(world: OfficeWorld, label: string): string {
  return world.rt.uncounted(() => {
    const sheet = world.ss.getSheetByName('Statistics');
    if (!sheet) return '';
    const row = sheet
      .getDataRange()
      .getValues()
      .find((r) => r[0] === label);
    return row ? String(row[1]) : '';
  });
}

/** "Update statistics" from the menu, on a system whose Statistics sheet and charts exist. */
export function statisticsScenario(
  applications: number,
  members: number,
  model: LatencyModel,
): ScenarioResult {
  const data = buildDataset({ members, applications, settledThrough: SETTLED_THROUGH });
  const run = (naive: boolean) => {
    const world = settledWorld(data, OFFICE_HOURS);
    // The sheet and its charts were made by an earlier refresh (not measured).
    world.rt.uncounted(() => world.rt.run(naive ? 'naiveStatistics' : 'updateStatistics'));
    const min = minimum(
      world.ss,
      world.rt,
      ['Applications', 'Ledger', 'Members', 'Sessions', 'Sign-ups'],
      ['Statistics', 'Log'],
    );
    const m = measure(world.rt, model, () => {
      world.rt.run(naive ? 'naiveStatistics' : 'updateStatistics');
    });
    const outcome = [
      'Accepted support cases / 受理した支援件数',
      'Persons supported / 相談者数（実人数）',
      'Amount paid (yen) / 支払額（円）',
    ]
      .map((label) => statisticOf(world, label))
      .join(' / ');
    return { m, min, outcome: `accepted / persons / paid: ${outcome}` };
  };
  const p = run(false);
  const n = run(true);
  return result(
    'statistics',
    `Update statistics, ${fmt(applications)} applications`,
    { applications, members },
    p,
    n,
  );
}

/** How a pass of runs went when the runtime kills executions at 6 minutes. */
export interface SweepRuns {
  runs: number;
  /** Modelled time of each run (the world's clock, every call taking its modelled cost). */
  runMs: number[];
  /** Runs killed with `Exceeded maximum execution time`. */
  killed: number;
  /** Responses with a row in Applications, of all the form's responses. */
  rows: number;
  responses: number;
  /** Of the responses that were missing: how many have a decision email sent or queued … */
  mailed: number;
  /** … and a DECIDED line in the Log. */
  logged: number;
  missing: number;
}

const KILLED = 'Exceeded maximum execution time';

/**
 * Runs `fn` (one execution) up to `max` times with every call taking its modelled time and
 * executions killed at 6 minutes, until it reports nothing left; then checks what is lost.
 */
function runsUntilDone(
  world: OfficeWorld,
  model: LatencyModel,
  fn: string,
  missingIds: Set<string>,
  responses: number,
  max: number,
): SweepRuns {
  const { rt } = world;
  rt.setLatency(callCost(model));
  const runMs: number[] = [];
  let killed = 0;
  const sentBefore = rt.mail.outbox.length;
  for (let i = 0; i < max; i++) {
    const start = rt.now();
    let message = '';
    try {
      message = String(rt.run(fn));
    } catch (error) {
      message = String((error as Error).message);
    }
    runMs.push(rt.now() - start);
    if (message.includes(KILLED)) killed++;
    else if (!message.includes('run it again')) break;
  }
  rt.setLatency(null);
  return rt.uncounted(() => {
    const values = (name: string) =>
      world.ss.getSheetByName(name)?.getDataRange().getValues() ?? [];
    const apps = values('Applications');
    const idCol = apps[0].indexOf('Response ID / 回答ID');
    const rows = new Set(apps.slice(1).map((r) => String(r[idCol])));
    const mailedIds = new Set<string>();
    for (const m of rt.mail.outbox.slice(sentBefore)) {
      for (const id of missingIds) if (m.body.includes(id)) mailedIds.add(id);
    }
    const outbox = values('Outbox');
    const refCol = outbox[0]?.indexOf('Reference / 参照') ?? -1;
    for (const r of outbox.slice(1))
      if (missingIds.has(String(r[refCol]))) mailedIds.add(String(r[refCol]));
    const log = values('Log');
    const action = log[0]?.indexOf('Action / 処理') ?? -1;
    const rid = log[0]?.indexOf('Response ID / 回答ID') ?? -1;
    const logged = new Set(
      log
        .slice(1)
        .filter((r) => r[action] === 'DECIDED' && missingIds.has(String(r[rid])))
        .map((r) => String(r[rid])),
    );
    return {
      runs: runMs.length,
      runMs,
      killed,
      rows: rows.size,
      responses,
      mailed: mailedIds.size,
      logged: logged.size,
      missing: missingIds.size,
    };
  });
}

/** The sweep scenarios' input: `responses` applications of `members` people, every `missingEvery`-th never processed. */
interface SweepInput {
  responses: number;
  members: number;
  missing: Set<number>;
  raw: ReturnType<typeof applicationInputs>;
}

function sweepInput(responses: number, members: number, missingEvery: number): SweepInput {
  const missing = new Set<number>();
  for (let i = Math.floor(missingEvery / 2); i < responses; i += missingEvery) missing.add(i);
  const people = Array.from({ length: members }, (_, i) => memberSeed(i + 1));
  const raw = applicationInputs(people, responses, '2023-07-15', '2024-06-30');
  return { responses, members, missing, raw };
}

/**
 * A world for the sweep: the form's own responses (no trigger fires), then the sheets as if all
 * but the missing ones were processed. `latest` is the latest response's moment.
 */
function sweepWorld(
  input: SweepInput,
  bundleFile?: string,
): { world: OfficeWorld; missingIds: Set<string>; latest: number; times: number[] } {
  const world = newWorld(OFFICE_HOURS, bundleFile);
  let latest = 0;
  const times: number[] = [];
  const ids = input.raw.map((r) => {
    const a = applicationAnswers(r.input, r.applicantName);
    latest = Math.max(latest, a.at ?? 0);
    times.push(a.at ?? 0);
    const response: FormResponse = world.rt.forms.submit(
      world.application,
      { email: a.email, at: a.at, answers: a.answers },
      { drop: true },
    );
    return world.rt.uncounted(() => response.getId());
  });
  const data = buildDataset({
    members: input.members,
    applications: input.responses,
    settledThrough: SETTLED_THROUGH,
    responseIds: ids,
    missing: input.missing,
  });
  seedSheets(world.rt, world.ss, data, input.missing);
  return { world, missingIds: new Set([...input.missing].map((i) => ids[i])), latest, times };
}

/**
 * The menu's full pass ("Process missed responses") over every response ever submitted, 1 in
 * `missingEvery` never processed, with executions killed at 6 minutes: repeated until it says
 * it is done (at most 10 runs). The naive sweep is measured once, unkilled. With `before`, the
 * same pass with an earlier bundle, for the side-by-side figures.
 */
export function sweepScenario(
  responses: number,
  members: number,
  missingEvery: number,
  model: LatencyModel,
  before?: string,
): ScenarioResult {
  const input = sweepInput(responses, members, missingEvery);
  const { missing } = input;
  const run = (naive: boolean) => {
    const { world, missingIds } = sweepWorld(input);
    const min = minimum(
      world.ss,
      world.rt,
      ['Settings', 'Templates', 'Members', 'Course', 'Documents', 'Applications'],
      ['Applications', 'Log'],
    );
    let runs: SweepRuns | undefined;
    const m = measure(world.rt, model, () => {
      if (naive) world.rt.run('naiveSweep');
      else runs = runsUntilDone(world, model, 'processMissedResponses', missingIds, responses, 10);
    });
    return { m, min, outcome: statusCounts(world), runs };
  };
  const p = run(false);
  const n = run(true);
  const r = result(
    'sweep',
    `Full pass (menu), ${fmt(responses)} responses, ${missing.size} missing, killed at 6 min`,
    { responses, members, missing: missing.size },
    p,
    n,
  );
  r.runs = p.runs;
  if (before) {
    const { world, missingIds } = sweepWorld(input, before);
    r.before = runsUntilDone(world, model, 'processMissedResponses', missingIds, responses, 10);
  }
  return r;
}

/** The hourly sweep's lookback before its mark (src/usecases/sweep.ts OVERLAP_MS). */
const SWEEP_OVERLAP_MS = 2 * 3600 * 1000;

/**
 * The hourly sweep of a running system: the same responses, all but the missing ones
 * processed, and the per-form mark where the last sweep (an hour ago) left it: just past the
 * latest response, so its window holds the responses of the two hours before (more the denser
 * the responses), none of them confirmed by a sweep yet (what a busy day's hourly sweep finds:
 * every hour brings responses its triggers handled). With `window`, the marks are put where the
 * window holds the latest `window` responses, whatever the size (the bench's sizes compare the
 * same window). With `confirmed`, the sweep measured is the one an hour after a sweep that
 * confirmed that window, nothing new since (a quiet hour after a busy one): it searches for
 * nothing and reads no table (issue #15, src/adapters/sweep-seen.ts).
 */
export function hourlySweepScenario(
  responses: number,
  members: number,
  missingEvery: number,
  model: LatencyModel,
  window?: number,
  confirmed = false,
): ScenarioResult {
  const input = sweepInput(responses, members, missingEvery);
  const run = (naive: boolean) => {
    const { world, latest, times } = sweepWorld(input);
    const sorted = [...times].sort((a, b) => b - a);
    const mark =
      window === undefined
        ? latest + 1
        : sorted[Math.min(window, sorted.length) - 1] + SWEEP_OVERLAP_MS;
    world.rt.uncounted(() => {
      const props = world.rt.properties.getScriptProperties();
      for (const kind of ['registration', 'application', 'course'])
        props.setProperty(`sweep.mark.${kind}`, String(mark));
    });
    const fn = naive ? 'naiveSweep' : 'sweep';
    if (confirmed && !naive) {
      // The sweep an hour earlier (not measured), with the triggers silent since. The naive
      // sweep keeps no memory: an hour later it does what it did (measured once, not twice).
      world.rt.run(fn);
      world.rt.ctx.clock.advance(3_600_000);
    }
    const min = minimum(world.ss, world.rt, ['Applications'], []);
    const m = measure(world.rt, model, () => {
      world.rt.run(fn);
    });
    return { m, min, outcome: '' };
  };
  const p = run(false);
  const n = run(true);
  const held =
    window === undefined ? 'nothing new' : `the last ${window} in its window, none missing`;
  return result(
    'sweepHourly',
    confirmed
      ? `Hourly sweep, ${fmt(responses)} responses, an hour after one that confirmed its window`
      : `Hourly sweep, ${fmt(responses)} responses, ${held}`,
    { responses, members, ...(confirmed ? { confirmed: 1 } : {}) },
    p,
    n,
  );
}

function result(
  id: ScenarioResult['id'],
  label: string,
  size: Record<string, number>,
  p: { m: Measure; min: Minimum; outcome: string },
  n: { m: Measure; outcome: string },
): ScenarioResult {
  return {
    id,
    label,
    size,
    product: p.m,
    naive: n.m,
    minimum: p.min,
    outcome: { product: p.outcome, naive: n.outcome, same: p.outcome === n.outcome },
  };
}

export function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

export function runAll(
  sizes: Sizes,
  model: LatencyModel,
  progress: (s: string) => void = () => {},
  options: { before?: string } = {},
): ScenarioResult[] {
  if (!bundle) snapshotBundle();
  const out: ScenarioResult[] = [];
  const step = (r: ScenarioResult) => {
    out.push(r);
    progress(r.label);
  };
  for (const n of sizes.registration) step(registrationScenario(n, model));
  for (const n of sizes.application) step(applicationScenario(n, sizes.applicationMembers, model));
  step(monthlyScenario(sizes.monthly.applications, sizes.monthly.members, model));
  step(redecideScenario(sizes.redecideAll.applications, sizes.redecideAll.members, model));
  step(statisticsScenario(sizes.statistics.applications, sizes.statistics.members, model));
  const sw = sizes.sweep;
  // The hourly sweep as the last sweep left it, then with the same window at two sizes.
  step(hourlySweepScenario(sw.responses, sw.members, sw.missingEvery, model));
  for (const n of sizes.hourly)
    step(hourlySweepScenario(n, sw.members, sw.missingEvery, model, HOURLY_WINDOW));
  // The sweep after: an hour later, nothing new, the window confirmed by the sweep before.
  step(hourlySweepScenario(sw.responses, sw.members, sw.missingEvery, model, undefined, true));
  step(sweepScenario(sw.responses, sw.members, sw.missingEvery, model, options.before));
  return out;
}
