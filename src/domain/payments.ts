// Monthly payments (R20–R23). The ledger is what makes "exactly once" hold: a line
// (application × supporter) is written once, never changed, and settling looks at it first.
// Pure: inputs are never modified; the same inputs always give the same lines in the same order.
import {
  dayStartMs,
  dueDate,
  fiscalYearOf,
  formatMonth,
  monthOf,
  monthOfDay,
  monthsFromTo,
  nextMonth,
  previousMonth,
} from './dates';
import { monthText, type TemplateValue, yenText } from './templates';
import type { Day, DocumentRecord, Month, Status } from './types';

export interface PayableApplication {
  responseId: string;
  submittedAt: number;
  /** Tokyo month of the first submission (R21). */
  paymentMonth: Month;
  status: Status;
  /** Canonical IDs to be paid: the applicant, then the second supporter when valid (R12). */
  supporters: string[];
  feePerSupporter: number;
  supportDate: Day | null;
}

export interface LedgerLine {
  responseId: string;
  memberId: string;
  amount: number;
  /** The month whose settlement paid it: the sheet `Payments <settledMonth>`. */
  settledMonth: Month;
  /** The application's payment month. */
  applicationMonth: Month;
  /** Paid in a later settlement than its own month (it was on hold for documents). */
  carriedOver: boolean;
}

export type MissingDocument = 'memorandum' | 'account';

export interface HoldLine {
  responseId: string;
  memberId: string;
  fiscalYear: number;
  missing: MissingDocument[];
  applicationMonth: Month;
}

