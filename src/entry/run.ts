// How each kind of execution starts and ends. Triggers never throw (an exception would end the
// execution and Google may disable a failing trigger): every failure becomes a log line, and
// the sweep finishes the work later. Menu actions tell staff the outcome in a dialog.
import { showToStaff } from '../adapters/dialog';
import {
  actor,
  commitBeforeMail,
  type Env,
  LOCK_WAIT_MS,
  type MailAfterLock,
  openEnv,
  runAndCommit,
  withScriptLock,
} from '../adapters/env';
import { sendAfterLock } from '../adapters/mail-after-lock';
import { recordLastRun } from '../adapters/trigger-owner';
import { FORM_TRIGGERS } from '../adapters/triggers';

export { showToStaff };

import { errorText } from '../adapters/mailer';
import { LOG } from '../adapters/tables/schema';
import { appendRows } from '../adapters/tables/table';
import type { FormName } from '../domain/settings-types';

type Processor = (
  env: Env,
  response: GoogleAppsScript.Forms.FormResponse,
  form: GoogleAppsScript.Forms.Form | null,
) => void;

export function onFormSubmit(
  kind: FormName,
  process: Processor,
  e: GoogleAppsScript.Events.FormsOnFormSubmit,
): void {
  const response = e?.response;
  if (!response) {
    console.warn(`${kind}: the event has no form response (is the trigger attached to the form?)`);
    return;
  }
  let responseId = '';
  const planned: MailAfterLock[] = [];
  try {
    responseId = response.getId();
    const done = withScriptLock(LOCK_WAIT_MS, () => {
      const env = openEnv(actor('trigger'), 'cached');
      process(env, response, e.source ?? null);
      commitBeforeMail(env, (p) => planned.push(p));
      recordLastRun(FORM_TRIGGERS[kind].handler, env.now, 'spreadsheet');
    });
    if (!done) console.warn(`LOCK_BUSY ${kind} ${responseId}: left for the sweep`);
  } catch (error) {
    // Left for the sweep (R26); the log names the response only (R27).
    console.error(`FAILED ${kind} ${responseId}: ${errorText(error)} — left for the sweep`);
    bestEffortLog(`${kind.toUpperCase()}_FAILED`, responseId, errorText(error));
  }
  // The lock is released: now the mail whose rows were written (even if a later write failed:
  // the sweep finds those rows handled and would not send it again).
  for (const p of planned) sendAfterLock(p, LOCK_WAIT_MS);
}

/**
 * A time-driven job: under the script lock, never throwing. Frequent jobs (sweep, outbox) use
 * the cached Settings; the monthly run reads them fresh.
 */
export function onTimer(
  name: string,
  job: (env: Env) => void,
  config: 'cached' | 'fresh' = 'cached',
): void {
  try {
    const done = withScriptLock(LOCK_WAIT_MS, () => {
      const env = openEnv(actor('trigger'), config);
      runAndCommit(env, job);
      recordLastRun(name, env.now, 'spreadsheet');
    });
    if (!done) console.warn(`LOCK_BUSY ${name}: will run again at its next time`);
  } catch (error) {
    console.error(`FAILED ${name}: ${errorText(error)}`);
    bestEffortLog(`${name.toUpperCase()}_FAILED`, '', errorText(error));
  }
}

/**
 * A menu action: runs under the lock and shows staff the outcome (or the error) in a dialog.
 * Settings and Templates are read fresh unless the action says the cache will do.
 */
export function fromMenu(
  title: string,
  job: (env: Env) => string,
  config: 'cached' | 'fresh' = 'fresh',
): string {
  let message: string;
  try {
    const done = withScriptLock(LOCK_WAIT_MS, () => {
      return runAndCommit(openEnv(actor('menu'), config), job);
    });
    message = done
      ? done.value
      : 'Another task is running; try again in a minute. / 他の処理が実行中です。少し待ってからもう一度お試しください。';
  } catch (error) {
    message = `${title}: ${errorText(error)}`;
  }
  showToStaff(title, message);
  return message;
}

/** Records a failure in the Log sheet (through its schema) if the spreadsheet can be reached. */
function bestEffortLog(action: string, responseId: string, detail: string): void {
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.getSheetByName(LOG.name);
    if (sheet)
      appendRows(
        ss,
        LOG,
        [{ at: new Date(), action, responseId, detail: detail.slice(0, 500), by: 'system' }],
        sheet,
      );
  } catch (_e) {
    // Nothing more to do: the console line above stays in the execution log.
  }
}
