// Shared by the fault tests: the small scenario and its fault-free run, made once per file.
import type { Fault } from '../../local/faults/play';
import { buildScenario, SMALL_SIZE } from '../../local/faults/scenario';
import { compareWithReference, type FaultRun, runFault } from '../../local/faults/suite';

export const SEED = 20240401;
export const scenario = buildScenario(SEED, SMALL_SIZE);

let reference: FaultRun | null = null;
export function referenceRun(): FaultRun {
  reference ??= runFault(scenario, 'none');
  return reference;
}

/** Plays the fault and returns the run and its differences from the fault-free run. */
export function faultRun(fault: Fault): { run: FaultRun; diffs: string[] } {
  const run = runFault(scenario, fault);
  const diffs = compareWithReference(referenceRun(), run).map(
    (d) => `${d.sheet} R${d.row}C${d.column}: ${d.expected} → ${d.actual}`,
  );
  return { run, diffs };
}

/** The must-be-zero figures of a run, all of which should be 0. */
export function mustBeZero(run: FaultRun) {
  const { examples: _examples, ...figures } = run.invariants;
  return figures;
}

export const ZERO = {
  lostResponses: 0,
  duplicateIds: 0,
  doublePaidLines: 0,
  uncaughtExceptions: 0,
  formulaCells: 0,
  unescapedHtml: 0,
  strangerRecipients: 0,
  personalDataInLogs: 0,
};
