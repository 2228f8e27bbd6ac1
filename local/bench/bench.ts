// npm run bench [-- --quick] [--out FILE] [--model FILE.json] [--ms-spreadsheet=N …]
//                [--before OLD/Code.js]   (the full pass and the cells also with an earlier bundle)
//                [--replay-limit=SECONDS] (each replay's time limit; default 600)
//                [--replay-only]          (only the replay times, printed; no JSON written)
//                [--signups-only]         (only the cost per sign-up, printed; no JSON written)
// Runs every scenario on the built bundle (dist/Code.js) and the naive baseline, prints the
// table and the target verdicts, and writes the JSON (default bench/results.json; --quick
// writes to the temp directory so a quick run never replaces the committed results).
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { formatCells, measureCells } from './cells';
import { dailyBudget, formatDaily, quietHourMs } from './daily';
import { flagValue, modelFromArgs } from './latency';
import { formatReplay, measureReplay, replayVerdict } from './replay';
import { buildReport, formatModel, formatTable, formatTargets, runsText, toJson } from './report';
import { bundleSnapshot, FULL, QUICK, runAll, snapshotBundle } from './scenarios';
import {
  formatSignups,
  measureSignups,
  QUICK_SIGNUP_SIZES,
  SIGNUP_SIZES,
  sessionsJobsVerdict,
  signupVerdict,
} from './signups';

function main(args: string[]): void {
  const quick = args.includes('--quick');
  const model = modelFromArgs(args);
  const out = resolve(
    flagValue(args, '--out') ??
      (quick ? join(tmpdir(), 'bansou-bench-quick.json') : 'bench/results.json'),
  );
  const before = flagValue(args, '--before');
  const started = Date.now();
  const progress = (label: string) =>
    process.stderr.write(`  done: ${label} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  const bundle = snapshotBundle();
  // Replay time: the demo generator replayed at two sizes, each in a process of its own.
  const replayLimit = Number(flagValue(args, '--replay-limit') ?? 600);
  if (!Number.isFinite(replayLimit) || replayLimit <= 0) {
    throw new Error('--replay-limit: a number of seconds');
  }
  const replaySizes = quick ? QUICK_REPLAY : FULL_REPLAY;
  if (args.includes('--replay-only')) {
    console.log(formatReplay(measureReplay(replaySizes, replayLimit, bundle, progress)));
    return;
  }
  const signupSizes = quick ? QUICK_SIGNUP_SIZES : SIGNUP_SIZES;
  const beforeBundle = before ? resolve(before) : undefined;
  if (args.includes('--signups-only')) {
    const r = measureSignups(signupSizes, model, bundle, beforeBundle, progress);
    console.log(formatSignups(r));
    console.log(formatTargets([signupVerdict(r), sessionsJobsVerdict(r)]));
    return;
  }
  const results = runAll(
    quick ? QUICK : FULL,
    model,
    progress,
    before ? { before: resolve(before) } : {},
  );
  const demo = quick ? 'small' : 'full';
  const cells = {
    after: measureCells(bundle, demo),
    ...(before ? { before: measureCells(resolve(before), demo) } : {}),
  };
  progress('cells per application');
  const signups = measureSignups(signupSizes, model, bundle, beforeBundle, progress);
  const replay = measureReplay(replaySizes, replayLimit, bundle, progress);
  const report = buildReport(results, model, quick ? 'quick' : 'full', cells);
  report.replay = replay;
  report.signups = signups;
  report.targets.push(signupVerdict(signups), sessionsJobsVerdict(signups));
  // The target is stated for 50,000 applications: the quick sizes only show the ratio.
  if (!quick) report.targets.push(replayVerdict(replay));
  console.log('Latency model (ms), each figure measured (source) or an estimate:');
  console.log(formatModel(model));
  console.log('');
  console.log(formatTable(results));
  console.log('');
  for (const r of results) {
    if (r.runs) console.log(`${r.label}\n  this bundle: ${runsText(r.runs)}`);
    if (r.before) console.log(`  --before:    ${runsText(r.before)}`);
  }
  console.log('');
  console.log(formatCells(cells.after, 'Cells per application'));
  if (cells.before) console.log(formatCells(cells.before, 'Cells per application, --before'));
  console.log('');
  console.log(formatSignups(signups));
  console.log('');
  console.log(formatReplay(replay));
  console.log('');
  console.log(formatTargets(report.targets));
  for (const w of report.warnings) console.log(`WARN  ${w}`);
  report.daily = dailyBudget(results, quietHourMs(model, bundleSnapshot()));
  console.log('');
  console.log(formatDaily(report.daily));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, toJson(report));
  console.log(`JSON: ${out}  (bench took ${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

/** Applications replayed (`--demo-size N`): the 5,000 and 50,000 (linear: ×10). */
const FULL_REPLAY = [5_000, 50_000];
const QUICK_REPLAY = [500, 2_000];

main(process.argv.slice(2));
