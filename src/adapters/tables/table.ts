// The spreadsheet as tables: a sheet found by name, its columns found by header text (staff
// may reorder columns or add their own), read whole in one getValues and written back in as
// few setValues as possible. Every use case reads and writes through this one reader.

import { normalizeLabel } from '../../domain/text';
import { type CellValue, fromCell, toCell, toTextCell } from './cells';
import { refuseToRecreate } from './system-sheets';
import { isTextColumn, PLAIN_TEXT, textColumnKeys } from './text-columns';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The rows of a new sheet (APPS-SCRIPT-FACTS: 1000 × 26). */
const NEW_SHEET_ROWS = 1000;

/** A row with anything in it (the data rows; a row left empty is skipped). */
function hasContent(row: Row): boolean {
  return row.values.some((v) => v !== '' && v !== null);
}

export interface ColumnSpec<K extends string = string> {
  key: K;
  /** Header shown to staff: 'English / 日本語'. Either half alone is recognised too. */
  header: string;
  aliases?: readonly string[];
  /** Sheets number format for the column, e.g. '#,##0' or 'yyyy-mm-dd hh:mm'. */
  numberFormat?: string;
  width?: number;
  /** A column staff fill in (not protected). */
  staff?: boolean;
  /**
   * A column that identifies the rows (an ID). When the sheet has rows but this column cannot
   * be found — its header renamed — nothing is written: re-adding it empty would, for example,
   * hand out Bansou Net IDs again (R1).
   */
  identity?: boolean;
}

export interface TableSpec<K extends string = string> {
  name: string;
  columns: readonly ColumnSpec<K>[];
}

// Memoised (columnIndexes below): on Google every execution starts with fresh module state, so
// the cache lasts one execution; the local runtime loads the bundle once and keeps its module
// state across executions (a replay runs tens of thousands), where it spares reading the same
// headers again. Same input, same output.

/** A header cell as columns are found by it (the one normaliser of headers and titles). */
export const normalizeHeader = normalizeLabel;

/**
 * The header texts a column answers to: its header, its aliases, and either half of a
 * bilingual 'English / 日本語' header. Staff's input files (the local runner) use the same list.
 */
export function headerTexts(column: ColumnSpec): string[] {
  const all = [column.header, ...(column.aliases ?? [])];
  const parts = column.header.split(' / ');
  if (parts.length === 2) all.push(parts[0], parts[1]);
  return all;
}

const headerNamesCache = new WeakMap<ColumnSpec, string[]>();

/** The header texts a column answers to, normalised (worked out once per column spec). */
export function headerNames(column: ColumnSpec): string[] {
  let names = headerNamesCache.get(column);
  if (!names) {
    names = headerTexts(column).map(normalizeHeader);
    headerNamesCache.set(column, names);
  }
  return names;
}

/**
 * Where each column of `spec` is in a header row (0-based), found as the tables find it: the
 * first cell whose normalised text is one of the column's names. Absent columns are left out.
 */
export function columnIndexes<K extends string>(
  header: readonly unknown[],
  spec: TableSpec<K>,
): ReadonlyMap<K, number> {
  // The same header row (cell by cell, as text) gives the same columns: the last few headers
  // each spec read are remembered with their columns.
  let recent = columnIndexCache.get(spec);
  if (!recent) {
    recent = [];
    columnIndexCache.set(spec, recent);
  }
  for (const entry of recent) {
    if (sameHeader(entry.header, header)) return entry.columns as ReadonlyMap<K, number>;
  }
  const columns = findColumns(header, spec);
  recent.unshift({ header: header.map((cell) => String(cell ?? '')), columns });
  if (recent.length > 8) recent.pop();
  return columns;
}

/** Whether a header row reads as the texts remembered (as findColumns reads each cell). */
function sameHeader(texts: readonly string[], header: readonly unknown[]): boolean {
  if (texts.length !== header.length) return false;
  for (let i = 0; i < texts.length; i++) {
    const cell = header[i];
    if (cell !== texts[i] && String(cell ?? '') !== texts[i]) return false;
  }
  return true;
}

const columnIndexCache = new WeakMap<
  TableSpec,
  { header: readonly string[]; columns: ReadonlyMap<string, number> }[]
