// The monthly payment run (RULES R20–R23). The Ledger is the record of what was paid: a line
// per (application, supporter), written once under the script lock. Payment sheets are
// drawn from the ledger, so a settled month's sheet is the same however often it is redrawn.

import { alertStaffOnce } from '../adapters/alerts';
import { trimNewSheet } from '../adapters/capacity';
import type { Env } from '../adapters/env';
import { queuePaymentNotices } from '../adapters/notices';
import { readDocuments, readMembers } from '../adapters/records';
import { cellBool, cellMs, cellNumber, cellText, toCell } from '../adapters/tables/cells';
import {
  APPLICATIONS,
  HOLDS,
  HOLDS_PACKED_DETAIL,
  LEDGER,
  NOTICES,
  RUNS,
} from '../adapters/tables/schema';
import type { Row } from '../adapters/tables/table';
import { renderFor } from '../adapters/templates-store';
import { tokyoTime } from '../adapters/trigger-owner';
import { ALERTS } from '../domain/alerts';
import { monthOf, monthOfDay, parseDay } from '../domain/dates';
import {
  buildStatement,
  type HoldLine,
  type LedgerLine,
  lastScheduledRun,
  type MissingDocument,
  monthsToSettle,
  type PayableApplication,
  paymentSheetName,
  quietAfterProgram,
  settleMonth,
  settlementDay,
  statementToRows,
  summaryVars,
} from '../domain/payments';
import type { Month, Status } from '../domain/types';

const MONTH = /^\d{4}-\d{2}$/;
/** Rows of a new sheet (APPS-SCRIPT-FACTS: 1000 × 26). */
const NEW_SHEET_ROWS = 1000;

function readLedger(env: Env): LedgerLine[] {
  const table = env.book.table(LEDGER);
  return table.dataRows().map((row) => ({
    responseId: cellText(table.get(row, 'responseId')),
    memberId: cellText(table.get(row, 'memberId')),
    amount: cellNumber(table.get(row, 'amount')) ?? 0,
    settledMonth: cellText(table.get(row, 'settledMonth')),
    applicationMonth: cellText(table.get(row, 'applicationMonth')),
    carriedOver: cellBool(table.get(row, 'carriedOver')),
  }));
}

function readPayable(env: Env): PayableApplication[] {
  const table = env.book.table(APPLICATIONS);
  return table.dataRows().map((row) => ({
    responseId: cellText(table.get(row, 'responseId')),
    submittedAt: cellMs(table.get(row, 'submittedAt')) ?? 0,
    paymentMonth: cellText(table.get(row, 'paymentMonth')),
    status: (cellText(table.get(row, 'status')) || 'REVIEW') as Status,
    supporters: cellText(table.get(row, 'supporters'))
      .split(/[\s,]+/)
      .filter((s) => s !== ''),
    feePerSupporter: cellNumber(table.get(row, 'feePerSupporter')) ?? 0,
    supportDate: parseDay(cellText(table.get(row, 'supportDate')).trim()),
  }));
}

function settledMonths(env: Env): Set<Month> {
  const table = env.book.table(RUNS);
  return new Set(
    table
      .dataRows()
      .map((r) => cellText(table.get(r, 'month')))
      .filter((m) => MONTH.test(m)),
  );
}

export interface PaymentRunResult {
  settled: Month[];
  lines: number;
  total: number;
}

/**
 * What the monthly run asks of other use cases, handed in by the entry point (src/index.ts) so
 * that no use case imports another: decide what staff changed first (overrides win), and
 * redraw the Statistics sheet after (a failure there never undoes the run).
 */
export interface AroundPayments {
  decideStaffChanges: (env: Env) => unknown;
  refreshStatistics: (env: Env) => void;
}

/**
 * Settles every month before now's Tokyo month that is due and not settled yet, oldest first
 * (a missed or late run catches up), from the recorded decisions: it never re-decides (RULES
 * §3). Only what staff changed is decided first (an override set or removed), so overrides
 * win; documents gate payment, as of each month's settlement day.
 */
