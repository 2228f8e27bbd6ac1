// The TextFinder's index of one sheet: the text each cell displays, and the cells by the key of
// that text (regex-keys.ts), kept up to date on writes: the value, formula and number-format
// layers tell it which rows changed (Layer.onChange) and those rows are indexed again before the
// next search; moving rows with content or any columns, or clearing a layer, has the whole sheet
// indexed again.
// A search then tests its pattern on the cells whose key it can match instead of formatting and
// testing every cell of the spreadsheet (issue #15: every submission searches). Cells holding a
// formula display what their formula computes now, which depends on other cells: they are never
// indexed and every search tests them.
import { type KeyPlan, shapeKey, textKey, tokenKeys } from './regex-keys';

/** The layers of a sheet the displayed text depends on. */
interface WatchedLayer {
  rows: (unknown[] | undefined)[];
  onChange: ((row: number) => void) | undefined;
  onRowsMoved: ((at: number) => void) | undefined;
}

export interface IndexedCells {
  readonly values: WatchedLayer;
  readonly formulas: WatchedLayer;
  readonly formats: WatchedLayer;
  /** The text a cell displays (formatting its value; a formula is evaluated). */
  displayText(row: number, column: number): string;
}

/** Positions are encoded as row × COLUMNS + column (a sheet has at most 18,278 columns). */
export const COLUMNS = 32768;

export class CellIndex {
  /** Per row, the displayed text of each cell without a formula ('' when empty). */
  private texts: (string[] | undefined)[] = [];
  /** Per row with formulas, their columns. */
  private formulaColumns = new Map<number, number[]>();
  private whole = new Map<string, Set<number>>();
  private parts = new Map<string, Set<number>>();
  /** The keys with digits in `whole`, by shape (shapeKey), each with the value of its digits. */
  private shapes = new Map<string, Map<string, number>>();
  /** The longest run of digits of any key indexed (never lowered). */
  private longestRun = 0;
  private dirty = new Set<number>();
  private stale = true;

  constructor(private readonly sheet: IndexedCells) {
    const mark = (row: number) => {
      if (row < 0) this.stale = true;
      else if (!this.stale) this.dirty.add(row);
    };
    // Rows moved below every row with a value or formula (a block of rows inserted after the
    // data, moving only the formats of the empty rows) change no text shown.
    const moved = (at: number) => {
      if (at < Math.max(sheet.values.rows.length, sheet.formulas.rows.length)) this.stale = true;
    };
    for (const layer of [sheet.values, sheet.formulas, sheet.formats]) {
      if (layer.onChange !== undefined) throw new Error('a layer is already indexed');
      layer.onChange = mark;
      layer.onRowsMoved = moved;
    }
  }

  /** Brings the index up to date with the sheet. */
  private refresh(): void {
    if (this.stale) {
      this.stale = false;
      this.dirty.clear();
      this.texts = [];
      this.formulaColumns.clear();
      this.whole.clear();
      this.parts.clear();
      this.shapes.clear();
      const n = Math.max(this.sheet.values.rows.length, this.sheet.formulas.rows.length);
      for (let r = 0; r < n; r++) this.indexRow(r);
      return;
    }
    if (this.dirty.size === 0) return;
    for (const r of this.dirty) {
      this.unindexRow(r);
      this.indexRow(r);
    }
    this.dirty.clear();
  }

  private indexRow(r: number): void {
    const values = this.sheet.values.rows[r];
    const formulas = this.sheet.formulas.rows[r];
    if (values === undefined && formulas === undefined) return;
    const formats = this.sheet.formats.rows[r];
    const width = Math.max(values?.length ?? 0, formulas?.length ?? 0);
    const texts: string[] = new Array(width).fill('');
    let withFormula: number[] | undefined;
    let any = false;
    for (let c = 0; c < width; c++) {
      if (formulas !== undefined && formulas[c] !== undefined) {
        if (withFormula === undefined) withFormula = [];
        withFormula.push(c);
        continue;
      }
      const v = values === undefined ? undefined : values[c];
      if (v === undefined || v === '') continue;
      // A plain string shows as itself (format.ts formatValue): the common case, unformatted.
      const format = formats === undefined ? undefined : formats[c];
      const text =
        typeof v === 'string' && (format === undefined || format === '@')
          ? v
          : this.sheet.displayText(r, c);
      if (text === '') continue;
      texts[c] = text;
      any = true;
      const position = r * COLUMNS + c;
      const key = textKey(text);
      if (add(this.whole, key, position)) this.shaped(key, true);
      const parts = tokenKeys(text);
      if (parts !== null) for (const k of parts) add(this.parts, k, position);
    }
    if (any) this.texts[r] = texts;
    if (withFormula !== undefined) this.formulaColumns.set(r, withFormula);
  }

