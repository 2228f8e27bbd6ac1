// The Member history sheet (RULES §3 "Facts as of the submission moment"): registration
// appends one row per response version; decisions read every member as of the application's
// moment (src/domain/members.ts). Members stays the staff's current view.
import { isYes } from '../domain/answers';
import { canonicalId } from '../domain/ids';
import { type CurrentMember, memberHistories } from '../domain/members';
import type { Settings } from '../domain/settings-types';
import type { MemberVersion } from '../domain/types';
import { cellMs, cellText } from './tables/cells';
import { MEMBER_HISTORY, MEMBERS } from './tables/schema';
import type { Row, Table } from './tables/table';
import type { Workbook } from './tables/workbook';

type MemberTable = Table<(typeof MEMBERS)['columns'][number]['key']>;
type HistoryTable = Table<(typeof MEMBER_HISTORY)['columns'][number]['key']>;
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
 * What registration executions add to the history, read once per execution. Appends are
 * idempotent and written before the Members row: a version already recorded (an execution that
 * failed after writing it, then retried by the sweep) is not written again, and the ID a first
 * registration was given in the history is the one it keeps on a retry; IDs in the history are
 * never handed out to anyone else (R1). When the sheet does not exist yet, it is created and
 * begins with every member's Members row as it stood before this execution changed it (BASELINE).
 */
export class HistoryWriter {
  private readonly before = new Map<Row, unknown[]>();
  private readonly added = new Set<Row>();
  /** `responseId|time` of every version recorded. */
  private readonly recorded = new Set<string>();
  /** Response ID → the ID its FIRST version was given. */
  private readonly firstIds = new Map<string, string>();
  /** Every ID in the history. */
  readonly ids = new Set<string>();
  /** The execution's Member history table (the Workbook's, so readers see what is written). */
  private table: HistoryTable | null;

  private constructor(
    private readonly book: Workbook,
    private readonly members: MemberTable,
    private readonly now: number,
  ) {
    const table = book.tableIfExists(MEMBER_HISTORY);
    this.table = table;
    if (!table) return;
    for (const row of table.dataRows()) {
      const memberId = cellText(table.get(row, 'memberId')).trim();
      const responseId = cellText(table.get(row, 'responseId'));
      const at = cellMs(table.get(row, 'respondedAt'));
      if (memberId !== '') this.ids.add(memberId);
      if (responseId === '' || at === null) continue;
      this.recorded.add(versionKey(responseId, at));
      if (cellText(table.get(row, 'kind')) === 'FIRST') this.firstIds.set(responseId, memberId);
    }
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

  /** The ID a first registration was already given in the history (a retried execution). */
  firstIdOf(responseId: string): string | undefined {
    return this.firstIds.get(responseId);
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
    const key = versionKey(String(record.responseId), at);
    if (this.recorded.has(key)) return;
    let table = this.table;
    if (!table) {
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
    this.ids.add(String(record.memberId));
    if (record.kind === 'FIRST')
      this.firstIds.set(String(record.responseId), String(record.memberId));
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