>();

function findColumns<K extends string>(
  header: readonly unknown[],
  spec: TableSpec<K>,
): Map<K, number> {
  const byName = new Map<string, number>();
  header.forEach((cell, i) => {
    const name = normalizeHeader(cell);
    if (name !== '' && !byName.has(name)) byName.set(name, i);
  });
  const out = new Map<K, number>();
  for (const col of spec.columns) {
    const index = headerNames(col)
      .map((n) => byName.get(n))
      .find((i) => i !== undefined);
    if (index !== undefined) out.set(col.key, index);
  }
  return out;
}

/**
 * How a Date in a staff column reads (adapters/sheet-zone.ts): null while the spreadsheet is in
 * Tokyo (a Date is what staff typed); otherwise the wall-clock time staff typed in the
 * spreadsheet's zone, taken as the same wall-clock time in Tokyo. Set once per execution.
 */
let staffDates: ((d: Date) => Date) | null = null;

export function readStaffDatesWith(retime: ((d: Date) => Date) | null): void {
  staffDates = retime;
}

export interface Row {
  /** 1-based sheet row. */
  rowNumber: number;
  values: unknown[];
}

export class Table<K extends string> {
  readonly rows: Row[];
  private readonly column = new Map<K, number>();
  private readonly dirty = new Map<number, Set<number>>(); // row index → changed column indexes
  private readonly appended: Row[] = [];
  private withData: Row[] | null = null;
  private width: number;

  /**
   * Whether every row of the sheet is held (open) or only the rows looked up by key so far
   * (openForLookups: the header, then the rows a TextFinder found; see lookup()).
   */
  private whole: boolean;
  /** Lookup mode: the rows read so far by sheet row number, and the searches already made. */
  private readonly loaded = new Map<number, Row>();
  private readonly searched = new Set<string>();
  /** Lookup mode: rows written by appendRow whose sheet row number is not known yet. */
  private unplaced: Row[] = [];

  private constructor(
    readonly sheet: Sheet,
    readonly spec: TableSpec<K>,
    values: unknown[][],
    /** Whether the sheet was created by this open. */
    readonly created: boolean,
    mode: 'whole' | 'lookup' = 'whole',
  ) {
    this.whole = mode === 'whole';
    const header = values[0] ?? [];
    this.header = header;
    this.width = header.length;
    for (const [key, index] of columnIndexes(header, spec)) this.column.set(key, index);
    const missing = spec.columns.filter((col) => !this.column.has(col.key));
    // A column the system needs but the sheet lacks (new version, or deleted by staff) is
    // added at the right; staff's own columns are left alone.
    const lost = missing.filter((c) => c.identity);
    if (lost.length > 0 && values.slice(1).some((row) => row.some((v) => v !== '' && v !== null))) {
      throw new Error(
        `Sheet "${spec.name}" has rows but no column ${lost.map((c) => `"${c.header}"`).join(', ')}. ` +
          'Was its header renamed? Restore the header text and the work resumes (nothing was written).',
      );
    }
    if (missing.length > 0) {
      const firstEmpty = header.every((c) => c === '') ? 0 : this.width;
      missing.forEach((col, i) => {
        this.column.set(col.key, firstEmpty + i);
      });
      const need = firstEmpty + missing.length;
      if (need > sheet.getMaxColumns())
        sheet.insertColumnsAfter(sheet.getMaxColumns(), need - sheet.getMaxColumns());
      sheet
        .getRange(1, firstEmpty + 1, 1, missing.length)
        .setValues([missing.map((c) => toTextCell(c.header))]);
      this.width = need;
    }
    this.rows = values.slice(1).map((row, i) => this.decode(i + 2, row));
    this.encoders = [];
    for (const col of spec.columns) {
      const i = this.column.get(col.key);
      if (i !== undefined) this.encoders[i] = isTextColumn(spec, col.key) ? toTextCell : toCell;
    }
  }

  /** The header row as read (columns the system added are not in it). */
  private readonly header: readonly unknown[];

