// What the runtime enforces for #17: simple triggers run in LIMITED mode (Apps Script guide,
// Simple triggers → Restrictions: "They cannot access services that require authorization"),
// Session withholds the address without the userinfo.email scope, and per-user triggers.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalRuntime } from '../../local/runtime/index';

const SCRIPT = `
function onEdit(e) {
  PropertiesService.getScriptProperties().setProperty('edited', 'yes');
  SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1).setValue('seen');
  /*CALL*/
}
function who() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()]; }
function mine() { return ScriptApp.getProjectTriggers().length; }
function install() { ScriptApp.newTrigger('who').timeBased().everyHours(1).create(); }
`;

function runtime(call: string, scopes?: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'limited-'));
  writeFileSync(join(dir, 'Code.js'), SCRIPT.replace('/*CALL*/', call));
  if (scopes) writeFileSync(join(dir, 'appsscript.json'), JSON.stringify({ oauthScopes: scopes }));
  const rt = new LocalRuntime({
    start: Date.parse('2024-07-01T00:00:00Z'),
    user: 'staff@example.org',
  });
  const ss = rt.sheets.createSpreadsheet('Office');
  rt.sheets.setContainer(ss);
  rt.load(join(dir, 'Code.js'));
  return { rt, ss };
}

describe('simple triggers run in LIMITED mode', () => {
  test.each([
    [
      "MailApp.sendEmail('a@example.org', 's', 'b');",
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    ],
    [
      'ScriptApp.getProjectTriggers();',
      'You do not have permission to call ScriptApp.getProjectTriggers. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    ],
    [
      "FormApp.openByUrl('https://docs.google.com/forms/d/x/edit');",
      'You do not have permission to call FormApp.openByUrl. Required permissions: https://www.googleapis.com/auth/forms',
    ],
    [
      "SpreadsheetApp.openById('x');",
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    ],
  ])(
    '%s throws in onEdit as on Google; the bound spreadsheet and Properties still work',
    (call, message) => {
      const { rt, ss } = runtime(call);
      rt.simpleTrigger('onEdit', { authMode: 'LIMITED' });
      const run = rt.executions.at(-1)!;
      expect(run.error).toBe(message);
      expect(rt.properties.getScriptProperties().getProperty('edited')).toBe('yes');
      expect(ss.getSheets()[0].getRange(1, 1).getValue()).toBe('seen');
    },
  );

  test('the same call from the editor (full authorization) works', () => {
    const { rt } = runtime('ScriptApp.getProjectTriggers();');
    rt.run('onEdit', {});
    expect(rt.executions.at(-1)!.error).toBeUndefined();
  });

  test('a simple trigger gets no email address (User.getEmail reference)', () => {
    const { rt } = runtime(
      "PropertiesService.getScriptProperties().setProperty('who', Session.getActiveUser().getEmail() + '|' + Session.getEffectiveUser().getEmail());",
    );
    rt.simpleTrigger('onEdit', { authMode: 'LIMITED' });
    expect(rt.properties.getScriptProperties().getProperty('who')).toBe('|');
    expect(rt.run('who')).toEqual(['staff@example.org', 'staff@example.org']);
  });
});

describe('Session and the userinfo.email scope', () => {
  test("without the scope in the manifest, getActiveUser and getEffectiveUser give ''", () => {
    const { rt } = runtime('', ['https://www.googleapis.com/auth/spreadsheets.currentonly']);
    expect(rt.run('who')).toEqual(['', '']);
  });

  test('with the scope, the address of the account running the script', () => {
    const { rt } = runtime('', ['https://www.googleapis.com/auth/userinfo.email']);
    expect(rt.run('who')).toEqual(['staff@example.org', 'staff@example.org']);
    expect(rt.runAs('second@example.org', 'who')).toEqual([
      'second@example.org',
      'second@example.org',
    ]);
  });
});

describe('per-user triggers', () => {
  test('an account sees and counts only its own triggers (20 each)', () => {
    const { rt } = runtime('');
    rt.run('install');
    expect(rt.run('mine')).toBe(1);
    expect(rt.runAs('second@example.org', 'mine')).toBe(0);
    for (let i = 0; i < 20; i++) rt.runAs('second@example.org', 'install');
    expect(() => rt.runAs('second@example.org', 'install')).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    expect(rt.run('mine')).toBe(1);
  });
});
