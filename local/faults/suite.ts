// One fault run, end to end: play the scenario under the fault, check the invariants, take the
// comparable snapshot. Used by the report (in worker processes) and by the jest tests.

import type { OfficeWorld } from '../world';
import { checkRun, type Invariants, tableRows } from './checks';
import {
  alignColumns,
  type Difference,
  differences,
  maskEdited,
  type Snapshot,
  snapshot,
  textMapper,
} from './compare';
import { handledFailures, type MailDifference, mailDifference, sentMail } from './handled';
import { type Fault, type MonthFile, type PlayStats, play, uncounted } from './play';
import type { Scenario } from './scenario';

/** Faults under which a member may get their ID in another order than in the reference run. */
export const REORDERING: ReadonlySet<Fault> = new Set(['drop', 'lockBusy', 'sheetThrows']);

export interface FaultRun {
  fault: Fault;
  stats: PlayStats;
  invariants: Invariants;
  snapshot: Snapshot;
  /** Snapshot rows kept in order (for comparing with a reordering run, the sorted one). */
  sorted: Snapshot;
  /** Applications edited after payment, and how many of them carry the EDITED_AFTER_PAYMENT flag. */
  edited: number;
  flagged: number;
  /** Tokens (scenario events) of the applications edited after payment. */
  editedTokens: string[];
  /** Outbox messages still QUEUED at the end (the quota fault: all must have gone out). */
  stillQueued: number;
  mailSent: number;
  /** Handled failures (local/faults/handled.ts), IDs replaced by event tokens and emails. */
  handled: string[];
  /** Every mail sent (recipient, subject, body), IDs replaced the same way. */
  mail: string[];
  /** Each month's bank transfer file, IDs replaced the same way. */
  transfers: MonthFile[];
  /** The spreadsheet's time zone at the end, and this version's set-up report. */
  zone: string;
  setupReport: string;
  /** Script, document and user properties at the end (store: key=value), IDs replaced. */
  properties: string[];
  /** Every Logger/console line of the run, IDs replaced. */
  log: string[];
  /** Each execution's handler and how it ended (ok, or its error). */
  executions: string[];
  ms: number;
}

function propertiesOf(world: OfficeWorld, rename: (text: string) => string): string[] {
  const { properties } = world.rt;
  const stores: [string, Map<string, string>][] = [
    ['script', properties.script],
    ['document', properties.document],
    ...[...properties.users].map(([user, store]): [string, Map<string, string>] => [
      `user ${user}`,
      store,
    ]),
  ];
  return stores.flatMap(([name, store]) =>
    [...store].map(([key, value]) => rename(`${name}: ${key}=${value}`)),
  );
}

/**
 * Plays `fault` over `scenario` and gathers what the checks compare. `freshGlobals`: each
 * execution starts with a new global scope, as in Apps Script (the runtime's
 * freshGlobalEachExecution; off by default for speed).
 */
export function runFault(
  scenario: Scenario,
  fault: Fault,
  options: { freshGlobals?: boolean } = {},
): FaultRun {
  const played = play(scenario, fault, options);
  const { world } = played;
  const invariants = checkRun(world, {
    registrationIds: played.registrationIds,
    applicationIds: played.applicationIds,
    signupIds: played.signupIds,
    respondents: played.respondents,
    personal: [],
    markup: [],
  });
  const base = { responseTokens: played.responseTokens };
  const rename = textMapper(world, played.responseTokens);
  const stillQueued = tableRows(world, 'Outbox').filter((r) => r.Status === 'QUEUED').length;
  const flagged = tableRows(world, 'Applications').filter(
    (a) => played.editedIds.has(String(a['Response ID'])) && a.Flag === 'EDITED_AFTER_PAYMENT',
  ).length;
  return {
    fault,
    stats: played.stats,
    invariants,
    snapshot: snapshot(world, { ...base, reorder: false }),
    sorted: snapshot(world, { ...base, reorder: true }),
    edited: played.editedIds.size,
    editedTokens: [...played.editedIds].map((id) => played.responseTokens.get(id) ?? id),
    flagged,
    stillQueued,
    mailSent: world.rt.mail.outbox.length,
    handled: handledFailures(world, rename),
    mail: sentMail(world, rename),
    transfers: played.transfers.map((f) => ({ month: f.month, text: rename(f.text) })),
    zone: uncounted(world, () => world.ss.getSpreadsheetTimeZone()),
    setupReport: played.setupReport,
    properties: propertiesOf(world, rename),
    log: world.rt.logs.lines.map((l) => rename(`${l.at} ${l.level} ${l.source}: ${l.message}`)),
    executions: world.rt.executions.map((e) => `${e.functionName} ${e.error ?? 'ok'}`),
    ms: played.ms,
  };
}

