// Reading the files the office gives the runner: exported response sheets, and the documents,
// courses and settings lists. CSV through csv-parse, XLSX through exceljs. Every cell that must
// be a date, a time or a timestamp is checked here, so a bad file fails before anything runs,
// with a message naming the file, the row, the column and what was expected.
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { canonicalModule } from '../../src/domain/eligibility';
import { type WallFields, wallFields } from '../runtime/zone';

/** A cell as the file gives it: text from CSV; numbers, booleans and Dates too from XLSX. */
export type InputCell = string | number | boolean | Date;

export interface InputTable {
  /** File name as given on the command line (used in messages). */
  file: string;
  header: string[];
  /** Data rows: rows[0] is data row 1 (the first row under the header; the sheet's row 2). */
  rows: InputCell[][];
  /** How the file was read: 'XLSX', 'UTF-8', 'Shift_JIS (CP932)', … (for the summary). */
  encoding?: string;
  /** Cells read with a caveat (an XLSX formula without a saved value), one line each. */
  warnings?: string[];
}

/** Column letters as the spreadsheet shows them: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
    s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
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
    `${basename(table.file)} row ${row + 1}, column "${column}": "${shown}" ${expected}`,
  );
}

// ---- files ----------------------------------------------------------------------------------

export async function readTable(file: string): Promise<InputTable> {
  const ext = extname(file).toLowerCase();
  let grid: InputCell[][];
  let encoding: string;
  let noValue: FormulaWithoutValue[] = [];
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new InputError(`${file}: cannot be read (${(error as Error).message})`);
  }
  try {
    if (ext === '.xlsx') {
      if (!isZip(bytes)) throw notTabular(file, bytes);
      const read = await readXlsx(file);
      grid = read.grid;
      encoding = 'XLSX';
      noValue = read.noValue;
    } else if (['.csv', '.txt', '.tsv'].includes(ext)) {
      const read = readDelimited(file, bytes);
      grid = read.grid;
      encoding = read.encoding;
    } else
      throw new InputError(
        `${file}: expected a .csv or .xlsx file (or Excel's .txt "Unicode text")`,
      );
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${file}: cannot be read (${(error as Error).message})`);
  }
  const [header = [], ...rows] = grid;
  if (header.every((c) => text(c) === '')) throw new InputError(`${file}: the file is empty`);
  const headers = header.map((c) => text(c).trim());
  const warnings = noValue.map(
    (c) =>
      `${basename(file)} row ${c.row}, column "${headers[c.column - 1] || columnLetter(c.column)}": a formula with no saved value, read as empty (open the file in Excel or Sheets and save it again so its values are saved)`,
  );
  return { file, header: headers, rows, encoding, warnings };
}

const isZip = (b: Buffer) =>
  b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4;

/** What a file that is not a CSV or XLSX looks like, in the message. */
function notTabular(file: string, bytes: Buffer): InputError {
  let what = '';
  if (isZip(bytes)) what = ' (it is a ZIP archive: an XLSX file must be named .xlsx)';
  else if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
    what = ' (it is an old Excel .xls file: save it as .xlsx or CSV)';
  else if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') what = ' (it is a PDF)';
  return new InputError(`${basename(file)}: this is not a CSV or XLSX file${what}`);
}

/**
 * Text tables as Excel and Google save them: UTF-8 with or without BOM, Shift_JIS (CP932, what
 * Japanese Excel writes as "CSV"), UTF-16 with BOM (Excel's "Unicode text", tab-separated).
 * Decoded with iconv-lite; the encoding read is reported in the summary.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: iconv.decode(bytes.subarray(3), 'utf8'), encoding: 'UTF-8 with BOM' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: iconv.decode(bytes.subarray(2), 'utf16le'), encoding: 'UTF-16LE with BOM' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: iconv.decode(bytes.subarray(2), 'utf16be'), encoding: 'UTF-16BE with BOM' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Not valid UTF-8: Japanese Excel's CSV (Windows code page 932, a superset of Shift_JIS).
    return { text: iconv.decode(bytes, 'cp932'), encoding: 'Shift_JIS (CP932)' };
  }
}

function readDelimited(file: string, bytes: Buffer): { grid: InputCell[][]; encoding: string } {
  const { text: content, encoding } = decodeText(bytes);
  // Text files hold no NUL and few other control characters; binary files many.
  const sample = content.slice(0, 4096);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code < 0x09 || (code > 0x0d && code < 0x20)) controls++;
  }
  if (sample.includes('\u0000') || controls > sample.length / 100) throw notTabular(file, bytes);
  const firstLine = content.slice(0, content.search(/\r?\n|$/));
  const tabs = (firstLine.match(/\t/g) ?? []).length;
  const commas = (firstLine.match(/,/g) ?? []).length;
  const delimiter = tabs > commas ? '\t' : ',';
  let grid: string[][];
  try {
    // Empty lines are kept (as empty rows) so that row numbers match the file.
    grid = parse(content, { relax_column_count: true, skip_empty_lines: false, delimiter });
  } catch (error) {
    throw new InputError(
      `${basename(file)}: this is not a CSV or XLSX file (${encoding}${delimiter === '\t' ? ', tab-separated' : ''}: ${(error as Error).message.replace(/\s+/g, ' ').slice(0, 120)})`,
    );
  }
  return { grid, encoding: delimiter === '\t' ? `${encoding}, tab-separated` : encoding };
}

/** A cell the reader could not give a value: a formula whose result was never saved. */
export interface FormulaWithoutValue {
  /** The sheet's row number (header = 1) and column number (A = 1). */
  row: number;
  column: number;
}

async function readXlsx(
  file: string,
): Promise<{ grid: InputCell[][]; noValue: FormulaWithoutValue[] }> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.readFile(file);
  } catch (error) {
    throw new InputError(
      `${basename(file)}: this is not a CSV or XLSX file (the workbook cannot be opened: ${(error as Error).message.slice(0, 120)})`,
    );
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new InputError(`${file}: the workbook has no sheet`);
  const grid: InputCell[][] = [];
  const noValue: FormulaWithoutValue[] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: InputCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const value = xlsxValue(cell.value);
      if (value === undefined) noValue.push({ row: rowNumber, column: col });
      cells[col - 1] = value ?? '';
    });
    grid[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return { grid: Array.from(grid, (r) => r ?? []), noValue };
}

/**
 * exceljs cell values (rich text, formulas, hyperlinks) reduced to what a cell shows; undefined
 * for a formula whose result the file does not hold (saved by a program that does not
 * calculate, or never recalculated): its value cannot be known without a spreadsheet program.
 */
function xlsxValue(value: ExcelJS.CellValue): InputCell | undefined {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value;
  if (typeof value !== 'object') return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return undefined;
    if (result instanceof Date) return result;
    if (typeof result === 'object') return 'error' in result ? String(result.error) : undefined;
    return result;
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