  /**
   * A column the spec does not list (e.g. one an earlier version wrote), found by its header as
   * the spec's columns are: a reader of its cells, or null when the sheet has no such column.
   */
  otherColumn(column: ColumnSpec): ((row: Row) => unknown) | null {
    const index = columnIndexes(this.header, { name: this.spec.name, columns: [column] }).get(
      column.key,
    );
    return index === undefined ? null : (row) => row.values[index] ?? '';
  }

  /** Per sheet column: how a value goes into the cell (plain strings in text columns). */
  private readonly encoders: ((value: unknown) => CellValue)[];

  private encode(values: unknown[], first: number): CellValue[] {
    return values.map((v, j) => (this.encoders[first + j] ?? toCell)(v));
  }

  /**
   * Formats the sheet's text columns as Plain text (set-up), found by header like every other
   * column: adjacent columns in one call. Returns how many columns it formatted.
   */
  formatTextColumns(): number {
    const columns = textColumnKeys(this.spec)
      .filter((k) => this.column.has(k as K))
      .map((k) => this.columnNumber(k as K));
    formatColumnsAsText(this.sheet, columns);
    return columns.length;
  }

  /** Opens (creating it when missing) the sheet of `spec` and reads it whole. */
  static open<K extends string>(ss: Spreadsheet, spec: TableSpec<K>): Table<K> {
    let sheet = ss.getSheetByName(spec.name);
    let created = false;
    if (!sheet) {
      // A system sheet set-up made, now gone: never an empty one in its place (system-sheets.ts).
      refuseToRecreate(spec.name);
      sheet = createSheet(ss, spec);
      created = true;
    }
    const values = created ? [spec.columns.map((c) => c.header)] : readWhole(sheet);
    return new Table(sheet, spec, values, created);
  }

  /**
   * Opens the sheet of `spec` for lookups by key: reads its header row only; rows come in through
   * lookup(). A sheet that lacks one of the spec's columns is read whole (Table.open), so that
   * missing columns are added as they always are.
   */
  static openForLookups<K extends string>(ss: Spreadsheet, spec: TableSpec<K>): Table<K> | null {
    const sheet = ss.getSheetByName(spec.name);
    if (!sheet) return null;
    // One round trip: row 1 up to the last column with content (getSheetValues, -1 columns).
    let header: unknown[] = [];
    try {
      header = sheet.getSheetValues(1, 1, 1, -1)[0] ?? [];
    } catch (_e) {
      return new Table(sheet, spec, readWhole(sheet), false);
    }
    let width = header.length;
    while (width > 0 && (header[width - 1] === '' || header[width - 1] === null)) width--;
    const found = columnIndexes(header.slice(0, width), spec);
    if (spec.columns.some((c) => !found.has(c.key)))
      return new Table(sheet, spec, readWhole(sheet), false);
    return new Table(sheet, spec, [header.slice(0, width)], false, 'lookup');
  }

  /** Opens and reads the sheet of `spec` when it exists; null (and nothing created) otherwise. */
  static openIfExists<K extends string>(ss: Spreadsheet, spec: TableSpec<K>): Table<K> | null {
    const sheet = ss.getSheetByName(spec.name);
    if (!sheet) return null;
    return new Table(sheet, spec, readWhole(sheet), false);
  }

  /**
   * The first range this table wrote through; every later write is an offset from it, which
   * is worked out locally (Range.offset is no round trip), so only the first write of an
   * execution asks the sheet for a range.
   */
  private anchor: Range | null = null;

  private rangeAt(row: number, column: number, numRows: number, numColumns: number): Range {
    if (!this.anchor) {
      this.anchor = this.sheet.getRange(row, column, numRows, numColumns);
      return this.anchor;
    }
    return this.anchor.offset(
      row - this.anchor.getRow(),
      column - this.anchor.getColumn(),
      numRows,
      numColumns,
    );
  }

  has(key: K): boolean {
    return this.column.has(key);
  }

  columnNumber(key: K): number {
    return this.index(key) + 1;
  }

  get(row: Row, key: K): unknown {
    const i = this.index(key);
    const v = row.values[i];
    return staffDates === null ? v : this.staffDate(i, v, staffDates);
  }

  /** The columns staff fill in (spec `staff`), by index: where a Date is what staff typed. */
  private staffColumns: Set<number> | null = null;