/** JSON-safe form of a run (Maps as entries), for the worker processes. */
export function toJson(run: FaultRun): unknown {
  return { ...run, snapshot: [...run.snapshot], sorted: [...run.sorted] };
}

export function fromJson(json: unknown): FaultRun {
  const r = json as FaultRun & { snapshot: [string, string[][]][]; sorted: [string, string[][]][] };
  return { ...r, snapshot: new Map(r.snapshot), sorted: new Map(r.sorted) };
}

/** The cells of `run` that differ from the reference run, after the allowed differences. */
export function compareWithReference(reference: FaultRun, run: FaultRun): Difference[] {
  // Staff moved columns, added their own and sorted rows: the run's columns are taken by header
  // in the reference's order (the staff column left out), and rows compared as sorted lists.
  if (run.fault === 'rearranged')
    return differences(reference.sorted, alignColumns(reference.sorted, run.snapshot));
  const reorder = REORDERING.has(run.fault);
  const pick = (r: FaultRun) => maskEdited(reorder ? r.sorted : r.snapshot, run.editedTokens);
  return differences(pick(reference), pick(run));
}

/**
 * The months whose bank transfer file differs from the reference run's (R31): the same text,
 * byte for byte (decoded). Not for a fault that can number members in another order
 * (REORDERING): each transfer line carries its member's ID digits (the customer code), which
 * are then rightly other digits, and the lines follow the IDs; the payments themselves are
 * compared in the Ledger and the Payments sheets, IDs mapped to members.
 */
export function transferDifferences(reference: FaultRun, run: FaultRun): string[] {
  if (REORDERING.has(run.fault)) return [];
  const months = new Set([...reference.transfers, ...run.transfers].map((f) => f.month));
  const out: string[] = [];
  for (const month of months) {
    const a = reference.transfers.find((f) => f.month === month)?.text ?? '(none)';
    const b = run.transfers.find((f) => f.month === month)?.text ?? '(none)';
    if (a !== b) {
      const at = [...a].findIndex((c, i) => c !== b[i]);
      out.push(
        `bank transfer file ${month}: expected …${JSON.stringify(a.slice(Math.max(0, at - 20), at + 40))}, got …${JSON.stringify(b.slice(Math.max(0, at - 20), at + 40))}`,
      );
    }
  }
  return out;
}

/**
 * The mail of a run whose fault adds mail but must not reorder any (the zone faults): its mail
 * without the explained extra, where it differs from the reference's in order (first 3).
 */
export function mailOutOfOrder(reference: FaultRun, run: FaultRun): string[] {
  const extra = EXPLAINED[run.fault].extraMail;
  const kept = run.mail.filter((m) => !extra?.test(m));
  const out: string[] = [];
  for (let i = 0; i < Math.max(kept.length, reference.mail.length) && out.length < 3; i++) {
    const a = (reference.mail[i] ?? '(none)').split('\n');
    const b = (kept[i] ?? '(none)').split('\n');
    if (a.join('\n') === b.join('\n')) continue;
    // The recipient, then the first line that differs (subject or body).
    const at = Math.max(
      1,
      a.findIndex((line, k) => line !== b[k]),
    );
    out.push(
      `mail #${i + 1} (${a[0]}): expected ${JSON.stringify(a[at] ?? '')}, got ${JSON.stringify(b[at] ?? '')}`,
    );
  }
  return out;
}

