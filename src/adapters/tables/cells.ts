// How values cross into and out of sheet cells.
//
// RULES R25: Sheets parses a string written by setValue(s)/appendRow as if typed, so `=…`
// would run as a formula, `00012` become 12 and `2024/07/30` a date. Every string the
// system writes therefore goes in with a leading apostrophe, which Sheets takes as "this is
// text" and does not keep in the value. One rule for every string keeps it simple to check.
// Numbers, booleans and Dates are written as themselves.
import { cellText, isDateValue } from '../../domain/text';

/** Apps Script refuses a cell of more than 50,000 characters (APPS-SCRIPT-FACTS). */
export const MAX_CELL_CHARS = 50000;
const CLIP_MARK = '…[truncated]';

export type CellValue = string | number | boolean | Date;

// How a cell reads back as text is pure: the domain reads Settings cells with it too.
export { cellText, isDateValue };

/** A string clipped to what one cell can hold once the apostrophe is added. */
export function clipForCell(text: string): { text: string; clipped: boolean } {
  if (text.length + 1 <= MAX_CELL_CHARS) return { text, clipped: false };
  return { text: text.slice(0, MAX_CELL_CHARS - 1 - CLIP_MARK.length) + CLIP_MARK, clipped: true };
}

/** The value to hand to setValues so that the cell ends up holding exactly `value`. */
export function toCell(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value === '' ? '' : "'" + clipForCell(value).text;
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value;
  if (isDateValue(value)) return value;
  return toCell(String(value));
}

// Plain-text columns (RULES R25, #17). Set-up formats the system's text columns as Plain text
// ('@'), where Sheets stores a string as given, so the writer puts plain strings there and does
// not depend on the apostrophe (toTextCell). What real Sheets does with a leading apostrophe
// written into a '@' cell is not in the reference: it may keep it as part of the text (seen
// when staff format a column as Plain text after data was written with apostrophes) or drop
// it; the local runtime models both. Readers therefore drop one leading apostrophe before an ID,
// key or code (a single token) or before a string Sheets could have read as a number, date,
// boolean or formula, which is exactly what an apostrophe-writer protected; IDs and keys are
// compared after that. A free-text value that really starts with an apostrophe keeps it in
// the cell; read back, it loses it only when an ID-like token or number-like text follows
// (e.g. "'=x" or "'BN-1"): a cell holding "'=x" may be that value (Sheets dropped the added
// apostrophe) or "=x" (Sheets kept it), and the reader takes the second, common case.

const MONTH_OR_DAY_WORDS =
  /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|mon(day)?|tue(sday)?|wed(nesday)?|thu(rsday)?|fri(day)?|sat(urday)?|sun(day)?|am|pm)\b/gi;
const NUMBER_LIKE = /^[\seE0-9０-９.,:/\-+%$¥￥()．，：／－＋％（）年月日時分秒午前後]*$/;
/** An ID, address or code: one token with a digit or '@' (BN-00001, a@b.org), or CAPITALS. */
const TOKEN = /^(?:[\w.+-]*[\d@][\w.@+-]*|[A-Z][A-Z_]+)$/;

/**
 * Whether Sheets could read `text`, typed into a General, Number or Date cell, as something other
 * than that text: a formula (`=`, `+`, `-`), an error (`#N/A`), a boolean, or a number, date, time,
 * percent or currency (any string with a digit made only of digits, separators and month/day
 * words). Deliberately broad.
 */
export function couldBeTyped(text: string): boolean {
  if (text === '') return false;
  if (/^[=+\-'@#]/.test(text)) return true;
  const trimmed = text.trim();
  if (/^(true|false)$/i.test(trimmed)) return true;
  if (!/[0-9０-９]/.test(trimmed)) return false;
  return NUMBER_LIKE.test(trimmed.replace(MONTH_OR_DAY_WORDS, ' '));
}

/**
 * The value to write into a column set-up formats as Plain text: the string as it is, unless
 * Sheets could read it as something else (a number, date, boolean, formula, or a leading
 * apostrophe): then with the apostrophe, because a cell may not be Plain text after all —
 * staff re-formatted the column, or rows were added below the formatted ones (what Sheets does
 * with their format is not in the reference). IDs, addresses, names and most answers go in
 * plain; where a Plain-text cell keeps a written apostrophe, number-like text shows one and
 * fromCell reads it back without.
 */
export function toTextCell(value: unknown): CellValue {
  if (typeof value !== 'string' || value === '') return toCell(value);
  const text = clipForCell(value).text;
  return couldBeTyped(text) ? "'" + text : text;
}

/**
 * A string as read from a system cell: one leading apostrophe is dropped before an ID, key or
 * code, or before a string an apostrophe-writer would have protected (a '@' cell keeping it).
 */
export function fromCell(value: unknown): unknown {
  if (typeof value !== 'string' || value.charCodeAt(0) !== 39) return value;
  const rest = value.slice(1);
  return TOKEN.test(rest) || couldBeTyped(rest) ? rest : value;
}

/** A cell read as a boolean: checkboxes give booleans; staff may also type yes/はい/✓. */
export function cellBool(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  const s = cellText(value).trim().toLowerCase();
  return ['true', 'yes', 'y', '1', 'はい', 'あり', '✓', '✔', 'x', '済'].includes(s);
}

/** A cell read as a time in ms (Dates, or numbers of ms); null when empty or unreadable. */
export function cellMs(value: unknown): number | null {
  if (isDateValue(value)) {
    const t = value.getTime();
    return Number.isNaN(t) ? null : t;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return null;
}

export function cellNumber(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const s = cellText(value).replace(/[,¥円\s]/g, '');
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}