  /**
   * A Date of a staff column as Tokyo reads what staff typed (readStaffDatesWith). Done as it is
   * read, not kept in the row: a block written back (writeBlock) carries the cell as it was.
   */
  private staffDate(i: number, v: unknown, retime: (d: Date) => Date): unknown {
    if (Object.prototype.toString.call(v) !== '[object Date]') return v;
    if (this.staffColumns === null) {
      this.staffColumns = new Set();
      for (const col of this.spec.columns) {
        const index = this.column.get(col.key);
        if (col.staff && index !== undefined) this.staffColumns.add(index);
      }
    }
    return this.staffColumns.has(i) ? retime(v as Date) : v;
  }

  set(row: Row, key: K, value: unknown): void {
    const i = this.index(key);
    if (sameCell(row.values[i], value)) return;
    row.values[i] = value ?? '';
    if (this.appended.includes(row)) return;
    if (Number.isNaN(row.rowNumber)) this.placeAppended();
    const idx = row.rowNumber;
    let cols = this.dirty.get(idx);
    if (!cols) {
      cols = new Set();
      this.dirty.set(idx, cols);
    }
    cols.add(i);
  }

  /** Adds a row (written on flush). */
  append(record: Partial<Record<K, unknown>>): Row {
    const values = new Array<unknown>(this.width).fill('');
    for (const [key, value] of Object.entries(record) as [K, unknown][]) {
      values[this.index(key)] = value ?? '';
    }
    // Lookup mode does not know where the data ends: the row number is found when written.
    const last = this.appended.length
      ? this.appended[this.appended.length - 1].rowNumber
      : this.rows.length + 1;
    const row = { rowNumber: this.whole ? last + 1 : Number.NaN, values };
    this.appended.push(row);
    this.rows.push(row);
    this.withData = null;
    return row;
  }

  /** Data rows that have any content (a table opened for lookups is read whole first). */
  dataRows(): Row[] {
    if (!this.whole) this.loadAll();
    // Kept until the next append: use cases ask for the data rows several times per execution.
    if (this.withData === null) this.withData = this.rows.filter(hasContent);
    return this.withData;
  }

  /** Writes what changed: changed rows as blocks, new rows in one write (or one appendRow). */
  flush(): void {
    this.flushUpdates();
    this.flushAppends();
  }

  /**
   * Whether a row's changes of this execution are all written: not waiting to be appended, not
   * changed since the last write (a failed flush leaves both as they were).
   */
  isWritten(row: Row): boolean {
    return !this.appended.includes(row) && !this.dirty.has(row.rowNumber);
  }

  private flushUpdates(): void {
    if (this.dirty.size === 0) return;
    const rowNumbers = [...this.dirty.keys()].sort((a, b) => a - b);
    const groups = rowNumbers.filter((r, i) => i === 0 || r !== rowNumbers[i - 1] + 1).length;
    // In lookup mode the rows between two changed ones are not held: each run is written alone.
    if (groups > 3 && this.whole) {
      // Scattered changes (e.g. "Paid in" on every paid application): one block from the first
      // to the last changed row over the changed columns, rather than one write per run of
      // rows. The rows in between are written back with the values just read.
      this.writeBlock(rowNumbers[0], rowNumbers[rowNumbers.length - 1], rowNumbers);
      this.dirty.clear();
      return;
    }
    this.flushGroups(rowNumbers);
  }

  private writeBlock(first: number, last: number, changed: number[]): void {
    let lo = Infinity;
    let hi = -1;
    for (const r of changed) {
      for (const c of this.dirty.get(r)!) {
        lo = Math.min(lo, c);
        hi = Math.max(hi, c);
      }
    }
    const block: unknown[][] = [];
    for (let r = first; r <= last; r++)
      block.push(this.encode(this.rowAt(r).values.slice(lo, hi + 1), lo));
    this.rangeAt(first, lo + 1, last - first + 1, hi - lo + 1).setValues(block);
  }

