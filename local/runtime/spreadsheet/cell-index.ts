// The TextFinder's index of one sheet: the text each cell displays, and the cells by the key of
// that text (regex-keys.ts), kept up to date on writes: the value, formula and number-format
// layers tell it which rows changed (Layer.onChange) and those rows are indexed again before the
// next search; moving rows with content or any columns, or clearing a layer, has the whole sheet
// indexed again.
// A search then tests its pattern on the cells whose key it can match instead of formatting and
// testing every cell of the spreadsheet (issue #15: every submission searches): on each distinct
// text those cells show, once (the cells are filed by text, the texts by key; a text's keys are
// worked out when its first cell in the sheet is indexed). Cells holding a
// formula display what their formula computes now, which depends on other cells: they are never
// indexed and every search tests them.
import { type KeyPlan, textKey, tokenKeys } from './regex-keys';

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

/**
 * Positions are encoded as row × stride + column, the stride being a power of two wider than any
 * row indexed (CellIndex.stride; at least MIN_STRIDE): small enough for V8 to keep them as small
 * integers (Smis, up to 2^30) in the position lists, not as boxed numbers, for a sheet of a
 * million rows of 32 columns or 32,768 rows of 18,278 (a sheet's most) alike.
 */
const MIN_STRIDE = 32;

export class CellIndex {
  /** Per row, the displayed text of each cell without a formula ('' when empty). */
  private texts: (string[] | undefined)[] = [];
  /** Per row with formulas, their columns. */
  private formulaColumns = new Map<number, number[]>();
  /**
   * Positions by displayed text: one position as a number, more as a list. A search tests each
   * distinct text its keys lead to once and takes all of its cells (a member's ID shows the same
   * text in every row that names them), without reading the cells' rows from memory one by one.
   */
  private byText = new Map<string, Positions>();
  /** The distinct texts (in byText) by key: one text as itself (most keys), more as a list. */
  private whole = new Map<string, Texts>();
  /**
   * The parts' keys of the texts with separators, by key: those with a digit, and the others too
   * once a search has asked for one (KeyHolders.allParts); each with the texts holding it.
   */
  private parts = new Map<string, Texts>();
  /** The keys with digits in `whole`, by shape (shapeKey), each with the value of its digits. */
  private shapes = new Map<string, Shape>();
  /** The longest run of digits of any key indexed (never lowered). */
  private longestRun = 0;
  private dirty = new Set<number>();
  private stale = true;
  /** Positions are row × stride + column (see MIN_STRIDE). */
  stride = MIN_STRIDE;

  constructor(
    private readonly sheet: IndexedCells,
    /** Which sheets of the spreadsheet hold each key (shared by its sheets' indexes). */
    readonly holders: KeyHolders = new KeyHolders(),
  ) {
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
    holders.indexes.add(this);
  }

  /** Has the whole sheet indexed again at the next search. */
  invalidate(): void {
    this.stale = true;
  }

  /** Brings the index (and what the holders know of it) up to date with the sheet. */
  update(): void {
    this.refresh();
  }

  /** Brings the index up to date with the sheet. */
  private refresh(): void {
    // A row written wider than the stride: every position is encoded again.
    if (!this.stale)
      for (const r of this.dirty)
        if (this.width(r) > this.stride) {
          this.stale = true;
          break;
        }
    if (this.stale) {
      this.stale = false;
      this.dirty.clear();
      this.texts = [];
      this.formulaColumns.clear();
      this.byText.clear();
      for (const k of this.whole.keys()) this.holders.whole.remove(k, this);
      for (const k of this.parts.keys()) this.holders.parts.remove(k, this);
      this.whole.clear();
      this.parts.clear();
      this.shapes.clear();
      const n = Math.max(this.sheet.values.rows.length, this.sheet.formulas.rows.length);
      let widest = 0;
      for (let r = 0; r < n; r++) widest = Math.max(widest, this.width(r));
      this.stride = MIN_STRIDE;
      while (this.stride < widest) this.stride *= 2;
      for (let r = 0; r < n; r++) this.indexRow(r);
      return;
    }
    if (this.dirty.size === 0) return;
    for (const r of this.dirty) this.indexRow(r);
    this.dirty.clear();
  }

  /** Columns past the last with a value or formula in row r (as the layers hold them). */
  private width(r: number): number {
    return Math.max(
      this.sheet.values.rows[r]?.length ?? 0,
      this.sheet.formulas.rows[r]?.length ?? 0,
    );
  }

