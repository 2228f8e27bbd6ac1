// LocalRange: a rectangle of one LocalSheet in the local SpreadsheetApp; reads and writes its
// values, formulas, formats and styles (with Apps Script's typed parsing of strings), notes,
// validations and protection.

import { a1Notation } from './a1';
import { LocalDataValidation } from './builders';
import {
  checkShape,
  type Env,
  normalizeColor,
  requireNumbers,
  type ScriptValue,
  signatureError,
} from './common';
import { exception } from './errors';
import type { LocalFilter } from './filter';
import type { Layer } from './layer';
import { LocalProtection } from './protection';
import type { LocalSheet } from './sheet';
import { LocalTextFinder, searchable } from './text-finder';

export interface ClearOptions {
  contentsOnly?: boolean;
  formatOnly?: boolean;
  validationsOnly?: boolean;
  commentsOnly?: boolean;
  skipFilteredRows?: boolean;
}

export class LocalRange {
  constructor(
    private readonly env: Env,
    private readonly sheet: LocalSheet,
    private readonly row: number,
    private readonly column: number,
    private readonly numRows: number,
    private readonly numColumns: number,
  ) {}

  private get cells(): number {
    return this.numRows * this.numColumns;
  }

  // --- filter (filter.ts) ---
  createFilter(): LocalFilter<LocalRange> {
    this.env.call('createFilter');
    return this.sheet.makeFilter(this.row, this.column, this.numRows, this.numColumns);
  }
  /** "Returns the filter on the sheet this range belongs to, or null if there is no filter." */
  getFilter(): LocalFilter<LocalRange> | null {
    this.env.call('getFilter');
    return this.sheet.filter;
  }