  /** Consecutive changed rows are written together, over the union of their changed columns. */
  private flushGroups(rowNumbers: number[]): void {
    let start = 0;
    for (let i = 1; i <= rowNumbers.length; i++) {
      if (i === rowNumbers.length || rowNumbers[i] !== rowNumbers[i - 1] + 1) {
        const group = rowNumbers.slice(start, i);
        this.writeBlock(group[0], group[group.length - 1], group);
        // Written: should a later group fail, these rows count as written (isWritten).
        for (const r of group) this.dirty.delete(r);
        start = i;
      }
    }
    this.dirty.clear();
  }

  private flushAppends(): void {
    if (this.appended.length === 0) return;
    const rows = this.appended.map((r) => this.encode(r.values, 0));
    if (rows.length === 1) {
      // One call, and appendRow grows the grid itself.
      this.sheet.appendRow(rows[0]);
      if (!this.whole) this.unplaced.push(this.appended[0]);
    } else {
      if (!this.whole) {
        this.placeAppended();
        const after = this.sheet.getLastRow();
        this.appended.forEach((r, i) => {
          r.rowNumber = after + 1 + i;
          this.loaded.set(r.rowNumber, r);
        });
      }
      const first = this.appended[0].rowNumber;
      // Room for the block right after the data (no need to ask for the grid's size first);
      // a sheet this execution created has its 1000 empty rows, formatted by createSheet (text
      // columns Plain text, #17): the block goes into them, as rows inserted would not be.
      if (!this.created || first + rows.length - 1 > NEW_SHEET_ROWS)
        this.sheet.insertRowsAfter(first - 1, rows.length);
      this.rangeAt(first, 1, rows.length, this.width).setValues(rows);
    }
    this.appended.length = 0;
  }

  /**
   * Deletes the given rows from the sheet, bottom up, one `deleteRows` call per run of adjacent
   * rows, at most `maxRuns` runs (the rest stay for a later call); returns how many were deleted.
   * Only for a table read whole with nothing waiting to be written (it is flushed first): the
   * rows held are renumbered as the sheet's are, so later writes land where they should.
   */
  removeRows(doomed: readonly Row[], maxRuns = 20): number {
    this.flush();
    if (!this.whole) this.loadAll();
    const numbers = [...new Set(doomed.map((r) => r.rowNumber))]
      .filter((n) => n >= 2 && n - 2 < this.rows.length)
      .sort((a, b) => a - b);
    if (numbers.length === 0) return 0;
    const runs: [number, number][] = [];
    for (const n of numbers) {
      const run = runs[runs.length - 1];
      if (run && n === run[1] + 1) run[1] = n;
      else runs.push([n, n]);
    }
    const done = runs.slice(0, maxRuns);
    // Bottom up, so the row numbers of the runs still to delete do not move.
    for (const [first, last] of [...done].reverse()) this.sheet.deleteRows(first, last - first + 1);
    const gone = new Set<number>();
    for (const [first, last] of done) for (let n = first; n <= last; n++) gone.add(n);
    const kept = this.rows.filter((r) => !gone.has(r.rowNumber));
    kept.forEach((r, i) => {
      r.rowNumber = i + 2;
    });
    this.rows.length = 0;
    this.rows.push(...kept);
    this.withData = null;
    return gone.size;
  }

  /**
   * The rows that may have a `key` cell matching one of `patterns` (regular expressions in the
   * syntax Google's RE2 and JavaScript share, matched case-insensitively against the whole cell
   * text, as TextFinder does). A table opened for lookups asks the sheet the first time each
   * pattern is looked for (searchTables: TextFinder) and reads only the rows found. What comes
   * back is every row held (a whole table: all of them): callers compare the cells exactly.
   */
  lookup(key: K, patterns: readonly string[]): Row[] {
    if (!this.whole) {
      const missing = patterns.filter((p) => !this.searched.has(searchKey(key, p)));
      if (missing.length > 0)
        searchTables(this.sheet.getParent(), [
          { table: this as Table<string>, key, patterns: missing },
        ]);
    }
    return this.held();
  }

  /**
   * The rows held: every data row of a whole table; in lookup mode the rows read (those found,
   * and those read with them in the same blocks) and appended. Empty rows are skipped in both,
   * as dataRows() skips them.
   */
  held(): Row[] {
    return this.whole ? this.dataRows() : this.rows.filter(hasContent);
  }

