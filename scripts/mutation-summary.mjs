#!/usr/bin/env node
// Composes Stryker JSON reports (reports/mutation/mutation.json, or several per-file runs kept
// under other names) into the README's per-file table: the newest report of each file wins.
// Usage: node scripts/mutation-summary.mjs [report.json | folder] ...   (default: reports/mutation)
// Score as Stryker computes it: detected (killed + timed out) over detected + survived + no
// coverage; static mutants ignored (`ignoreStatic`) and compile errors are left out.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const inputs = args.length > 0 ? args : ['reports/mutation'];
const reports = [];
for (const input of inputs) {
  if (statSync(input).isDirectory()) {
    for (const name of readdirSync(input))
      if (name.endsWith('.json')) reports.push(join(input, name));
  } else reports.push(input);
}

/** file → { when, counts } (the newest report that measured the file). */
const files = new Map();
for (const path of reports) {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  if (!report.files) continue;
  const when = statSync(path).mtimeMs;
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const counts = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0, other: 0 };
    for (const m of mutants) {
      if (m.status in counts) counts[m.status]++;
      else counts.other++;
    }
    // A file that a run covered only by its ignored (static) mutants was not measured by it.
    if (
      counts.Killed + counts.Timeout + counts.Survived + counts.NoCoverage === 0 &&
      files.has(file)
    )
      continue;
    const seen = files.get(file);
    if (!seen || seen.when < when) files.set(file, { when, counts, path });
  }
}

const pct = (d, all) => (all === 0 ? '—' : `${((100 * d) / all).toFixed(1)}%`);
const rows = [...files.entries()].sort(([a], [b]) => a.localeCompare(b));
const total = { detected: 0, survived: 0, noCoverage: 0, timeout: 0, ignored: 0 };
console.log(
  '| file | score | detected | of which timed out | survived | no coverage | static (ignored) |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const [file, { counts }] of rows) {
  const detected = counts.Killed + counts.Timeout;
  const all = detected + counts.Survived + counts.NoCoverage;
  total.detected += detected;
  total.survived += counts.Survived;
  total.noCoverage += counts.NoCoverage;
  total.timeout += counts.Timeout;
  total.ignored += counts.Ignored;
  console.log(
    `| \`${file}\` | ${pct(detected, all)} | ${detected} | ${counts.Timeout} | ${counts.Survived} | ${counts.NoCoverage} | ${counts.Ignored} |`,
  );
}
const all = total.detected + total.survived + total.noCoverage;
console.log(
  `| **all ${rows.length} files** | **${pct(total.detected, all)}** | ${total.detected} | ${total.timeout} | ${total.survived} | ${total.noCoverage} | ${total.ignored} |`,
);
