// The security review, made testable: minimal scopes, no Gmail/UrlFetch/web-app entry points,
// mail only to respondents, members or the staff address, no personal data in logs (R25, R27).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  checkRun,
  countFormulaCells,
  EXPECTED_SCOPES,
  securityReview,
} from '../../local/faults/checks';
import { createOfficeWorld, REGISTRATION_TITLES as R } from '../../local/world';

const root = resolve(__dirname, '..', '..');

describe('security review', () => {
  test('appsscript.json asks for exactly the six scopes the script needs, each named in the README', () => {
    const manifest = JSON.parse(readFileSync(resolve(root, 'appsscript.json'), 'utf8'));
    expect(manifest.oauthScopes).toEqual(EXPECTED_SCOPES);
    const review = securityReview(root);
    expect(review.scopeProblems).toEqual([]);
    expect(review.scopesNotInReadme).toEqual([]);
  });

  test('dist/Code.js names no GmailApp (full Gmail access), no UrlFetchApp and no doGet/doPost web-app entry point', () => {
    expect(securityReview(root).forbiddenInBundle).toEqual([]);
    const bundle = readFileSync(resolve(root, 'dist', 'Code.js'), 'utf8');
    expect(bundle).toContain('MailApp.sendEmail');
  });

  test('the checks catch what they look for: a formula cell, live HTML, mail to a stranger and a name in the console', () => {
    const world = createOfficeWorld();
    world.rt.run('setup');
    const answers = {
      [R.name]: 'Zelda Quintessa',
      [R.address]: '1-2-3 Secret Street',
      [R.consent]: ['同意します / I agree'],
    };
    const id = world.rt.forms
      .submit(world.registration, { email: 'zq@example.org', answers })
      .getId();
    const clean = checkRun(world, {
      registrationIds: [id],
      applicationIds: [],
      respondents: new Set(['zq@example.org']),
      personal: ['Zelda Quintessa'],
      markup: [],
    });
    expect(clean.personalDataInLogs + clean.formulaCells + clean.strangerRecipients).toBe(0);
    expect(clean.lostResponses).toBe(0);

    // Now what a faulty script would do: a typed formula, live HTML to a stranger, a name logged.
    // (Into the Time column: the text columns are Plain text, where '=1+1' stays text.)
    world.ss.getSheetByName('Log')!.getRange(5, 1).setValue('=1+1');
    world.rt.mail.sendEmail({
      to: 'stranger@example.net',
      subject: 's',
      body: 'b',
      htmlBody: '<img src=x>',
    });
    world.rt.logs.add('log', 'console', 'REGISTERED Zelda Quintessa');
    const dirty = checkRun(world, {
      registrationIds: [id, '2_Rnotthere'],
      applicationIds: [],
      respondents: new Set(['zq@example.org']),
      personal: ['Zelda Quintessa'],
      markup: [],
    });
    expect(countFormulaCells(world)).toBe(1);
    expect(dirty).toMatchObject({
      formulaCells: 1,
      unescapedHtml: 1,
      strangerRecipients: 1,
      personalDataInLogs: 1,
      lostResponses: 1,
    });
  });
});
