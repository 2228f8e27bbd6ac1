// (b) Drawing a sheet as an SVG table, the way Google Sheets shows it.
import type { SheetData } from '../../local/runtime/spreadsheet';
import { columnLetters, parseA1 } from '../../local/runtime/spreadsheet/a1';
import { escapeHtml } from '../../src/domain/templates';

// ---------------------------------------------------------------------------------------------
// (b) Drawing a sheet as an SVG table, the way Google Sheets shows it

export interface SheetPicture {
  /** Columns to show, by the English half of their header (all when omitted). */
  columns?: string[];
  /** 1-based data rows (below the header) to show (all when omitted). */
  rows?: (data: SheetData) => number[];
  /** Show the first N columns (for a sheet without one header row, such as Statistics). */
  firstColumns?: number;
  /** Draw this chart of the sheet (by title) instead of its cells, as the local runner does. */
  chart?: string;
}

const FONT =
  "Arial, 'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans', 'Yu Gothic', Meiryo, sans-serif";
const ROW_H = 21;
const LINE_H = 16;
const ROW_HEADER_W = 46;
const COL_HEADER_H = 22;
const TAB_H = 30;
const MAX_LINES = 3;
const GRID = '#e2e3e3';
const HEADER_FILL = '#f8f9fa';

/** The background a conditional format rule gives this cell, if any (TEXT_EQUAL_TO rules). */
function conditionalBackground(data: SheetData, r: number, c: number): string | null {
  for (const rule of data.conditionalFormatRules) {
    if (!rule.background || rule.criteria !== 'TEXT_EQUAL_TO') continue;
    if (String(rule.values[0]) !== data.displayValues[r][c]) continue;
    const inside = rule.ranges.some((a1) => {
      const range = parseA1(a1);
      if (!range) return false;
      const lastRow = range.lastRow ?? Number.POSITIVE_INFINITY;
      const lastColumn = range.lastColumn ?? Number.POSITIVE_INFINITY;
      return r + 1 >= range.row && r + 1 <= lastRow && c + 1 >= range.column && c + 1 <= lastColumn;
    });
    if (inside) return rule.background;
  }
  return null;
}

/** Sheets' default alignment: numbers and dates right, booleans centred, text left. */
function alignment(data: SheetData, r: number, c: number): 'left' | 'center' | 'right' {
  const set = data.horizontalAlignments[r][c];
  if (set === 'center' || set === 'right' || set === 'left') return set;
  const v = data.values[r][c];
  if (typeof v === 'number' || v instanceof Date) return 'right';
  if (typeof v === 'boolean') return 'center';
  return 'left';
}

/**
 * One sheet as an SVG picture: column letters and row numbers, the frozen header (bold, with
 * the thick line below it), backgrounds including the conditional colours, the display values
 * (so yen and dates look as in Sheets), column widths, and the sheet's tab. Header cells are
 * drawn on two lines (English / Japanese) so each column can be read in the picture.
 */
