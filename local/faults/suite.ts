// One fault run, end to end: play the scenario under the fault, check the invariants, take the
// comparable snapshot. Used by the report (in worker processes) and by the jest tests.
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
import { type Fault, type PlayStats, play } from './play';
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
  ms: number;
}

export function runFault(scenario: Scenario, fault: Fault): FaultRun {
  const played = play(scenario, fault);
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
  edited: {
    extraMail:
      /^to: [^\n]+\nsubject: (?:【伴走ネット】申請内容の変更を受け付けました（受付番号: (resp#\d+)）(?: \/ Bansou Net: we received your change \(reference \1\))?|Bansou Net: we received your change \(reference resp#\d+\))\n/,
  },
};

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
