// Shared by the fault tests: the small scenario and its fault-free run, made once per file.
import { emptyInvariants, type Invariants } from '../../local/faults/checks';
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

/** The must-be-zero figures of invariants, without the examples. */
function figures(invariants: Invariants) {
  const { examples: _examples, ...rest } = invariants;
  return rest;
}

/** The must-be-zero figures of a run, all of which should be 0. */
export function mustBeZero(run: FaultRun) {
  return figures(run.invariants);
}

/** What mustBeZero gives for a clean run. */
export const ZERO = figures(emptyInvariants());
