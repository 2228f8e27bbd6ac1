// The global entry points of the script, and nothing else. Apps Script stores trigger
// handlers and menu actions by these names, so renaming one breaks installed triggers.
// scripts/build.mjs declares each export as a top-level function in dist/Code.js.

import { type Env, LOCK_WAIT_MS, withScriptLock } from './adapters/env';
import { runEnvironmentCheck } from './adapters/env-check';
import { errorText } from './adapters/mailer';
import { dropConfigCache } from './adapters/settings-store';
import { checkZone } from './adapters/sheet-zone';
import {
  INSTALLED_AT_KEY,
  LAST_RUN_PREFIX,
  readLastRuns,
  recordLastRun,
} from './adapters/trigger-owner';
import { fromMenu, onFormSubmit, onTimer, showToStaff } from './entry/run';
import {
  decideFrom,
  decideStaffChanges,
  processApplication,
  redecideAll as redecideAllFlow,
  stageApplication,
} from './usecases/applications';
import { processCourse } from './usecases/course';
import { healthReport as healthReportFlow } from './usecases/health';
import { hasQueuedMail, sendQueued } from './usecases/outbox';
import {
  type AroundPayments,
  generatePaymentsFor,
  monthlyRunOverdue,
  runPayments,
  shouldCatchUp,
} from './usecases/payments';
import { processRegistration } from './usecases/registration';
import {
  markSessionsChanged,
  prepareSessionSheets,
  processSignup,
  sessionsNeedUpdate,
  updateSessions as updateSessionsFlow,
} from './usecases/sessions';
import {
  formatSetupReport,
  removeMyTriggers as removeMyTriggersFlow,
  runSetup,
} from './usecases/setup';
import {
  refreshStatistics,
  refreshStatisticsAfterRun,
  statisticsReport,
} from './usecases/statistics';
import { runSweep, type SweepJobs } from './usecases/sweep';
import { showTransferFile } from './usecases/transfer';

const MENU = '伴走ネット / Bansou Net';

// The use cases one job runs of another, wired here so that no use case imports another.
const SWEEP_JOBS: SweepJobs = {
  processRegistration,
  stageApplication,
  decideFrom,
  processCourse,
  processSignup,
  sessionsNeedUpdate,
  updateSessions: updateSessionsFlow,
};
const AROUND_PAYMENTS: AroundPayments = {
  decideStaffChanges,
  refreshStatistics: refreshStatisticsAfterRun,
};

/** Simple trigger: the staff menu. */
export function onOpen(): void {
  SpreadsheetApp.getUi()
    .createMenu(MENU)
    .addItem('Set up / check  セットアップ・確認', 'setup')
    .addSeparator()
    .addItem('Re-decide all applications  全申請を再判定', 'redecideAll')
    .addItem('Generate payments for a month…  月の支払表を作成…', 'generatePayments')
    .addItem('Bank transfer file…  振込データ…', 'bankTransferFile')
    .addItem('Send queued emails  送信待ちメールを送信', 'sendQueuedEmails')
    .addItem('Process missed responses  未処理の回答を処理', 'processMissedResponses')
    .addItem('Update sessions now  相談会の変更を反映', 'updateSessions')
    .addSeparator()
    .addItem('Update statistics  統計を更新', 'updateStatistics')
    .addItem('Health report  状態レポート', 'healthReport')
    .addItem('Check this Google environment  環境チェック', 'checkEnvironment')
    .addItem('Hand over: remove my triggers  引き継ぎ：自分のトリガーを外す', 'removeMyTriggers')
    .addToUi();
}

/** Simple trigger: staff edited a cell; an edit of Settings or Templates drops their cache. */
export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const name = e?.range?.getSheet().getName();
  if (name === 'Settings' || name === 'Templates') dropConfigCache();
  // Promotions, emails and the form's choices follow at the next sweep (a simple trigger may
  // not send mail or open forms) or at once from the menu; the sessions the edited rows name are
  // marked, and those jobs read their sign-ups (issue #15).
  if (name === 'Sessions' || name === 'Sign-ups') markSessionsChanged(e.range);
}

/** Menu / editor: check the forms, create the sheets, install the triggers. */
export function setup(): string {
  const text = formatSetupReport(runSetup(prepareSessionSheets));
  showToStaff('Set up / check', text);
  return text;
}

export function onRegistrationSubmit(e: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  onFormSubmit('registration', processRegistration, e);
}

export function onApplicationSubmit(e: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  onFormSubmit('application', processApplication, e);
}

export function onCourseSubmit(e: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  onFormSubmit('course', processCourse, e);
}

export function onSignupSubmit(e: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  onFormSubmit('signup', processSignup, e);
}

/** Daily time-driven trigger (R35): reminders and participant lists due, attendance (R36). */
export function runSessionsDaily(): void {
  onTimer('runSessionsDaily', (env) => {
    checkZone(env);
    updateSessionsFlow(env, true);
  });
}

/** Menu: take up staff changes of Sessions and Sign-ups now (overrides, promotions, choices). */
export function updateSessions(): string {
  return fromMenu('Update sessions', (env) => {
    const r = updateSessionsFlow(env, false);
    const bad = r.problems
      ? `\n${r.problems} row(s) of Sessions cannot be read: see the Check column. / Sessions シートに読み取れない行が${r.problems}行あります（「要確認」列を参照）。`
      : '';
    return `Sessions updated. / 相談会の情報を更新しました。${bad}`;
  });
}

/** Monthly time-driven trigger (R21). */
export function runMonthlyPayments(): void {
  onTimer('runMonthlyPayments', monthlyJob(false), 'fresh');
}

