// What one execution works with: the workbook, the validated settings, the clock, the log
// and the mailer. Built once at the start of an execution and passed down.
import type { Settings } from '../domain/settings-types';
import type { Template } from '../domain/templates';
import { ActivityLog } from './log';
import { errorText, type Mail, Mailer } from './mailer';
import { ScriptProps } from './props';
import { readConfig } from './settings-store';
import { useRecordedZone } from './sheet-zone-reader';
import { OUTBOX } from './tables/schema';
import { Workbook } from './tables/workbook';

export interface Env {
  book: Workbook;
  settings: Settings;
  now: number;
  log: ActivityLog;
  mailer: Mailer;
  props: ScriptProps;
  templates: Template[];
  /** Who acts: 'system' inside triggers, the staff account for menu actions. */
  by: string;
}

/**
 * Form-submit triggers may use Settings and Templates as cached a few minutes ago (one
 * Properties read instead of two sheet reads); menu actions and timed jobs read them fresh.
 */
export function openEnv(by: string, config: 'cached' | 'fresh' = 'fresh'): Env {
  const book = Workbook.active();
  const now = Date.now();
  const props = new ScriptProps();
  // Dates staff typed read in the spreadsheet's zone as recorded (adapters/sheet-zone).
  useRecordedZone(props);
  const { settings, templates } = readConfig(book, props, now, config);
  const log = new ActivityLog(book, now, by);
  const mailer = new Mailer(book, settings, now, log, props);
  return { book, settings, templates, now, log, mailer, props, by };
}

/**
 * What commitBeforeMail leaves for after the lock: messages the quota allows, to be sent once
 * the script lock is released (sendAfterLock, mail-after-lock.ts), with the Settings they are
 * sent with.
 */
export interface MailAfterLock {
  mails: Mail[];
  settings: Settings;
}

/**
 * A form-submit trigger's commit: every table change, then the Outbox rows of the messages that
 * must wait, then the Log — all under the lock. The messages to send once it is released are
 * handed to `later` as soon as the rows they announce are written: when a later write throws,
 * they still go (as before, when they were sent before those writes).
 */
export function commitBeforeMail(env: Env, later: (planned: MailAfterLock) => void): void {
  flushOrDeliverMarked(env, () => later({ mails: env.mailer.planSends(), settings: env.settings }));
  later({ mails: env.mailer.planSends(), settings: env.settings });
  env.book.flushAll();
  env.log.stage();
}

/** Writes every table change, then sends what the mailer holds. Mail goes last on purpose:
 * a message is sent only once the records it announces are stored. */
export function commit(env: Env): void {
  flushOrDeliverMarked(env, () => env.mailer.deliver());
  env.mailer.deliver();
  env.book.flushAll();
  env.log.stage();
  const actions = committed.get(env) ?? [];
  committed.delete(env);
  for (const action of actions) action();
}

const committed = new WeakMap<Env, (() => void)[]>();

/**
 * Runs `action` once every change of this execution is written (commit), never when a write
 * fails or the execution is killed first: what a job may forget only once its results are stored
 * (the staff edits updateSessions took up stay marked until then, and are taken up again).
 */
export function whenCommitted(env: Env, action: () => void): void {
  const list = committed.get(env) ?? [];
  list.push(action);
  committed.set(env, list);
}

/**
 * Runs a job and commits its changes. When the job or a write throws, the messages whose "sent"
 * marks are already written still go before the error goes on (deliverMarked).
 */
export function runAndCommit<T>(env: Env, job: (env: Env) => T): T {
  let value: T;
  try {
    value = job(env);
  } catch (error) {
    deliverMarked(env, () => env.mailer.deliver());
    throw error;
  }
  commit(env);
  return value;
}

/** Writes every table; on a failed write, deliverMarked through `send`, then the error goes on. */
function flushOrDeliverMarked(env: Env, send: () => void): void {
  try {
    env.book.flushAll();
  } catch (error) {
    deliverMarked(env, send);
    throw error;
  }
}

/**
 * After a failure: the messages whose "sent" marks are written (Mail.marked: a reminder's
 * "Reminder sent", a month's Payment runs row) go through `send`, since a later run sees the
 * marks and would never send them. A message the quota holds back is written to the Outbox, or,
 * when even that fails, named in the execution log. The others wait for the run that writes
 * their records, as before.
 */
function deliverMarked(env: Env, send: () => void): void {
  try {
    env.mailer.keepMarked();
    send();
    env.book.flushOne(OUTBOX);
  } catch (second) {
    console.error(`MAIL_AFTER_FAILURE: ${errorText(second)}`);
  }
}

/** The person acting: the staff account in menu runs; 'system' in triggers (R27: no names). */
export function actor(kind: 'trigger' | 'menu'): string {
  if (kind === 'trigger') return 'system';
  try {
    return Session.getActiveUser().getEmail() || 'staff';
  } catch (_e) {
    return 'staff';
  }
}

/** How long a trigger waits for another execution to finish before leaving work to the sweep. */
export const LOCK_WAIT_MS = 30_000;

/** Runs `fn` holding the script lock; returns null when the lock could not be had in time. */
export function withScriptLock<T>(waitMs: number, fn: () => T): { value: T } | null {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) return null;
  try {
    return { value: fn() };
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
