// What one execution works with: the workbook, the validated settings, the clock, the log
// and the mailer. Built once at the start of an execution and passed down.
import type { Settings } from '../domain/settings-types';
import type { Template } from '../domain/templates';
import { ActivityLog } from './log';
import { Mailer } from './mailer';
import { ScriptProps } from './props';
import { readConfig } from './settings-store';
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
  const { settings, templates } = readConfig(book, props, now, config);
  const log = new ActivityLog(book, now, by);
  const mailer = new Mailer(book, settings, now, log, props);
  return { book, settings, templates, now, log, mailer, props, by };
}

/** Writes every table change, then sends what the mailer holds. Mail goes last on purpose:
 * a message is sent only once the records it announces are stored. */
export function commit(env: Env): void {
  env.book.flushAll();
  env.mailer.deliver();
  env.book.flushAll();
  env.log.stage();
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
