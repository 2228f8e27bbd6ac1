// "Set up / check": checks the forms against the field map, creates the sheets, and installs
// exactly the triggers the system needs (one per form, monthly run, sweep, outbox). Run again,
// it changes nothing; it repairs a missing or extra trigger. Never run from a trigger:
// triggers created inside a trigger execution get disabled (APPS-SCRIPT-FACTS).

import { OVERRIDE_CHOICES } from '../adapters/application-rows';
import { trimSystemSheets } from '../adapters/capacity';
import { checkForm, formChecks } from '../adapters/form-check';
import { baselineRecords } from '../adapters/member-history';
import { ScriptProps } from '../adapters/props';
import { readConfig, readSettings } from '../adapters/settings-store';
import { settleZoneAtSetup } from '../adapters/sheet-zone';
import { readStaffDatesIn } from '../adapters/sheet-zone-reader';
import { startSweepMarks } from '../adapters/sweep-marks';
import {
  ACCOUNTS,
  APPLICATIONS,
  COURSE,
  DOCUMENTS,
  HOLDS,
  LEDGER,
  LOG,
  MEMBER_HISTORY,
  MEMBERS,
  NOTICES,
  OUTBOX,
  RUNS,
  SETTINGS,
  TEMPLATES,
} from '../adapters/tables/schema';
import { SESSIONS, SIGNUPS } from '../adapters/tables/sessions-schema';
import type { TableSpec } from '../adapters/tables/table';
import { Workbook } from '../adapters/tables/workbook';
import {
  clearOwnerRecord,
  currentAccount,
  isOwner,
  notOwnerMessage,
  readOwnerRecord,
  writeOwnerRecord,
} from '../adapters/trigger-owner';
import { CLOCK_HANDLERS, FORM_HANDLERS, SESSION_CLOCK_HANDLERS } from '../adapters/triggers';
import type { Settings } from '../domain/settings-types';

const SYSTEM_TABLES: readonly TableSpec[] = [
  MEMBERS,
  MEMBER_HISTORY,
  DOCUMENTS,
  COURSE,
  APPLICATIONS,
  LEDGER,
  HOLDS,
  RUNS,
  OUTBOX,
  LOG,
  TEMPLATES,
  NOTICES,
  ACCOUNTS,
  SESSIONS,
  SIGNUPS,
];

export interface SetupReport {
  ok: boolean;
  problems: string[];
  done: string[];
}

/**
 * The sessions use case's part of set-up (the Sign-ups sheet's dropdowns and protection, the
 * sign-up form's choices), handed in by the entry point so that no use case imports another.
 */
export type PrepareSessionSheets = (
  book: Workbook,
  settings: Settings,
  form: GoogleAppsScript.Forms.Form | null,
) => string[];

