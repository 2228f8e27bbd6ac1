// Reading the files the office gives the runner: exported response sheets, and the documents,
// courses and settings lists. CSV through csv-parse, XLSX through exceljs. Every cell that must
// be a date, a time or a timestamp is checked here, so a bad file fails before anything runs,
// with a message naming the file, the row, the column and what was expected.
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { canonicalModule } from '../../src/domain/eligibility';
import { type WallFields, wallFields } from '../runtime/zone';

/** A cell as the file gives it: text from CSV; numbers, booleans and Dates too from XLSX. */
export type InputCell = string | number | boolean | Date;

export interface InputTable {
  /** File name as given on the command line (used in messages). */
  file: string;
  header: string[];
  /** Data rows: rows[0] is data row 1 (the first row under the header). */
  rows: InputCell[][];
}

/** A problem with an input file; the CLI prints the message and exits with code 2. */
export class InputError extends Error {
  override name = 'InputError';
}

export function cellError(
  table: InputTable,
  row: number,
  column: string,
  value: InputCell,
  expected: string,
): InputError {
  const shown = value instanceof Date ? value.toISOString() : String(value);
  return new InputError(
    `${basename(table.file)} row ${row}, column "${column}": "${shown}" ${expected}`,
  );
}

// ---- files ----------------------------------------------------------------------------------

