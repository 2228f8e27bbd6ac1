// sendQueuedEmails: empties the Outbox sheet in order while the day's quota lasts (R29).
// Each message is marked SENT as soon as it goes, so a stop half-way never sends one twice.

import { alertStaffOnce } from '../adapters/alerts';
import type { Env } from '../adapters/env';
import {
  errorText,
  readPendingCount,
  recipientsOf,
  sendNow,
  setPendingCount,
} from '../adapters/mailer';
import { ScriptProps } from '../adapters/props';
import { cellMs, cellNumber, cellText } from '../adapters/tables/cells';
import { type KeysOf, OUTBOX } from '../adapters/tables/schema';
import type { Row, Table } from '../adapters/tables/table';
import { ALERTS } from '../domain/alerts';
import { dayOf } from '../domain/dates';

/**
 * An execution may run 6 minutes (APPS-SCRIPT-FACTS): stop starting sends after 4½, as the
 * sweep does, and leave the rest to the next run (a month's payment notices can be thousands).
 */
export const OUTBOX_BUDGET_MS = 270_000;

/** Errors that will never go away by retrying: the message is set aside for staff. */
const PERMANENT = /Invalid email|no recipient/i;

export function sendQueued(env: Env): { sent: number; waiting: number; failed: number } {
  const table = env.book.table(OUTBOX);
  // In the order they were queued (R29), not the sheet's: staff may sort the Outbox (Data →
  // Sort range). Each email's "Queued at" is a millisecond after the one queued before it in
  // the same execution (Mailer.toOutbox); equal times (rows typed or written by an older
  // version) keep their order in the sheet (Array.prototype.sort is stable).
  const queuedAt = (r: Row) => cellMs(table.get(r, 'queuedAt')) ?? 0;
  const queued = table
    .dataRows()
    .filter((r) => cellText(table.get(r, 'status')) === 'QUEUED')
    .sort((a, b) => queuedAt(a) - queuedAt(b));
  let quota = MailApp.getRemainingDailyQuota();
  let sent = 0;
  let failed = 0;
  let waiting = 0;
  let later = 0; // left for the next run: out of time, not of quota
  const deadline = env.now + OUTBOX_BUDGET_MS;
  for (const row of queued) {
    if (waiting === 0 && (later > 0 || Date.now() > deadline)) {
      later++;
      continue;
    }
    const to = cellText(table.get(row, 'to'));
    if (waiting > 0 || quota < recipientsOf(to)) {
      // Order is kept: once one message waits for tomorrow's quota, all after it wait too.
      waiting++;
      continue;
    }
    try {
      sendNow(
        {
          to,
          subject: cellText(table.get(row, 'subject')),
          body: cellText(table.get(row, 'body')),
          htmlBody: cellText(table.get(row, 'htmlBody')),
        },
        env.settings,
      );
    } catch (error) {
      const message = errorText(error);
      table.set(row, 'attempts', (cellNumber(table.get(row, 'attempts')) ?? 0) + 1);
      table.set(row, 'lastError', message);
      if (PERMANENT.test(message)) {
        table.set(row, 'status', 'FAILED');
        failed++;
        env.log.add({
          action: 'MAIL_FAILED',
          responseId: cellText(table.get(row, 'ref')),
          detail: message,
        });
      } else {
        waiting++;
      }
      table.flush();
      continue;
    }
    quota -= recipientsOf(to);
    table.set(row, 'status', 'SENT');
    table.set(row, 'sentAt', new Date(env.now));
    sent++;
    // The message went: a failed write of SENT is not a failed send (it once counted as one,
    // and all later mail waited "for tomorrow's quota"). Tried again once; if it still fails the
    // run stops here, so at most this one message can go twice.
    try {
      table.flush();
    } catch (_e) {
      table.flush();
    }
  }
  setPendingCount(env.props, waiting + later);
  const removed = pruneSent(env, table);
  if (sent > 0 || failed > 0 || removed > 0)
    env.log.add({
      action: 'OUTBOX_SENT',
      detail: `${sent} sent, ${waiting + later} waiting, ${failed} failed${removed ? `; ${removed} sent more than ${OUTBOX_KEEP_DAYS} days ago removed` : ''}`,
    });
  if (waiting > 0) {
    alertStaffOnce(env, `outbox-over-quota:${dayOf(env.now)}`, ALERTS.outboxOverQuota(waiting));
  }
  return { sent, waiting: waiting + later, failed };
}

/**
 * How long a sent email stays in the Outbox for staff to look at. Every run with mail waiting
 * reads the Outbox whole; without a limit it would hold every email ever queued (the whole body
 * of each, names included), and each run would read more than the last (issue #15: cost that
 * does not grow with history). The Log keeps the counts (OUTBOX_SENT).
 */
export const OUTBOX_KEEP_DAYS = 30;

/**
 * Deletes the rows SENT more than OUTBOX_KEEP_DAYS ago (QUEUED and FAILED rows stay): one
 * `deleteRows` per run of adjacent rows, at most 20 per execution (mail goes out in order, so
 * they are usually one block at the top). Returns how many rows went.
 */
function pruneSent(env: Env, table: Table<KeysOf<typeof OUTBOX>>): number {
  const cutoff = env.now - OUTBOX_KEEP_DAYS * 86_400_000;
  const old = table.dataRows().filter((r) => {
    if (cellText(table.get(r, 'status')) !== 'SENT') return false;
    const sentAt = cellMs(table.get(r, 'sentAt'));
    return sentAt !== null && sentAt <= cutoff;
  });
  return old.length > 0 ? table.removeRows(old) : 0;
}

/** Whether the Outbox counter says anything waits (one Properties read). */
export function hasQueuedMail(): boolean {
  return readPendingCount(new ScriptProps()) > 0;
}
