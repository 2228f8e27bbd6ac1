// One fault run, end to end: play the scenario under the fault, check the invariants, take the
// comparable snapshot. Used by the report (in worker processes) and by the jest tests.
import { checkRun, type Invariants, tableRows } from './checks';
import { type Difference, differences, maskEdited, type Snapshot, snapshot } from './compare';
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
  const reorder = REORDERING.has(run.fault);
  const pick = (r: FaultRun) => maskEdited(reorder ? r.sorted : r.snapshot, run.editedTokens);
  return differences(pick(reference), pick(run));
}
