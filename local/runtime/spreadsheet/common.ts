// What the sheet, range, protection and spreadsheet classes of the local SpreadsheetApp share:
// limits and defaults, colour names, Apps Script's signature and shape errors, and Env (the
// runtime context every object of one SpreadsheetService calls through).

import type { RuntimeContext } from '../context';
import { exception } from './errors';

export const MAX_CELL_CHARS = 50_000;
export const MAX_WORKBOOK_CELLS = 10_000_000;
export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;
export const DEFAULT_DATE_TIME_FORMAT = 'yyyy/MM/dd H:mm:ss';
export const DEFAULT_TIME_FORMAT = 'H:mm:ss';

/** A value as the script sees it. */
export type ScriptValue = string | number | boolean | Date;

export const COLOR_NAMES: Record<string, string> = {
  white: '#ffffff',
  black: '#000000',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  gray: '#808080',
  grey: '#808080',
  lightgray: '#d3d3d3',
  lightgrey: '#d3d3d3',
  purple: '#800080',
};

/** Sheets reports colours as lower-case #rrggbb. */
export function normalizeColor(color: string): string {
  const c = color.trim().toLowerCase();
  if (COLOR_NAMES[c]) return COLOR_NAMES[c];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return c;
}

export function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'string') return 'String';
  if (Array.isArray(value)) return 'Object[]';
  return 'Object';
}

export function signatureError(args: unknown[], method: string): Error {
  // Error text: unverified (see spreadsheet/errors.ts).
  return exception(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`,
  );
}

export function requireNumbers(args: unknown[], count: number, method: string): void {
  for (let i = 0; i < count; i++) {
    if (typeof args[i] !== 'number' || Number.isNaN(args[i])) throw signatureError(args, method);
  }
}

/** Checks a 2-D array against the range's shape with Apps Script's messages. */
export function checkShape(
  data: unknown,
  numRows: number,
  numColumns: number,
  method: string,
): unknown[][] {
  if (!Array.isArray(data)) throw signatureError([data], method);
  if (data.length !== numRows) {
    // Error text: APPS-SCRIPT-FACTS.md (quoted from public reports; see spreadsheet/errors.ts).
    throw exception(
      `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${numRows}.`,
    );
  }
  for (const row of data) {
    if (!Array.isArray(row)) throw signatureError([data], method);
    if (row.length !== numColumns) {
      // Error text: APPS-SCRIPT-FACTS.md (quoted from public reports; see spreadsheet/errors.ts).
      throw exception(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${numColumns}.`,
      );
    }
  }
  return data as unknown[][];
}

/** Shared by every object of one SpreadsheetService. */
export class Env {
  formulaCells = 0;
  constructor(readonly ctx: RuntimeContext) {}
  call(method: string, cells?: { read?: number; written?: number }): void {
    this.ctx.call('Spreadsheet', method, cells);
  }
}
