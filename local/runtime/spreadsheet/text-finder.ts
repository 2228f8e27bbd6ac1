// TextFinder of the local SpreadsheetApp: Spreadsheet.createTextFinder, Sheet.createTextFinder
// and Range.createTextFinder search the cells of all sheets, one sheet or one range.
//
// Behaviour, as the reference states it ("Class TextFinder",
// https://developers.google.com/apps-script/reference/spreadsheet/text-finder):
// - matchCase(false) by default: "the search defaults to case-insensitive matching";
// - matchEntireCell(false) by default: "the search defaults to partial matching";
// - matchFormulaText(false) by default: "cells containing a formula are considered based on their
//   displayed value" (so every cell is searched by the text it displays);
// - useRegularExpression(true): "interprets the search string as a regular expression";
//   Google's engine is RE2, modelled with a JavaScript RegExp (the 'u' flag; callers that must
//   behave the same on both keep to the syntax the two share);
// - ignoreDiacritics(true): "ignore diacritics while matching";
// - findAll returns every matching cell as a one-cell Range, row by row (left to right) and sheet
//   by sheet in tab order; findNext/findPrevious walk the same order from startFrom's range (or
//   the current match) and return null when there is none; getCurrentMatch is the last found.
// Empty cells never match. replaceWith/replaceAllWith are not modelled (nothing here uses them):
// calling them fails loudly rather than pretending.
//
// Speed (issue #15: every submission searches the spreadsheet): each sheet keeps an index of
// the texts its cells display, by key, up to date on writes (cell-index.ts). A regular
// expression anchored to the whole cell is tested only on the cells whose key it can match
// (regex-keys.ts works out those keys from its syntax); any other search tests every cell's
// indexed text. Either way the pattern decides each match as before, in the same order.
//
// Counting: every method is a Spreadsheet call, like every other method of the service (the
// configuring ones cost nothing in the bench's latency model, as getRange; findAll and its
// relatives are one round trip each: README "Benchmark", both estimates). No cell value crosses
// the wire: the found ranges carry only their position, so no cells are counted as read.

import { CellIndex, type IndexedCells, KeyHolders, type KeyList, keyList } from './cell-index';
import { keyPlan, textKey } from './regex-keys';

export interface SearchableSheet<R> {
  /** The sheet's index of displayed texts (absent: every cell is formatted and tested). */
  index?: CellIndex;
  /** Rows (0-based) that may hold content, in order. */
  contentRows(): Iterable<number>;
  /** Columns (0-based) past the last that may hold content in this row. */
  rowWidth(row: number): number;
  displayText(row: number, column: number): string;
  formulaText(row: number, column: number): string | undefined;
  makeRange(row: number, column: number, numRows: number, numColumns: number): R;
}

/** Where a finder searches: one area per sheet, 1-based and inclusive of its first cell. */
export interface SearchArea<R> {
  sheet: SearchableSheet<R>;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

interface RangeLike {
  getRow(): number;
  getColumn(): number;
  getSheet(): unknown;
}

/** What a local sheet offers the finder (its value and formula layers, display text, ranges). */
export interface SheetCells<R> {
  readonly values: IndexedCells['values'];
  readonly formulas: IndexedCells['formulas'];
  readonly formats: IndexedCells['formats'];
  displayText(row: number, column: number): string;
  makeRange(row: number, column: number, numRows: number, numColumns: number): R;
  /** The spreadsheet (no call counted): its sheets' indexes share one KeyHolders. */
  getParent(): object;
}

const SEARCHABLE = new WeakMap<object, SearchableSheet<unknown>>();
const HOLDERS = new WeakMap<object, KeyHolders>();

/** The finder's view of a local sheet: only rows and cells that hold a value or a formula. */
export function searchable<R>(sheet: SheetCells<R>): SearchableSheet<R> {
  let view = SEARCHABLE.get(sheet) as SearchableSheet<R> | undefined;
  if (view) return view;
  let holders = HOLDERS.get(sheet.getParent());
  if (holders === undefined) {
    holders = new KeyHolders();
    HOLDERS.set(sheet.getParent(), holders);
  }
  const index = new CellIndex(sheet, holders);
  view = {
    index,
    *contentRows() {
      const n = Math.max(sheet.values.rows.length, sheet.formulas.rows.length);
      for (let r = 0; r < n; r++)
        if (sheet.values.rows[r] !== undefined || sheet.formulas.rows[r] !== undefined) yield r;
    },
    rowWidth: (r) =>
      Math.max(sheet.values.rows[r]?.length ?? 0, sheet.formulas.rows[r]?.length ?? 0),
    // A plain string shows as itself (format.ts formatValue): the common case, without formatting.
    displayText: (r, c) => {
      if (sheet.formulas.rows[r]?.[c] === undefined) {
        const v = sheet.values.rows[r]?.[c];
        if (v === undefined || v === '') return '';
        if (typeof v === 'string') {
          const format = sheet.formats.rows[r]?.[c];
          if (format === undefined || format === '@') return v;
        }
      }
      return sheet.displayText(r, c);
    },
    formulaText: (r, c) => {
      const f = sheet.formulas.rows[r]?.[c];
      return typeof f === 'string' ? f : undefined;
    },
    makeRange: (row, column, numRows, numColumns) =>
      sheet.makeRange(row, column, numRows, numColumns),
  };
  SEARCHABLE.set(sheet, view as SearchableSheet<unknown>);
  return view;
}

function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

export class LocalTextFinder<R extends RangeLike> {
  private caseSensitive = false;
  private entireCell = false;
  private regex = false;
  private noDiacritics = false;
  private formulaTextToo = false;
  private start: R | null = null;
  private current: R | null = null;