  /**
   * Indexes row r again: works out the text of each of its cells and changes the keys of those
   * cells whose text changed (a row written again usually changes a few of its cells).
   */
  private indexRow(r: number): void {
    const old = this.texts[r];
    this.formulaColumns.delete(r);
    const values = this.sheet.values.rows[r];
    const formulas = this.sheet.formulas.rows[r];
    let texts: string[] | undefined;
    let withFormula: number[] | undefined;
    let any = false;
    if (values !== undefined || formulas !== undefined) {
      const formats = this.sheet.formats.rows[r];
      const width = Math.max(values?.length ?? 0, formulas?.length ?? 0);
      texts = new Array(width).fill('');
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
      }
    }
    const width = Math.max(old?.length ?? 0, texts?.length ?? 0);
    for (let c = 0; c < width; c++) {
      const before = old === undefined ? '' : (old[c] ?? '');
      const after = texts === undefined ? '' : (texts[c] ?? '');
      if (before === after) continue;
      const position = r * this.stride + c;
      if (before !== '') this.unindexCell(before, position);
      if (after !== '') this.indexCell(after, position);
    }
    this.texts[r] = any ? texts : undefined;
    if (withFormula !== undefined) this.formulaColumns.set(r, withFormula);
  }

  private indexCell(text: string, position: number): void {
    // A text already shown by another cell of the sheet: its keys are filed already.
    if (!add(this.byText, text, position)) return;
    const { key, digits, parts, digitParts } = keysOfText(text);
    if (addText(this.whole, key, text)) {
      if (digits) this.shaped(key, true);
      this.holders.whole.add(key, this);
    }
    // A part's key has a digit only if the whole key has one (each run of digits keeps one).
    const list = this.holders.allParts ? parts : digits ? digitParts : null;
    if (list !== null)
      for (let i = 0; i < list.length; i++)
        if (addText(this.parts, list[i], text)) this.holders.parts.add(list[i], this);
  }

  private unindexCell(text: string, position: number): void {
    // Another cell of the sheet still shows the text: its keys stay.
    if (!remove(this.byText, text, position)) return;
    const { key, digits, parts, digitParts } = keysOfText(text);
    if (removeText(this.whole, key, text)) {
      if (digits) this.shaped(key, false);
      this.holders.whole.remove(key, this);
    }
    const list = this.holders.allParts ? parts : digits ? digitParts : null;
    if (list !== null)
      for (let i = 0; i < list.length; i++)
        if (removeText(this.parts, list[i], text)) this.holders.parts.remove(list[i], this);
  }

  /** Adds a key new in `whole` to its shape, or removes one gone from it. */
  private shaped(key: string, added: boolean): void {
    const { shape, runs, longest, value } = shapeOf(key);
    if (runs === 0) return;
    if (!added) {
      const keys = this.shapes.get(shape);
      if (keys === undefined) return;
      const value = keys.keys.get(key);
      keys.keys.delete(key);
      if (keys.keys.size === 0) this.shapes.delete(shape);
      else if (keys.byValue !== undefined && value !== undefined) unsort(keys.byValue, key, value);
      return;
    }
    this.longestRun = Math.max(this.longestRun, longest);
    let keys = this.shapes.get(shape);
    if (keys === undefined) {
      keys = { keys: new Map(), low: Infinity, high: -Infinity, unvalued: false };
      this.shapes.set(shape, keys);
    }
    keys.keys.set(key, value);
    if (keys.byValue !== undefined) sort(keys.byValue, key, value);
    if (Number.isNaN(value)) keys.unvalued = true;
    else {
      keys.low = Math.min(keys.low, value);
      keys.high = Math.max(keys.high, value);
    }
  }

  /** The keys of one item of a plan's shapes (see regex-keys.ts shapesOf). */
  private keysOfShape(item: string, out: string[]): void {
    const { parts, min, max } = parsedItem(item);
    // Each '#n+' is every length from n to the longest run indexed.
    let shapes = [''];
    for (const part of parts) {
      const options: string[] = [];
      if (typeof part === 'string') options.push(part);
      else for (let n = part; n <= this.longestRun; n++) options.push(`#${n}`);
      shapes = shapes.flatMap((s) => options.map((o) => s + o));
    }
    for (const shape of shapes) {
      if (!shape.includes('#')) {
        out.push(shape);
        continue;
      }
      const keys = this.shapes.get(shape);
      if (keys === undefined) continue;
      // No key of the shape has a value in range (its bounds are never narrowed on removal).
      if (!keys.unvalued && (keys.high < min || keys.low > max)) continue;
      inRange(keys, min, max, out);
    }
  }

  /** The displayed text of a cell ('' when empty). */
  text(r: number, c: number): string {
    this.refresh();
    if (this.formulaColumns.get(r)?.includes(c)) return this.sheet.displayText(r, c);
    return this.texts[r]?.[c] ?? '';
  }

  /**
   * The positions (row × stride + column) of the cells without a formula showing `text`, a text
   * `keyedTexts` gave (it brought the index up to date): the finder's hot loop.
   */
  positionsOf(text: string): Positions | undefined {
    return this.byText.get(text);
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
   * The positions (row × stride + column, ascending) of the cells a pattern with this plan can
   * match: those whose key (or a part's key) is in the plan, and every cell with a formula.
   */
  candidates(plan: KeyPlan): number[] {
    const out: number[] = [];
    this.keyed(keyList(plan), out);
    for (const p of this.formulaPositions()) out.push(p);
    out.sort((a, b) => a - b);
    let n = 0;
    for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i];
    out.length = n;
    return out;
  }

  /**
   * Adds to `out` the position of every cell without a formula whose key (or a part's key) is in
   * the plan, in no particular order and possibly more than once.
   */
  keyed(plan: KeyList, out: number[]): void {
    const texts: string[] = [];
    this.keyedTexts(plan, texts);
    for (const text of texts) collect(this.byText.get(text), out);
  }

  /**
   * Adds to `out` every distinct text shown by a cell without a formula whose key (or a part's
   * key) is in the plan, in no particular order and possibly more than once (positionsOf gives
   * their cells).
   */
  keyedTexts(plan: KeyList, out: string[]): void {
    this.holders.needParts(plan.part);
    this.refresh();
    for (const k of plan.whole) collectTexts(this.whole.get(k), out);
    for (const group of plan.groups) {
      // A shape none of whose keys here has a value in the group's range holds none of them
      // (the bounds are never narrowed on removal); else the fewer of the two is gone through.
      const shape = this.shapes.get(group.shape);
      if (shape === undefined) continue;
      if (!shape.unvalued && (shape.high < group.low || shape.low > group.high)) continue;
      if (group.keys.length <= SORTED_FROM || group.keys.length <= shape.keys.size / 16)
        for (const k of group.keys) collectTexts(this.whole.get(k), out);
      else {
        // The keys of the shape in the group's range, those of the group among them.
        const keys: string[] = [];
        inRange(shape, group.low, group.high, keys);
        for (const k of keys) if (group.set.has(k)) collectTexts(this.whole.get(k), out);
      }
    }
    if (plan.shapes.length > 0) {
      const keys: string[] = [];
      for (const item of plan.shapes) this.keysOfShape(item, keys);
      for (const k of keys) collectTexts(this.whole.get(k), out);
    }
    for (const k of plan.part) {
      collectTexts(this.whole.get(k), out);
      collectTexts(this.parts.get(k), out);
    }
  }

  /** Whether a cell of the sheet has a formula (up to date: after update). */
  hasFormulas(): boolean {
    return this.formulaColumns.size > 0;
  }

  /** The positions of the cells with a formula (every search tests them). */
  formulaPositions(): number[] {
    this.refresh();
    const out: number[] = [];
    for (const [r, columns] of this.formulaColumns)
      for (const c of columns) out.push(r * this.stride + c);
    return out;
  }
}

