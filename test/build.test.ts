// The build (scripts/build.mjs) and what it promises about dist/Code.js.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';

const root = join(__dirname, '..');
const ENTRY_POINTS = [
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

describe('build', () => {
  // Built into a folder of its own: other test files load dist/Code.js at the same time.
  const dist = mkdtempSync(join(tmpdir(), 'dist-'));
  beforeAll(() => {
    execFileSync('node', ['scripts/build.mjs', '--quiet', '--outdir', dist], { cwd: root });
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  test('dist/Code.js evaluated in a bare V8 context declares the eight entry points as top-level functions', () => {
    const code = readFileSync(join(dist, 'Code.js'), 'utf8');
    const context = vm.createContext({});
    new vm.Script(code, { filename: 'Code.js' }).runInContext(context);
    for (const name of ENTRY_POINTS) {
      expect(typeof context[name]).toBe('function');
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  test('dist/ holds appsscript.json with the Tokyo time zone, V8 and MailApp (not Gmail) scopes', () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8'));
    expect(manifest.timeZone).toBe('Asia/Tokyo');
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/script.send_mail');
    expect(JSON.stringify(manifest.oauthScopes)).not.toMatch(/gmail|mail\.google\.com/);
    expect(manifest.webapp).toBeUndefined();
  });

  test('removing an entry point from src/index.ts makes the build fail loudly', () => {
    const source = readFileSync(join(root, 'src/index.ts'), 'utf8');
    const without = source.replace(/export function sweep\(\)[\s\S]*?\n}\n/, '');
    expect(without).not.toContain('export function sweep(');
    // Next to index.ts so its relative imports resolve.
    const copy = join(root, 'src', `.index-without-sweep-${process.pid}.ts`);
    const out = mkdtempSync(join(tmpdir(), 'build-'));
    writeFileSync(copy, without);
    try {
      const result = spawnSync('node', ['scripts/build.mjs', '--entry', copy, '--outdir', out], {
        cwd: root,
        encoding: 'utf8',
      });
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain('sweep');
    } finally {
      rmSync(copy, { force: true });
      rmSync(out, { recursive: true, force: true });
    }
  });
});
