// Readers that turn the office's sheets into the domain's plain data: members, course
// completions, documents. Cells typed by staff come in many shapes (Dates, ticks, text);
// these readers accept them all.
import { readYesNo } from '../domain/answers';
import { dayOf, fiscalYearOf, parseDay } from '../domain/dates';
import { canonicalModule } from '../domain/eligibility';
import { canonicalId } from '../domain/ids';
import type { Settings } from '../domain/settings-types';
import { nfkc } from '../domain/text';
import type { CourseCompletion, Day, DocumentRecord, MemberFacts } from '../domain/types';
import { cellText, isDateValue } from './tables/cells';
import { COURSE, DOCUMENTS, MEMBERS } from './tables/schema';
import type { Row, Table } from './tables/table';
import type { Workbook } from './tables/workbook';

/** A day from a cell: a Date (Sheets date cell) or text such as 2024/07/30. '' when empty. */
export function cellDay(value: unknown): Day | '' {
  if (isDateValue(value)) {
    const t = value.getTime();
    return Number.isNaN(t) ? '' : dayOf(t);
  }
  if (value === true) return RECEIVED_UNDATED;
  return parseDay(cellText(value).trim()) ?? '';
}

/** A document ticked as received without a date counts as received long ago. */
export const RECEIVED_UNDATED: Day = '1970-01-01';

export interface MemberRecord extends MemberFacts {
  name: string;
  emailLanguage: string;
}

export function readMembers(book: Workbook, settings: Settings): Map<string, MemberRecord> {
  const table = book.table(MEMBERS);
  return membersOf(table, table.dataRows(), settings);
}

/** The members of some Members rows, by canonical ID (a later row of the same ID wins). */
export function membersOf(
  table: MemberTable,
  rows: readonly Row[],
  settings: Settings,
): Map<string, MemberRecord> {
  const members = new Map<string, MemberRecord>();
  for (const row of rows) {
    const id = canonicalId(
      cellText(table.get(row, 'memberId')),
      settings.idPrefix,
      settings.idWidth,
    );
    if (!id) continue;
    members.set(id, {
      id,
      email: cellText(table.get(row, 'email')),
      experience: readYesNo(cellText(table.get(row, 'experience'))),
      name: cellText(table.get(row, 'name')),
      emailLanguage: cellText(table.get(row, 'emailLanguage')),
    });
  }
  return members;
}

export function readCompletions(
  book: Workbook,
  settings: Settings,
): Map<string, CourseCompletion[]> {
  const table = book.table(COURSE);
  return completionsOf(table, table.dataRows(), settings);
}

/** The completions of some Course rows, by canonical member ID. */
export function completionsOf(
  table: CourseTable,
  rows: readonly Row[],
  settings: Settings,
): Map<string, CourseCompletion[]> {
  const byMember = new Map<string, CourseCompletion[]>();
  for (const row of rows) {
    const memberId = canonicalId(
      cellText(table.get(row, 'memberId')),
      settings.idPrefix,
      settings.idWidth,
    );
    const module = canonicalModule(cellText(table.get(row, 'module')));
    const completedOn = cellDay(table.get(row, 'completedOn'));
    if (!memberId || !module || completedOn === '') continue;
    const list = byMember.get(memberId) ?? [];
    list.push({ memberId, module, completedOn });
    byMember.set(memberId, list);
  }
  return byMember;
}

/** 'FY2024', '2024', '2024年度', 2024 → 2024; null when unreadable. */
export function readFiscalYear(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (isDateValue(value)) return fiscalYearOf(dayOf(value.getTime()));
  const m = /(\d{4})/.exec(nfkc(cellText(value)));
  return m ? Number(m[1]) : null;
}

export function readDocuments(book: Workbook, settings: Settings): DocumentRecord[] {
  const table = book.table(DOCUMENTS);
  return documentsOf(table, table.dataRows(), settings);
}

/** The document records of some Documents rows. */
export function documentsOf(
  table: DocumentTable,
  rows: readonly Row[],
  settings: Settings,
): DocumentRecord[] {
  const records: DocumentRecord[] = [];
  for (const row of rows) {
    const memberId = canonicalId(
      cellText(table.get(row, 'memberId')),
      settings.idPrefix,
      settings.idWidth,
    );
    const fiscalYear = readFiscalYear(table.get(row, 'fiscalYear'));
    if (!memberId || fiscalYear === null) continue;
    records.push({
      memberId,
      fiscalYear,
      memorandumOn: cellDay(table.get(row, 'memorandumOn')),
      accountOn: cellDay(table.get(row, 'accountOn')),
    });
  }
  return records;
}

export type MemberTable = Table<(typeof MEMBERS)['columns'][number]['key']>;
export type CourseTable = Table<(typeof COURSE)['columns'][number]['key']>;
export type DocumentTable = Table<(typeof DOCUMENTS)['columns'][number]['key']>;

/**
 * A member row keeps the IDs of its latest registration responses only (enough to recognise a
 * duplicated event or an edit): a flood from one address must not outgrow the 50,000-character
 * cell. Older responses from the same address are recognised by their time (see the sweep).
 */
export const RESPONSE_IDS_KEPT = 20;

export function responseIdsOf(table: MemberTable, row: Row): string[] {
  return cellText(table.get(row, 'responseIds'))
    .split(/[\s,]+/)
    .filter((s) => s !== '');
}
