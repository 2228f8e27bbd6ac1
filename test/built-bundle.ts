// Tests that drive the built dist/Code.js build it first when it is missing (a lone `npx jest
// test/…` on a fresh clone; `npm test` builds before jest). One place for every such test file.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..');

/** Registers a beforeAll that builds the bundle when dist/Code.js is missing. */
export function needsBuiltBundle(): void {
  beforeAll(() => {
    if (!existsSync(resolve(ROOT, 'dist', 'Code.js'))) {
      execFileSync('node', ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
    }
  }, 60_000);
}
