// npm run deploy [-- --prod]: the tests first (build, type-check, lint, Jest: `npm test`), then
// `clasp push` of dist/ to the development script (.clasp.json) or, with --prod, the production
// script (.clasp.prod.json, through clasp 3's `--project <file>` option). When something is
// missing — the script ID, the clasp login, the Apps Script API user setting — it says what to
// do in plain words instead of clasp's terse message (e.g. "No credentials found.").
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const USER_SETTINGS_URL = 'https://script.google.com/home/usersettings';
const PLACEHOLDER = 'REPLACE_WITH_YOUR_SCRIPT_ID';

/** What is wrong with a project file (.clasp.json / .clasp.prod.json), or null. */
export function projectFileProblem(file: string, text: string | null): string | null {
  if (text === null)
    return `${file} is missing. Copy .clasp.json to ${file} and put the production script's ID in it.`;
  let json: { scriptId?: unknown; rootDir?: unknown };
  try {
    json = JSON.parse(text);
  } catch (_e) {
    return `${file} is not valid JSON.`;
  }
  const id = typeof json.scriptId === 'string' ? json.scriptId.trim() : '';
  if (id === '' || id === PLACEHOLDER)
    return [
      `${file} has no script ID yet ("scriptId": "${PLACEHOLDER}").`,
      'Open the office spreadsheet → Extensions → Apps Script → Project Settings (the gear) → copy the Script ID,',
      `and paste it into ${file} as "scriptId".`,
    ].join('\n');
  if (json.rootDir !== 'dist') return `${file}: "rootDir" must be "dist" (the built bundle).`;
  return null;
}

/** Plain-words help for a failed `clasp push`, from what clasp printed. */
export function explainClaspFailure(output: string): string {
  const login = [
    'clasp is not logged in to Google (or the login expired). Run:',
    '',
    '    npx clasp login',
    '',
    'sign in with the Google account that owns the office spreadsheet, then run the deploy again.',
  ].join('\n');
  const api = [
    'The Apps Script API is off for this Google account. Open',
    '',
    `    ${USER_SETTINGS_URL}`,
    '',
    'switch "Google Apps Script API" on, wait a minute, then run the deploy again.',
  ].join('\n');
  if (
    /No credentials found|invalid_grant|not logged in|login required|unauthenticated/i.test(output)
  )
    return login;
  if (/Apps Script API|usersettings|has not enabled|has not been used/i.test(output)) return api;
  if (/not found|404|Requested entity was not found/i.test(output))
    return 'clasp could not find the script: check the "scriptId" in the project file (Project Settings → Script ID) and that the logged-in account can edit the spreadsheet.';
  return `clasp push failed. The usual causes:\n\n1) ${login}\n\n2) ${api}`;
}

function run(command: string, args: string[], capture = true): { status: number; output: string } {
  if (!capture) {
    // The tests print as they go.
    const r = spawnSync(command, args, { stdio: 'inherit' });
    return { status: r.status ?? 1, output: '' };
  }
  const r = spawnSync(command, args, { encoding: 'utf8', stdio: ['inherit', 'pipe', 'pipe'] });
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  return { status: r.status ?? 1, output: `${r.stdout ?? ''}\n${r.stderr ?? ''}` };
}

function main(args: string[]): number {
  const prod = args.includes('--prod');
  const file = prod ? '.clasp.prod.json' : '.clasp.json';
  const path = resolve(file);
  const problem = projectFileProblem(file, existsSync(path) ? readFileSync(path, 'utf8') : null);
  if (problem) {
    console.error(`\nDeploy stopped before anything was sent.\n${problem}`);
    return 2;
  }
  console.log('Deploy: running the tests first (npm test: build, type-check, lint, Jest)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const tests = run(npm, ['test', '--silent'], false);
  if (tests.status !== 0) {
    console.error('\nDeploy stopped: the tests fail, so nothing was sent to Google.');
    return tests.status;
  }
  console.log(
    `Deploy: clasp push of dist/ to the ${prod ? 'production' : 'development'} script (${file})…`,
  );
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const push = run(npx, ['clasp', '--project', file, 'push', '--force']);
  if (push.status !== 0) {
    console.error(`\n${explainClaspFailure(push.output)}`);
    return push.status;
  }
  console.log(
    '\nDeployed. Reload the spreadsheet, run 伴走ネット / Bansou Net → Set up / check, then Check this Google environment.',
  );
  return 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