  private unindexRow(r: number): void {
    const texts = this.texts[r];
    this.formulaColumns.delete(r);
    if (texts === undefined) return;
    this.texts[r] = undefined;
    for (let c = 0; c < texts.length; c++) {
      const text = texts[c];
      if (text === '') continue;
      const position = r * COLUMNS + c;
      const key = textKey(text);
      if (remove(this.whole, key, position)) this.shaped(key, false);
      const parts = tokenKeys(text);
      if (parts !== null) for (const k of parts) remove(this.parts, k, position);
    }
  }

  /** Adds a key new in `whole` to its shape, or removes one gone from it. */
  private shaped(key: string, added: boolean): void {
    const runs = key.match(/[0-9]+/g);
    if (runs === null) return;
    const shape = shapeKey(key);
    if (!added) {
      const keys = this.shapes.get(shape);
      keys?.delete(key);
      if (keys?.size === 0) this.shapes.delete(shape);
      return;
    }
    for (const run of runs) this.longestRun = Math.max(this.longestRun, run.length);
    let keys = this.shapes.get(shape);
    if (keys === undefined) {
      keys = new Map();
      this.shapes.set(shape, keys);
    }
    // A run longer than a double holds exactly is never left out by its value.
    keys.set(key, runs.length === 1 && runs[0].length <= 15 ? Number(runs[0]) : Number.NaN);
  }

  /** The keys of one item of a plan's shapes (see regex-keys.ts shapesOf). */
  private keysOfShape(item: string, take: (key: string) => void): void {
    const [pattern, low, high] = item.split('\u0000');
    const min = Number(low);
    const max = Number(high);
    // Each '#n+' is every length from n to the longest run indexed.
    let shapes = [''];
    for (const part of pattern.split(/(#\d+\+)/)) {
      const open = /^#(\d+)\+$/.exec(part);
      const options: string[] = [];
      if (open === null) options.push(part);
      else for (let n = Number(open[1]); n <= this.longestRun; n++) options.push(`#${n}`);
      shapes = shapes.flatMap((s) => options.map((o) => s + o));
    }
    for (const shape of shapes) {
      if (!shape.includes('#')) {
        take(shape);
        continue;
      }
      const keys = this.shapes.get(shape);
      if (keys === undefined) continue;
      for (const [key, value] of keys) {
        if (Number.isNaN(value) || (value >= min && value <= max)) take(key);
      }
    }
  }

  /** The displayed text of a cell ('' when empty). */
  text(r: number, c: number): string {
    this.refresh();
    if (this.formulaColumns.get(r)?.includes(c)) return this.sheet.displayText(r, c);
    return this.texts[r]?.[c] ?? '';
  }

  /** Rows (0-based) that may hold content, in order. */
  rowCount(): number {
    this.refresh();
    let n = this.texts.length;
    for (const r of this.formulaColumns.keys()) n = Math.max(n, r + 1);
    return n;
  }

  /** Columns past the last that may hold content in row r. */
  rowWidth(r: number): number {
    this.refresh();
    const formulas = this.formulaColumns.get(r);
    return Math.max(this.texts[r]?.length ?? 0, formulas ? formulas[formulas.length - 1] + 1 : 0);
  }

  /**
   * The positions (row × COLUMNS + column, ascending) of the cells a pattern with this plan can
   * match: those whose key (or a part's key) is in the plan, and every cell with a formula.
   */
  candidates(plan: KeyPlan): number[] {
    this.refresh();
    const out: number[] = [];
    const take = (set: Set<number> | undefined) => {
      if (set !== undefined) for (const p of set) out.push(p);
    };
    for (const k of plan.whole) take(this.whole.get(k));
    for (const item of plan.shapes) this.keysOfShape(item, (k) => take(this.whole.get(k)));
    for (const k of plan.part) {
      take(this.whole.get(k));
      take(this.parts.get(k));
    }
    for (const [r, columns] of this.formulaColumns)
      for (const c of columns) out.push(r * COLUMNS + c);
    out.sort((a, b) => a - b);
    let n = 0;
    for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i];
    out.length = n;
    return out;
  }
}

/** Adds a position under a key; true when the key is new. */
function add(map: Map<string, Set<number>>, key: string, position: number): boolean {
  const set = map.get(key);
  if (set !== undefined) {
    set.add(position);
    return false;
  }
  map.set(key, new Set([position]));
  return true;
}

/** Removes a position from a key; true when the key is left with none. */
function remove(map: Map<string, Set<number>>, key: string, position: number): boolean {
  const set = map.get(key);
  if (set === undefined) return false;
  set.delete(position);
  if (set.size > 0) return false;
  map.delete(key);
  return true;
}
