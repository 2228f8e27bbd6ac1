// The Applications sheet as the use cases read it: a row as the engine's input or as an earlier
// application (R13/R14), the staff override cell and its choices (set-up offers them as a
// dropdown; deciding reads them back), and the rows a submission's decision reads.
import { parseDay, parseTime } from '../domain/dates';
import { recipientKeyOf } from '../domain/engine';
import type { ApplicationInput, PriorApplication, StaffOverride, Status } from '../domain/types';
import { cellMs, cellText } from './tables/cells';
import { exactly } from './tables/patterns';
import type { APPLICATIONS, KeysOf } from './tables/schema';
import type { Row, Table } from './tables/table';

export type AppTable = Table<KeysOf<typeof APPLICATIONS>>;

const STATUSES: Record<string, Status> = {
  accepted: 'ACCEPTED',
  受理: 'ACCEPTED',
  rejected: 'REJECTED',
  不受理: 'REJECTED',
  review: 'REVIEW',
  確認中: 'REVIEW',
};

/** The staff override cell: a status (English or Japanese, as the dropdown offers) or empty. */
export function readOverride(table: AppTable, row: Row): StaffOverride | null {
  const raw = cellText(table.get(row, 'override')).normalize('NFKC').trim();
  const first = raw.split(/\s*\/\s*/)[0].toLowerCase();
  const status = STATUSES[first] ?? STATUSES[raw.toLowerCase()];
  return status ? { status, note: cellText(table.get(row, 'note')) } : null;
}

export const OVERRIDE_CHOICES = ['ACCEPTED / 受理', 'REJECTED / 不受理', 'REVIEW / 確認中'];

/** A row's answers as the engine decides them. */
export function inputFromRow(table: AppTable, row: Row): ApplicationInput {
  const text = (k: KeysOf<typeof APPLICATIONS>) => cellText(table.get(row, k));
  return {
    responseId: text('responseId'),
    submittedAt: cellMs(table.get(row, 'submittedAt')) ?? 0,
    respondentEmail: text('respondentEmail'),
    applicantId: text('applicantId'),
    secondId: text('secondId'),
    supportDate: text('supportDate'),
    startTime: text('startTime'),
    endTime: text('endTime'),
    recipientName: text('recipientName'),
    recipientBirthYear: text('recipientBirthYear'),
    missing: text('missingFields')
      .split(/[\s,]+/)
      .filter((s) => s !== ''),
  };
}

/** What R13/R14 need from a row already decided (paid rows keep their recorded decision). */
export function priorFromRow(table: AppTable, row: Row): PriorApplication {
  const status = (cellText(table.get(row, 'status')) || 'REVIEW') as Status;
  return {
    responseId: cellText(table.get(row, 'responseId')),
    submittedAt: cellMs(table.get(row, 'submittedAt')) ?? 0,
    status,
    recipientKey: cellText(table.get(row, 'recipientKey')),
    supportDate: parseDay(cellText(table.get(row, 'supportDate'))),
    startMinute: parseTime(cellText(table.get(row, 'startTime'))),
    endMinute: parseTime(cellText(table.get(row, 'endTime'))),
    supporters: cellText(table.get(row, 'supporters'))
      .split(/[\s,]+/)
      .filter((s) => s !== ''),
  };
}

export function isPaid(table: AppTable, row: Row): boolean {
  return cellText(table.get(row, 'paidIn')).trim() !== '';
}

/**
 * The staged rows and every application that shares a recipient key with them: R13 (the limit
 * per person supported), R14 (duplicates) and R14b (the same case) compare an application only
 * with those for the same person supported, so nothing else can change its decision (RULES §3).
 * A row is looked for by the key recorded in its Recipient key column (the key it was decided,
 * or paid, under) and by the key its answers give now; rows found bring their own keys in turn
 * (an edit that moved an application from one person to another).
 */
export function relatedRows(table: AppTable, staged: readonly Row[]): Row[] {
  const rows = new Set<Row>(staged);
  const keys = new Set<string>();
  let todo: readonly Row[] = staged;
  while (todo.length > 0) {
    const add = new Set<string>();
    for (const row of todo) {
      for (const key of [
        recipientKeyOf(inputFromRow(table, row)),
        cellText(table.get(row, 'recipientKey')),
      ])
        if (key !== '' && !keys.has(key)) add.add(key);
    }
    if (add.size === 0) break;
    for (const key of add) keys.add(key);
    const found = table
      .lookup('recipientKey', [...add].map(exactly))
      .filter((r) => add.has(cellText(table.get(r, 'recipientKey'))) && !rows.has(r));
    for (const r of found) rows.add(r);
    todo = found;
  }
  return [...rows];
}