  /** Lookup mode: what search() should look for (patterns not yet searched), by column. */
  pendingSearches(key: K, patterns: readonly string[]): { column: number; patterns: string[] } {
    return {
      column: this.columnNumber(key),
      patterns: this.whole ? [] : patterns.filter((p) => !this.searched.has(searchKey(key, p))),
    };
  }

  /**
   * Whether every row whose `key` cell matches `pattern` is held: a whole table holds them all;
   * in lookup mode, once that pattern was searched (its rows were read then; rows appended since
   * are held too). What a count over "every row with this key" may rely on.
   */
  holdsAll(key: K, pattern: string): boolean {
    return this.whole || this.searched.has(searchKey(key, pattern));
  }

  /** Whether only some rows are held (opened for lookups and not read whole since). */
  isPartial(): boolean {
    return !this.whole;
  }

  /** Lookup mode: records a search made and reads the rows it found that are not held yet. */
  receive(key: K, patterns: readonly string[], rowNumbers: readonly number[]): void {
    for (const p of patterns) this.searched.add(searchKey(key, p));
    // A row this execution appended may be among those found: place it first, not read it twice.
    if (this.unplaced.length > 0 && rowNumbers.length > 0) this.placeAppended();
    const wanted = [...new Set(rowNumbers)]
      .filter((r) => r >= 2 && !this.loaded.has(r))
      .sort((a, b) => a - b);
    if (wanted.length === 0 || this.width === 0) return;
    // Rows close together are read in one block (a round trip costs as much as ~1,000 cells).
    const runs: [number, number][] = [];
    for (const r of wanted) {
      const run = runs[runs.length - 1];
      if (run && (r - run[1] - 1) * this.width <= MERGE_CELLS) run[1] = r;
      else runs.push([r, r]);
    }
    for (const [first, last] of runs) {
      // One call (no Range): Sheet.getSheetValues.
      const values = this.sheet.getSheetValues(first, 1, last - first + 1, this.width);
      values.forEach((v, i) => {
        const rowNumber = first + i;
        if (!this.loaded.has(rowNumber)) this.hold(this.decode(rowNumber, v));
      });
    }
  }

  /** Lookup mode: reads the sheet whole, keeping the rows already held (and their changes). */
  private loadAll(): void {
    this.placeAppended();
    const values = readWhole(this.sheet);
    const pending = this.appended.slice();
    const rows: Row[] = [];
    for (let i = 1; i < values.length; i++) {
      const rowNumber = i + 1;
      rows.push(this.loaded.get(rowNumber) ?? this.decode(rowNumber, values[i]));
    }
    const last = rows.length + 1;
    pending.forEach((r, i) => {
      r.rowNumber = last + 1 + i;
    });
    this.rows.length = 0;
    this.rows.push(...rows, ...pending);
    this.loaded.clear();
    this.whole = true;
    this.withData = null;
  }

  /** Gives rows written by appendRow in lookup mode their sheet row numbers (we hold the lock). */
  private placeAppended(): void {
    if (this.unplaced.length === 0) return;
    const last = this.sheet.getLastRow();
    this.unplaced.forEach((r, i) => {
      r.rowNumber = last - this.unplaced.length + 1 + i;
      this.loaded.set(r.rowNumber, r);
    });
    this.unplaced = [];
  }

  private hold(row: Row): void {
    this.loaded.set(row.rowNumber, row);
    let at = this.rows.length;
    while (
      at > 0 &&
      (Number.isNaN(this.rows[at - 1].rowNumber) || this.rows[at - 1].rowNumber > row.rowNumber)
    )
      at--;
    this.rows.splice(at, 0, row);
    this.withData = null;
  }

  private rowAt(rowNumber: number): Row {
    if (this.whole) return this.rows[rowNumber - 2];
    const row = this.loaded.get(rowNumber);
    if (!row) throw new Error(`Sheet "${this.spec.name}": row ${rowNumber} was not read`);
    return row;
  }