export async function readTable(file: string): Promise<InputTable> {
  const ext = extname(file).toLowerCase();
  let grid: InputCell[][];
  try {
    if (ext === '.csv') grid = readCsv(file);
    else if (ext === '.xlsx') grid = await readXlsx(file);
    else throw new InputError(`${file}: expected a .csv or .xlsx file`);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${file}: cannot be read (${(error as Error).message})`);
  }
  const [header = [], ...rows] = grid;
  if (header.every((c) => text(c) === '')) throw new InputError(`${file}: the file is empty`);
  return { file, header: header.map((c) => text(c).trim()), rows };
}

function readCsv(file: string): InputCell[][] {
  // Empty lines are kept (as empty rows) so that row numbers match the file.
  return parse(readFileSync(file), {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: false,
  }) as string[][];
}

async function readXlsx(file: string): Promise<InputCell[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0];
  if (!sheet) throw new InputError(`${file}: the workbook has no sheet`);
  const grid: InputCell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: InputCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = xlsxValue(cell.value);
    });
    grid[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(grid, (r) => r ?? []);
}

/** exceljs cell values (rich text, formulas, hyperlinks) reduced to what a cell shows. */
function xlsxValue(value: ExcelJS.CellValue): InputCell {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value;
  if (typeof value !== 'object') return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined || typeof result === 'object' ? '' : result;
  }
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return String(value);
}

export function text(cell: InputCell | undefined): string {
  if (cell === undefined || cell === null) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell);
}

export function isEmptyRow(row: InputCell[]): boolean {
  return row.every((c) => text(c).trim() === '');
}

/** Header names compared as staff would: width, case and spacing do not matter. */
export function normalizeName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Index of the first column whose header is one of `names`; -1 when none is. */
export function findColumn(table: InputTable, names: readonly string[]): number {
  const wanted = names.map(normalizeName);
  return table.header.findIndex((h) => wanted.includes(normalizeName(h)));
}

export function requireColumn(table: InputTable, names: readonly string[]): number {
  const i = findColumn(table, names);
  if (i < 0) {
    throw new InputError(
      `${basename(table.file)}: no column ${names.map((n) => `"${n}"`).join(' or ')} in the header row`,
    );
  }
  return i;
}

// ---- dates and times (RULES.md §7) ----------------------------------------------------------

/** Wall-clock fields in Tokyo (to the second). */
export type Wall = Pick<WallFields, 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'>;

// Japan has had no daylight saving time since 1951: Tokyo is always UTC+9.
const TOKYO_OFFSET_MS = 9 * 3600_000;

export function tokyoMs(w: Wall): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - TOKYO_OFFSET_MS;
}

/** The Wall of a wall time (a clock reading in UTC fields), without zone.ts's extra fields. */
function wallOf(wall: number): Wall {
  const { year, month, day, hour, minute, second } = wallFields(wall);
  return { year, month, day, hour, minute, second };
}

export function tokyoWall(ms: number): Wall {
  return wallOf(ms + TOKYO_OFFSET_MS);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function dayText(w: Pick<Wall, 'year' | 'month' | 'day'>): string {
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** 'yyyy-MM-dd' of an instant, in Tokyo. */
export function tokyoDay(ms: number): string {
  return dayText(tokyoWall(ms));
}

function validDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Time of day: 14:03, 14:03:12, 2:03 PM, 2:03:12 PM. */
function readClock(s: string): { hour: number; minute: number; second: number } | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?$/.exec(s);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = Number(m[3] ?? 0);
  if (m[4]) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (m[4].toLowerCase() === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { hour, minute, second };
}

/** A calendar day: 2024/07/30, 2024-07-30, US 7/30/2024. */
function readDayText(s: string): { year: number; month: number; day: number } | null {
  let m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(s);
  let fields: { year: number; month: number; day: number } | null = null;
  if (m) fields = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  else {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
    if (m) fields = { year: Number(m[3]), month: Number(m[1]), day: Number(m[2]) };
  }
  if (!fields || !validDay(fields.year, fields.month, fields.day)) return null;
  return fields;
}

/** XLSX date cells carry the wall-clock time in their UTC fields (Excel has no time zone). */
function wallOfXlsx(d: Date): Wall {
  return wallOf(d.getTime());
}

/** A date and time (the timestamp column), as a Tokyo instant; null when unreadable. */
export function parseTimestamp(cell: InputCell): number | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : tokyoMs(wallOfXlsx(cell));
  const s = text(cell).trim().replace('T', ' ');
  const space = s.indexOf(' ');
  if (space < 0) return null;
  const day = readDayText(s.slice(0, space));
  const clock = readClock(s.slice(space + 1).trim());
  if (!day || !clock) return null;
  return tokyoMs({ ...day, ...clock });
}

/** A date question's answer as Forms gives it ('yyyy-MM-dd'); null when unreadable. */
export function parseDayCell(cell: InputCell): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : dayText(wallOfXlsx(cell));
  const s = text(cell).trim();
  // Sheets shows a date cell with a date-time format as "2024/07/30 0:00:00".
  const m = /^(\S+)(?:\s+0{1,2}:00(?::00)?)?$/.exec(s);
  const day = m ? readDayText(m[1]) : null;
  return day ? dayText(day) : null;
}

/** A time question's answer as Forms gives it ('HH:mm'); null when unreadable. */
export function parseTimeCell(cell: InputCell): string | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    return `${pad(cell.getUTCHours())}:${pad(cell.getUTCMinutes())}`;
  }
  if (typeof cell === 'number' && cell >= 0 && cell < 1) {
    // A time cell read as a fraction of a day.
    const minutes = Math.round(cell * 1440);
    return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  }
  const clock = readClock(text(cell).trim());
  return clock ? `${pad(clock.hour)}:${pad(clock.minute)}` : null;
}

/** 2024, '2024' or 'FY2024' → '2024'; null otherwise. */
export function parseFiscalYear(cell: InputCell): string | null {
  const m = /^(?:FY)?\s*(\d{4})$/i.exec(text(cell).normalize('NFKC').trim());
  return m ? m[1] : null;
}

/** The module as the Course sheet names it; null when it is not a known module. */
export function parseModule(cell: InputCell): string | null {
  return canonicalModule(text(cell));
}

// ---- the runner's own files -----------------------------------------------------------------

/** Settings file: rows of key and value (header "key,value", or the Settings sheet's own). */
export function readSettingsTable(table: InputTable): Record<string, string> {
  const keyCol = requireColumn(table, ['key', 'Key / キー', 'キー']);
  const valueCol = requireColumn(table, ['value', 'Value / 値', '値']);
  const out: Record<string, string> = {};
  table.rows.forEach((row, i) => {
    if (isEmptyRow(row)) return;
    const key = text(row[keyCol]).trim();
    if (key === '') throw cellError(table, i + 1, table.header[keyCol], '', 'is not a setting key');
    out[key] = text(row[valueCol]).trim();
  });
  return out;
}