export function runPayments(env: Env, around: AroundPayments): PaymentRunResult {
  around.decideStaffChanges(env);
  const apps = readPayable(env);
  const { settings } = env;
  const firstMonth = apps.reduce(
    (min, a) => (MONTH.test(a.paymentMonth) && a.paymentMonth < min ? a.paymentMonth : min),
    monthOfDay(settings.programStart),
  );
  const months = monthsToSettle(
    env.now,
    settledMonths(env),
    firstMonth,
    settings.monthlyRunDay,
    settings.monthlyRunHour,
  );
  const result: PaymentRunResult = { settled: [], lines: 0, total: 0 };
  if (months.length === 0) {
    env.log.add({ action: 'PAYMENTS_NOTHING_DUE', detail: `now ${monthOf(env.now)}` });
    return result;
  }
  const ledger = readLedger(env);
  const documents = readDocuments(env.book, settings);
  for (const month of months) {
    const { newLines, onHold, review } = settleMonth(
      month,
      apps,
      ledger,
      documents,
      settlementDay(month, settings.monthlyRunDay),
    );
    // Every ledger line of the month, not only the new ones: a run that failed after writing
    // them left the month unsettled, and this run finishes it (notices, Payment runs row).
    const monthLines = [...ledger.filter((l) => l.settledMonth === month), ...newLines];
    recordSettlement(env, month, monthLines, newLines, onHold, review);
    if (
      quietAfterProgram(month, settings.programEnd, settings.deadlineMonths, {
        newLines,
        onHold,
        review,
      })
    ) {
      // RULES §5 after R23: the run is recorded (so the month is not looked at again), nothing else.
      recordRun(env, month, monthLines, onHold, review);
      result.settled.push(month);
      env.log.add({
        action: 'PAYMENTS_QUIET_MONTH',
        detail: `${month}: program ended, nothing to pay, hold or review: no sheet, no summary`,
      });
      continue;
    }
    ledger.push(...newLines);
    queuePaymentNotices(env, month, monthLines, onHold); // R30
    // The notices reach the Outbox, and their record the Payment notices sheet, before the
    // month is recorded as settled: a run stopped after that point leaves nothing to redo.
    env.mailer.writeBulkToOutbox();
    env.book.flushOne(NOTICES);
    const statement = drawPaymentSheet(env, month, ledger, onHold, review);
    // The Payment runs row: the month is settled (no later run looks at it again).
    const runRow = recordRun(env, month, monthLines, onHold, review);
    result.settled.push(month);
    result.lines += newLines.length;
    result.total += statement.totalAmount;
    const mail = renderFor(
      env,
      'payments.summary',
      'both',
      summaryVars(statement, env.book.ss.getUrl()),
    );
    // Written just now: should the run fail later, this still goes (no later run would send it).
    env.mailer.queue({
      ...mail,
      to: settings.staffEmail,
      kind: 'payments',
      ref: month,
      marked: () => env.book.table(RUNS).isWritten(runRow),
    });
    env.log.add({
      action: 'PAYMENTS_SETTLED',
      detail: `${month}: ${statement.supporters.length} supporters, ${statement.totalAmount} yen, ${newLines.length} lines, ${onHold.length} on hold, ${review.length} in review`,
    });
  }
  around.refreshStatistics(env); // R37: the Statistics sheet after each monthly run
  return result;
}

/** The monthly trigger fires within about an hour of its time; after this the sweep steps in. */
export const CATCH_UP_GRACE_MS = 2 * 3_600_000;

/**
 * Whether the monthly run has not finished since its last scheduled time (its trigger failed,
 * was busy, was disabled or did not fire), with two hours' grace: the hourly sweep then runs it,
 * so a failure costs hours, not a month (it used to wait for the next month's trigger).
 * "Finished" is the trigger's last successful run as recorded (job.lastRun.*); only a schedule
 * after the triggers were installed counts (before that, no trigger was there to miss it, and
 * the first monthly run catches up as it always did). Both are Properties the sweep has read.
 * Returns that schedule (ms), or null when the run is not overdue.
 */
export function monthlyRunOverdue(
  env: Env,
  lastRunIso: string | null,
  installedAtIso: string | null,
): number | null {
  const { settings } = env;
  const scheduled = lastScheduledRun(
    env.now,
    monthOfDay(settings.programStart),
    settings.monthlyRunDay,
    settings.monthlyRunHour,
  );
  if (scheduled === null || env.now < scheduled + CATCH_UP_GRACE_MS) return null;
  const installed = Date.parse(installedAtIso ?? '');
  if (!(installed <= scheduled)) return null;
  const last = Date.parse(lastRunIso ?? '');
  return last >= scheduled ? null : scheduled;
}

/** Tries the sweep makes for one schedule; a run that fails for good must not eat the quota. */
export const CATCH_UP_TRIES = 3;
const CATCH_UP_KEY = 'payments.catchUp';

/**
 * Whether the sweep should run an overdue monthly run now: at most CATCH_UP_TRIES times for one
 * schedule (counted in Script Properties: one write a try). After that, staff are told once:
 * a run that keeps failing (a broken sheet, say) would otherwise take a minute of the daily
 * trigger quota every hour.
 */