  /** A row as read: padded to the width; a '@' cell may have kept the writer's apostrophe. */
  private decode(rowNumber: number, raw: unknown[]): Row {
    const values = this.pad(raw);
    for (let j = 0; j < values.length; j++)
      if (typeof values[j] === 'string') values[j] = fromCell(values[j]);
    return { rowNumber, values };
  }

  private index(key: K): number {
    const i = this.column.get(key);
    if (i === undefined) throw new Error(`Sheet "${this.spec.name}" has no column for ${key}`);
    return i;
  }

  private pad(row: unknown[]): unknown[] {
    if (row.length >= this.width) return row;
    return row.concat(new Array(this.width - row.length).fill(''));
  }
}

/** Lookup mode reads rows near each other in one block when the gap costs fewer cells. */
const MERGE_CELLS = 1000;

/** The longest pattern sent to a TextFinder (longer keys: the table is read whole). */
const MAX_PATTERN = 2000;

function searchKey(key: string, pattern: string): string {
  return `${key}\u0000${pattern}`;
}

/** What to look for in one table opened for lookups: cells of the `key` column. */
export interface Search {
  table: Table<string>;
  key: string;
  patterns: readonly string[];
}

/**
 * The one pattern searchTables sends for these alternatives: any of them, the whole cell, after
 * an optional apostrophe (a Plain-text cell may keep the apostrophe a writer put before it;
 * fromCell drops it on read). The environment check's TextFinder probe sends the same.
 */
export function searchPattern(alternatives: readonly string[]): string {
  return `^'?(?:${alternatives.join('|')})$`;
}

/**
 * Runs a TextFinder made for searchPattern as every lookup does: a regular expression, the other
 * options left at the reference's defaults (case-insensitive; partial match, the pattern's
 * anchors making it whole-cell; a formula's displayed value). The environment check's probe too.
 */
export function findAllCells(finder: GoogleAppsScript.Spreadsheet.TextFinder): Range[] {
  return finder.useRegularExpression(true).findAll();
}

/**
 * Looks up several tables at once with one TextFinder (RE2 regular expression, whole cell, case
 * insensitive: "Class TextFinder", https://developers.google.com/apps-script/reference/spreadsheet/text-finder):
 * on the spreadsheet when more than one sheet is searched, else on the one sheet. Only matches in
 * a searched key column count; each table then reads the rows found (Table.receive). Searches
 * already made are not made again.
 */
export function searchTables(ss: Spreadsheet, searches: readonly Search[]): void {
  // Named fields, not object spread (`{ ...s, ...pending }` is a slow copy in V8 when the
  // objects' shapes vary, and a submission makes several searches).
  let todo = searches
    .map((s) => {
      const pending = s.table.pendingSearches(s.key, s.patterns);
      return { table: s.table, key: s.key, column: pending.column, patterns: pending.patterns };
    })
    .filter((s) => s.patterns.length > 0);
  // A key too long for a search pattern (a 50,000-character answer) is found by reading the
  // table whole instead: the same rows, more cells.
  for (const s of todo)
    if (s.patterns.some((p) => p.length > MAX_PATTERN)) {
      s.table.dataRows();
      s.table.receive(s.key, s.patterns, []);
    }
  todo = todo.filter((s) => s.table.isPartial());
  if (todo.length === 0) return;
  const pattern = searchPattern([...new Set(todo.flatMap((s) => s.patterns))]);
  const tables = [...new Set(todo.map((s) => s.table))];
  const finder =
    tables.length === 1 ? tables[0].sheet.createTextFinder(pattern) : ss.createTextFinder(pattern);
  const found = findAllCells(finder).map((r) => ({
    sheet: r.getSheet().getSheetId(),
    row: r.getRow(),
    column: r.getColumn(),
  }));
  for (const s of todo) {
    const id = s.table.sheet.getSheetId();
    const rows = found.filter((f) => f.sheet === id && f.column === s.column).map((f) => f.row);
    s.table.receive(s.key, s.patterns, rows);
  }
}

/**
 * Every value of a sheet in one round trip: `getSheetValues(1, 1, -1, -1)` (a -1 reads up to
 * the last row or column with content), where `getDataRange().getValues()` takes two. The
 * reference does not say what it does on a sheet with no content at all; there the two-call
 * reading answers (one empty cell), as it always did.
 */