export function runSetup(prepareSessionSheets: PrepareSessionSheets): SetupReport {
  const book = Workbook.active();
  const done: string[] = [];
  // Settings staff typed as dates (the program's days) read in the spreadsheet's own zone, as
  // it is now: an older version never recorded it (adapters/sheet-zone-reader).
  const zone = book.ss.getSpreadsheetTimeZone();
  readStaffDatesIn(zone);
  let settings: Settings;
  try {
    settings = readSettings(book);
  } catch (error) {
    // One bullet per bad row (the message holds a line per row, in English then Japanese).
    return {
      ok: false,
      problems: (error as Error).message.split('\n').filter((l) => l.trim() !== ''),
      done,
    };
  }
  const checks = formChecks(settings);
  const problems: string[] = [];
  const forms = new Map<string, GoogleAppsScript.Forms.Form>();
  for (const check of checks) {
    const result = checkForm(check);
    problems.push(...result.problems);
    if (result.form) forms.set(check.handler, result.form);
  }
  if (problems.length > 0) return { ok: false, problems, done };

  // The spreadsheet's time zone, before any sheet is made (domain/sheet-zone.ts): Tokyo while
  // no system sheet holds data (Templates holds text only), else kept with a warning.
  const props = new ScriptProps();
  done.push(
    ...settleZoneAtSetup(
      book.ss,
      zone,
      props,
      SYSTEM_TABLES.filter((spec) => spec !== TEMPLATES).map((spec) => spec.name),
      Date.now(),
    ),
  );

  // Sheets: created with headers, frozen rows, formats; then the staff-facing touches.
  for (const spec of SYSTEM_TABLES) {
    const table = book.table(spec);
    if (table.created) done.push(`Created sheet "${spec.name}".`);
    // Text columns as Plain text, also on sheets staff re-formatted (#17, store/text-columns).
    else table.formatTextColumns();
  }
  // A member history that begins now starts with every member as their Members row stands.
  const history = book.table(MEMBER_HISTORY);
  if (history.created) {
    for (const record of baselineRecords(book.table(MEMBERS), Date.now())) history.append(record);
    history.flush();
  }
  // Sheets made by earlier versions: only the columns in use (the 10-million-cell limit).
  done.push(...trimSystemSheets(book.ss, [...SYSTEM_TABLES, SETTINGS]));
  // Read both once more through the cache, so the first triggers find them there.
  readConfig(book, props, Date.now(), 'fresh');
  startSweepMarks(props, Date.now());
  prepareApplicationsSheet(book);
  protectSystemSheets(book);
  done.push(...prepareSessionSheets(book, settings, forms.get('onSignupSubmit') ?? null));

  // The application form's public link, for the emails.
  const appForm = forms.get('onApplicationSubmit');
  if (appForm) {
    PropertiesService.getScriptProperties().setProperty(
      'form.application.published',
      `${settings.applicationFormUrl}\n${appForm.getPublishedUrl()}`,
    );
  }
  const triggers = installTriggers(settings, forms);
  if (!triggers.ok) return { ok: false, problems: triggers.lines, done };
  done.push(...triggers.lines);
  done.push(
    'Reminder: both forms must collect "Verified" email addresses (respondents signed in); Apps Script can only check that they collect emails. / 両フォームで「確認済み」のメールアドレス収集を使ってください。',
  );
  return { ok: true, problems, done };
}

function prepareApplicationsSheet(book: Workbook): void {
  const table = book.table(APPLICATIONS);
  const sheet = table.sheet;
  const rows = sheet.getMaxRows() - 1;
  const override = sheet.getRange(2, table.columnNumber('override'), rows, 1);
  override.setDataValidation(
    SpreadsheetApp.newDataValidation()
      .requireValueInList(OVERRIDE_CHOICES, true)
      .setAllowInvalid(false)
      .build(),
  );
  const status = sheet.getRange(2, table.columnNumber('status'), rows, 1);
  const colour = (text: string, background: string) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo(text)
      .setBackground(background)
      .setRanges([status])
      .build();
  sheet.setConditionalFormatRules([
    colour('ACCEPTED', '#d9ead3'),
    colour('REJECTED', '#f4cccc'),
    colour('REVIEW', '#fff2cc'),
  ]);
}