function monthlyJob(catchUp: boolean): (env: Env) => void {
  return (env) => {
    if (catchUp)
      env.log.add({
        action: 'PAYMENTS_CATCH_UP',
        detail: 'the monthly run had not finished since its scheduled time: the sweep runs it',
      });
    runPayments(env, AROUND_PAYMENTS);
  };
}

/** The catch-up starts only when the sweep left time for it (the 6-minute limit). */
const CATCH_UP_START_LIMIT_MS = 120_000;

/**
 * Time-driven: process missed responses (R26). When the monthly run has not finished since its
 * scheduled time (monthlyRunOverdue), the sweep then runs it in the same execution, under the
 * lock taken again, as the trigger would (the sweep's work is committed first, and a failing
 * catch-up never undoes it; it is then recorded as the monthly run's last run).
 */
export function sweep(): void {
  const started = Date.now();
  let overdue = false;
  onTimer('sweep', (env) => {
    runSweep(env, SWEEP_JOBS);
    const last = readLastRuns(env.props.withPrefix(LAST_RUN_PREFIX), ['runMonthlyPayments']);
    const scheduled = monthlyRunOverdue(
      env,
      last.runMonthlyPayments?.at ?? null,
      env.props.get(INSTALLED_AT_KEY),
    );
    overdue =
      scheduled !== null &&
      Date.now() - started < CATCH_UP_START_LIMIT_MS &&
      shouldCatchUp(env, scheduled);
  });
  if (overdue) onTimer('runMonthlyPayments', monthlyJob(true), 'fresh');
}

/** Menu: process missed responses, checking every response of every form. */
export function processMissedResponses(): string {
  return fromMenu('Process missed responses', (env) => {
    const r = runSweep(env, SWEEP_JOBS, 'full');
    const problems = r.problems.length ? `\n${r.problems.join('\n')}` : '';
    const more = r.complete
      ? ''
      : '\nOut of time: run it again to finish. / 時間切れのため、もう一度実行してください。';
    return `Processed ${r.registrations} registrations, ${r.applications} applications, ${r.courses} course responses, ${r.signups} sign-ups. / 未処理の回答を処理しました。${more}${problems}`;
  });
}

/** Time-driven and menu: send what waits in the Outbox (R29). Nothing waiting: no reads. */
export function sendQueuedEmails(): void {
  if (!hasQueuedMail()) {
    recordLastRun('sendQueuedEmails', Date.now(), 'idle');
    return;
  }
  onTimer('sendQueuedEmails', (env) => {
    sendQueued(env);
  });
}

/** Menu: re-decide every application not yet paid. */
export function redecideAll(): string {
  return fromMenu('Re-decide all applications', (env) => {
    const r = redecideAllFlow(env);
    return `${r.applications} applications checked, ${r.changed} changed. / ${r.applications}件を再判定し、${r.changed}件が変わりました。`;
  });
}

/** Menu: settle or redraw the payment sheet of a month the staff name. */
export function generatePayments(month?: string): string {
  let chosen = month;
  if (chosen === undefined) {
    const ui = SpreadsheetApp.getUi();
    const answer = ui.prompt(
      'Generate payments / 支払表の作成',
      'Month (YYYY-MM) / 対象月（例 2024-07）',
      ui.ButtonSet.OK_CANCEL,
    );
    if (answer.getSelectedButton() !== ui.Button.OK) return 'cancelled';
    chosen = answer.getResponseText().trim();
  }
  const target = chosen;
  return fromMenu('Generate payments', (env) => generatePaymentsFor(env, target, AROUND_PAYMENTS));
}

/** Menu: the health report. */
export function healthReport(): string {
  return fromMenu('Health report', (env) => healthReportFlow(env));
}

/**
 * Menu / editor: probes the Sheets, Forms, Mail and trigger behaviours the system relies on
 * and reports each as expected / different (src/adapters/env-check.ts). Run once after installing.
 */
export function checkEnvironment(): string {
  let text: string;
  try {
    text = runEnvironmentCheck();
  } catch (error) {
    text = `Check this Google environment: ${errorText(error)}`;
  }
  showToStaff('Check this Google environment / 環境チェック', text);
  return text;
}

/** Menu: hand over the triggers (the owner removes them; the new owner runs Set up / check). */
export function removeMyTriggers(): string {
  let text: string;
  try {
    const done = withScriptLock(LOCK_WAIT_MS, () => removeMyTriggersFlow());
    text = done
      ? done.value
      : 'Another task is running; try again in a minute. / 他の処理が実行中です。少し待ってからもう一度お試しください。';
  } catch (error) {
    text = `Hand over: ${errorText(error)}`;
  }
  showToStaff('Hand over / 引き継ぎ', text);
  return text;
}

/** Menu: the Zengin bank transfer file of a settled month, in a dialog to download (R31). */
export function bankTransferFile(month?: string): string {
  let chosen = month;
  if (chosen === undefined) {
    const ui = SpreadsheetApp.getUi();
    const answer = ui.prompt(
      'Bank transfer file / 振込データ',
      'Settled month (YYYY-MM) / 対象月（例 2024-07）',
      ui.ButtonSet.OK_CANCEL,
    );
    if (answer.getSelectedButton() !== ui.Button.OK) return 'cancelled';
    chosen = answer.getResponseText().trim();
  }
  return showTransferFile(chosen);
}

/** Menu: refresh the Statistics sheet and its charts (R37–R39). */
export function updateStatistics(): string {
  // Settings as cached (a staff edit of Settings drops the cache): the refresh reads five
  // tables and needs no template, which keeps it within 30 Spreadsheet calls.
  return fromMenu('Update statistics', (env) => statisticsReport(refreshStatistics(env)), 'cached');
}
