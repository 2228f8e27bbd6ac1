// `--demo-size N`: the demo's generator at any size, to measure how a replay's time grows with
// the data (issue #15 item 5: 50,000 applications with 5,000 registrations).
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../local/cli';
import { demoPlan, parseDemoSize } from '../../../local/runner/demo';

function counts(size: number) {
  const plan = demoPlan(size);
  const submits = plan.events.filter((e) => e.kind === 'submit');
  const registrations = submits.filter((e) => e.form === 'registration');
  const applications = submits.filter((e) => e.form === 'application');
  return {
    plan,
    applicationRows: applications.length,
    members: new Set(registrations.map((e) => e.email.toLowerCase())).size,
    registrationRows: registrations.length,
  };
}

describe('--demo-size N: N applications and one member for every ten', () => {
  test('50,000 gives 50,000 application responses from 5,000 registered members', () => {
    const c = counts(50_000);
    expect(c.applicationRows).toBe(50_000);
    expect(c.plan.applications).toBe(50_000);
    expect(c.members).toBe(5_000);
    // A few register again with the same address (R2), as in the full demo.
    expect(c.registrationRows).toBe(c.plan.registrations);
    expect(c.registrationRows).toBeGreaterThan(5_000);
    expect(c.registrationRows).toBeLessThan(5_300);
    // Every response in the demo's year, the last monthly run after it.
    const last = Math.max(...c.plan.events.map((e) => e.at));
    expect(last).toBeLessThan(Date.parse('2024-06-01T00:00:00+09:00'));
    expect(c.plan.until).toBe(Date.parse('2024-06-01T12:00:00+09:00'));
  }, 60_000);

  test('5,000 gives 5,000 application responses from 500 members', () => {
    const c = counts(5_000);
    expect(c.applicationRows).toBe(5_000);
    expect(c.members).toBe(500);
  });

  test('the same size and seed give the same events (a measurement can be repeated)', () => {
    expect(JSON.stringify(demoPlan(1_000).events)).toBe(JSON.stringify(demoPlan(1_000).events));
  });

  test('the sizes it takes: a name, or a whole number of applications from 100 to 200,000', () => {
    expect(parseDemoSize('full')).toBe('full');
    expect(parseDemoSize('small')).toBe('small');
    expect(parseDemoSize('large')).toBe('large');
    expect(parseDemoSize('50000')).toBe(50_000);
    expect(parseDemoSize('50,000')).toBe(50_000);
    expect(parseDemoSize('50_000')).toBe(50_000);
    expect(parseDemoSize('100')).toBe(100);
    expect(parseDemoSize('99')).toBeNull();
    expect(parseDemoSize('200001')).toBeNull();
    expect(parseDemoSize('5e4')).toBeNull();
    expect(parseDemoSize('huge')).toBeNull();
    expect(parseDemoSize('')).toBeNull();
  });
});

test('npm start -- --demo-size huge: says which sizes there are, exits 2, writes nothing', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'demo-size-')), 'out');
  const said: string[] = [];
  const write = process.stderr.write;
  process.stderr.write = ((text: string) => {
    said.push(String(text));
    return true;
  }) as typeof process.stderr.write;
  let code: number;
  try {
    code = await main(['--demo-size', 'huge', '--out', out, '--quiet']);
  } finally {
    process.stderr.write = write;
  }
  expect(code).toBe(2);
  expect(said.join('')).toBe(
    '--demo-size is small, full, large, or a number of applications from 100 to 200,000 (e.g. 50000)\n',
  );
  expect(existsSync(out)).toBe(false);
});
