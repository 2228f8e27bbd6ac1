// Bundles src/ into dist/Code.js for Apps Script and checks the output.
//
// Apps Script only sees top-level function declarations as entry points (triggers, menu
// items, the editor's Run list), so the bundle is an IIFE and a footer declares, for every
// export of src/index.ts, `function name(...args) { return BansouNet.name(...args); }`
// (the labnol/apps-script-starter way). The build then fails loudly when the result is not a
// classic script, still has import/export, or misses a declaration for a required entry point.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'esbuild';
import { bundleOptions, GLOBAL_NAME } from './bundle-options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// --entry and --outdir exist for the build's own test (a copy of index.ts missing an entry point).
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const entry = arg('--entry', join(root, 'src/index.ts'));
const outDir = arg('--outdir', join(root, 'dist'));
const globalName = GLOBAL_NAME;

// Trigger handlers are stored by name in Google: these names are a stable interface.
export const REQUIRED_ENTRY_POINTS = [
  'onOpen',
  'setup',
  'onRegistrationSubmit',
  'onApplicationSubmit',
  'onCourseSubmit',
  'onSignupSubmit',
  'runMonthlyPayments',
  'runSessionsDaily',
  'sweep',
  'sendQueuedEmails',
];

function fail(message) {
  console.error(`build failed: ${message}`);
  process.exit(1);
}

mkdirSync(outDir, { recursive: true });
const result = await build(bundleOptions(entry));
const body = result.outputFiles[0].text;

// Which names does src/index.ts export? Evaluate the IIFE alone in a bare context.
const probe = vm.createContext({});
try {
  new vm.Script(body, { filename: 'bundle.js' }).runInContext(probe);
} catch (error) {
  fail(`the bundle does not evaluate as a classic script: ${error.message}`);
}
const exported = Object.keys(probe[globalName] ?? {}).filter(
  (name) => typeof probe[globalName][name] === 'function',
);
const missing = REQUIRED_ENTRY_POINTS.filter((name) => !exported.includes(name));
if (missing.length > 0) fail(`src/index.ts does not export entry point(s): ${missing.join(', ')}`);

const footer = exported
  .map((name) => `function ${name}(...args) {\n  return ${globalName}.${name}(...args);\n}`)
  .join('\n');
const code = `// Bansou Net companion — built by scripts/build.mjs from src/. Do not edit.\n${body}\n${footer}\n`;

// Check the final file the way Apps Script will load it.
if (/^\s*(import|export)\s[^\n]*$/m.test(code) || /\bimport\s*\(/.test(code)) {
  fail('dist/Code.js contains import/export, which Apps Script cannot load');
}
const bare = vm.createContext({});
try {
  new vm.Script(code, { filename: 'Code.js' }).runInContext(bare);
} catch (error) {
  fail(`dist/Code.js does not parse/run as a classic script: ${error.message}`);
}
for (const name of REQUIRED_ENTRY_POINTS) {
  const declared = new RegExp(`^function ${name}\\(`, 'm').test(code);
  if (!declared || typeof bare[name] !== 'function') {
    fail(`dist/Code.js lacks a top-level function declaration for ${name}`);
  }
}

writeFileSync(join(outDir, 'Code.js'), code);
copyFileSync(join(root, 'appsscript.json'), join(outDir, 'appsscript.json'));
const kb = (Buffer.byteLength(code) / 1024).toFixed(1);
if (!process.argv.includes('--quiet')) {
  console.log(`dist/Code.js ${kb} KiB, entry points: ${exported.join(', ')}`);
}