/** The keys of one shape, with the least and greatest value any of them had. */
interface Shape {
  keys: Map<string, number>;
  low: number;
  high: number;
  /** Whether a key without a value (NaN) was ever added. */
  unvalued: boolean;
  /**
   * The keys in order of value, made when a search first asks for a range of a shape with many
   * keys, then kept up to date (IDs above a number, at every registration: a range of the member
   * IDs' shape, whose keys grow with the members, is found without going through them all).
   */
  byValue?: ByValue;
}

interface ByValue {
  /** Keys with a value, ascending by value, and those values. */
  keys: string[];
  values: number[];
  /** Keys without a value (always in range). */
  unvalued: Set<string>;
}

/** Shapes with more keys than this are searched by value in order (ByValue). */
const SORTED_FROM = 32;

/** Adds to `out` the keys of a shape without a value or with a value in [min, max]. */
function inRange(shape: Shape, min: number, max: number, out: string[]): void {
  if (shape.keys.size <= SORTED_FROM) {
    for (const [key, value] of shape.keys)
      if (Number.isNaN(value) || (value >= min && value <= max)) out.push(key);
    return;
  }
  if (shape.byValue === undefined) {
    const valued = [...shape.keys].filter(([, v]) => !Number.isNaN(v)).sort((a, b) => a[1] - b[1]);
    shape.byValue = {
      keys: valued.map(([k]) => k),
      values: valued.map(([, v]) => v),
      unvalued: new Set([...shape.keys].filter(([, v]) => Number.isNaN(v)).map(([k]) => k)),
    };
  }
  const { keys, values, unvalued } = shape.byValue;
  for (const key of unvalued) out.push(key);
  for (let i = firstAtLeast(values, min); i < values.length && values[i] <= max; i++)
    out.push(keys[i]);
}