  // --- geometry (local, not counted) ---
  getRow(): number {
    return this.row;
  }
  getRowIndex(): number {
    return this.row;
  }
  getColumn(): number {
    return this.column;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numColumns;
  }
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    return this.column + this.numColumns - 1;
  }
  getA1Notation(): string {
    return a1Notation(this.row, this.column, this.numRows, this.numColumns);
  }
  getSheet(): LocalSheet {
    return this.sheet;
  }
  offset(
    rowOffset: number,
    columnOffset: number,
    numRows?: number,
    numColumns?: number,
  ): LocalRange {
    requireNumbers([rowOffset, columnOffset], 2, 'SpreadsheetApp.Range.offset');
    return this.sheet.makeRange(
      this.row + rowOffset,
      this.column + columnOffset,
      numRows ?? this.numRows,
      numColumns ?? this.numColumns,
    );
  }
  /** A cell of this range, 1-based relative to its top-left corner. */
  getCell(row: number, column: number): LocalRange {
    if (row < 1 || column < 1 || row > this.numRows || column > this.numColumns) {
      // Error text: APPS-SCRIPT-FACTS.md (quoted from public reports; see spreadsheet/errors.ts).
      throw exception('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return this.sheet.makeRange(this.row + row - 1, this.column + column - 1, 1, 1);
  }

  // --- values ---
  /** Searches this range (spreadsheet/text-finder.ts). */
  createTextFinder(findText: string): LocalTextFinder<LocalRange> {
    this.env.call('createTextFinder');
    const area = { sheet: searchable(this.sheet), row: this.row, column: this.column };
    return new LocalTextFinder(
      (m) => this.env.call(m),
      [{ ...area, numRows: this.numRows, numColumns: this.numColumns }],
      String(findText),
      (r) => searchable(r.getSheet()),
    );
  }

  getValues(): ScriptValue[][] {
    this.env.call('getValues', { read: this.cells });
    return this.sheet.readValues(this.row - 1, this.column - 1, this.numRows, this.numColumns);
  }

  getValue(): ScriptValue {
    this.env.call('getValue', { read: 1 });
    const r = this.row - 1;
    const c = this.column - 1;
    return this.sheet.toScript(this.sheet.cellValue(r, c), this.sheet.formats.get(r, c));
  }

  getDisplayValues(): string[][] {
    this.env.call('getDisplayValues', { read: this.cells });
    return this.readGrid((r, c) => this.sheet.displayText(r, c));
  }

  getDisplayValue(): string {
    this.env.call('getDisplayValue', { read: 1 });
    return this.sheet.displayText(this.row - 1, this.column - 1);
  }

  /** Writes every cell of the range (Range.setValue sets all of them). */
  setValue(value: unknown): this {
    this.env.call('setValue', { written: this.cells });
    const row = new Array(this.numColumns).fill(value);
    this.sheet.checkWrite(this.row - 1, this.column - 1, new Array(this.numRows).fill(row));
    this.eachCell((r, c) => this.sheet.writeCell(r, c, value));
    return this;
  }

  setValues(values: unknown[][]): this {
    this.env.call('setValues', { written: this.cells });
    const data = checkShape(
      values,
      this.numRows,
      this.numColumns,
      'SpreadsheetApp.Range.setValues',
    );
    this.sheet.checkWrite(this.row - 1, this.column - 1, data);
    const r0 = this.row - 1;
    const c0 = this.column - 1;
    for (let i = 0; i < this.numRows; i++) {
      const rowData = data[i];
      for (let j = 0; j < this.numColumns; j++) this.sheet.writeCell(r0 + i, c0 + j, rowData[j]);
    }
    return this;
  }

  /**
   * Sorts the rows of this range ("Class Range", sort(sortSpecObj): "Sorts the cells in the
   * given range, by column and order specified"). The spec is a column number, an object
   * `{column, ascending}` (ascending by default) or an array of either, later ones breaking ties;
   * columns are the sheet's (the reference's example sorts A1:C7 "by the values in the first
   * column (A)" with `range.sort(1)`), and must lie within the range. A cell's value, formula,
   * formats, note and validation go with its row; cells outside the range stay.
   */
  sort(sortSpecObj: unknown): this {
    this.env.call('sort', { written: this.cells });
    const specs = (Array.isArray(sortSpecObj) ? sortSpecObj : [sortSpecObj]).map((spec) => {
      const plain =
        typeof spec === 'object' && spec !== null ? (spec as Record<string, unknown>) : null;
      const column = plain ? plain.column : spec;
      const ascending = plain && plain.ascending !== undefined ? plain.ascending : true;
      if (typeof column !== 'number' || typeof ascending !== 'boolean')
        throw signatureError([sortSpecObj], 'SpreadsheetApp.Range.sort');
      if (column < this.column || column > this.getLastColumn()) {
        // Error text: unverified (see spreadsheet/errors.ts).
        throw exception('The column to sort by is outside the range.');
      }
      return { column: Math.trunc(column), ascending };
    });
    if (specs.length === 0) throw signatureError([sortSpecObj], 'SpreadsheetApp.Range.sort');
    this.sheet.sortRows(this.row - 1, this.column - 1, this.numRows, this.numColumns, specs);
    return this;
  }

  isBlank(): boolean {
    this.env.call('isBlank', { read: this.cells });
    let blank = true;
    this.eachCell((r, c) => {
      if (
        this.sheet.formulas.get(r, c) !== undefined ||
        this.sheet.values.get(r, c) !== undefined
      ) {
        blank = false;
      }
    });
    return blank;
  }

  getFormulas(): string[][] {
    this.env.call('getFormulas', { read: this.cells });
    return this.readGrid((r, c) => this.sheet.formulas.get(r, c) ?? '');
  }

  getFormula(): string {
    this.env.call('getFormula', { read: 1 });
    return this.sheet.formulas.get(this.row - 1, this.column - 1) ?? '';
  }

  /** Sets the same formula text in every cell (Sheets would shift relative references; we do not). */
  setFormula(formula: string): this {
    this.env.call('setFormula', { written: this.cells });
    this.eachCell((r, c) => this.sheet.writeFormula(r, c, String(formula)));
    return this;
  }

  setFormulas(formulas: string[][]): this {
    this.env.call('setFormulas', { written: this.cells });
    const data = checkShape(
      formulas,
      this.numRows,
      this.numColumns,
      'SpreadsheetApp.Range.setFormulas',
    );
    this.eachCell((r, c, i, j) => this.sheet.writeFormula(r, c, String(data[i][j] ?? '')));
    return this;
  }

  clearContent(): this {
    this.env.call('clearContent');
    this.clearCells({ contentsOnly: true });
    return this;
  }

  clear(options?: ClearOptions): this {
    this.env.call('clear');
    this.clearCells(options);
    return this;
  }

  clearFormat(): this {
    this.env.call('clearFormat');
    this.clearCells({ formatOnly: true });
    return this;
  }

  clearDataValidations(): this {
    this.env.call('clearDataValidations');
    this.clearCells({ validationsOnly: true });
    return this;
  }

  clearNote(): this {
    this.env.call('clearNote');
    this.clearCells({ commentsOnly: true });
    return this;
  }

  // --- formats and styles ---
  getNumberFormat(): string {
    this.env.call('getNumberFormat');
    return this.sheet.formats.get(this.row - 1, this.column - 1) ?? 'General';
  }
  getNumberFormats(): string[][] {
    this.env.call('getNumberFormats');
    return this.readGrid((r, c) => this.sheet.formats.get(r, c) ?? 'General');
  }
  setNumberFormat(numberFormat: string): this {
    this.env.call('setNumberFormat');
    const format = String(numberFormat);
    this.eachCell((r, c) =>
      this.sheet.formats.set(r, c, format === 'General' ? undefined : format),
    );
    return this;
  }
  setNumberFormats(numberFormats: string[][]): this {
    this.env.call('setNumberFormats');
    const data = checkShape(
      numberFormats,
      this.numRows,
      this.numColumns,
      'SpreadsheetApp.Range.setNumberFormats',
    );
    this.eachCell((r, c, i, j) => {
      const format = String(data[i][j]);
      this.sheet.formats.set(r, c, format === 'General' || format === '' ? undefined : format);
    });
    return this;
  }

  getBackground(): string {
    this.env.call('getBackground');
    return this.sheet.backgrounds.get(this.row - 1, this.column - 1) ?? '#ffffff';
  }
  getBackgrounds(): string[][] {
    this.env.call('getBackgrounds');
    return this.readGrid((r, c) => this.sheet.backgrounds.get(r, c) ?? '#ffffff');
  }
  setBackground(color: string | null): this {
    this.env.call('setBackground');
    const value = color === null || color === undefined ? undefined : normalizeColor(color);
    this.eachCell((r, c) =>
      this.sheet.backgrounds.set(r, c, value === '#ffffff' ? undefined : value),
    );
    return this;
  }
  setBackgrounds(colors: (string | null)[][]): this {
    this.env.call('setBackgrounds');
    const data = checkShape(
      colors,
      this.numRows,
      this.numColumns,
      'SpreadsheetApp.Range.setBackgrounds',
    );
    this.eachCell((r, c, i, j) => {
      const color = data[i][j];
      const value = typeof color === 'string' ? normalizeColor(color) : undefined;
      this.sheet.backgrounds.set(r, c, value === '#ffffff' ? undefined : value);
    });
    return this;
  }

  getFontWeight(): 'bold' | 'normal' {
    this.env.call('getFontWeight');
    return this.sheet.fontWeights.get(this.row - 1, this.column - 1) ?? 'normal';
  }
  getFontWeights(): ('bold' | 'normal')[][] {
    this.env.call('getFontWeights');
    return this.readGrid((r, c) => this.sheet.fontWeights.get(r, c) ?? 'normal');
  }
  setFontWeight(fontWeight: 'bold' | 'normal' | null): this {
    this.env.call('setFontWeight');
    const bold = fontWeight === 'bold' ? 'bold' : undefined;
    this.eachCell((r, c) => this.sheet.fontWeights.set(r, c, bold));
    return this;
  }
  setFontWeights(fontWeights: ('bold' | 'normal' | null)[][]): this {
    this.env.call('setFontWeights');
    const data = checkShape(
      fontWeights,
      this.numRows,
      this.numColumns,
      'SpreadsheetApp.Range.setFontWeights',
    );
    this.eachCell((r, c, i, j) =>
      this.sheet.fontWeights.set(r, c, data[i][j] === 'bold' ? 'bold' : undefined),
    );
    return this;
  }

  getFontColor(): string {
    this.env.call('getFontColor');
    return this.sheet.fontColors.get(this.row - 1, this.column - 1) ?? '#000000';
  }
  setFontColor(color: string | null): this {
    this.env.call('setFontColor');
    const value = color === null || color === undefined ? undefined : normalizeColor(color);
    this.eachCell((r, c) => this.sheet.fontColors.set(r, c, value));
    return this;
  }

  getWrap(): boolean {
    this.env.call('getWrap');
    return this.sheet.wraps.get(this.row - 1, this.column - 1) ?? false;
  }
  setWrap(isWrapEnabled: boolean): this {
    this.env.call('setWrap');
    this.eachCell((r, c) => this.sheet.wraps.set(r, c, isWrapEnabled ? true : undefined));
    return this;
  }

  getHorizontalAlignment(): string {
    this.env.call('getHorizontalAlignment');
    return this.sheet.alignments.get(this.row - 1, this.column - 1) ?? 'general';
  }
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): this {
    this.env.call('setHorizontalAlignment');
    const value =
      alignment === null || alignment === 'normal' ? undefined : String(alignment).toLowerCase();
    this.eachCell((r, c) => this.sheet.alignments.set(r, c, value));
    return this;
  }

  getNote(): string {
    this.env.call('getNote');
    return this.sheet.notes.get(this.row - 1, this.column - 1) ?? '';
  }
  getNotes(): string[][] {
    this.env.call('getNotes');
    return this.readGrid((r, c) => this.sheet.notes.get(r, c) ?? '');
  }
  setNote(note: string | null): this {
    this.env.call('setNote');
    const value = note === null || note === '' ? undefined : String(note);
    this.eachCell((r, c) => this.sheet.notes.set(r, c, value));
    return this;
  }
  setNotes(notes: (string | null)[][]): this {
    this.env.call('setNotes');
    const data = checkShape(notes, this.numRows, this.numColumns, 'SpreadsheetApp.Range.setNotes');
    this.eachCell((r, c, i, j) => {
      const note = data[i][j];
      this.sheet.notes.set(r, c, note === null || note === '' ? undefined : String(note));
    });
    return this;
  }

  // --- data validation ---
  getDataValidation(): LocalDataValidation | null {
    this.env.call('getDataValidation');
    return this.sheet.validations.get(this.row - 1, this.column - 1) ?? null;
  }
  getDataValidations(): (LocalDataValidation | null)[][] {
    this.env.call('getDataValidations');
    return this.readGrid((r, c) => this.sheet.validations.get(r, c) ?? null);
  }
  setDataValidation(rule: LocalDataValidation | null): this {
    this.env.call('setDataValidation');
    if (rule !== null && !(rule instanceof LocalDataValidation)) {
      throw signatureError([rule], 'SpreadsheetApp.Range.setDataValidation');
    }
    this.eachCell((r, c) => this.sheet.validations.set(r, c, rule ?? undefined));
    return this;
  }
  setDataValidations(rules: (LocalDataValidation | null)[][]): this {
    this.env.call('setDataValidations');
    const data = checkShape(
      rules,
      this.numRows,
      this.numColumns,
      'SpreadsheetApp.Range.setDataValidations',
    );
    this.eachCell((r, c, i, j) =>
      this.sheet.validations.set(r, c, (data[i][j] as LocalDataValidation) ?? undefined),
    );
    return this;
  }

  protect(): LocalProtection {
    this.env.call('protect');
    const protection = new LocalProtection(this.env, this.sheet, this, 'RANGE');
    this.sheet.protections.push(protection);
    return protection;
  }

  activate(): this {
    this.env.call('activate');
    this.sheet.getParent().activeSheet = this.sheet;
    return this;
  }

  // --- internals ---
  clearCells(options?: ClearOptions): void {
    const o = options ?? {};
    const any = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
    const contents = !any || o.contentsOnly;
    const formats = !any || o.formatOnly;
    const s = this.sheet;
    this.eachCell((r, c) => {
      if (contents) s.clearCell(r, c);
      if (formats) {
        for (const layer of [
          s.formats,
          s.backgrounds,
          s.fontWeights,
          s.fontColors,
          s.alignments,
          s.wraps,
        ] as Layer<unknown>[]) {
          layer.set(r, c, undefined);
        }
      }
      if (o.validationsOnly) s.validations.set(r, c, undefined);
      if (o.commentsOnly) s.notes.set(r, c, undefined);
    });
  }

  private eachCell(fn: (r: number, c: number, i: number, j: number) => void): void {
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numColumns; j++) fn(this.row - 1 + i, this.column - 1 + j, i, j);
    }
  }

  private readGrid<T>(cell: (r: number, c: number) => T): T[][] {
    const out: T[][] = new Array(this.numRows);
    const r0 = this.row - 1;
    const c0 = this.column - 1;
    for (let i = 0; i < this.numRows; i++) {
      const row: T[] = new Array(this.numColumns);
      for (let j = 0; j < this.numColumns; j++) row[j] = cell(r0 + i, c0 + j);
      out[i] = row;
    }
    return out;
  }
}
