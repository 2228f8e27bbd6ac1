// R30: payment notices. Called by the monthly run right after a month's ledger lines are
// written: one email per supporter paid in that settlement, in their language, put in the
// Outbox (the hourly sendQueuedEmails sends it, as the quota allows). The *Payment notices* sheet records each notice
// (month, Bansou Net ID) in the same execution, so running the month again, a second trigger,
// or a catch-up run never notifies anyone twice for the same month.
import { dayOf, parseDay } from '../domain/dates';
import { type NoticeApplication, noticesFor, noticeVars } from '../domain/notices';
import type { HoldLine, LedgerLine } from '../domain/payments';
import { transferDate } from '../domain/transfers';
import type { Month } from '../domain/types';
import type { Env } from './env';
import { readMembers } from './records';
import { cellMs, cellText } from './tables/cells';
import { APPLICATIONS, NOTICES } from './tables/schema';
import { renderFor } from './templates-store';

function readApplicationDays(env: Env): Map<string, NoticeApplication> {
  const table = env.book.table(APPLICATIONS);
  const out = new Map<string, NoticeApplication>();
  for (const row of table.dataRows()) {
    const submittedAt = cellMs(table.get(row, 'submittedAt'));
    out.set(cellText(table.get(row, 'responseId')), {
      submittedDay: submittedAt === null ? '' : dayOf(submittedAt),
      // Read as the monthly run reads it (usecases/payments.ts), so both name the same day.
      supportDay: parseDay(cellText(table.get(row, 'supportDate'))) ?? '',
    });
  }
  return out;
}

/**
 * Queues the payment notices of month M's settlement (`lines` are that settlement's new ledger
 * lines; `onHold` its hold lines). Returns how many were queued.
 */
export function queuePaymentNotices(
  env: Env,
  month: Month,
  lines: readonly LedgerLine[],
  onHold: readonly HoldLine[],
): number {
  const notices = noticesFor(month, lines, onHold, readApplicationDays(env));
  if (notices.length === 0) return 0;
  const table = env.book.table(NOTICES);
  const sent = new Set(
    table
      .dataRows()
      .filter((r) => cellText(table.get(r, 'month')) === month)
      .map((r) => cellText(table.get(r, 'memberId'))),
  );
  if (notices.every((n) => sent.has(n.memberId))) return 0;
  const members = readMembers(env.book, env.settings);
  const pay = transferDate(month, env.settings.transferDay, env.settings.monthlyRunDay);
  let queued = 0;
  for (const n of notices) {
    if (sent.has(n.memberId)) continue;
    const member = members.get(n.memberId);
    table.append({
      month,
      memberId: n.memberId,
      cases: n.cases.length,
      amount: n.total,
      queuedAt: new Date(env.now),
    });
    if (!member || member.email.trim() === '') {
      env.log.add({ action: 'NOTICE_NO_ADDRESS', memberId: n.memberId, detail: month });
      continue;
    }
    const mail = renderFor(
      env,
      'payments.notice',
      member.emailLanguage,
      noticeVars(n, member.name, month, pay),
    );
    // Through the Outbox: the hourly sendQueuedEmails sends them as the quota allows, so the
    // monthly run stays short however many supporters are paid (and the staff summary first).
    env.mailer.queueToOutbox({
      ...mail,
      to: member.email,
      kind: 'notice',
      ref: `${month} ${n.memberId}`,
    });
    queued++;
  }
  table.flush();
  env.log.add({ action: 'NOTICES_QUEUED', detail: `${month}: ${queued} payment notices` });
  return queued;
}
