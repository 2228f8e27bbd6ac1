// npm run deploy (#17): what it tells the volunteer when clasp cannot push.
import { explainClaspFailure, projectFileProblem, USER_SETTINGS_URL } from '../scripts/deploy';

describe('deploy', () => {
  test("clasp's bare 'No credentials found.' becomes: run npx clasp login", () => {
    const help = explainClaspFailure('No credentials found.\n');
    expect(help).toContain('npx clasp login');
  });

  test('the Apps Script API being off points to the user setting', () => {
    const help = explainClaspFailure(
      'User has not enabled the Apps Script API. Enable it by visiting https://script.google.com/home/usersettings then retry.',
    );
    expect(help).toContain(USER_SETTINGS_URL);
    expect(USER_SETTINGS_URL).toBe('https://script.google.com/home/usersettings');
  });

  test('an unknown failure lists both usual causes', () => {
    const help = explainClaspFailure('Something else');
    expect(help).toContain('npx clasp login');
    expect(help).toContain(USER_SETTINGS_URL);
  });

  test('a project file still holding the placeholder stops the deploy and says where the script ID is', () => {
    const p = projectFileProblem(
      '.clasp.json',
      '{ "scriptId": "REPLACE_WITH_YOUR_SCRIPT_ID", "rootDir": "dist" }',
    );
    expect(p).toContain('Project Settings');
    expect(projectFileProblem('.clasp.prod.json', null)).toContain('.clasp.prod.json is missing');
    expect(
      projectFileProblem('.clasp.json', '{ "scriptId": "1AbC", "rootDir": "dist" }'),
    ).toBeNull();
    expect(projectFileProblem('.clasp.json', '{ "scriptId": "1AbC", "rootDir": "src" }')).toContain(
      'rootDir',
    );
  });

  test("both project files point clasp at dist/ (the volunteer's own script IDs may be in them)", () => {
    const { readFileSync } = require('node:fs') as typeof import('node:fs');
    for (const f of ['.clasp.json', '.clasp.prod.json']) {
      const json = JSON.parse(readFileSync(f, 'utf8'));
      expect(json.rootDir).toBe('dist');
      expect(typeof json.scriptId).toBe('string');
    }
  });
});
