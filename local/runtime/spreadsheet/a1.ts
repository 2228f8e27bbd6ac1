// A1 notation: 'B2', 'B2:D10', 'A:C' (whole columns), '2:5' (whole rows), 'A2:C' (open end),
// optionally with a sheet name: "Sheet1!A1", "'My sheet'!A1:B2".

export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 1-based, inclusive; null ends mean "to the edge of the grid". */
export interface A1Range {
  sheetName: string | null;
  row: number;
  column: number;
  lastRow: number | null;
  lastColumn: number | null;
}

const PART = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

/** Parses A1 notation; null when it is not a range. */
export function parseA1(a1: string): A1Range | null {
  let sheetName: string | null = null;
  let rest = a1.trim();
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    sheetName = rest.slice(0, bang);
    if (sheetName.startsWith("'") && sheetName.endsWith("'")) {
      sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
    }
    rest = rest.slice(bang + 1);
  }
  const [startText, endText, extra] = rest.split(':');
  if (extra !== undefined || startText === '') return null;
  const start = PART.exec(startText);
  const end = endText === undefined ? start : PART.exec(endText);
  if (!start || !end) return null;
  const [, c1, r1] = start;
  const [, c2, r2] = end;
  if (!c1 && !r1) return null;
  if (!c2 && !r2) return null;
  if (endText === undefined && (!c1 || !r1)) return null; // 'A' or '3' alone is not a range
  const cols = [c1 ? columnNumber(c1) : null, c2 ? columnNumber(c2) : null];
  const rows = [r1 ? Number(r1) : null, r2 ? Number(r2) : null];
  if (rows.some((r) => r === 0)) return null;
  const row = Math.min(rows[0] ?? 1, rows[1] ?? rows[0] ?? 1);
  const column = Math.min(cols[0] ?? 1, cols[1] ?? cols[0] ?? 1);
  const lastRow = rows[0] === null || rows[1] === null ? null : Math.max(rows[0], rows[1]);
  const lastColumn = cols[0] === null || cols[1] === null ? null : Math.max(cols[0], cols[1]);
  return { sheetName, row, column, lastRow, lastColumn };
}

export function a1Notation(row: number, column: number, numRows: number, numColumns: number) {
  const start = columnLetters(column) + row;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${columnLetters(column + numColumns - 1)}${row + numRows - 1}`;
}