/** The sheet R21 writes for month M. */
export function paymentSheetName(month: Month): string {
  return `Payments ${month}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** The scheduled run day for month M: day `runDay` of M+1. */
export function settlementDay(month: Month, runDay: number): Day {
  return `${nextMonth(month)}-${pad2(runDay)}`;
}

const HOUR_MS = 3_600_000;

/**
 * RULES §5 (after R23): once the program has ended and its last applications are due (the
 * deadline of a support on the last program day), a month with nothing to pay, nothing on hold
 * and nothing to review writes no sheet and sends no summary. The month of that last due day
 * itself can still hold applications on time, so it is always written.
 */
export function quietAfterProgram(
  month: Month,
  programEnd: Day,
  deadlineMonths: number,
  settled: { newLines: readonly unknown[]; onHold: readonly unknown[]; review: readonly unknown[] },
): boolean {
  const lastDue = monthOfDay(dueDate(programEnd, deadlineMonths));
  return (
    month > lastDue &&
    settled.newLines.length === 0 &&
    settled.onHold.length === 0 &&
    settled.review.length === 0
  );
}

/**
 * Every month from firstMonth up to the month before now's Tokyo month that is not settled yet
 * and whose scheduled run time (runDay of M+1 at runHour, Tokyo) has passed, oldest first.
 * A late or missed run therefore catches up on every month it skipped, in order.
 */
export function monthsToSettle(
  nowMs: number,
  settled: ReadonlySet<Month>,
  firstMonth: Month,
  runDay: number,
  runHour: number,
): Month[] {
  const lastClosed = previousMonth(monthOf(nowMs));
  return monthsFromTo(firstMonth, lastClosed).filter(
    (m) => !settled.has(m) && dayStartMs(settlementDay(m, runDay)) + runHour * HOUR_MS <= nowMs,
  );
}

/**
 * When the monthly run of the latest month due by now was scheduled (runDay of the next month at
 * runHour, Tokyo); null when no month from firstMonth is due yet.
 */
export function lastScheduledRun(
  nowMs: number,
  firstMonth: Month,
  runDay: number,
  runHour: number,
): number | null {
  const twoBack = previousMonth(previousMonth(monthOf(nowMs)));
  const from = firstMonth > twoBack ? firstMonth : twoBack;
  const months = monthsToSettle(nowMs, new Set(), from, runDay, runHour);
  const due = months[months.length - 1];
  return due === undefined ? null : dayStartMs(settlementDay(due, runDay)) + runHour * HOUR_MS;
}

const DAY_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** A document counts once its received day is filled in and not after the settlement day. */
function received(on: string | undefined, asOf: Day): boolean {
  return on !== undefined && DAY_SHAPE.test(on) && on <= asOf;
}

/** R20: which of the two documents a record still lacks on a day. */
function missingFrom(record: DocumentRecord | undefined, asOf: Day): MissingDocument[] {
  const missing: MissingDocument[] = [];
  if (!received(record?.memorandumOn, asOf)) missing.push('memorandum');
  if (!received(record?.accountOn, asOf)) missing.push('account');
  return missing;
}

/** R20: the documents a member still lacks for a fiscal year, as of a day (none: payable). */
export function missingDocuments(
  documents: readonly DocumentRecord[],
  memberId: string,
  fiscalYear: number,
  asOf: Day,
): MissingDocument[] {
  return missingFrom(documentIndex(documents).get(`${memberId}\u0000${fiscalYear}`), asOf);
}

function lineKey(responseId: string, memberId: string): string {
  return `${responseId}\u0000${memberId}`;
}

/** Earliest received day per member and fiscal year, should staff have entered a row twice. */
function documentIndex(documents: readonly DocumentRecord[]): Map<string, DocumentRecord> {
  const earliest = (a: Day | '', b: Day | ''): Day | '' =>
    a === '' ? b : b === '' ? a : a < b ? a : b;
  const index = new Map<string, DocumentRecord>();
  for (const d of documents) {
    const k = `${d.memberId}\u0000${d.fiscalYear}`;
    const prev = index.get(k);
    index.set(
      k,
      prev
        ? {
            ...prev,
            memorandumOn: earliest(prev.memorandumOn, d.memorandumOn),
            accountOn: earliest(prev.accountOn, d.accountOn),
          }
        : { ...d },
    );
  }
  return index;
}

function bySubmission(a: PayableApplication, b: PayableApplication): number {
  if (a.submittedAt !== b.submittedAt) return a.submittedAt - b.submittedAt;
  return a.responseId < b.responseId ? -1 : a.responseId > b.responseId ? 1 : 0;
}

/**
 * Settles month M (R20–R22). For every ACCEPTED application with paymentMonth ≤ M, each
 * supporter not yet in the ledger is paid when the office has both documents for the fiscal year
 * of the support date on or before `asOf`, and is on hold otherwise. REJECTED and REVIEW
 * applications are never paid; REVIEW ones (and ACCEPTED ones that cannot be paid safely: no
 * readable support date, no fee) are listed for staff.
 *
 * Pass asOf = settlementDay(M, runDay): a late run then pays exactly what a timely run would have.
 */
export function settleMonth(
  month: Month,
  apps: readonly PayableApplication[],
  ledger: readonly LedgerLine[],
  documents: readonly DocumentRecord[],
  asOf: Day,
): { newLines: LedgerLine[]; onHold: HoldLine[]; review: string[] } {
  const done = new Set(ledger.map((l) => lineKey(l.responseId, l.memberId)));
  const docs = documentIndex(documents);
  const newLines: LedgerLine[] = [];
  const onHold: HoldLine[] = [];
  const review: string[] = [];
  const toReview = (id: string) => {
    if (!review.includes(id)) review.push(id);
  };

  for (const app of [...apps].sort(bySubmission)) {
    if (app.paymentMonth > month) continue;
    if (app.status === 'REVIEW') {
      toReview(app.responseId);
      continue;
    }
    if (app.status !== 'ACCEPTED') continue;
    const unpaid = app.supporters.filter((id) => !done.has(lineKey(app.responseId, id)));
    if (unpaid.length === 0) continue;
    if (
      app.supportDate === null ||
      !DAY_SHAPE.test(app.supportDate) ||
      !(app.feePerSupporter > 0)
    ) {
      // Without a day there is no fiscal year to check documents for; without a fee, nothing
      // to pay. Neither is guessed: staff look.
      toReview(app.responseId);
      continue;
    }
    const fiscalYear = fiscalYearOf(app.supportDate);
    for (const memberId of unpaid) {
      const key = lineKey(app.responseId, memberId);
      if (done.has(key)) continue; // the same supporter named twice is paid once
      done.add(key);
      const missing = missingFrom(docs.get(`${memberId}\u0000${fiscalYear}`), asOf);
      if (missing.length === 0) {
        newLines.push({
          responseId: app.responseId,
          memberId,
          amount: app.feePerSupporter,
          settledMonth: month,
          applicationMonth: app.paymentMonth,
          carriedOver: app.paymentMonth < month,
        });
      } else {
        onHold.push({
          responseId: app.responseId,
          memberId,
          fiscalYear,
          missing,
          applicationMonth: app.paymentMonth,
        });
      }
    }
  }
  return { newLines, onHold, review };
}

// ---------------------------------------------------------------------------------------------
// The statement and its sheet

export interface StatementLine {
  memberId: string;
  name: string;
  cases: number;
  amount: number;
  responseIds: string[];
  carriedOver: boolean;
}

export interface Statement {
  month: Month;
  supporters: StatementLine[];
  totalCases: number;
  totalAmount: number;
  onHold: HoldLine[];
  review: string[];
}

/** One row per supporter paid in this month's settlement (sorted by ID), with totals. */
export function buildStatement(
  month: Month,
  lines: readonly LedgerLine[],
  names: ReadonlyMap<string, string>,
  onHold: readonly HoldLine[],
  review: readonly string[],
): Statement {
  const bySupporter = new Map<string, StatementLine>();
  let totalCases = 0;
  let totalAmount = 0;
  for (const line of lines) {
    if (line.settledMonth !== month) continue;
    let s = bySupporter.get(line.memberId);
    if (!s) {
      s = {
        memberId: line.memberId,
        name: names.get(line.memberId) ?? '',
        cases: 0,
        amount: 0,
        responseIds: [],
        carriedOver: false,
      };
      bySupporter.set(line.memberId, s);
    }
    s.cases += 1;
    s.amount += line.amount;
    s.responseIds.push(line.responseId);
    s.carriedOver = s.carriedOver || line.carriedOver;
    totalCases += 1;
    totalAmount += line.amount;
  }
  const supporters = Array.from(bySupporter.values()).sort((a, b) =>
    a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0,
  );
  return {
    month,
    supporters,
    totalCases,
    totalAmount,
    onHold: onHold.map((h) => ({ ...h, missing: [...h.missing] })),
    review: [...review],
  };
}

type SheetLang = 'ja' | 'en' | 'both';

function say(lang: SheetLang, ja: string, en: string): string {
  return lang === 'ja' ? ja : lang === 'en' ? en : `${ja} / ${en}`;
}

const WIDTH = 6;

function row(...cells: unknown[]): unknown[] {
  const out = cells.slice(0, WIDTH);
  while (out.length < WIDTH) out.push('');
  return out;
}

/**
 * The cells of the `Payments YYYY-MM` sheet (R21): title, bilingual header, one row per
 * supporter, total, blank, then the on-hold list and the review list. Every row has the same
 * width so the block can be written with one setValues. Amounts are numbers (the sheet formats
 * them as yen); text cells (IDs, months) must be written as plain text by the store.
 */
export function statementToRows(statement: Statement, lang: SheetLang): unknown[][] {
  const month = statement.month;
  const rows: unknown[][] = [];
  rows.push(
    row(
      say(
        lang,
        `謝金支払い一覧（${formatMonth(month, 'ja')}に提出された申請）`,
        `Payments for applications submitted in ${formatMonth(month, 'en')}`,
      ),
    ),
  );
  rows.push(
    row(
      '伴走ネットID / Bansou Net ID',
      '氏名 / Name',
      '件数 / Cases',
      '金額（円） / Amount (yen)',
      '対象の申請 / Applications',
      '繰越を含む / Includes carried over',
    ),
  );
  for (const s of statement.supporters) {
    rows.push(
      row(
        s.memberId,
        s.name,
        s.cases,
        s.amount,
        s.responseIds.join('\n'),
        s.carriedOver ? say(lang, 'あり', 'Yes') : '',
      ),
    );
  }
  rows.push(row(say(lang, '合計', 'Total'), '', statement.totalCases, statement.totalAmount));
  rows.push(row());

  rows.push(row(say(lang, '書類待ちで保留中の支払い', 'Payments on hold for documents')));
  rows.push(
    row(
      '受付番号 / Response ID',
      '伴走ネットID / Bansou Net ID',
      '年度 / Fiscal year',
      '不足している書類 / Missing documents',
      '申請月 / Application month',
    ),
  );
  if (statement.onHold.length === 0) rows.push(row(say(lang, 'なし', 'None')));
  for (const h of statement.onHold) {
    const missing = h.missing
      .map((d) =>
        d === 'memorandum'
          ? say(lang, '覚書', 'Memorandum')
          : say(lang, '謝金受取口座届出書', 'Notification of Payment Receiving Account'),
      )
      .join('\n');
    rows.push(row(h.responseId, h.memberId, h.fiscalYear, missing, h.applicationMonth));
  }
  rows.push(row());

  rows.push(row(say(lang, '確認が必要な申請', 'Applications needing review')));
  rows.push(row('受付番号 / Response ID'));
  if (statement.review.length === 0) rows.push(row(say(lang, 'なし', 'None')));
  for (const id of statement.review) rows.push(row(id));
  return rows;
}

/** R23: the figures of the staff summary. onHold counts applications, not lines. */
export function summaryFor(statement: Statement): {
  supportersPaid: number;
  totalCases: number;
  totalAmount: number;
  onHold: number;
  review: number;
} {
  return {
    supportersPaid: statement.supporters.length,
    totalCases: statement.totalCases,
    totalAmount: statement.totalAmount,
    onHold: new Set(statement.onHold.map((h) => h.responseId)).size,
    review: statement.review.length,
  };
}

/** The placeholders of the `payments.summary` template. */
export function summaryVars(statement: Statement, sheetUrl: string): Record<string, TemplateValue> {
  const s = summaryFor(statement);
  return {
    month: monthText(statement.month),
    sheetName: paymentSheetName(statement.month),
    sheetUrl,
    supportersPaid: String(s.supportersPaid),
    totalCases: String(s.totalCases),
    totalAmount: yenText(s.totalAmount),
    onHold: String(s.onHold),
    review: String(s.review),
  };
}
