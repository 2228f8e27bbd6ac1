// Room for the whole program (RULES: the office keeps every record in one spreadsheet). Google
// Sheets holds at most 10 million cells per spreadsheet, counting every cell of every sheet's
// grid, empty or not (raised to 10 million on 2022-03-14, "Google Sheets doubles cell
// limit": https://gist.github.com/tanaikech/cc4380692790150cc090114553e38a0e). The system's
// sheets keep only the columns they use, and the health report shows how much is used and
// when, at the current rate, the spreadsheet would be full — a year ahead of that, staff are
// told to archive a closed fiscal year (staff guide 9.7, README "When the spreadsheet fills up").
import type { TableSpec } from './tables/table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const CELL_LIMIT = 10_000_000;
/** A sheet made by insertSheet has 1,000 rows × 26 columns (APPS-SCRIPT-FACTS). */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;
/** Staff are warned this many months before the spreadsheet would be full. */
export const WARN_MONTHS = 12;

/**
 * Deletes the columns to the right of the last one in use (by the spec, by staff, or by any
 * content): a system sheet keeps only the columns it uses. Never deletes a cell with content.
 */
export function trimColumns(sheet: Sheet, used: number): number {
  const max = sheet.getMaxColumns();
  const keep = Math.max(used, sheet.getLastColumn(), 1);
  if (max <= keep) return 0;
  sheet.deleteColumns(keep + 1, max - keep);
  return max - keep;
}

/** A sheet just made by insertSheet (1,000 × 26) cut to `rows` × `columns`: two calls. */
export function trimNewSheet(sheet: Sheet, rows: number, columns: number): void {
  if (columns < NEW_SHEET_COLUMNS) sheet.deleteColumns(columns + 1, NEW_SHEET_COLUMNS - columns);
  if (rows < NEW_SHEET_ROWS) sheet.deleteRows(rows + 1, NEW_SHEET_ROWS - rows);
}

/** Set-up: the system sheets keep only their columns. Returns a line per sheet trimmed. */
export function trimSystemSheets(ss: Spreadsheet, specs: readonly TableSpec<string>[]): string[] {
  const done: string[] = [];
  for (const spec of specs) {
    const sheet = ss.getSheetByName(spec.name);
    if (!sheet) continue;
    const removed = trimColumns(sheet, spec.columns.length);
    if (removed > 0) done.push(`Removed ${removed} unused columns from "${spec.name}".`);
  }
  return done;
}

export interface Capacity {
  cells: number;
  sheets: { name: string; cells: number }[];
  /** Cells added per month at the rate since the first application (null: too early to tell). */
  perMonth: number | null;
  /** Months until CELL_LIMIT at that rate. */
  monthsLeft: number | null;
  /** 'YYYY-MM' (Tokyo) of the month the spreadsheet would fill. */
  fullIn: string | null;
}

/** Every cell of every sheet's grid: what Google counts against the limit. */
export function measureCells(ss: Spreadsheet): { name: string; cells: number }[] {
  return ss
    .getSheets()
    .map((s) => ({ name: s.getName(), cells: s.getMaxRows() * s.getMaxColumns() }));
}

/**
 * Where the spreadsheet stands and where it is heading: every grid cell counted, and the rate
 * at which cells were added since the first application (the whole spreadsheet divided by the
 * months since then: an over-estimate early on, so the warning comes, if anything, early).
 */
export function capacityOf(
  ss: Spreadsheet,
  firstApplicationAt: number | null,
  now: number,
): Capacity {
  const sheets = measureCells(ss);
  const cells = sheets.reduce((sum, s) => sum + s.cells, 0);
  if (firstApplicationAt === null || firstApplicationAt >= now) {
    return { cells, sheets, perMonth: null, monthsLeft: null, fullIn: null };
  }
  const months = Math.max(1, (now - firstApplicationAt) / (30.44 * 86_400_000));
  const perMonth = cells / months;
  const monthsLeft = Math.max(0, (CELL_LIMIT - cells) / perMonth);
  return { cells, sheets, perMonth, monthsLeft, fullIn: monthAfter(now, monthsLeft) };
}

/** 'YYYY-MM' in Tokyo, `months` (fractional) after `now`. */
function monthAfter(now: number, months: number): string {
  const tokyo = new Date(now + 9 * 3600_000);
  const total = tokyo.getUTCFullYear() * 12 + tokyo.getUTCMonth() + Math.floor(months);
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** The health report's lines about the spreadsheet's size (bilingual). */
export function capacityLines(c: Capacity): string[] {
  const pct = ((100 * c.cells) / CELL_LIMIT).toFixed(1);
  const lines = [`Spreadsheet cells / セル数: ${fmt(c.cells)} of ${fmt(CELL_LIMIT)} (${pct}%)`];
  if (c.perMonth === null || c.monthsLeft === null || c.fullIn === null) {
    lines.push(
      'Full at the current rate / 上限到達の見込み: too early to tell / まだ判断できません',
    );
    return lines;
  }
  const years = c.monthsLeft / 12;
  lines.push(
    `Full at the current rate / 上限到達の見込み: ${c.monthsLeft > 1200 ? 'not within 100 years / 100年以上先' : `${c.fullIn} (about ${years >= 2 ? `${Math.round(years)} years` : `${Math.round(c.monthsLeft)} months`}; ${fmt(Math.round(c.perMonth))} cells a month)`}`,
  );
  if (c.monthsLeft <= WARN_MONTHS) {
    lines.push(
      `WARNING / 警告: the spreadsheet will be full within a year. Archive a closed fiscal year (staff guide 9.7). / 1年以内にセル数の上限に達します。締めた年度をアーカイブしてください（ガイド 9.7）。`,
    );
  }
  return lines;
}

function fmt(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