/** The first index of an ascending list whose value is at least `min` (the length if none). */
function firstAtLeast(values: readonly number[], min: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < min) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sort(byValue: ByValue, key: string, value: number): void {
  if (Number.isNaN(value)) {
    byValue.unvalued.add(key);
    return;
  }
  const at = firstAtLeast(byValue.values, value);
  byValue.keys.splice(at, 0, key);
  byValue.values.splice(at, 0, value);
}

function unsort(byValue: ByValue, key: string, value: number): void {
  if (Number.isNaN(value)) {
    byValue.unvalued.delete(key);
    return;
  }
  for (let i = firstAtLeast(byValue.values, value); byValue.values[i] === value; i++)
    if (byValue.keys[i] === key) {
      byValue.keys.splice(i, 1);
      byValue.values.splice(i, 1);
      return;
    }
}

const ITEMS = new Map<string, { parts: (string | number)[]; min: number; max: number }>();

/** A plan's shape item: its parts ('#n+' as the number n) and its range of values. */
function parsedItem(item: string): { parts: (string | number)[]; min: number; max: number } {
  let parsed = ITEMS.get(item);
  if (parsed === undefined) {
    const [pattern, low, high] = item.split('\u0000');
    const parts: (string | number)[] = [];
    for (const part of pattern.split(/(#\d+\+)/)) {
      const open = /^#(\d+)\+$/.exec(part);
      parts.push(open === null ? part : Number(open[1]));
    }
    parsed = { parts, min: Number(low), max: Number(high) };
    if (ITEMS.size > 10_000) ITEMS.clear();
    ITEMS.set(item, parsed);
  }
  return parsed;
}

/** For each key, the indexes that hold it (one as itself, more as a Set). */
class HolderMap {
  private readonly map = new Map<string, CellIndex | Set<CellIndex>>();

  add(key: string, index: CellIndex): void {
    const held = this.map.get(key);
    if (held === undefined) this.map.set(key, index);
    else if (held instanceof Set) held.add(index);
    else if (held !== index) this.map.set(key, new Set([held, index]));
  }

  remove(key: string, index: CellIndex): void {
    const held = this.map.get(key);
    if (held === index) this.map.delete(key);
    else if (held instanceof Set) {
      held.delete(index);
      if (held.size === 0) this.map.delete(key);
    }
  }

  /** Adds the indexes holding `key` to `out`. */
  collect(key: string, out: Set<CellIndex>): void {
    const held = this.map.get(key);
    if (held === undefined) return;
    if (held instanceof Set) for (const index of held) out.add(index);
    else out.add(held);
  }
}

/**
 * The sheets of one spreadsheet that hold each key, as a whole text's key or a part's: a search
 * goes to the sheets that may have what it looks for, not through every sheet's index.
 */
export class KeyHolders {
  readonly whole = new HolderMap();
  readonly parts = new HolderMap();
  /** The indexes of the spreadsheet's sheets. */
  readonly indexes = new Set<CellIndex>();
  /**
   * Whether parts' keys without a digit are indexed too. Until a search asks for one, only parts
   * with a digit are (what a list of IDs holds: an entry of a list is looked up by its ID); the
   * words of names and free text, most of the parts, are not kept for nothing.
   */
  allParts = false;

  /**
   * Before the parts' keys of a plan are looked up: when one has no digit and such parts are not
   * indexed yet, every sheet is indexed again with them (then kept up to date like the others).
   */
  needParts(keys: readonly string[]): void {
    if (this.allParts) return;
    for (const k of keys)
      if (!hasDigit(k)) {
        this.allParts = true;
        for (const index of this.indexes) index.invalidate();
        return;
      }
  }

  /**
   * The indexes whose cells may have a key of the plan (every index is to be asked when the
   * plan has shapes: null).
   */
  of(plan: KeyList): Set<CellIndex> | null {
    if (plan.shapes.length > 0) return null;
    // Parts without a digit not indexed yet (needParts not called): every index is asked.
    if (!this.allParts && plan.part.some((k) => !hasDigit(k))) return null;
    const out = new Set<CellIndex>();
    for (const k of plan.whole) this.whole.collect(k, out);
    for (const group of plan.groups) for (const k of group.keys) this.whole.collect(k, out);
    for (const k of plan.part) {
      this.whole.collect(k, out);
      this.parts.collect(k, out);
    }
    return out;
  }
}

/**
 * A key plan as lists (quicker to go through than sets, for the many sheets searched). A plan
 * with many whole keys of one shape (IDs above a number: every ID up to the next power of ten)
 * keeps them as a group of that shape, with the least and greatest value of their digits: a sheet
 * whose keys of that shape are all out of range, or that has none, is not asked for each key.
 */
export interface KeyList {
  whole: readonly string[];
  groups: readonly KeyGroup[];
  part: readonly string[];
  shapes: readonly string[];
}

/** Whole keys of one shape (shapeKey), with the range of their values (±Infinity: unknown). */
export interface KeyGroup {
  shape: string;
  keys: readonly string[];
  set: ReadonlySet<string>;
  low: number;
  high: number;
}

/** Whole keys of one shape are kept as a group from this many on. */
const GROUP_FROM = 16;

export function keyList(plan: KeyPlan): KeyList {
  const whole: string[] = [];
  const groups: KeyGroup[] = [];
  if (plan.whole.size < GROUP_FROM) whole.push(...plan.whole);
  else {
    const byShape = new Map<string, string[]>();
    for (const k of plan.whole) {
      if (!/[0-9]/.test(k)) {
        whole.push(k);
        continue;
      }
      const shape = shapeOf(k).shape;
      const keys = byShape.get(shape);
      if (keys === undefined) byShape.set(shape, [k]);
      else keys.push(k);
    }
    for (const [shape, keys] of byShape) {
      if (keys.length < GROUP_FROM) {
        whole.push(...keys);
        continue;
      }
      let low = Infinity;
      let high = -Infinity;
      for (const k of keys) {
        const value = keyValue(k);
        if (Number.isNaN(value)) {
          low = -Infinity;
          high = Infinity;
          break;
        }
        low = Math.min(low, value);
        high = Math.max(high, value);
      }
      groups.push({ shape, keys, set: new Set(keys), low, high });
    }
  }
  return { whole, groups, part: [...plan.part], shapes: [...plan.shapes] };
}

/** The value of a key's digits as `shaped` records it: NaN unless one run of at most 15. */
function keyValue(key: string): number {
  return shapeOf(key).value;
}

/**
 * In one pass over a key: its shape (shapeKey: each run of digits as '#' and its length), how
 * many runs of digits it has and the longest, and the value of its digits when it has one run
 * (NaN with more, or with a run longer than a double holds exactly: never left out by value).
 */
export function shapeOf(key: string): {
  shape: string;
  runs: number;
  longest: number;
  value: number;
} {
  let shape = '';
  let runs = 0;
  let longest = 0;
  let run = 0;
  let start = 0;
  let from = 0;
  for (let i = 0; i <= key.length; i++) {
    const code = i < key.length ? key.charCodeAt(i) : -1;
    if (code >= 0x30 && code <= 0x39) {
      if (run === 0) start = i;
      run++;
      continue;
    }
    if (run === 0) continue;
    shape += `${key.slice(from, start)}#${run}`;
    from = i;
    runs++;
    if (run > longest) longest = run;
    run = 0;
  }
  if (runs === 0) return { shape: key, runs, longest, value: Number.NaN };
  shape += key.slice(from);
  const value =
    runs === 1 && longest <= 15 ? Number(key.slice(start, start + longest)) : Number.NaN;
  return { shape, runs, longest, value };
}

/**
 * The positions of the cells showing one text: one as itself, more as a list in no particular
 * order. A list of small integers takes 4 bytes a position and a push to grow (a Set took several
 * times that, and a boxed number for each position past 2^30); a text never holds a position
 * twice (a cell is unindexed before it is indexed again), and a position is removed only when
 * its cell changes.
 */
export type Positions = number | number[];

/**
 * The distinct texts of one key: one as itself (most keys), more as a list in no particular
 * order (a text is filed under a key once: it is added when its first cell is indexed and
 * removed when its last cell is).
 */
type Texts = string | string[];

function collectTexts(texts: Texts | undefined, out: string[]): void {
  if (texts === undefined) return;
  if (typeof texts === 'string') out.push(texts);
  else for (let i = 0; i < texts.length; i++) out.push(texts[i]);
}

/** Files a text under a key; true when the key is new. */
function addText(map: Map<string, Texts>, key: string, text: string): boolean {
  const texts = map.get(key);
  if (texts === undefined) {
    map.set(key, text);
    return true;
  }
  // Never the same text twice: a text is filed when its first cell is indexed (a text's parts'
  // keys are distinct: tokenKeys) and removed with its last.
  if (typeof texts === 'string') map.set(key, [texts, text]);
  else texts.push(text);
  return false;
}

/** Removes a text from a key; true when the key is left with none. */
function removeText(map: Map<string, Texts>, key: string, text: string): boolean {
  const texts = map.get(key);
  if (texts === undefined) return false;
  if (typeof texts === 'string') {
    if (texts !== text) return false;
  } else {
    const at = texts.indexOf(text);
    if (at === -1) return false;
    const last = texts.pop() as string;
    if (at < texts.length) texts[at] = last;
    if (texts.length > 0) return false;
  }
  map.delete(key);
  return true;
}

/** Whether a key has a digit (keys hold ASCII digits only: textKey). */
function hasDigit(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) return true;
  }
  return false;
}