  constructor(
    private readonly call: (method: string) => void,
    private readonly areas: readonly SearchArea<R>[],
    private readonly findText: string,
    /** The sheet object of a found range (to order matches by sheet). */
    private readonly sheetOf: (range: R) => SearchableSheet<R>,
  ) {
    if (String(findText) === '') {
      // Error text: unverified (the reference says only that the text must not be empty).
      throw new Error('Exception: The text to find cannot be empty.');
    }
  }

  matchCase(matchCase: boolean): this {
    this.call('matchCase');
    this.caseSensitive = !!matchCase;
    return this;
  }

  matchEntireCell(matchEntireCell: boolean): this {
    this.call('matchEntireCell');
    this.entireCell = !!matchEntireCell;
    return this;
  }

  useRegularExpression(useRegEx: boolean): this {
    this.call('useRegularExpression');
    this.regex = !!useRegEx;
    return this;
  }

  ignoreDiacritics(ignore: boolean): this {
    this.call('ignoreDiacritics');
    this.noDiacritics = !!ignore;
    return this;
  }

  matchFormulaText(matchFormulaText: boolean): this {
    this.call('matchFormulaText');
    this.formulaTextToo = !!matchFormulaText;
    return this;
  }

  startFrom(startRange: R): this {
    this.call('startFrom');
    this.start = startRange;
    return this;
  }

  findAll(): R[] {
    this.call('findAll');
    const all = this.matches();
    this.current = all.length > 0 ? all[all.length - 1] : null;
    return all;
  }

  findNext(): R | null {
    this.call('findNext');
    return this.step(1);
  }

  findPrevious(): R | null {
    this.call('findPrevious');
    return this.step(-1);
  }

  getCurrentMatch(): R | null {
    this.call('getCurrentMatch');
    return this.current;
  }

  replaceWith(_text: string): number {
    this.call('replaceWith');
    throw new Error('TextFinder.replaceWith is not modelled by the local runtime');
  }

  replaceAllWith(_text: string): number {
    this.call('replaceAllWith');
    throw new Error('TextFinder.replaceAllWith is not modelled by the local runtime');
  }

  private step(direction: 1 | -1): R | null {
    const all = this.matches();
    const from = this.current ?? this.start;
    let index: number;
    if (from === null) index = direction === 1 ? 0 : all.length - 1;
    else {
      const key = this.position(from);
      const after = all.findIndex((r) => compare(this.position(r), key) > 0);
      if (direction === 1) index = after === -1 ? -1 : after;
      else {
        const before = all.filter((r) => compare(this.position(r), key) < 0).length;
        index = before - 1;
      }
    }
    const found = index >= 0 && index < all.length ? all[index] : null;
    if (found) this.current = found;
    return found;
  }

  private position(range: R): [number, number, number] {
    const sheet = this.sheetOf(range);
    const area = this.areas.findIndex((a) => a.sheet === sheet);
    return [area, range.getRow(), range.getColumn()];
  }

  private test(): { test: (text: string) => boolean; pattern: RegExp | null } {
    const fold = (s: string) => {
      const t = this.noDiacritics ? stripDiacritics(s) : s;
      return this.caseSensitive || this.regex ? t : t.toLowerCase();
    };
    if (!this.regex) {
      // Plain text: compared as text (no pattern to build, whatever its length).
      const wanted = fold(this.findText);
      return {
        test: this.entireCell
          ? (text) => text !== '' && fold(text) === wanted
          : (text) => text !== '' && fold(text).includes(wanted),
        pattern: null,
      };
    }
    const flags = this.caseSensitive ? 'u' : 'iu';
    const source = fold(this.findText);
    const pattern = new RegExp(this.entireCell ? `^(?:${source})$` : source, flags);
    return { test: (text) => text !== '' && pattern.test(fold(text)), pattern };
  }

