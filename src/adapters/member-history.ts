// The Member history sheet (RULES §3 "Facts as of the submission moment"): registration
// appends one row per response version; decisions read every member as of the application's
// moment (src/domain/members.ts). Members stays the staff's current view.
import { isYes, readYesNo } from '../domain/answers';
import { canonicalId } from '../domain/ids';
import { type CurrentMember, memberHistories } from '../domain/members';
import type { Settings } from '../domain/settings-types';
import type { MemberVersion } from '../domain/types';
import { cellMs, cellText } from './tables/cells';
import { exactly } from './tables/patterns';
import { MEMBER_HISTORY, MEMBERS } from './tables/schema';
import type { Row, Search, Table } from './tables/table';
import type { Workbook } from './tables/workbook';

type MemberTable = Table<(typeof MEMBERS)['columns'][number]['key']>;
export type HistoryTable = Table<(typeof MEMBER_HISTORY)['columns'][number]['key']>;
type HistoryRecord = Partial<Record<(typeof MEMBER_HISTORY)['columns'][number]['key'], unknown>>;

/** How a version came to be recorded (the Kind column). */
export type VersionKind = 'FIRST' | 'REPEAT' | 'EDIT' | 'OLDER' | 'BASELINE' | 'REREAD';

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
    experience: readYesNo(cellText(table.get(row, 'experience'))),
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
 * What registration executions add to the history. Appends are idempotent and written before
 * the Members row: a version already recorded (an execution that failed after writing it, then
 * retried by the sweep) is not written again, and the ID a first registration was given in the
 * history is the one it keeps on a retry; IDs in the history are never handed out to anyone else
 * (R1). The history is not read whole: the versions of one response are looked up by its ID
 * (Table.lookup), and IDs above the highest handed out by their pattern (member-ids.ts). When
 * the sheet does not exist yet, it is created and begins with every member's Members row as it
 * stood before this execution changed it (BASELINE).
 */
export class HistoryWriter {
  private readonly before = new Map<Row, unknown[]>();
  private readonly added = new Set<Row>();
  /** `responseId|time` of every version recorded by this execution. */
  private readonly recorded = new Set<string>();
  /** The execution's Member history table (the Workbook's, so readers see what is written). */
  private table: HistoryTable | null;

  private constructor(
    private readonly book: Workbook,
    private readonly members: MemberTable,
    private readonly now: number,
  ) {
    this.table = book.lookupTable(MEMBER_HISTORY);
  }

  /** One writer per execution (the sweep processes many registrations in one). */
  static of(book: Workbook, members: MemberTable, now: number): HistoryWriter {
    let writer = WRITERS.get(book);
    if (!writer) {
      writer = new HistoryWriter(book, members, now);
      WRITERS.set(book, writer);
    }
    return writer;
  }

  /** The lookups this writer makes for a response, to be made with others in one search. */
  searches(responseId: string, patterns: readonly string[] = []): Search[] {
    if (!this.table) return [];
    const table = this.table as unknown as Table<string>;
    return [
      { table, key: 'responseId', patterns: [exactly(responseId)] },
      ...(patterns.length > 0 ? [{ table, key: 'memberId', patterns }] : []),
    ];
  }

  /** The history rows of one response. */
  private versionsOf(responseId: string): Row[] {
    const table = this.table;
    if (!table) return [];
    return table
      .lookup('responseId', [exactly(responseId)])
      .filter((r) => cellText(table.get(r, 'responseId')) === responseId);
  }

  /** The ID a first registration was already given in the history (a retried execution). */
  firstIdOf(responseId: string): string | undefined {
    const table = this.table;
    let id: string | undefined;
    if (table)
      for (const row of this.versionsOf(responseId))
        if (cellText(table.get(row, 'kind')) === 'FIRST')
          id = cellText(table.get(row, 'memberId')).trim();
    return id;
  }

  /** The member IDs in history rows whose ID cell matches one of `patterns` (Table.lookup). */
  idsMatching(patterns: readonly string[]): string[] {
    const table = this.table;
    if (!table) return [];
    return table.lookup('memberId', patterns).map((r) => cellText(table.get(r, 'memberId')).trim());
  }

  /** Every ID in the history (the table is read whole). */
  allIds(): string[] {
    const table = this.table;
    if (!table) return [];
    return table
      .dataRows()
      .map((r) => cellText(table.get(r, 'memberId')).trim())
      .filter((id) => id !== '');
  }

  /** Call before changing an existing Members row. */
  changing(row: Row): void {
    if (!this.before.has(row)) this.before.set(row, [...row.values]);
  }

  /** A Members row appended in this execution (it has its own FIRST version). */
  appended(row: Row): void {
    this.added.add(row);
  }

  /** Writes a version now, unless it is already recorded. */
  record(record: HistoryRecord): void {
    const at = (record.respondedAt as Date).getTime();
    const responseId = String(record.responseId);
    const key = versionKey(responseId, at);
    if (this.recorded.has(key)) return;
    let table = this.table;
    if (table) {
      const t = table;
      const stored = this.versionsOf(responseId).some((r) => {
        const ms = cellMs(t.get(r, 'respondedAt'));
        return ms !== null && versionKey(responseId, ms) === key;
      });
      if (stored) {
        this.recorded.add(key);
        return;
      }
    } else {
      table = this.book.table(MEMBER_HISTORY); // creates the sheet
      this.table = table;
      for (const row of this.members.dataRows()) {
        if (this.added.has(row)) continue;
        const values = this.before.get(row) ?? row.values;
        const base = baselineRecord(this.members, { rowNumber: row.rowNumber, values }, this.now);
        if (base) table.append(base);
      }
    }
    // Through the execution's table, so that a decision later in the same execution (the sweep
    // finishes registrations before applications) reads this version; written now, before the
    // Members row.
    table.append(record);
    table.flush();
    this.recorded.add(key);
  }
}

const WRITERS = new WeakMap<Workbook, HistoryWriter>();

/** Two times of one response version: Sheets keeps milliseconds, but be lenient (as sameVersion). */
function versionKey(responseId: string, at: number): string {
  return `${responseId}|${Math.floor(at / 1000)}`;
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
  return versionsOf(table, table.dataRows(), settings);
}

/** The versions recorded in some Member history rows. */
export function versionsOf(
  table: HistoryTable,
  rows: readonly Row[],
  settings: Settings,
): MemberVersion[] {
  const versions: MemberVersion[] = [];
  for (const row of rows) {
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
      experience: readYesNo(cellText(table.get(row, 'experience'))),
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
