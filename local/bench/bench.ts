// npm run bench [-- --quick] [--out FILE] [--model FILE.json] [--ms-spreadsheet=N …]
// Runs every scenario on the built bundle (dist/Code.js) and the naive baseline, prints the
// table and the target verdicts, and writes the JSON (default bench/results.json; --quick
// writes to the temp directory so a quick run never replaces the committed results).
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { dailyBudget, formatDaily, quietHourMs } from './daily';
import { flagValue, modelFromArgs } from './latency';
import { buildReport, formatTable, formatTargets, toJson } from './report';
import { bundleSnapshot, FULL, QUICK, runAll } from './scenarios';

function main(args: string[]): void {
  const quick = args.includes('--quick');
  const model = modelFromArgs(args);
  const out = resolve(
    flagValue(args, '--out') ??
      (quick ? join(tmpdir(), 'bansou-bench-quick.json') : 'bench/results.json'),
  );
  const started = Date.now();
  const results = runAll(quick ? QUICK : FULL, model, (label) =>
    process.stderr.write(`  done: ${label} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`),
  );
  const report = buildReport(results, model, quick ? 'quick' : 'full');
  console.log(formatTable(results));
  console.log('');
  console.log(formatTargets(report.targets));
  for (const w of report.warnings) console.log(`WARN  ${w}`);
  report.daily = dailyBudget(results, quietHourMs(model, bundleSnapshot()));
  console.log('');
  console.log(formatDaily(report.daily));
  console.log('');
  console.log(
    'Replay target (50,000 applications with npm start) is measured by the runner, not here.',
  );
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, toJson(report));
  console.log(`JSON: ${out}  (bench took ${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

main(process.argv.slice(2));