/** System sheets warn before a hand edit (staff keep their override and note columns). */
function protectSystemSheets(book: Workbook): void {
  for (const spec of [MEMBERS, MEMBER_HISTORY, LEDGER, HOLDS, RUNS, LOG, OUTBOX, NOTICES]) {
    const sheet = book.table(spec).sheet;
    if (sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length === 0) {
      sheet
        .protect()
        .setDescription('Written by the Bansou Net script / スクリプトが書き込むシート')
        .setWarningOnly(true);
    }
  }
  // R31: bank accounts. Staff type them (like Documents and Course), but a warning before each
  // edit keeps a stray keystroke from changing where a fee goes.
  const accounts = book.table(ACCOUNTS).sheet;
  if (accounts.getProtections(SpreadsheetApp.ProtectionType.SHEET).length === 0) {
    accounts
      .protect()
      .setDescription(
        'Bank accounts of members: edit with care; never copy them elsewhere / 口座情報: 慎重に編集し、他へ写さないでください',
      )
      .setWarningOnly(true);
  }
  const apps = book.table(APPLICATIONS);
  if (apps.sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length === 0) {
    const p = apps.sheet
      .protect()
      .setDescription(
        'Decisions are written by the script; override and note are yours / 判定はスクリプトが記入します',
      );
    p.setWarningOnly(true);
    const maxRows = apps.sheet.getMaxRows();
    p.setUnprotectedRanges([
      apps.sheet.getRange(1, apps.columnNumber('override'), maxRows, 1),
      apps.sheet.getRange(1, apps.columnNumber('note'), maxRows, 1),
    ]);
  }
}

interface WantedTrigger {
  handler: string;
  formId?: string;
  describe: string;
  create: () => GoogleAppsScript.Script.Trigger;
  /** For clock triggers: the schedule, remembered to notice when Settings change it. */
  schedule?: string;
}

export function wantedTriggers(
  settings: Settings,
  forms: Map<string, GoogleAppsScript.Forms.Form>,
): WantedTrigger[] {
  const wanted: WantedTrigger[] = [];
  for (const [handler, form] of forms) {
    wanted.push({
      handler,
      formId: form.getId(),
      describe: `${handler} on form submit`,
      create: () => ScriptApp.newTrigger(handler).forForm(form).onFormSubmit().create(),
    });
  }
  const zone = Session.getScriptTimeZone();
  wanted.push({
    handler: 'runMonthlyPayments',
    describe: `runMonthlyPayments monthly on day ${settings.monthlyRunDay} at ${settings.monthlyRunHour}:00`,
    schedule: `${settings.monthlyRunDay}@${settings.monthlyRunHour}`,
    create: () =>
      ScriptApp.newTrigger('runMonthlyPayments')
        .timeBased()
        .onMonthDay(settings.monthlyRunDay)
        .atHour(settings.monthlyRunHour)
        .inTimezone(zone)
        .create(),
  });
  if (settings.signupFormUrl) {
    wanted.push({
      handler: 'runSessionsDaily',
      describe: `runSessionsDaily every day at ${settings.sessionsDailyHour}:00`,
      schedule: `daily@${settings.sessionsDailyHour}`,
      create: () =>
        ScriptApp.newTrigger('runSessionsDaily')
          .timeBased()
          .everyDays(1)
          .atHour(settings.sessionsDailyHour)
          .inTimezone(zone)
          .create(),
    });
  }
  wanted.push({
    handler: 'sweep',
    describe: `sweep every ${settings.sweepEveryHours} hour(s)`,
    schedule: `${settings.sweepEveryHours}h`,
    create: () =>
      ScriptApp.newTrigger('sweep').timeBased().everyHours(settings.sweepEveryHours).create(),
  });
  wanted.push({
    handler: 'sendQueuedEmails',
    describe: `sendQueuedEmails every ${settings.outboxEveryHours} hour(s)`,
    schedule: `${settings.outboxEveryHours}h`,
    create: () =>
      ScriptApp.newTrigger('sendQueuedEmails')
        .timeBased()
        .everyHours(settings.outboxEveryHours)
        .create(),
  });
  return wanted;
}

/**
 * Makes the project's triggers exactly the wanted ones; returns what it changed. Only the
 * account that installed them may (trigger-owner.ts): run by another, it changes nothing.
 */
