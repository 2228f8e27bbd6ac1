// A worker process of the report: runs one task (a fault run, or a share of the fuzzing) and
// sends the result back. The report runs two at a time, one per core.
import { fuzz } from './fuzz';
import type { Fault } from './play';
import { buildScenario, FULL_SIZE, SMALL_SIZE } from './scenario';
import { runFault, toJson } from './suite';

export type Task =
  | { kind: 'fault'; fault: Fault; seed: number; small: boolean }
  | { kind: 'fuzz'; seed: number; submissions: number };

export const FUZZ_BATCH = { registrations: 10, applications: 30 };

function perform(task: Task): unknown {
  if (task.kind === 'fault') {
    const scenario = buildScenario(task.seed, task.small ? SMALL_SIZE : FULL_SIZE);
    return {
      kind: 'fault',
      events: scenario.events.length,
      run: toJson(runFault(scenario, task.fault)),
    };
  }
  return {
    kind: 'fuzz',
    totals: fuzz({ seed: task.seed, submissions: task.submissions, batch: FUZZ_BATCH }),
  };
}

process.on('message', (task: Task) => {
  try {
    process.send?.({ ok: true, result: perform(task) });
  } catch (error) {
    process.send?.({ ok: false, error: String((error as Error)?.stack ?? error) });
  }
});
