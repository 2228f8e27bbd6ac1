// Shared by the fault tests: the small scenario and its fault-free run, made once per file.
import type { Invariants } from '../../local/faults/checks';
import type { MailDifference } from '../../local/faults/handled';
import type { Fault } from '../../local/faults/play';
import { buildScenario, SMALL_SIZE } from '../../local/faults/scenario';
import {
  compareWithReference,
  type FaultRun,
  runFault,
  unexplainedFailures,
  unexplainedMail,
} from '../../local/faults/suite';

export const SEED = 20240401;
export const scenario = buildScenario(SEED, SMALL_SIZE);

let reference: FaultRun | null = null;
export function referenceRun(): FaultRun {
  reference ??= runFault(scenario, 'none');
  return reference;
}

export interface FaultOutcome {
  run: FaultRun;
  /** Sheet cells that differ from the fault-free run. */
  diffs: string[];
  /** Handled failures (Log *_FAILED, staff alerts, console errors and warnings) not explained. */
  failures: string[];
  /** Mail (recipient, subject, body) missing or extra against the fault-free run, not explained. */
  mail: MailDifference;
}

/** Plays the fault and returns the run and its differences from the fault-free run. */
export function faultRun(fault: Fault): FaultOutcome {
  const run = runFault(scenario, fault);
  const diffs = compareWithReference(referenceRun(), run).map(
    (d) => `${d.sheet} R${d.row}C${d.column}: ${d.expected} → ${d.actual}`,
  );
  const failures = unexplainedFailures(run);
  return { run, diffs, failures, mail: unexplainedMail(referenceRun(), run) };
}

/** What FaultOutcome.mail is when the mail equals the fault-free run's. */
export const SAME_MAIL: MailDifference = { missing: [], extra: [] };

/** The must-be-zero figures of invariants, without the examples. */
function figures(invariants: Invariants) {
  const { examples: _examples, ...rest } = invariants;
  return rest;
}

/** The must-be-zero figures of a run, all of which should be 0. */
export function mustBeZero(run: FaultRun) {
  return figures(run.invariants);
}

/** What mustBeZero gives for a clean run: every invariant 0, written out (not the checker's own empty record). */
export const ZERO: ReturnType<typeof figures> = {
  lostResponses: 0,
  duplicateIds: 0,
  doublePaidLines: 0,
  uncaughtExceptions: 0,
  formulaCells: 0,
  unescapedHtml: 0,
  strangerRecipients: 0,
  personalDataInLogs: 0,
  sessionMailTwice: 0,
};
