// Output safety: the runner writes only into a new or empty folder or one that carries its own
// marker (an earlier output), removes only files it wrote, checks --out before simulating, and
// never touches an input file. Otherwise one clear line and exit code 2.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../local/cli';
import { MARKER } from '../../../local/runner/output';

const FIXTURES = join(__dirname, 'fixtures');

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = process.stdout.write;
  const err = process.stderr.write;
  let stdout = '';
  let stderr = '';
  process.stdout.write = ((s: string) => {
    stdout += s;
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => {
    stderr += s;
    return true;
  }) as typeof process.stderr.write;
  try {
    return { code: await main(args), stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

/** A folder with the inputs copied into `inputsAt` (relative) and the replay's arguments. */
function setup(inputsAt: string): { dir: string; args: (out: string) => string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'runner-out-'));
  mkdirSync(join(dir, inputsAt), { recursive: true });
  for (const f of ['registrations.csv', 'applications.csv']) {
    copyFileSync(join(FIXTURES, f), join(dir, inputsAt, f));
  }
  return {
    dir,
    args: (out) => [
      '--registrations',
      join(dir, inputsAt, 'registrations.csv'),
      '--applications',
      join(dir, inputsAt, 'applications.csv'),
      '--out',
      out,
    ],
  };
}

/** Every file under a folder with its content, to compare before and after. */
function snapshot(folder: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(join(folder, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, snapshot(folder, rel));
    else out[rel] = readFileSync(join(folder, rel), 'utf8');
  }
  return out;
}

describe('--out never loses a file', () => {
  test('the input CSVs inside a folder the runner did not write: refused in one line, exit 2, nothing changed', async () => {
    const { dir, args } = setup('out');
    const before = snapshot(dir);
    const r = await run(args(join(dir, 'out')));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('is not empty (applications.csv, registrations.csv)');
    expect(r.stderr).toContain('not an output folder of this runner');
    expect(r.stderr).not.toContain('Running'); // refused before anything was simulated
    expect(snapshot(dir)).toEqual(before);
  });

  test('a decisions.json next to a user’s own files (report.docx, keep/): refused, all kept', async () => {
    const { dir, args } = setup('in');
    const out = join(dir, 'out');
    mkdirSync(join(out, 'keep'), { recursive: true });
    writeFileSync(join(out, 'decisions.json'), '{}');
    writeFileSync(join(out, 'report.docx'), 'my report');
    writeFileSync(join(out, 'keep', 'notes.txt'), 'my notes');
    const before = snapshot(dir);
    const r = await run([...args(out), '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(snapshot(dir)).toEqual(before);
  });

  test('--out naming a file is refused before the simulation, in one line', async () => {
    const { dir, args } = setup('in');
    writeFileSync(join(dir, 'out.txt'), 'not a folder');
    const r = await run(args(join(dir, 'out.txt')));
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      `--out ${join(dir, 'out.txt')} is a file, not a folder: choose a folder`,
    );
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('not a folder');
  });

  test('an earlier output is replaced file by file: only files its marker lists go; inputs and the user’s files stay', async () => {
    const { dir, args } = setup('in');
    const out = join(dir, 'out');
    expect((await run([...args(out), '--quiet'])).code).toBe(0);
    const marker = JSON.parse(readFileSync(join(out, MARKER), 'utf8')) as { files: string[] };
    expect(marker.files).toContain('decisions.json');
    expect(marker.files).toContain('workbook.xlsx');
    expect(marker.files).toContain('emails/00001.eml');
    expect(marker.files).toContain('csv/Members.csv');
    // The user adds files, and puts the inputs into the output folder to run again from there.
    writeFileSync(join(out, 'report.docx'), 'my report');
    writeFileSync(join(out, 'csv', 'my-analysis.csv'), 'a,b\n');
    mkdirSync(join(out, 'in'));
    copyFileSync(join(dir, 'in', 'registrations.csv'), join(out, 'in', 'registrations.csv'));
    copyFileSync(join(dir, 'in', 'applications.csv'), join(out, 'in', 'applications.csv'));
    // An email of the earlier run that the new run does not write again.
    writeFileSync(join(out, 'emails', '99999.eml'), 'old');
    writeFileSync(
      join(out, MARKER),
      JSON.stringify({ ...marker, files: [...marker.files, 'emails/99999.eml'] }),
    );
    const kept = snapshot(out);
    const r = await run([
      '--registrations',
      join(out, 'in', 'registrations.csv'),
      '--applications',
      join(out, 'in', 'applications.csv'),
      '--out',
      out,
      '--quiet',
    ]);
    expect(r.code).toBe(0);
    const after = snapshot(out);
    for (const f of [
      'report.docx',
      'csv/my-analysis.csv',
      'in/registrations.csv',
      'in/applications.csv',
    ]) {
      expect(after[f]).toBe(kept[f]);
    }
    expect(existsSync(join(out, 'emails', '99999.eml'))).toBe(false);
    expect(after['decisions.json']).toBe(kept['decisions.json']); // same inputs, same decisions
    const newMarker = JSON.parse(after[MARKER]) as { files: string[] };
    expect(newMarker.files).not.toContain('report.docx');
    expect(newMarker.files).not.toContain('in/applications.csv');
  });

  test('an input file that an earlier output wrote (csv/…) is refused, and kept', async () => {
    const { dir, args } = setup('in');
    const out = join(dir, 'out');
    expect((await run([...args(out), '--quiet'])).code).toBe(0);
    const before = snapshot(out);
    const r = await run([
      '--registrations',
      join(dir, 'in', 'registrations.csv'),
      '--applications',
      join(dir, 'in', 'applications.csv'),
      '--settings',
      join(out, 'csv', 'Settings.csv'),
      '--out',
      out,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the input file csv/Settings.csv is a file of the earlier output');
    expect(snapshot(out)).toEqual(before);
  });

  test('--demo-export into a folder that already holds one of its files is refused, and the file kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'runner-out-'));
    writeFileSync(join(dir, 'applications.csv'), 'my own export');
    const r = await run(['--demo-size', 'small', '--demo-export', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      `--demo-export ${dir} already holds applications.csv: nothing was written; choose a new or empty folder`,
    );
    expect(readdirSync(dir)).toEqual(['applications.csv']);
    expect(readFileSync(join(dir, 'applications.csv'), 'utf8')).toBe('my own export');
  });
});