export function shouldCatchUp(env: Env, scheduled: number): boolean {
  const at = new Date(scheduled).toISOString();
  const [before, count] = (env.props.get(CATCH_UP_KEY) ?? '').split(' ');
  const tries = before === at ? Number(count) || 0 : 0;
  if (tries >= CATCH_UP_TRIES) {
    alertStaffOnce(
      env,
      `monthly-not-finished:${at}`,
      ALERTS.monthlyNotFinished(tokyoTime(at), tries),
    );
    return false;
  }
  env.props.set(CATCH_UP_KEY, `${at} ${tries + 1}`);
  return true;
}

/**
 * Writes a settlement's records: ledger lines first (the record), then the holds and the
 * Applications' "Paid in" and "On hold" columns. Every step can be done again: the ledger
 * lines of a month are written once (a later run finds them in the Ledger), a hold already
 * recorded for the month is not appended again, "Paid in" lists a month once. So a run stopped
 * before the month's Payment runs row (recordRun) is finished by the next one.
 */
function recordSettlement(
  env: Env,
  month: Month,
  monthLines: LedgerLine[],
  newLines: LedgerLine[],
  onHold: HoldLine[],
  review: string[],
): void {
  const ledger = env.book.table(LEDGER);
  for (const l of newLines) {
    ledger.append({
      responseId: l.responseId,
      memberId: l.memberId,
      amount: l.amount,
      settledMonth: l.settledMonth,
      applicationMonth: l.applicationMonth,
      carriedOver: l.carriedOver,
      recordedAt: new Date(env.now),
    });
  }
  ledger.flush();
  // The holds of a settled month are only ever appended (and read back to redraw its sheet),
  // a field per column. Through the table, so an office's sheet from before the holds had
  // columns gets them added at the right (its older rows keep their packed detail).
  const holds = env.book.table(HOLDS);
  const recorded = readHolds(env, month);
  const heldBefore = new Set(recorded.onHold.map(holdKey));
  const reviewBefore = new Set(recorded.review);
  for (const h of onHold) {
    if (heldBefore.has(holdKey(h))) continue;
    holds.append({
      month,
      kind: 'ON_HOLD',
      responseId: h.responseId,
      memberId: h.memberId,
      fiscalYear: h.fiscalYear,
      missing: h.missing.join(','),
      applicationMonth: h.applicationMonth,
    });
  }
  for (const id of review)
    if (!reviewBefore.has(id)) holds.append({ month, kind: 'REVIEW', responseId: id });
  holds.flush();
  const apps = env.book.table(APPLICATIONS);
  const paidMonths = new Map<string, string>();
  for (const l of monthLines) paidMonths.set(l.responseId, l.settledMonth);
  // R20: an application of a settled month is on hold while one of its accepted supporter
  // lines waits for documents, and no longer once the last one is paid.
  const held = new Set(onHold.map((h) => h.responseId));
  for (const row of apps.dataRows()) {
    const id = cellText(apps.get(row, 'responseId'));
    const appMonth = cellText(apps.get(row, 'paymentMonth'));
    if (MONTH.test(appMonth) && appMonth <= month) {
      const wasHeld = cellBool(apps.get(row, 'onHold'));
      if (wasHeld !== held.has(id)) apps.set(row, 'onHold', held.has(id));
    }
    const m = paidMonths.get(id);
    if (!m) continue;
    const before = cellText(apps.get(row, 'paidIn'));
    apps.set(
      row,
      'paidIn',
      before.split(' ').includes(m) ? before : [before, m].filter((s) => s).join(' '),
    );
  }
  apps.flush();
}

function holdKey(h: HoldLine): string {
  return `${h.responseId} ${h.memberId} ${h.fiscalYear}`;
}

/** The month's Payment runs row, written at once: from now on the month is settled. */
function recordRun(
  env: Env,
  month: Month,
  monthLines: LedgerLine[],
  onHold: HoldLine[],
  review: string[],
): Row {
  const runs = env.book.table(RUNS);
  const run = runs.append({
    month,
    ranAt: new Date(env.now),
    supporters: new Set(monthLines.map((l) => l.memberId)).size,
    total: monthLines.reduce((s, l) => s + l.amount, 0),
    onHold: onHold.length,
    review: review.length,
  });
  runs.flush();
  return run;
}

function missingList(text: string): MissingDocument[] {
  return text.split(',').filter((s) => s !== '') as MissingDocument[];
}

/**
 * The holds recorded for a settled month. A row written before the holds had columns has its
 * fields packed in one "Detail" cell ("FY2024 memorandum,account 2024-06"): it is read from
 * there, so an office's older months redraw as they were.
 */
