// Compares the final sheets of a fault run with the fault-free run.
//
// What is left out, and why:
// - processing timestamps (when the script did something, not what it recorded): Members
//   "Last updated at" and "Last auto-reply at", Applications "Decided at", Ledger and Member
//   history "Recorded at", Payment runs "Ran at", Sign-ups "Decided at" and "Reminder sent",
//   Sessions "Participant list sent", Payment notices "Notice sent at";
// - the Log and Outbox sheets: they record the processing itself (a duplicate event, a queued
//   mail, a sweep), which is what differs by design under each fault;
// - Google's own "Form Responses N" sheets: not the script's.
// What legitimately differs, and how it is made comparable:
// - response IDs are new in every run: each is replaced by the scenario event it answers;
// - Bansou Net IDs: when a registration is finished by the sweep, later members may have been
//   numbered before it, so every ID (in any spelling R5 accepts) is replaced by its member's
//   email, and, for the faults that can reorder (`reorder`), rows are compared as sorted lists
//   (Members by email, payment lines by supporter);
// - applications edited after payment: their "Flag" (EDITED_AFTER_PAYMENT, wanted) and
//   "Last response time" (the edit's time) cells (maskEdited, applied to both runs);
// - Dates, when the spreadsheet's own time zone is not Tokyo (the zone faults): a date serial has
//   no zone, so a Date the script wrote is stored as the zone's wall-clock time and reads back as
//   the same instant, while a date or time staff typed is that wall-clock reading in the zone.
//   So every Date cell is compared as an instant (ISO, UTC), except the cells the scenario's
//   staff type (STAFF_TYPED, listed by hand from play.ts, not taken from the program's schema):
//   those are compared as their wall-clock reading in the spreadsheet's zone (what staff see and
//   typed). In a run in Tokyo both readings name the same thing. Nothing else is allowed: a Date
//   the script writes into a staff column, a staff date read as another day, a time in an email
//   all still show.
import { utcToWall } from '../runtime/zone';
import type { OfficeWorld } from '../world';
import { readSheet, sheetNames, uncounted } from './play';

const IGNORED_SHEETS = new Set(['Log', 'Outbox']);
const PROCESSING_TIME: Record<string, string[]> = {
  Members: ['Last updated at', 'Last auto-reply at'],
  Applications: ['Decided at'],
  Ledger: ['Recorded at'],
  'Member history': ['Recorded at'],
  'Payment runs': ['Ran at'],
  'Sign-ups': ['Decided at', 'Reminder sent'],
  Sessions: ['Participant list sent'],
  // When the notice was queued: a monthly run that failed is finished two hours later.
  'Payment notices': ['Notice sent at'],
};

/**
 * The date and time cells staff type in the fault scenario (play.ts: staffAppends of the
 * Sessions, Documents and Course rows; the program days in Settings), by sheet and English
 * header.
 */
export const STAFF_TYPED: Record<string, readonly string[]> = {
  Sessions: ['Date', 'Start', 'End', 'Sign-up closes'],
  Documents: ['Memorandum received', 'Account notification received'],
  Course: ['Completed on'],
  // The program's first and last days (play.ts staffTypeProgramDays).
  Settings: ['Value'],
};

export type Snapshot = Map<string, string[][]>;

const ID = /([BbＢｂ][NnＮｎ])([\s\-－‐―ー−]*)([0-9０-９]{5})/g;
const RESPONSE = /2_R[0-9a-z]{8}/g;

export interface SnapshotOptions {
  responseTokens: Map<string, string>;
  /** Rows compared as sorted lists (IDs may have been given in another order). */
  reorder: boolean;
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function cellString(value: unknown): string {
  if (isDate(value)) return `date:${value.toISOString()}`;
  return `${typeof value}:${String(value)}`;
}

/** A staff-typed Date as staff see it: its wall-clock reading in the spreadsheet's zone. */
function wallString(value: Date, zone: string): string {
  const wall = new Date(utcToWall(value.getTime(), zone)).toISOString().replace(/Z$/, '');
  return `typed:${wall}`;
}

/**
 * Text with each response ID replaced by its scenario event and each Bansou Net ID (in any
 * spelling R5 accepts) by its member's email: what stays the same in every run.
 */
export function textMapper(
  world: OfficeWorld,
  responseTokens: Map<string, string>,
): (text: string) => string {
  const members = readSheet(world, world.ss.getSheetByName('Members'));
  const head = (members[0] ?? []).map((h) => String(h).split(' / ')[0]);
  const memberOf = new Map<string, string>();
  for (const row of members.slice(1)) {
    memberOf.set(
      String(row[head.indexOf('Bansou Net ID')]),
      String(row[head.indexOf('Email')]).trim().toLowerCase(),
    );
  }
  return (text: string) =>
    text
      .replace(RESPONSE, (id) => responseTokens.get(id) ?? id)
      .replace(ID, (whole, prefix: string, sep: string, digits: string) => {
        const member = memberOf.get(`BN-${digits.normalize('NFKC')}`);
        return member ? `${prefix}${sep}<${member}>` : whole;
      });
}

export function snapshot(world: OfficeWorld, options: SnapshotOptions): Snapshot {
  const mapText = textMapper(world, options.responseTokens);
  const zone = uncounted(world, () => world.ss.getSpreadsheetTimeZone());

  const out: Snapshot = new Map();
  for (const name of sheetNames(world)) {
    if (IGNORED_SHEETS.has(name)) continue;
    const values = readSheet(world, world.ss.getSheetByName(name));
    const header = (values[0] ?? []).map((h) => String(h).split(' / ')[0]);
    const skip = new Set(
      (PROCESSING_TIME[name] ?? []).map((h) => header.indexOf(h)).filter((i) => i >= 0),
    );
    const typed = new Set(
      (STAFF_TYPED[name] ?? []).map((h) => header.indexOf(h)).filter((i) => i >= 0),
    );
    let rows = values.map((row, r) =>
      row.map((v, c) =>
        skip.has(c) && r > 0
          ? '(time)'
          : typed.has(c) && r > 0 && isDate(v)
            ? wallString(v, zone)
            : mapText(cellString(v)),
      ),
    );
    if (options.reorder && rows.length > 1) {
      const key = (row: string[]) => JSON.stringify(row);
      rows = [
        rows[0],
        ...rows.slice(1).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)),
      ];
    }
    out.set(name, rows);
  }
  return out;
}