export function sheetSvg(data: SheetData, picture: SheetPicture = {}): string {
  // The last frozen row holds the column headers (a title row may sit above it).
  const frozen = Math.max(data.frozenRows, 1);
  const header = data.values[frozen - 1].map((h) => String(h).split(' / ')[0]);
  const cols = picture.firstColumns
    ? Array.from({ length: picture.firstColumns }, (_, c) => c)
    : (picture.columns ?? header.filter((h) => h !== '')).map((name) => {
        const c = header.indexOf(name);
        if (c < 0 && picture.columns) throw new Error(`${data.name}: no column "${name}"`);
        return c;
      });
  const dataRows = picture.rows
    ? picture.rows(data)
    : Array.from({ length: data.values.length - frozen }, (_, i) => i + frozen);
  const rows = [
    ...Array.from({ length: frozen }, (_, i) => i),
    ...dataRows.filter((r) => r >= frozen),
  ];

  const widths = cols.map((c) => data.columnWidths[c] ?? 100);
  const xs: number[] = [];
  let x = ROW_HEADER_W;
  for (const w of widths) {
    xs.push(x);
    x += w;
  }
  const width = x + 1;

  const linesOf = (r: number, c: number): string[] => {
    const text = data.displayValues[r][c] ?? '';
    const lines =
      r === frozen - 1 && text.includes(' / ')
        ? text.split(' / ').map((part, i) => (i === 0 ? `${part} /` : part))
        : text.split('\n');
    return lines.slice(0, MAX_LINES);
  };
  const heights = rows.map((r) =>
    Math.max(ROW_H, ...cols.map((c) => (linesOf(r, c).length - 1) * LINE_H + ROW_H)),
  );
  const ys: number[] = [];
  let y = COL_HEADER_H;
  for (const h of heights) {
    ys.push(y);
    y += h;
  }
  const gridBottom = y;
  const height = gridBottom + TAB_H;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeHtml(FONT)}" font-size="12">`,
    `<title>${escapeHtml(data.name)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<rect x="0" y="0" width="${width}" height="${COL_HEADER_H}" fill="${HEADER_FILL}"/>`,
    `<rect x="0" y="0" width="${ROW_HEADER_W}" height="${gridBottom}" fill="${HEADER_FILL}"/>`,
  );
  // Cell backgrounds first, then grid lines, then text (clipped to its cell, or to the empty
  // cells to its right, as Sheets lets text overflow).
  rows.forEach((r, i) => {
    cols.forEach((c, j) => {
      const fill = data.backgrounds[r]?.[c] ?? conditionalBackground(data, r, c);
      if (fill) {
        out.push(
          `<rect x="${xs[j]}" y="${ys[i]}" width="${widths[j]}" height="${heights[i]}" fill="${escapeHtml(fill)}"/>`,
        );
      }
    });
  });
  out.push(`<g stroke="${GRID}" stroke-width="1">`);
  for (const xi of [...xs, x])
    out.push(`<line x1="${xi + 0.5}" y1="0" x2="${xi + 0.5}" y2="${gridBottom}"/>`);
  for (const yi of [0, ...ys, gridBottom])
    out.push(`<line x1="0" y1="${yi + 0.5}" x2="${width}" y2="${yi + 0.5}"/>`);
  out.push(
    `<line x1="${ROW_HEADER_W + 0.5}" y1="0" x2="${ROW_HEADER_W + 0.5}" y2="${gridBottom}"/>`,
  );
  out.push('</g>');
  // The thick grey bar under the frozen rows.
  const frozenY = ys[frozen - 1] + heights[frozen - 1];
  out.push(`<rect x="0" y="${frozenY - 1}" width="${width}" height="4" fill="#c7c7c7"/>`);

  out.push('<g fill="#5f6368" text-anchor="middle" font-size="11">');
  cols.forEach((c, j) => {
    out.push(`<text x="${xs[j] + widths[j] / 2}" y="15">${columnLetters(c + 1)}</text>`);
  });
  rows.forEach((r, i) => {
    out.push(`<text x="${ROW_HEADER_W / 2}" y="${ys[i] + 15}">${r + 1}</text>`);
  });
  out.push('</g>');

  let clip = 0;
  const defs: string[] = [];
  const texts: string[] = [];
  rows.forEach((r, i) => {
    cols.forEach((c, j) => {
      const lines = linesOf(r, c);
      if (lines.every((l) => l === '')) return;
      const align = alignment(data, r, c);
      let right = xs[j] + widths[j];
      if (align === 'left' && lines.length === 1) {
        // Text spills into the empty cells next to it (only across adjacent sheet columns).
        for (let k = j + 1; k < cols.length && cols[k] === cols[k - 1] + 1; k++) {
          if ((data.displayValues[r][cols[k]] ?? '') !== '') break;
          right = xs[k] + widths[k];
        }
      }
      const id = `c${clip++}`;
      defs.push(
        `<clipPath id="${id}"><rect x="${xs[j] + 1}" y="${ys[i] + 1}" width="${right - xs[j] - 2}" height="${heights[i] - 1}"/></clipPath>`,
      );
      const tx =
        align === 'left'
          ? xs[j] + 4
          : align === 'right'
            ? xs[j] + widths[j] - 4
            : xs[j] + widths[j] / 2;
      const anchor = align === 'left' ? 'start' : align === 'right' ? 'end' : 'middle';
      const bold = data.fontWeights[r][c] === 'bold' ? ' font-weight="bold"' : '';
      const colour = data.fontColors[r][c] ?? '#202124';
      const spans = lines
        .map((l, k) => `<tspan x="${tx}" y="${ys[i] + 15 + k * LINE_H}">${escapeHtml(l)}</tspan>`)
        .join('');
      texts.push(
        `<text clip-path="url(#${id})" text-anchor="${anchor}" fill="${escapeHtml(colour)}"${bold}>${spans}</text>`,
      );
    });
  });
  out.push(`<defs>${defs.join('')}</defs>`, ...texts);

  // The sheet's tab at the bottom, so staff know which sheet they are looking at.
  const tabW = Math.max(90, data.name.length * 8 + 24);
  out.push(
    `<rect x="0" y="${gridBottom}" width="${width}" height="${TAB_H}" fill="#f1f3f4"/>`,
    `<rect x="${ROW_HEADER_W}" y="${gridBottom}" width="${tabW}" height="${TAB_H - 4}" fill="#ffffff" stroke="${GRID}"/>`,
    `<text x="${ROW_HEADER_W + tabW / 2}" y="${gridBottom + 18}" text-anchor="middle" fill="#188038" font-weight="bold">${escapeHtml(data.name)}</text>`,
    '</svg>',
  );
  return `${out.join('\n')}\n`;
}
