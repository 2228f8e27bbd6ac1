// `npm test`'s Jest step, with coverage of the shipped code as it runs.
//
// Integration and fault tests run dist/Code.js in a V8 context (local/runtime/load.ts), where
// Jest's own coverage cannot see it. So:
// 1. coverage/bundle/Code.js is built: dist/Code.js byte for byte plus an inline source map
//    (esbuild's map of the same bundle, shifted by the build's one header line). The shipped
//    dist/Code.js is not touched; the script stops if esbuild's output differs from it.
// 2. Jest runs with NODE_V8_COVERAGE, and the runtime loads the covered copy in place of any
//    bundle whose content is dist/Code.js (BANSOU_COVERAGE_BUNDLE / BANSOU_COVERAGE_OF).
// 3. Only the covered bundle's entries are kept from V8's output (not Jest, not local/, not the
//    unit tests' own imports of src/), and c8 reports them per src/ file, source-mapped,
//    failing below the floor of 90% of lines for src/ as a whole.
// Arguments are passed on to Jest. `npm run jest` runs Jest alone, without coverage.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleOptions } from './bundle-options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const LINES_FLOOR = 90;
const out = join(root, 'coverage');
const bundleFile = join(out, 'bundle', 'Code.js');
const rawDir = join(out, 'v8');
const keptDir = join(out, 'v8-bundle');

// ---- 1. the covered copy -------------------------------------------------------------------
const shipped = readFileSync(join(root, 'dist', 'Code.js'), 'utf8');
const result = await build({
  // The build's options (scripts/bundle-options.mjs), plus the map.
  ...bundleOptions(join(root, 'src', 'index.ts')),
  sourcemap: 'external',
  sourcesContent: true,
  outfile: bundleFile,
});
const js = result.outputFiles.find((f) => f.path.endsWith('.js')).text;
const map = JSON.parse(result.outputFiles.find((f) => f.path.endsWith('.map')).text);
const body = js.replace(/\n\/\/# sourceMappingURL=\S+\n?$/, '\n');
const header = shipped.slice(0, shipped.indexOf('\n') + 1);
if (!shipped.startsWith(header + body)) {
  console.error('coverage: esbuild output differs from dist/Code.js; run `npm run build` first');
  process.exit(1);
}
map.mappings = `;${map.mappings}`; // the header line comes first in dist/Code.js
map.sources = map.sources.map((s) => resolve(dirname(bundleFile), s));
const inline = Buffer.from(JSON.stringify(map)).toString('base64');
rmSync(out, { recursive: true, force: true });
mkdirSync(dirname(bundleFile), { recursive: true });
writeFileSync(
  bundleFile,
  `${shipped}//# sourceMappingURL=data:application/json;charset=utf-8;base64,${inline}\n`,
);

// ---- 2. Jest under V8 coverage ---------------------------------------------------------------
const jest = spawnSync(
  process.execPath,
  [join(root, 'node_modules', 'jest', 'bin', 'jest.js'), ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_V8_COVERAGE: rawDir,
      // Under V8 coverage every context a test evaluated the bundle into stays alive (its
      // functions' counters are kept: 300 fresh contexts keep 114 MB, none without coverage), and
      // the tests that start each execution with a fresh global (freshGlobalEachExecution) make
      // thousands: with Node's default 4 GB heap a Jest worker ran out of memory. Jest's
      // workerIdleMemoryLimit would recycle the worker, but a recycled worker's coverage is lost.
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=8192`.trim(),
      BANSOU_COVERAGE_BUNDLE: bundleFile,
      BANSOU_COVERAGE_OF: createHash('sha256').update(shipped).digest('hex'),
    },
  },
);
if (jest.status !== 0) process.exit(jest.status ?? 1);

// ---- 3. the bundle's entries only, reported per src/ file ----------------------------------
mkdirSync(keptDir, { recursive: true });
const wanted = new Set([bundleFile, `file://${bundleFile}`]);
let entries = 0;
for (const name of readdirSync(rawDir)) {
  const raw = JSON.parse(readFileSync(join(rawDir, name), 'utf8'));
  const kept = raw.result.filter((s) => wanted.has(s.url));
  if (kept.length === 0) continue;
  entries += kept.length;
  const cache = raw['source-map-cache'] ?? {};
  writeFileSync(
    join(keptDir, name),
    JSON.stringify({
      result: kept.map((s) => ({ ...s, url: `file://${bundleFile}` })),
      'source-map-cache': Object.fromEntries(
        Object.entries(cache).filter(([url]) => wanted.has(url)),
      ),
    }),
  );
}
rmSync(rawDir, { recursive: true, force: true });
if (entries === 0) {
  console.error('coverage: no test ran the covered bundle (is local/runtime/load.ts swapping it?)');
  process.exit(1);
}
const c8 = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules', 'c8', 'bin', 'c8.js'),
    'report',
    `--temp-directory=${keptDir}`,
    `--reports-dir=${join(out, 'report')}`,
    '--reporter=text',
    '--reporter=json-summary',
    '--include=src/**',
    '--exclude-after-remap',
    '--check-coverage',
    `--lines=${LINES_FLOOR}`,
  ],
  { cwd: root, stdio: 'inherit' },
);
if (c8.status !== 0) {
  console.error(`coverage: src/ below ${LINES_FLOOR}% of lines (coverage/report/)`);
  process.exit(c8.status ?? 1);
}