/**
 * What each fault explains, written from what the fault does (not from what a run shows):
 * handled failures it may cause, and mail it may add. Mail a fault delays (the quota) must
 * still arrive, once: it is not in `extraMail`, so it must be in the multiset comparison.
 */
export const EXPLAINED: Record<Fault, { handled?: RegExp; extraMail?: RegExp }> = {
  none: {},
  twice: {},
  drop: {},
  lateRow: {},
  // A trigger that finds the lock busy gives up and says so (the sweep finishes its work).
  lockBusy: { handled: /^console\.warn LOCK_BUSY / },
  // The outbox finds the queue longer than today's quota: one staff alert a Tokyo day.
  mailQuota: {
    handled: /^Log STAFF_ALERT: Emails are waiting for tomorrow’s quota: \d+ emails are queued/,
    extraMail:
      /^to: office@bansou\.example\.org\nsubject: 【伴走ネット】要確認: 送信待ちのメールが本日の上限を超えています \/ Bansou Net: please check: Emails are waiting for tomorrow’s quota\n/,
  },
  // The injected Sheets error, logged by the trigger that met it (and left for the sweep).
  sheetThrows: { handled: /Service Spreadsheets failed while accessing document with id ss\d+\./ },
  // The same error, logged by the timed job that met it (a later run finishes its work).
  timedThrows: { handled: /Service Spreadsheets failed while accessing document with id ss\d+\./ },
  // The nested run cannot get the lock and leaves the work to the outer one.
  monthlyTwice: { handled: /^console\.warn LOCK_BUSY runMonthlyPayments: / },
  // An edit after payment is acknowledged to the applicant (R18), in their email language: both
  // halves, or the Japanese or the English one alone (the full scenario has all three).
  // Staff rearranging the sheets explain nothing: every failure and every mail is a defect.
  rearranged: {},
  // The spreadsheet kept in another zone: the daily sessions job warns staff, once per zone
  // (adapters/sheet-zone.ts checkZone); the set-up report warns too, but is not mail or Log.
  zoneKept: zoneExplained('America/Los_Angeles'),
  zoneKeptEast: zoneExplained('Australia/Sydney'),
  edited: {
    extraMail:
      /^to: [^\n]+\nsubject: (?:【伴走ネット】申請内容の変更を受け付けました（受付番号: (resp#\d+)）(?: \/ Bansou Net: we received your change \(reference \1\))?|Bansou Net: we received your change \(reference resp#\d+\))\n/,
  },
};

function zoneExplained(zone: string): { handled: RegExp; extraMail: RegExp } {
  const z = zone.replace(/\//g, '\\/');
  return {
    handled: new RegExp(
      `^Log STAFF_ALERT: The spreadsheet's time zone is not Tokyo: .*time zone is ${z}, not Asia\\/Tokyo`,
    ),
    extraMail: new RegExp(
      `^to: office@bansou\\.example\\.org\\nsubject: 【伴走ネット】要確認: スプレッドシートのタイムゾーンが東京ではありません \\/ Bansou Net: please check: The spreadsheet's time zone is not Tokyo\\n[^]*time zone is ${z}, not Asia\\/Tokyo`,
    ),
  };
}

/** Handled failures of `run` that its fault does not explain (the reference run: all of them). */
export function unexplainedFailures(run: FaultRun): string[] {
  const explained = EXPLAINED[run.fault].handled;
  return run.handled.filter((line) => !explained?.test(line));
}

/**
 * The mail of `run` compared with the reference run's as multisets (recipient, subject, body):
 * what is missing, and what is extra beyond what the fault explains.
 */
export function unexplainedMail(reference: FaultRun, run: FaultRun): MailDifference {
  const { missing, extra } = mailDifference(reference.mail, run.mail);
  const explained = EXPLAINED[run.fault].extraMail;
  return { missing, extra: extra.filter((m) => !explained?.test(m)) };
}
