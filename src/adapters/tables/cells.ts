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