function readWhole(sheet: Sheet): unknown[][] {
  let values: unknown[][] | null = null;
  try {
    values = sheet.getSheetValues(1, 1, -1, -1);
  } catch (_e) {
    values = null;
  }
  return values && values.length > 0 ? values : sheet.getDataRange().getValues();
}

/** Row arrays hold what the cells hold (strings without the text apostrophe). */
function sameCell(current: unknown, next: unknown): boolean {
  if (Object.prototype.toString.call(next) === '[object Date]') {
    return (
      Object.prototype.toString.call(current) === '[object Date]' &&
      (current as Date).getTime() === (next as Date).getTime()
    );
  }
  return current === (next ?? '');
}

/** Formats the data rows of the given columns (1-based) as Plain text, adjacent ones together. */
function formatColumnsAsText(sheet: Sheet, columnNumbers: number[]): void {
  const columns = [...columnNumbers].sort((a, b) => a - b);
  const rows = sheet.getMaxRows() - 1;
  if (rows < 1 || columns.length === 0) return;
  let start = 0;
  for (let i = 1; i <= columns.length; i++) {
    if (i === columns.length || columns[i] !== columns[i - 1] + 1) {
      sheet
        .getRange(2, columns[start], rows, columns[i - 1] - columns[start] + 1)
        .setNumberFormat(PLAIN_TEXT);
      start = i;
    }
  }
}

/** Creates the sheet of a spec with its headers, a frozen header row and column formats. */
export function createSheet<K extends string>(ss: Spreadsheet, spec: TableSpec<K>): Sheet {
  const sheet = ss.insertSheet(spec.name);
  const n = spec.columns.length;
  // Exactly the spec's columns: every cell of the grid counts against the spreadsheet's
  // 10-million-cell limit, empty or not (adapters/capacity.ts).
  const max = sheet.getMaxColumns();
  if (n > max) sheet.insertColumnsAfter(max, n - max);
  else if (n < max) sheet.deleteColumns(n + 1, max - n);
  const header = sheet.getRange(1, 1, 1, n);
  header.setValues([spec.columns.map((c) => toTextCell(c.header))]);
  header.setFontWeight('bold');
  header.setBackground('#e8eef7');
  header.setWrap(true); // bilingual headers are long: wrap rather than clip
  sheet.setFrozenRows(1);
  formatColumnsAsText(
    sheet,
    spec.columns.flatMap((c, i) => (isTextColumn(spec, c.key) ? [i + 1] : [])),
  );
  spec.columns.forEach((c, i) => {
    if (c.numberFormat && !isTextColumn(spec, c.key))
      sheet.getRange(2, i + 1, sheet.getMaxRows() - 1, 1).setNumberFormat(c.numberFormat);
    if (c.width) sheet.setColumnWidth(i + 1, c.width);
  });
  return sheet;
}

/**
 * Appends rows to a sheet the system alone writes (the Log) without reading it: its columns
 * are in the spec's order. One appendRow for one row; otherwise one block write.
 */
export function appendRows<K extends string>(
  ss: Spreadsheet,
  spec: TableSpec<K>,
  records: readonly Partial<Record<K, unknown>>[],
  /** The sheet, when the caller already has it. */
  known?: Sheet,
): void {
  if (records.length === 0) return;
  const sheet = known ?? ss.getSheetByName(spec.name) ?? createSheet(ss, spec);
  const rows = records.map((r) =>
    spec.columns.map((c) => (isTextColumn(spec, c.key) ? toTextCell : toCell)(r[c.key])),
  );
  if (rows.length === 1) {
    sheet.appendRow(rows[0]);
    return;
  }
  // The data range tells the last row (its geometry is known without another round trip) and
  // is the anchor the block is offset from: no getLastRow, no getRange.
  const data = sheet.getDataRange();
  const last = data.getLastRow();
  const empty = last === 1 && data.getLastColumn() === 1 && sheet.getLastRow() === 0;
  const first = empty ? 1 : last + 1;
  sheet.insertRowsAfter(first - 1 || 1, rows.length);
  data.offset(first - 1, 0, rows.length, spec.columns.length).setValues(rows);
}