/** Rows below the header in a fixed order (what `reorder` does to a snapshot). */
function sortRows(rows: string[][]): string[][] {
  if (rows.length < 2) return rows;
  const key = (row: string[]) => JSON.stringify(row);
  return [
    rows[0],
    ...rows.slice(1).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)),
  ];
}

/**
 * `snap` (a run whose sheets staff rearranged) with each sheet's columns taken by header in the
 * order of the same sheet in `reference`: columns staff added are left out, columns staff
 * moved are put back; then rows sorted, as `reference` (a sorted snapshot) has them. A column
 * of the reference the run lacks shows as '(missing column)'.
 */
export function alignColumns(reference: Snapshot, snap: Snapshot): Snapshot {
  const out: Snapshot = new Map();
  for (const [name, rows] of snap) {
    const expected = reference.get(name);
    if (!expected || expected.length === 0 || rows.length === 0) {
      out.set(name, sortRows(rows));
      continue;
    }
    // A sheet staff did not rearrange (the Payments and Statistics reports have no header row).
    if (JSON.stringify(expected[0]) === JSON.stringify(rows[0])) {
      out.set(name, sortRows(rows));
      continue;
    }
    const at = new Map<string, number>();
    rows[0].forEach((h, i) => {
      if (!at.has(h)) at.set(h, i);
    });
    const order = expected[0].map((h) => at.get(h) ?? -1);
    out.set(
      name,
      sortRows(rows.map((row) => order.map((i) => (i < 0 ? '(missing column)' : (row[i] ?? ''))))),
    );
  }
  return out;
}

export interface Difference {
  sheet: string;
  row: number;
  column: number;
  expected: string;
  actual: string;
}

/** Every cell that differs (a missing sheet or row shows as cells against '(none)'). */
export function differences(expected: Snapshot, actual: Snapshot): Difference[] {
  const out: Difference[] = [];
  const names = new Set([...expected.keys(), ...actual.keys()]);
  for (const sheet of names) {
    const a = expected.get(sheet) ?? [];
    const b = actual.get(sheet) ?? [];
    for (let r = 0; r < Math.max(a.length, b.length); r++) {
      const ra = a[r] ?? [];
      const rb = b[r] ?? [];
      for (let c = 0; c < Math.max(ra.length, rb.length); c++) {
        const x = ra[c] ?? '(none)';
        const y = rb[c] ?? '(none)';
        if (x !== y) out.push({ sheet, row: r + 1, column: c + 1, expected: x, actual: y });
      }
    }
  }
  return out;
}

export function describe(d: Difference): string {
  const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);
  return `${d.sheet} R${d.row}C${d.column}: expected ${clip(d.expected)}, got ${clip(d.actual)}`;
}

/**
 * Blanks, in a snapshot, the cells an edit after payment legitimately changes (Flag, Last
 * response time) for the given response tokens, so a run without the edits compares.
 */
export function maskEdited(snap: Snapshot, tokens: Iterable<string>): Snapshot {
  const wanted = new Set(tokens);
  const apps = snap.get('Applications');
  if (!apps || apps.length === 0) return snap;
  const header = apps[0].map((h) => h.replace(/^string:/, '').split(' / ')[0]);
  const columns = [header.indexOf('Flag'), header.indexOf('Last response time')];
  const masked = apps.map((row, r) => {
    if (r === 0 || !wanted.has(row[0].replace(/^string:/, ''))) return row;
    const copy = [...row];
    for (const c of columns) copy[c] = '(edited)';
    return copy;
  });
  return new Map([...snap, ['Applications', masked]]);
}