function installTriggers(
  settings: Settings,
  forms: Map<string, GoogleAppsScript.Forms.Form>,
): { ok: boolean; lines: string[] } {
  const props = PropertiesService.getScriptProperties();
  const changes: string[] = [];
  const ours = new Set<string>([...CLOCK_HANDLERS, ...FORM_HANDLERS, ...SESSION_CLOCK_HANDLERS]);
  const existing = ScriptApp.getProjectTriggers().filter((t) => ours.has(t.getHandlerFunction()));
  const me = currentAccount();
  const record = readOwnerRecord(props);
  if (
    record &&
    !isOwner(
      record,
      existing.map((t) => t.getUniqueId()),
      me,
    )
  ) {
    return { ok: false, lines: notOwnerMessage(record, me).split('\n') };
  }
  const kept = new Set<GoogleAppsScript.Script.Trigger>();
  for (const want of wantedTriggers(settings, forms)) {
    const scheduleKey = `trigger.schedule.${want.handler}`;
    const match = existing.find(
      (t) =>
        !kept.has(t) &&
        t.getHandlerFunction() === want.handler &&
        (want.formId === undefined || t.getTriggerSourceId() === want.formId) &&
        (want.schedule === undefined || props.getProperty(scheduleKey) === want.schedule),
    );
    if (match) {
      kept.add(match);
      continue;
    }
    kept.add(want.create());
    if (want.schedule) props.setProperty(scheduleKey, want.schedule);
    changes.push(`Installed trigger: ${want.describe}.`);
  }
  for (const t of existing) {
    if (kept.has(t)) continue;
    ScriptApp.deleteTrigger(t);
    changes.push(`Removed extra trigger: ${t.getHandlerFunction()}.`);
  }
  if (changes.length === 0) changes.push('All triggers were already in place.');
  const owner = me || record?.owner || '';
  writeOwnerRecord(props, {
    owner,
    ids: [...kept].map((t) => t.getUniqueId()),
    installedAt:
      record && changes[0] === 'All triggers were already in place.'
        ? record.installedAt
        : new Date().toISOString(),
  });
  changes.push(
    `Triggers owned by ${owner || 'this account (address not available)'}: they run as this account. / トリガーの所有者: ${owner || 'このアカウント'}`,
  );
  return { ok: true, lines: changes };
}

/**
 * Menu "Hand over: remove my triggers": removes the system's triggers the running account
 * owns and, when they were the recorded ones, the record, so that another account's
 * "Set up / check" can install them.
 */
export function removeMyTriggers(): string {
  const props = PropertiesService.getScriptProperties();
  const ours = new Set<string>([...CLOCK_HANDLERS, ...FORM_HANDLERS, ...SESSION_CLOCK_HANDLERS]);
  const mine = ScriptApp.getProjectTriggers().filter((t) => ours.has(t.getHandlerFunction()));
  const record = readOwnerRecord(props);
  const me = currentAccount();
  const ids = mine.map((t) => t.getUniqueId());
  for (const t of mine) ScriptApp.deleteTrigger(t);
  if (record && isOwner(record, ids, me)) clearOwnerRecord(props);
  else if (record)
    return `Removed ${mine.length} trigger(s) of this account. The recorded triggers belong to ${record.owner || 'another account'}; they are still installed. / このアカウントのトリガーを${mine.length}件外しました。記録されたトリガーは ${record.owner || '別のアカウント'} のもので、残っています。`;
  return `Removed ${mine.length} trigger(s): no job runs until someone runs "Set up / check" (that account becomes the owner). / トリガーを${mine.length}件外しました。誰かが「セットアップ / 確認」を実行するまで、自動処理は止まります（実行した人が新しい所有者になります）。`;
}

export function formatSetupReport(report: SetupReport): string {
  if (!report.ok) {
    return [
      'Set-up found problems; nothing was installed. Fix these and run "Set up / check" again.',
      'セットアップで問題が見つかりました。以下を直してから、もう一度「セットアップ / 確認」を実行してください。',
      '',
      ...report.problems.map((p) => `• ${p}`),
    ].join('\n');
  }
  return [
    'Set-up complete. / セットアップが完了しました。',
    '',
    ...report.done.map((d) => `• ${d}`),
  ].join('\n');
}