  private matches(): R[] {
    const { test, pattern } = this.test();
    // The index stands for the displayed text only: not for formula text or diacritics ignored.
    const indexed = pattern !== null && !this.noDiacritics && !this.formulaTextToo;
    const split = indexed ? alternativesOf(pattern.source, pattern.flags) : null;
    const plan = indexed && split === null ? keyPlan(pattern.source, pattern.flags) : null;
    const out: R[] = [];
    const texts: string[] = [];
    // Per alternative, the sheets holding one of its keys (null: every sheet is asked), once
    // every searched sheet's index is up to date.
    let holding: (Set<CellIndex> | null)[] | null = null;
    let anyHeld: Set<CellIndex> | null = new Set();
    let shared: KeyHolders | undefined;
    if (split !== null) {
      shared = this.areas.find((a) => a.sheet.index !== undefined)?.sheet.index?.holders;
      // Parts' keys the indexes may not hold yet are asked for before they are brought up to date.
      if (shared !== undefined) for (const a of split) shared.needParts(a.plan.part);
      for (const area of this.areas) area.sheet.index?.update();
      if (shared !== undefined) {
        const holders = shared;
        holding = split.map((a) => holders.of(a.plan));
        // The sheets holding a key of some alternative (null: every sheet may).
        for (const held of holding) {
          if (held === null) {
            anyHeld = null;
            break;
          }
          for (const index of held) anyHeld.add(index);
        }
      }
    }
    for (const area of this.areas) {
      const { sheet } = area;
      const firstRow = area.row - 1;
      const lastRow = firstRow + area.numRows - 1;
      const firstColumn = area.column - 1;
      const lastColumn = firstColumn + area.numColumns - 1;
      const index = sheet.index;
      // Up to date before its positions are decoded (a wider row changes the stride).
      index?.update();
      const stride = index === undefined ? 0 : index.stride;
      if (index !== undefined && split !== null) {
        // A sheet holding no key of any alternative and no formula has nothing to find.
        if (
          holding !== null &&
          anyHeld !== null &&
          index.holders === shared &&
          !anyHeld.has(index) &&
          !index.hasFormulas()
        )
          continue;
        // Each alternative is tested only on the cells its own keys allow; a cell matches the
        // pattern when it matches one of them (cells with a formula: tested with each). A cell
        // found by more than one alternative (or twice by one: by its whole key and a part's) is
        // listed once, after the positions are sorted.
        const found: number[] = [];
        for (let i = 0; i < split.length; i++) {
          const alternative = split[i];
          const held = holding === null ? null : holding[i];
          if (held !== null && index.holders === shared && !held.has(index)) continue;
          // Each distinct text its keys lead to is tested once; a text that matches brings
          // every cell of the area showing it.
          texts.length = 0;
          index.keyedTexts(alternative.plan, texts);
          for (let k = 0; k < texts.length; k++) {
            const text = texts[k];
            if (text === '' || !alternative.test(text)) continue;
            const positions = index.positionsOf(text);
            if (positions === undefined) continue;
            const n = typeof positions === 'number' ? 1 : positions.length;
            for (let p = 0; p < n; p++) {
              const position = typeof positions === 'number' ? positions : positions[p];
              const r = Math.floor(position / stride);
              const c = position - r * stride;
              if (r >= firstRow && r <= lastRow && c >= firstColumn && c <= lastColumn)
                found.push(position);
            }
          }
        }
        for (const position of index.formulaPositions()) {
          const r = Math.floor(position / stride);
          const c = position - r * stride;
          if (r < firstRow || r > lastRow || c < firstColumn || c > lastColumn) continue;
          const text = index.text(r, c);
          if (text === '') continue;
          for (const alternative of split)
            if (alternative.test(text)) {
              found.push(position);
              break;
            }
        }
        found.sort((a, b) => a - b);
        for (let k = 0; k < found.length; k++) {
          const position = found[k];
          if (k > 0 && position === found[k - 1]) continue;

          const r = Math.floor(position / stride);
          out.push(sheet.makeRange(r + 1, position - r * stride + 1, 1, 1));
        }
        continue;
      }
      if (index !== undefined && plan !== null) {
        for (const position of index.candidates(plan)) {
          const r = Math.floor(position / stride);
          const c = position - r * stride;
          if (r < firstRow || r > lastRow || c < firstColumn || c > lastColumn) continue;
          if (test(index.text(r, c))) out.push(sheet.makeRange(r + 1, c + 1, 1, 1));
        }
        continue;
      }
      if (index !== undefined && !this.formulaTextToo) {
        const rows = Math.min(index.rowCount(), lastRow + 1);
        for (let r = firstRow; r < rows; r++) {
          const end = Math.min(index.rowWidth(r), lastColumn + 1);
          for (let c = firstColumn; c < end; c++) {
            if (test(index.text(r, c))) out.push(sheet.makeRange(r + 1, c + 1, 1, 1));
          }
        }
        continue;
      }
      for (const r of sheet.contentRows()) {
        if (r < firstRow) continue;
        if (r > lastRow) break;
        const end = Math.min(sheet.rowWidth(r), firstColumn + area.numColumns);
        for (let c = firstColumn; c < end; c++) {
          const formula = this.formulaTextToo ? sheet.formulaText(r, c) : undefined;
          const text = formula ?? sheet.displayText(r, c);
          if (test(text)) out.push(sheet.makeRange(r + 1, c + 1, 1, 1));
        }
      }
    }
    return out;
  }
}

/** One alternative of a pattern: how a text is tested with it, and its key plan. */
interface Alternative {
  /** Whether a (non-empty) text matches the alternative, as its RegExp decides. */
  test(text: string): boolean;
  plan: KeyList;
}

// Alternatives recur from search to search (a response ID is looked for by several hourly
// sweeps, a member's ID by each of their applications): their tests and plans are kept, those
// used lately (two generations of up to 10,000: one in use again moves to the newer).
const GENERATION = 10_000;
let recent = new Map<string, Alternative | null>();
let older = new Map<string, Alternative | null>();

function alternative(source: string, flags: string): Alternative | null {
  // A literal is worked out again each time (cheaper than keeping it: most are new).
  const literal = literalOf(source, flags);
  if (literal !== null) return { test: tester(source, flags, literal), plan: literalPlan(literal) };
  const id = `${flags}/${source}`;
  let known = recent.get(id);
  if (known === undefined) {
    known = older.get(id);
    if (known === undefined) {
      const plan = keyPlan(source, flags);
      known = plan === null ? null : { test: tester(source, flags, null), plan: keyList(plan) };
    }
    if (recent.size >= GENERATION) {
      older = recent;
      recent = new Map();
    }
    recent.set(id, known);
  }
  return known;
}

/**
 * The test of one alternative: its RegExp, made when first needed. An alternative that is a
 * literal text as searchTables writes it (`^'?(?:text)$`, the text's syntax characters escaped:
 * a response ID, a recipient key) is compared as text where the comparison gives the RegExp's
 * answer, and only the other texts go to the RegExp (compiling a RegExp costs some 40 µs, its
 * compilation to machine code on the second test as much again; most such alternatives are new).
 */
function tester(source: string, flags: string, literal: Literal | null): (text: string) => boolean {
  let pattern: RegExp | null = null;
  // The last text tested and its answer: the cells with one key mostly show one text (a member's
  // ID in each of their rows), and a RegExp without the g or y flag answers the same text alike.
  let lastText: string | null = null;
  let lastAnswer = false;
  const regex = (text: string) => {
    if (text === lastText) return lastAnswer;
    if (pattern === null) pattern = new RegExp(source, flags);
    lastAnswer = pattern.test(text);
    lastText = text;
    return lastAnswer;
  };
  if (literal === null) return regex;
  return (text) => {
    const answer = literalMatch(literal, text);
    return answer === undefined ? regex(text) : answer;
  };
}

const LITERAL = /^\^'\?\(\?:((?:[^\\^$.*+?()[\]{}|/]|\\[\\^$.*+?()[\]{}|/])*)\)\$$/;

/** A literal alternative's text, and whether case is ignored. */
interface Literal {
  text: string;
  fold: boolean;
}

/**
 * The key plan of a literal: every text it matches has the literal's key (an apostrophe, case and
 * the characters folding to ASCII letters make no difference to a key: regex-keys.ts textKey).
 */
function literalPlan(literal: Literal): KeyList {
  return { whole: [textKey(literal.text)], groups: [], part: [], shapes: [] };
}

/** A literal alternative's text and whether case is ignored; null for any other pattern. */
export function literalOf(source: string, flags: string): Literal | null {
  if (flags !== 'u' && flags !== 'iu') return null;
  const m = LITERAL.exec(source);
  if (m === null) return null;
  const text = m[1].replace(/\\(.)/g, '$1');
  for (let i = 0; i < text.length; i++)
    if (!caseless(text.charCodeAt(i)) && text.charCodeAt(i) >= 0x80) return null;
  return { text, fold: flags === 'iu' };
}

/**
 * Kana, kanji and the ideographic space: characters no other character matches under the 'iu'
 * flags (Unicode simple case folding maps none of them, and maps nothing to them).
 */
function caseless(code: number): boolean {
  return (
    (code >= 0x3000 && code <= 0x30ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff)
  );
}

/**
 * Whether `text` matches `^'?(?:literal)$`, or undefined when only the RegExp can tell. The
 * literal has only ASCII and caseless characters. Under 'iu' a character matches another when
 * their simple case foldings are equal: for ASCII that is A–Z with a–z, and the only other
 * characters folding to ASCII are U+212A KELVIN SIGN (k) and U+017F LONG S (s); a text with a
 * non-ASCII character that is not caseless is left to the RegExp. Every character of a matching
 * text matches one of the literal, all in the Basic Multilingual Plane: the lengths are equal.
 */
export function literalMatch(literal: Literal, text: string): boolean | undefined {
  const whole = sameText(literal, text, 0);
  if (whole !== false || text.charCodeAt(0) !== 0x27) return whole;
  return sameText(literal, text, 1);
}

function sameText(literal: Literal, text: string, from: number): boolean | undefined {
  const want = literal.text;
  if (text.length - from !== want.length) return false;
  let unsure = false;
  for (let i = 0; i < want.length; i++) {
    const t = text.charCodeAt(from + i);
    const l = want.charCodeAt(i);
    if (t === l) continue;
    if (!literal.fold) return false;
    if (t < 0x80) {
      if (asciiFold(t) !== asciiFold(l)) return false;
    } else if (!caseless(t)) unsure = true;
    else return false;
  }
  return unsure ? undefined : true;
}

function asciiFold(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}

/**
 * The pattern as alternatives that each have a key plan, or null (then the pattern is looked up
 * whole). A text matches `P(?:A|B)Q` exactly when it matches `P(?:A)Q` or `P(?:B)Q` (and `A|B`
 * when it matches A or B), as long as no back reference ties the parts together.
 */
function alternativesOf(source: string, flags: string): Alternative[] | null {
  const parts = splitAlternatives(source);
  if (parts === null) return null;
  const out: Alternative[] = [];
  for (const part of parts) {
    const a = alternative(part, flags);
    if (a === null) return null;
    out.push(a);
  }
  return out;
}

/**
 * Splits a regular expression at its top-level alternation: `A|B` into A and B, or, with none,
 * `P(?:A|B)Q` (one non-capturing group without a quantifier) into `P(?:A)Q` and `P(?:B)Q`.
 * Null when there is nothing to split or a back reference could tie the parts together.
 */
export function splitAlternatives(source: string): string[] | null {
  if (/\\(?:[1-9]|k<)/.test(source)) return null;
  const top: number[] = [];
  // Per group at depth 0: where it opens and closes, and its alternation bars at depth 1.
  const groups: { open: number; close: number; bars: number[] }[] = [];
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') {
      if (depth === 0) groups.push({ open: i, close: -1, bars: [] });
      depth++;
    } else if (ch === ')') {
      depth--;
      if (depth < 0) return null;
      if (depth === 0) groups[groups.length - 1].close = i;
    } else if (ch === '|') {
      if (depth === 0) top.push(i);
      else if (depth === 1) groups[groups.length - 1].bars.push(i);
    }
  }
  if (depth !== 0 || inClass) return null;
  const cut = (from: number, bars: number[], to: number): string[] => {
    const out: string[] = [];
    let start = from;
    for (const bar of bars) {
      out.push(source.slice(start, bar));
      start = bar + 1;
    }
    out.push(source.slice(start, to));
    return out;
  };
  if (top.length > 0) return cut(0, top, source.length);
  const split = groups.filter((g) => g.bars.length > 0);
  if (split.length !== 1) return null;
  const g = split[0];
  if (source.slice(g.open, g.open + 3) !== '(?:') return null;
  if ('*+?{'.includes(source[g.close + 1] ?? '')) return null;
  const before = source.slice(0, g.open);
  const after = source.slice(g.close + 1);
  return cut(g.open + 3, g.bars, g.close).map((a) => `${before}(?:${a})${after}`);
}

function compare(a: [number, number, number], b: [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}