function readHolds(env: Env, month: Month): { onHold: HoldLine[]; review: string[] } {
  const table = env.book.table(HOLDS);
  const packed = table.otherColumn(HOLDS_PACKED_DETAIL);
  const onHold: HoldLine[] = [];
  const review: string[] = [];
  for (const row of table.dataRows()) {
    if (cellText(table.get(row, 'month')) !== month) continue;
    const kind = cellText(table.get(row, 'kind'));
    const responseId = cellText(table.get(row, 'responseId'));
    if (kind === 'REVIEW') {
      review.push(responseId);
      continue;
    }
    const memberId = cellText(table.get(row, 'memberId'));
    const fiscalYear = cellNumber(table.get(row, 'fiscalYear'));
    const detail = packed ? cellText(packed(row)).trim() : '';
    if (fiscalYear === null && detail !== '') {
      const [fy, missing, applicationMonth] = detail.split(' ');
      onHold.push({
        responseId,
        memberId,
        fiscalYear: Number(String(fy).replace('FY', '')),
        missing: missingList(missing ?? ''),
        applicationMonth: applicationMonth ?? '',
      });
      continue;
    }
    onHold.push({
      responseId,
      memberId,
      fiscalYear: fiscalYear ?? 0,
      missing: missingList(cellText(table.get(row, 'missing'))),
      applicationMonth: cellText(table.get(row, 'applicationMonth')),
    });
  }
  return { onHold, review };
}

/** Draws `Payments YYYY-MM` from the ledger: the same sheet every time for a settled month. */
function drawPaymentSheet(
  env: Env,
  month: Month,
  ledger: readonly LedgerLine[],
  onHold: HoldLine[],
  review: string[],
) {
  const names = new Map<string, string>();
  for (const [id, m] of readMembers(env.book, env.settings)) names.set(id, m.name);
  const statement = buildStatement(month, ledger, names, onHold, review);
  const rows = statementToRows(statement, 'both');
  const name = paymentSheetName(month);
  const ss = env.book.ss;
  let sheet = ss.getSheetByName(name);
  const created = !sheet;
  if (sheet) sheet.clear();
  else sheet = ss.insertSheet(name);
  const width = rows[0].length;
  // A new sheet keeps only the rows and columns it shows (the 10-million-cell limit).
  if (created) trimNewSheet(sheet, rows.length, width);
  // A sheet has at least the 1,000 rows it was made with; ask for more only beyond that (a
  // sheet made just now has exactly 1,000: no need to ask, and ask an older one once).
  if (rows.length > NEW_SHEET_ROWS) {
    const maxRows = created ? NEW_SHEET_ROWS : sheet.getMaxRows();
    if (rows.length > maxRows) sheet.insertRowsAfter(maxRows, rows.length - maxRows);
  }
  const block = sheet.getRange(1, 1, rows.length, width);
  block.setValues(rows.map((r) => r.map(toCell)));
  // Bold title, header and total; yen amounts; frozen header so it prints and scrolls well.
  const supporters = statement.supporters.length;
  const totalRow = 2 + supporters;
  block.setFontWeights(
    rows.map((_, i) => new Array(width).fill(i < 2 || i === totalRow ? 'bold' : 'normal')),
  );
  // Offset from the block: worked out locally, no round trip for another range.
  block.offset(2, 3, supporters + 1, 1).setNumberFormat('"¥"#,##0');
  sheet.setFrozenRows(2);
  if (created) sheet.setColumnWidths(1, width, 150);
  return statement;
}

/** Staff menu: redraw a settled month from the ledger, or settle it when it is due. */
export function generatePaymentsFor(env: Env, month: Month, around: AroundPayments): string {
  if (!MONTH.test(month)) return `"${month}" is not a month: write it as YYYY-MM, e.g. 2024-07.`;
  if (settledMonths(env).has(month)) {
    const { onHold, review } = readHolds(env, month);
    const statement = drawPaymentSheet(env, month, readLedger(env), onHold, review);
    env.log.add({ action: 'PAYMENTS_REDRAWN', detail: month });
    return `${paymentSheetName(month)} redrawn from the ledger: ${statement.supporters.length} supporters, ${statement.totalAmount} yen.`;
  }
  const result = runPayments(env, around);
  if (result.settled.includes(month)) {
    return `Settled ${result.settled.join(', ')}: ${result.lines} payment lines, ${result.total} yen.`;
  }
  return `${month} is not due yet: a month is settled on day ${env.settings.monthlyRunDay} of the next month at ${env.settings.monthlyRunHour}:00.`;
}