function collect(positions: Positions | undefined, out: number[]): void {
  if (positions === undefined) return;
  if (typeof positions === 'number') out.push(positions);
  else for (let i = 0; i < positions.length; i++) out.push(positions[i]);
}

/** Adds a position under a key; true when the key is new. */
function add(map: Map<string, Positions>, key: string, position: number): boolean {
  const positions = map.get(key);
  if (positions === undefined) {
    map.set(key, position);
    return true;
  }
  if (typeof positions === 'number') {
    if (positions !== position) map.set(key, [positions, position]);
  } else positions.push(position);
  return false;
}

/** Removes a position from a key; true when the key is left with none. */
function remove(map: Map<string, Positions>, key: string, position: number): boolean {
  const positions = map.get(key);
  if (positions === undefined) return false;
  if (typeof positions === 'number') {
    if (positions !== position) return false;
  } else {
    // Cells written again are mostly recent ones, near the end of the list.
    const at = positions.lastIndexOf(position);
    if (at === -1) return false;
    const last = positions.pop() as number;
    if (at < positions.length) positions[at] = last;
    if (positions.length > 0) return false;
  }
  map.delete(key);
  return true;
}

/** A text's keys as the index files it: its whole key, and its parts' keys (tokenKeys). */
export interface TextKeys {
  key: string;
  /** Whether the whole key has a digit. */
  digits: boolean;
  /** Every part's key, distinct (null: the text has no separator). */
  parts: string[] | null;
  /** Those of the parts' keys with a digit (null: none, or no separator). */
  digitParts: string[] | null;
}

// A text's keys are worked out once and kept, those of texts seen lately (two generations of up
// to TEXT_GENERATION: one seen again moves to the newer): most cells written show a text shown
// before (a status, a member's ID, a month, an amount), and a key kept is the same string each
// time, whose hash V8 keeps (a key built again is a new string, hashed again at each lookup).
const TEXT_GENERATION = 50_000;
let recentTexts = new Map<string, TextKeys>();
let olderTexts = new Map<string, TextKeys>();

/** The keys of a text (textKey, tokenKeys), worked out once for texts seen lately. */
export function keysOfText(text: string): TextKeys {
  let known = recentTexts.get(text);
  if (known !== undefined) return known;
  known = olderTexts.get(text);
  if (known === undefined) {
    const key = textKey(text);
    const digits = hasDigit(key);
    const parts = tokenKeys(text);
    let digitParts: string[] | null = null;
    if (parts !== null && digits) {
      digitParts = parts.filter(hasDigit);
      if (digitParts.length === 0) digitParts = null;
    }
    known = { key, digits, parts, digitParts };
  }
  if (recentTexts.size >= TEXT_GENERATION) {
    olderTexts = recentTexts;
    recentTexts = new Map();
  }
  recentTexts.set(text, known);
  return known;
}
