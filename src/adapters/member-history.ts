// The Member history sheet (RULES §3 "Facts as of the submission moment"): the registration flow
// appends one row per response version; decisions read every member as of the application's
// moment (src/domain/members.ts). Members stays the staff's current view.
import { isYes } from '../domain/answers';
import { canonicalId } from '../domain/ids';
import { type CurrentMember, memberHistories } from '../domain/members';
import type { Settings } from '../domain/settings-types';
import type { MemberVersion } from '../domain/types';
import { cellMs, cellText } from './tables/cells';
import { MEMBER_HISTORY, MEMBERS } from './tables/schema';
import { appendRows, createSheet, type Row, type Table } from './tables/table';
import type { Workbook } from './tables/workbook';

type MemberTable = Table<(typeof MEMBERS)['columns'][number]['key']>;
type HistoryRecord = Partial<Record<(typeof MEMBER_HISTORY)['columns'][number]['key'], unknown>>;

/** How a version came to be recorded (the Kind column). */
export type VersionKind = 'FIRST' | 'REPEAT' | 'EDIT' | 'OLDER' | 'BASELINE';

/** A member as the Members sheet shows them now. */
export function currentMember(
  table: MemberTable,
  row: Row,
  settings: Settings,
): CurrentMember | null {
  const id = canonicalId(cellText(table.get(row, 'memberId')), settings.idPrefix, settings.idWidth);
  if (!id) return null;
  return {
    id,
    email: cellText(table.get(row, 'email')),
    experience: isYes(cellText(table.get(row, 'experience'))),
    foreignBackground: isYes(cellText(table.get(row, 'foreignBackground'))),
    language: cellText(table.get(row, 'emailLanguage')),
    registeredAt: cellMs(table.get(row, 'firstRegisteredAt')),
  };
}

/** A Members row as it stands, as the first version of a history that begins now. */
function baselineRecord(table: MemberTable, row: Row, now: number): HistoryRecord | null {
  const id = cellText(table.get(row, 'memberId'));
  if (id.trim() === '') return null;
  const at = cellMs(table.get(row, 'firstRegisteredAt'));
  return {
    respondedAt: at === null ? '' : new Date(at),
    memberId: id,
    responseId: '',
    kind: 'BASELINE',
    email: cellText(table.get(row, 'email')),
    experience: cellText(table.get(row, 'experience')),
    foreignBackground: cellText(table.get(row, 'foreignBackground')),
    emailLanguage: cellText(table.get(row, 'emailLanguage')),
    recordedAt: new Date(now),
  };
}

/**
 * What one registration execution adds to the history. The sheet is the system's record and only
 * grows, like the Log: it is written without being read (one getSheetByName, one appendRow).
 * When the sheet does not exist yet, it is created and begins with every member's Members row
 * as it stood before this execution changed it (BASELINE rows).
 */
export class HistoryWriter {
  private readonly records: HistoryRecord[] = [];
  private readonly before = new Map<Row, unknown[]>();
  private readonly added = new Set<Row>();

  constructor(
    private readonly members: MemberTable,
    private readonly now: number,
  ) {}

  /** Call before changing an existing Members row. */
  changing(row: Row): void {
    if (!this.before.has(row)) this.before.set(row, [...row.values]);
  }

  /** A Members row appended in this execution (it has its own FIRST version). */
  appended(row: Row): void {
    this.added.add(row);
  }

  add(record: HistoryRecord): void {
    this.records.push(record);
  }

  write(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
    if (this.records.length === 0) return;
    let sheet = ss.getSheetByName(MEMBER_HISTORY.name);
    let rows = this.records;
    if (!sheet) {
      sheet = createSheet(ss, MEMBER_HISTORY);
      const baselines: HistoryRecord[] = [];
      for (const row of this.members.dataRows()) {
        if (this.added.has(row)) continue;
        const values = this.before.get(row) ?? row.values;
        const record = baselineRecord(this.members, { rowNumber: row.rowNumber, values }, this.now);
        if (record) baselines.push(record);
      }
      rows = [...baselines, ...rows];
    }
    appendRows(ss, MEMBER_HISTORY, rows, sheet);
    this.records.length = 0;
  }
}

/** Every member's Members row as a BASELINE version (set-up, when it creates the sheet). */
export function baselineRecords(members: MemberTable, now: number): HistoryRecord[] {
  return members
    .dataRows()
    .map((row) => baselineRecord(members, row, now))
    .filter((r): r is HistoryRecord => r !== null);
}

export function versionRecord(
  v: {
    memberId: string;
    at: number;
    responseId: string;
    kind: VersionKind;
    email: string;
    experience: string;
    foreignBackground: string;
    emailLanguage: string;
  },
  now: number,
): HistoryRecord {
  return {
    respondedAt: new Date(v.at),
    memberId: v.memberId,
    responseId: v.responseId,
    kind: v.kind,
    email: v.email,
    experience: v.experience,
    foreignBackground: v.foreignBackground,
    emailLanguage: v.emailLanguage,
    recordedAt: new Date(now),
  };
}

/** Every recorded version; none when the sheet does not exist (it is not created here). */
export function readVersions(book: Workbook, settings: Settings): MemberVersion[] {
  const table = book.tableIfExists(MEMBER_HISTORY);
  if (!table) return [];
  const versions: MemberVersion[] = [];
  for (const row of table.dataRows()) {
    const memberId = canonicalId(
      cellText(table.get(row, 'memberId')),
      settings.idPrefix,
      settings.idWidth,
    );
    if (!memberId) continue;
    versions.push({
      memberId,
      at: cellMs(table.get(row, 'respondedAt')) ?? 0,
      responseId: cellText(table.get(row, 'responseId')),
      email: cellText(table.get(row, 'email')),
      experience: isYes(cellText(table.get(row, 'experience'))),
      foreignBackground: isYes(cellText(table.get(row, 'foreignBackground'))),
      language: cellText(table.get(row, 'emailLanguage')),
    });
  }
  return versions;
}

/** Every member's history by ID: the recorded versions, or the Members row for a member without. */
export function readHistories(book: Workbook, settings: Settings): Map<string, MemberVersion[]> {
  const members = book.table(MEMBERS);
  const current: CurrentMember[] = [];
  for (const row of members.dataRows()) {
    const m = currentMember(members, row, settings);
    if (m) current.push(m);
  }
  return memberHistories(readVersions(book, settings), current);
}
