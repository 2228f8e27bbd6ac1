// LocalSheet: one sheet of the local SpreadsheetApp, with its cell layers (values, formulas,
// number formats, styles, notes, validations), size, frozen rows, protections, conditional
// formats and charts; SheetData is its world view for export and tests.

import { isDate } from '../context';
import { parseTypedCell } from '../typed-input';
import { a1Notation, columnLetters, parseA1 } from './a1';
import type { LocalConditionalFormatRule, LocalDataValidation } from './builders';
import {
  type ChartData,
  type ChartState,
  LocalEmbeddedChart,
  LocalEmbeddedChartBuilder,
} from './charts';
import {
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_COLUMNS,
  DEFAULT_DATE_TIME_FORMAT,
  DEFAULT_ROWS,
  DEFAULT_TIME_FORMAT,
  type Env,
  MAX_CELL_CHARS,
  normalizeColor,
  requireNumbers,
  type ScriptValue,
  signatureError,
} from './common';
import { exception } from './errors';
import { LocalFilter } from './filter';
import { type CellValue, formatValue, isDateFormat, isTextFormat } from './format';
import type { LocalSpreadsheet } from './index';
import { Layer } from './layer';
import { LocalProtection, type ProtectionData, type ProtectionTypeName } from './protection';
import { type ClearOptions, LocalRange } from './range';
import { LocalTextFinder, searchable } from './text-finder';
import { msToSerial, serialToMs } from './zone';

export interface ValidationData {
  /** The cells the rule covers (a run of one column), e.g. 'C2:C500'. */
  a1: string;
  type: string;
  values: string[];
  allowInvalid: boolean;
  helpText: string;
}

export interface SheetData {
  name: string;
  sheetId: number;
  index: number;
  hidden: boolean;
  tabColor: string | null;
  maxRows: number;
  maxColumns: number;
  lastRow: number;
  lastColumn: number;
  frozenRows: number;
  frozenColumns: number;
  /** The grid up to the last row and column with content (Node Dates for date cells). */
  values: ScriptValue[][];
  formulas: string[][];
  displayValues: string[][];
  /** '' where the cell has no number format. */
  numberFormats: string[][];
  /** null where the cell has the default white. */
  backgrounds: (string | null)[][];
  fontWeights: ('bold' | 'normal')[][];
  fontColors: (string | null)[][];
  horizontalAlignments: (string | null)[][];
  wraps: boolean[][];
  notes: string[][];
  /** Widths of columns 1..max(lastColumn, widest set column). */
  columnWidths: number[];
  dataValidations: ValidationData[];
  protections: ProtectionData[];
  conditionalFormatRules: {
    ranges: string[];
    criteria: string;
    values: unknown[];
    background: string | null;
    fontColor: string | null;
  }[];
  /** Embedded charts, in insertion order. */
  charts: ChartData[];
}

export class LocalSheet {
  // Layers of cell state, 0-based.
  readonly values = new Layer<CellValue>();
  readonly formulas = new Layer<string>();
  readonly formats = new Layer<string>();
  readonly backgrounds = new Layer<string>();
  readonly fontWeights = new Layer<'bold'>();
  readonly fontColors = new Layer<string>();
  readonly alignments = new Layer<string>();
  readonly wraps = new Layer<boolean>();
  readonly notes = new Layer<string>();
  readonly validations = new Layer<LocalDataValidation>();
  /**
   * Rows hidden by hand (Sheet.hideRows), column 0 only; moved with inserted, deleted and moved
   * rows, never by column changes (kept out of layers()).
   */
  readonly rowsHidden = new Layer<true>();
  /** The sheet's filter (Range.createFilter), one at most. */
  filter: LocalFilter<LocalRange> | null = null;

  maxRows = DEFAULT_ROWS;
  maxColumns = DEFAULT_COLUMNS;
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  formUrl: string | null = null;
  protections: LocalProtection[] = [];
  conditionalRules: LocalConditionalFormatRule[] = [];
  /** Embedded charts (kept apart from the cells: clear() clears content and formats only). */
  charts: ChartState[] = [];
  readonly columnWidths = new Map<number, number>();
  deleted = false;

  // 1-based last row/column with content; null = unknown (recomputed on demand).
  private lastRowCache: number | null = 0;
  private lastColumnCache: number | null = 0;

  constructor(
    private readonly env: Env,
    private readonly spreadsheet: LocalSpreadsheet,
    private name: string,
    readonly sheetId: number,
  ) {}

  private layers(): Layer<unknown>[] {
    return [
      this.values,
      this.formulas,
      this.formats,
      this.backgrounds,
      this.fontWeights,
      this.fontColors,
      this.alignments,
      this.wraps,
      this.notes,
      this.validations,
    ];
  }

  // --- Apps Script API ---

  getName(): string {
    this.env.call('getName');
    return this.name;
  }

  setName(name: string): this {
    this.env.call('setName');
    const newName = String(name);
    const clash = this.spreadsheet.sheetList.find(
      (s) => s !== this && s.name.toLowerCase() === newName.toLowerCase(),
    );
    if (clash) {
      // Error text: unverified (see spreadsheet/errors.ts).
      throw exception(
        `A sheet with the name "${newName}" already exists. Please enter another name.`,
      );
    }
    this.name = newName;
    return this;
  }

  getSheetId(): number {
    return this.sheetId;
  }

  getParent(): LocalSpreadsheet {
    return this.spreadsheet;
  }

  getIndex(): number {
    this.env.call('getIndex');
    return this.spreadsheet.sheetList.indexOf(this) + 1;
  }

  activate(): this {
    this.env.call('activate');
    this.spreadsheet.activeSheet = this;
    return this;
  }

  getFormUrl(): string | null {
    this.env.call('getFormUrl');
    return this.formUrl;
  }

  getLastRow(): number {
    this.env.call('getLastRow');
    return this.lastRowWithContent();
  }

  getLastColumn(): number {
    this.env.call('getLastColumn');
    return this.lastColumnWithContent();
  }

  getMaxRows(): number {
    this.env.call('getMaxRows');
    return this.maxRows;
  }

  getMaxColumns(): number {
    this.env.call('getMaxColumns');
    return this.maxColumns;
  }

  /** getRange(row, column[, numRows[, numColumns]]) or getRange(a1Notation). */
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): LocalRange {
    this.env.call('getRange');
    if (typeof a === 'string' && column === undefined) return this.rangeFromA1(a);
    const args: unknown[] = [a, column, numRows, numColumns];
    while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
    requireNumbers(args, Math.max(args.length, 2), 'SpreadsheetApp.Sheet.getRange');
    return this.makeRange(
      Math.trunc(a as number),
      Math.trunc(column as number),
      numRows === undefined ? 1 : Math.trunc(numRows),
      numColumns === undefined ? 1 : Math.trunc(numColumns),
    );
  }

  /** Searches this sheet (spreadsheet/text-finder.ts). */
  createTextFinder(findText: string): LocalTextFinder<LocalRange> {
    this.env.call('createTextFinder');
    return new LocalTextFinder(
      (m) => this.env.call(m),
      [
        {
          sheet: searchable(this),
          row: 1,
          column: 1,
          numRows: this.maxRows,
          numColumns: this.maxColumns,
        },
      ],
      String(findText),
      (r) => searchable(r.getSheet()),
    );
  }

  getDataRange(): LocalRange {
    this.env.call('getDataRange');
    return this.makeRange(
      1,
      1,
      Math.max(1, this.lastRowWithContent()),
      Math.max(1, this.lastColumnWithContent()),
    );
  }

  /**
   * The values of a rectangle in one round trip, without a Range first. A -1 as numRows or
   * numColumns reads up to the last row or column with content, as public scripts use it
   * (`sheet.getSheetValues(1, 1, -1, -1)`: every value of the sheet). When that leaves no
   * row or column (an empty sheet) it throws like getRange does; the reference does not say
   * what Google does then, so the product must not rely on it.
   */
  getSheetValues(
    startRow: number,
    startColumn: number,
    numRows: number,
    numColumns: number,
  ): ScriptValue[][] {
    requireNumbers(
      [startRow, startColumn, numRows, numColumns],
      4,
      'SpreadsheetApp.Sheet.getSheetValues',
    );
    const rows = numRows === -1 ? this.lastRowWithContent() - startRow + 1 : Math.trunc(numRows);
    const columns =
      numColumns === -1 ? this.lastColumnWithContent() - startColumn + 1 : Math.trunc(numColumns);
    const range = this.makeRange(Math.trunc(startRow), Math.trunc(startColumn), rows, columns);
    this.env.call('getSheetValues', { read: rows * columns });
    return this.readValues(range.getRow() - 1, range.getColumn() - 1, rows, columns);
  }

  /** Writes the values after the last row with content, growing the grid when needed. */
  appendRow(rowContents: unknown[]): this {
    this.env.call('appendRow', { written: Array.isArray(rowContents) ? rowContents.length : 0 });
    if (!Array.isArray(rowContents))
      throw signatureError([rowContents], 'SpreadsheetApp.Sheet.appendRow');
    if (rowContents.length === 0) return this;
    const row = this.lastRowWithContent() + 1;
    const extraRows = Math.max(0, row - this.maxRows);
    const extraColumns = Math.max(0, rowContents.length - this.maxColumns);
    this.spreadsheet.checkGrowth(
      extraRows * Math.max(this.maxColumns, rowContents.length) + extraColumns * this.maxRows,
    );
    this.maxRows += extraRows;
    this.maxColumns += extraColumns;
    this.checkWrite(row - 1, 0, [rowContents]);
    rowContents.forEach((v, c) => {
      this.writeCell(row - 1, c, v);
    });
    return this;
  }

  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.env.call('insertRowsAfter');
    requireNumbers([afterPosition, howMany], 2, 'SpreadsheetApp.Sheet.insertRowsAfter');
    this.insertRowsAt(afterPosition + 1, howMany);
    return this;
  }

  insertRowAfter(afterPosition: number): this {
    this.env.call('insertRowAfter');
    this.insertRowsAt(afterPosition + 1, 1);
    return this;
  }

  insertRowsBefore(beforePosition: number, howMany: number): this {
    this.env.call('insertRowsBefore');
    requireNumbers([beforePosition, howMany], 2, 'SpreadsheetApp.Sheet.insertRowsBefore');
    this.insertRowsAt(beforePosition, howMany);
    return this;
  }

  insertRowBefore(beforePosition: number): this {
    this.env.call('insertRowBefore');
    this.insertRowsAt(beforePosition, 1);
    return this;
  }

  insertRows(rowIndex: number, numRows = 1): this {
    this.env.call('insertRows');
    this.insertRowsAt(rowIndex, numRows);
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.env.call('insertColumnsAfter');
    requireNumbers([afterPosition, howMany], 2, 'SpreadsheetApp.Sheet.insertColumnsAfter');
    this.insertColumnsAt(afterPosition + 1, howMany);
    return this;
  }

  insertColumnAfter(afterPosition: number): this {
    this.env.call('insertColumnAfter');
    this.insertColumnsAt(afterPosition + 1, 1);
    return this;
  }

  insertColumnsBefore(beforePosition: number, howMany: number): this {
    this.env.call('insertColumnsBefore');
    this.insertColumnsAt(beforePosition, howMany);
    return this;
  }

  insertColumnBefore(beforePosition: number): this {
    this.env.call('insertColumnBefore');
    this.insertColumnsAt(beforePosition, 1);
    return this;
  }

  insertColumns(columnIndex: number, numColumns = 1): this {
    this.env.call('insertColumns');
    this.insertColumnsAt(columnIndex, numColumns);
    return this;
  }

  deleteRow(rowPosition: number): this {
    this.env.call('deleteRow');
    this.deleteRowsAt(rowPosition, 1);
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.env.call('deleteRows');
    requireNumbers([rowPosition, howMany], 2, 'SpreadsheetApp.Sheet.deleteRows');
    this.deleteRowsAt(rowPosition, howMany);
  }

  deleteColumn(columnPosition: number): this {
    this.env.call('deleteColumn');
    this.deleteColumnsAt(columnPosition, 1);
    return this;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.env.call('deleteColumns');
    this.deleteColumnsAt(columnPosition, howMany);
  }

  /**
   * Moves the columns `columnSpec` spans to before column `destinationIndex`, counted before the
   * move ("Class Sheet", moveColumns(columnSpec, destinationIndex): "Existing data is shifted
   * right to make room for the moved columns while the source columns are removed from the
   * grid"; its example moves A:B to index 5 and they become C:D). Values, formulas, formats,
   * notes and validations go with their columns, and so do the widths.
   */
  moveColumns(columnSpec: LocalRange, destinationIndex: number): void {
    this.env.call('moveColumns');
    if (!(columnSpec instanceof LocalRange) || columnSpec.getSheet() !== this)
      throw signatureError([columnSpec, destinationIndex], 'SpreadsheetApp.Sheet.moveColumns');
    requireNumbers([destinationIndex], 1, 'SpreadsheetApp.Sheet.moveColumns');
    const from = columnSpec.getColumn();
    const count = columnSpec.getNumColumns();
    const to = Math.trunc(destinationIndex);
    // Error text: unverified (see spreadsheet/errors.ts).
    if (to < 1 || to > this.maxColumns + 1) throw exception('Those columns are out of bounds.');
    if (to >= from && to <= from + count) return; // onto itself: nothing moves
    for (const layer of this.layers()) layer.moveColumns(from - 1, count, to - 1);
    const order: number[] = [];
    for (let c = 1; c <= this.maxColumns; c++) order.push(c);
    const moved = order.splice(from - 1, count);
    order.splice(to > from ? to - 1 - count : to - 1, 0, ...moved);
    const widths = new Map(this.columnWidths);
    this.columnWidths.clear();
    order.forEach((old, i) => {
      const w = widths.get(old);
      if (w !== undefined) this.columnWidths.set(i + 1, w);
    });
    this.lastColumnCache = null;
  }

  /**
   * Moves the rows `rowSpec` spans to before row `destinationIndex`, counted before the move
   * ("Class Sheet", moveRows(rowSpec, destinationIndex); its example moves rows 1-2 to index 5
   * and they become rows 3-4).
   */
  moveRows(rowSpec: LocalRange, destinationIndex: number): void {
    this.env.call('moveRows');
    if (!(rowSpec instanceof LocalRange) || rowSpec.getSheet() !== this)
      throw signatureError([rowSpec, destinationIndex], 'SpreadsheetApp.Sheet.moveRows');
    requireNumbers([destinationIndex], 1, 'SpreadsheetApp.Sheet.moveRows');
    const from = rowSpec.getRow();
    const count = rowSpec.getNumRows();
    const to = Math.trunc(destinationIndex);
    // Error text: unverified (see spreadsheet/errors.ts).
    if (to < 1 || to > this.maxRows + 1) throw exception('Those rows are out of bounds.');
    if (to >= from && to <= from + count) return;
    for (const layer of this.layers()) layer.moveRows(from - 1, count, to - 1);
    this.rowsHidden.moveRows(from - 1, count, to - 1);
    this.lastRowCache = null;
  }

  /**
   * Range.sort: puts rows r0.. (0-based, `numRows` of them) of columns c0..c0+numColumns-1 in
   * the order of `specs` (1-based sheet columns). Cells outside those columns stay.
   */
  sortRows(
    r0: number,
    c0: number,
    numRows: number,
    numColumns: number,
    specs: readonly { column: number; ascending: boolean }[],
  ): void {
    const keys = specs.map((s) => {
      const column: CellValue[] = [];
      for (let i = 0; i < numRows; i++) column.push(this.cellValue(r0 + i, s.column - 1));
      return column;
    });
    const order: number[] = [];
    for (let i = 0; i < numRows; i++) order.push(i);
    // Array.prototype.sort is stable (ECMAScript 2019): rows that compare equal keep their order.
    order.sort((a, b) => {
      for (let k = 0; k < specs.length; k++) {
        const d = compareForSort(keys[k][a], keys[k][b], specs[k].ascending);
        if (d !== 0) return d;
      }
      return 0;
    });
    if (order.every((o, i) => o === i)) return;
    for (const layer of this.layers()) layer.permuteRows(r0, c0, numColumns, order);
    this.lastRowCache = null;
  }

  setFrozenRows(rows: number): this {
    this.env.call('setFrozenRows');
    requireNumbers([rows], 1, 'SpreadsheetApp.Sheet.setFrozenRows');
    if (rows < 0 || rows >= this.maxRows) {
      // Error text: unverified (see spreadsheet/errors.ts).
      throw exception("You can't freeze all visible rows on the sheet.");
    }
    this.frozenRows = rows;
    return this;
  }

  getFrozenRows(): number {
    this.env.call('getFrozenRows');
    return this.frozenRows;
  }

  setFrozenColumns(columns: number): this {
    this.env.call('setFrozenColumns');
    requireNumbers([columns], 1, 'SpreadsheetApp.Sheet.setFrozenColumns');
    if (columns < 0 || columns >= this.maxColumns) {
      // Error text: unverified (see spreadsheet/errors.ts).
      throw exception("You can't freeze all visible columns on the sheet.");
    }
    this.frozenColumns = columns;
    return this;
  }

  getFrozenColumns(): number {
    this.env.call('getFrozenColumns');
    return this.frozenColumns;
  }

  setColumnWidth(columnPosition: number, width: number): this {
    this.env.call('setColumnWidth');
    this.checkColumnSpan(columnPosition, 1);
    this.columnWidths.set(columnPosition, width);
    return this;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    this.env.call('setColumnWidths');
    this.checkColumnSpan(startColumn, numColumns);
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, width);
    return this;
  }

  getColumnWidth(columnPosition: number): number {
    this.env.call('getColumnWidth');
    return this.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }

  autoResizeColumn(columnPosition: number): this {
    this.env.call('autoResizeColumn');
    this.checkColumnSpan(columnPosition, 1);
    this.autoResize(columnPosition);
    return this;
  }

  autoResizeColumns(startColumn: number, numColumns: number): this {
    this.env.call('autoResizeColumns');
    this.checkColumnSpan(startColumn, numColumns);
    for (let c = startColumn; c < startColumn + numColumns; c++) this.autoResize(c);
    return this;
  }

  // Hiding rows ("Class Sheet": hideRows(rowIndex) "Hides the row at the given index",
  // hideRows(rowIndex, numRows) "Hides one or more consecutive rows starting at the given index";
  // showRows unhides them; isRowHiddenByUser / isRowHiddenByFilter tell why a row is hidden).
  // Hidden rows keep their values: reads and the TextFinder see them (text-finder.ts; the
  // environment check probes that on real Google).
  hideRows(rowIndex: number, numRows = 1): void {
    this.env.call('hideRows');
    this.setRowsHidden('hideRows', rowIndex, numRows, true);
  }

  hideRow(row: LocalRange): void {
    this.env.call('hideRow');
    if (!(row instanceof LocalRange) || row.getSheet() !== this)
      throw signatureError([row], 'SpreadsheetApp.Sheet.hideRow');
    this.setRowsHidden('hideRow', row.getRow(), row.getNumRows(), true);
  }

  showRows(rowIndex: number, numRows = 1): void {
    this.env.call('showRows');
    this.setRowsHidden('showRows', rowIndex, numRows, false);
  }

  unhideRow(row: LocalRange): void {
    this.env.call('unhideRow');
    if (!(row instanceof LocalRange) || row.getSheet() !== this)
      throw signatureError([row], 'SpreadsheetApp.Sheet.unhideRow');
    this.setRowsHidden('unhideRow', row.getRow(), row.getNumRows(), false);
  }

  isRowHiddenByUser(rowPosition: number): boolean {
    this.env.call('isRowHiddenByUser');
    requireNumbers([rowPosition], 1, 'SpreadsheetApp.Sheet.isRowHiddenByUser');
    return this.rowsHidden.get(Math.trunc(rowPosition) - 1, 0) === true;
  }

  isRowHiddenByFilter(rowPosition: number): boolean {
    this.env.call('isRowHiddenByFilter');
    requireNumbers([rowPosition], 1, 'SpreadsheetApp.Sheet.isRowHiddenByFilter');
    return this.filter?.hidesRow(Math.trunc(rowPosition)) ?? false;
  }

  getFilter(): LocalFilter<LocalRange> | null {
    this.env.call('getFilter');
    return this.filter;
  }

  /** Range.createFilter: the one filter of this sheet on that range. */
  makeFilter(
    row: number,
    column: number,
    numRows: number,
    numColumns: number,
  ): LocalFilter<LocalRange> {
    // Error text: unverified (see spreadsheet/errors.ts).
    if (this.filter)
      throw exception("You can't create a filter in a sheet that already has a filter.");
    this.filter = new LocalFilter(
      this.env,
      {
        displayText: (r, c) => this.displayText(r, c),
        makeRange: (r, c, nr, nc) => this.makeRange(r, c, nr, nc),
        removeFilter: () => {
          this.filter = null;
        },
      },
      row,
      column,
      numRows,
      numColumns,
    );
    return this.filter;
  }

  private setRowsHidden(method: string, rowIndex: number, numRows: number, hidden: boolean): void {
    requireNumbers([rowIndex, numRows], 2, `SpreadsheetApp.Sheet.${method}`);
    const first = Math.trunc(rowIndex);
    const count = Math.trunc(numRows);
    // Error text: unverified (see spreadsheet/errors.ts).
    if (first < 1 || count < 1 || first + count - 1 > this.maxRows)
      throw exception('Those rows are out of bounds.');
    for (let r = first - 1; r < first - 1 + count; r++)
      this.rowsHidden.set(r, 0, hidden ? true : undefined);
  }

  hideSheet(): this {
    this.env.call('hideSheet');
    const visible = this.spreadsheet.sheetList.filter((s) => !s.hidden && s !== this);
    // Error text: unverified (see spreadsheet/errors.ts).
    if (visible.length === 0) throw exception("You can't hide all the sheets in a document.");
    this.hidden = true;
    return this;
  }

  showSheet(): this {
    this.env.call('showSheet');
    this.hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    this.env.call('isSheetHidden');
    return this.hidden;
  }

  setTabColor(color: string | null): this {
    this.env.call('setTabColor');
    this.tabColor = color === null ? null : normalizeColor(color);
    return this;
  }

  getTabColor(): string | null {
    this.env.call('getTabColor');
    return this.tabColor;
  }

  protect(): LocalProtection {
    this.env.call('protect');
    // A sheet has one sheet protection: protect() returns it when it exists.
    const existing = this.protections.find((p) => p.getProtectionType() === 'SHEET');
    if (existing) return existing;
    const protection = new LocalProtection(this.env, this, null, 'SHEET');
    this.protections.push(protection);
    return protection;
  }

  getProtections(type: ProtectionTypeName): LocalProtection[] {
    this.env.call('getProtections');
    return this.protections.filter((p) => p.getProtectionType() === type);
  }

  setConditionalFormatRules(rules: LocalConditionalFormatRule[]): void {
    this.env.call('setConditionalFormatRules');
    if (!Array.isArray(rules)) {
      throw signatureError([rules], 'SpreadsheetApp.Sheet.setConditionalFormatRules');
    }
    this.conditionalRules = [...rules];
  }

  getConditionalFormatRules(): LocalConditionalFormatRule[] {
    this.env.call('getConditionalFormatRules');
    return [...this.conditionalRules];
  }

  clearConditionalFormatRules(): void {
    this.env.call('clearConditionalFormatRules');
    this.conditionalRules = [];
  }

  /** A builder for a chart on this sheet; nothing is on the sheet until insertChart. */
  newChart(): LocalEmbeddedChartBuilder {
    return LocalEmbeddedChartBuilder.fresh();
  }

  /** The sheet's charts, as snapshots (modify() them, then updateChart). */
  getCharts(): LocalEmbeddedChart[] {
    this.env.call('getCharts');
    return this.charts.map((c) => new LocalEmbeddedChart({ ...c, ranges: [...c.ranges] }));
  }

  /** Adds a new chart to the sheet with a new id, unique across the spreadsheet. */
  insertChart(chart: LocalEmbeddedChart): void {
    this.env.call('insertChart');
    if (!(chart instanceof LocalEmbeddedChart)) {
      throw signatureError([chart], 'SpreadsheetApp.Sheet.insertChart');
    }
    const state = chart.stateCopy();
    state.chartId = this.spreadsheet.newChartId();
    this.charts.push(state);
  }

  /** Replaces the chart of the same id with the rebuilt one. */
  updateChart(chart: LocalEmbeddedChart): void {
    this.env.call('updateChart');
    if (!(chart instanceof LocalEmbeddedChart)) {
      throw signatureError([chart], 'SpreadsheetApp.Sheet.updateChart');
    }
    const id = chart.getChartId();
    const at = this.charts.findIndex((c) => c.chartId !== null && c.chartId === id);
    // Not the reference's wording (it does not give one): a chart never inserted, or removed.
    if (at < 0) throw exception('The chart to update was not found on this sheet.');
    this.charts[at] = chart.stateCopy();
  }

  removeChart(chart: LocalEmbeddedChart): void {
    this.env.call('removeChart');
    if (!(chart instanceof LocalEmbeddedChart)) {
      throw signatureError([chart], 'SpreadsheetApp.Sheet.removeChart');
    }
    const id = chart.getChartId();
    this.charts = this.charts.filter((c) => c.chartId === null || c.chartId !== id);
  }

  /** Clears contents and formats, or what the options name (contentsOnly, formatOnly, …). */
  clear(options?: ClearOptions): this {
    this.env.call('clear');
    this.wholeSheetRange().clearCells(options);
    return this;
  }

  clearContents(): this {
    this.env.call('clearContents');
    this.wholeSheetRange().clearCells({ contentsOnly: true });
    return this;
  }

  clearFormats(): this {
    this.env.call('clearFormats');
    this.wholeSheetRange().clearCells({ formatOnly: true });
    return this;
  }

  // --- world API and internals ---

  /** The name without counting a call. */
  localName(): string {
    return this.name;
  }

  /** Links the sheet to a form (what getFormUrl returns). */
  setFormUrl(url: string | null): void {
    this.formUrl = url;
  }

  wholeSheetRange(): LocalRange {
    return new LocalRange(this.env, this, 1, 1, this.maxRows, this.maxColumns);
  }

  /** A range without counting a call (used by Range.offset and the like). */
  makeRange(row: number, column: number, numRows: number, numColumns: number): LocalRange {
    // Error text: unverified (see spreadsheet/errors.ts).
    if (row < 1) throw exception('The starting row of the range is too small.');
    // Error text: unverified (see spreadsheet/errors.ts).
    if (column < 1) throw exception('The starting column of the range is too small.');
    // Error text: APPS-SCRIPT-FACTS.md (quoted from public reports; see spreadsheet/errors.ts).
    if (numRows < 1) throw exception('The number of rows in the range must be at least 1.');
    // Error text: APPS-SCRIPT-FACTS.md (quoted from public reports; see spreadsheet/errors.ts).
    if (numColumns < 1) throw exception('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this.maxRows || column + numColumns - 1 > this.maxColumns) {
      // Error text: APPS-SCRIPT-FACTS.md (quoted from public reports; see spreadsheet/errors.ts).
      throw exception('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new LocalRange(this.env, this, row, column, numRows, numColumns);
  }

  rangeFromA1(a1: string): LocalRange {
    const parsed = parseA1(String(a1));
    // Error text: unverified (see spreadsheet/errors.ts).
    if (!parsed) throw exception('Range not found');
    let sheet: LocalSheet = this;
    if (parsed.sheetName !== null && parsed.sheetName !== this.name) {
      const other = this.spreadsheet.sheetList.find((s) => s.name === parsed.sheetName);
      // Error text: unverified (see spreadsheet/errors.ts).
      if (!other) throw exception('Range not found');
      sheet = other;
    }
    const lastRow = parsed.lastRow ?? sheet.maxRows;
    const lastColumn = parsed.lastColumn ?? sheet.maxColumns;
    return sheet.makeRange(
      parsed.row,
      parsed.column,
      lastRow - parsed.row + 1,
      lastColumn - parsed.column + 1,
    );
  }

  lastRowWithContent(): number {
    if (this.lastRowCache === null) {
      let last = 0;
      for (let r = Math.max(this.values.rows.length, this.formulas.rows.length) - 1; r >= 0; r--) {
        if (this.rowHasContent(r)) {
          last = r + 1;
          break;
        }
      }
      // Rows past the last content are empty: drop them so later scans stay short.
      if (this.values.rows.length > last) this.values.rows.length = last;
      if (this.formulas.rows.length > last) this.formulas.rows.length = last;
      this.lastRowCache = last;
    }
    return this.lastRowCache;
  }

  lastColumnWithContent(): number {
    if (this.lastColumnCache === null) {
      let last = 0;
      for (const layer of [this.values, this.formulas] as Layer<unknown>[]) {
        for (const row of layer.rows) {
          if (!row) continue;
          for (let c = row.length - 1; c >= last; c--) {
            if (row[c] !== undefined) {
              last = c + 1;
              break;
            }
          }
        }
      }
      this.lastColumnCache = last;
    }
    return this.lastColumnCache;
  }

  private rowHasContent(r: number): boolean {
    const v = this.values.rows[r];
    if (v?.some((x) => x !== undefined)) return true;
    const f = this.formulas.rows[r];
    return f?.some((x) => x !== undefined) === true;
  }

  private hasContent(r: number, c: number): boolean {
    return this.values.get(r, c) !== undefined || this.formulas.get(r, c) !== undefined;
  }

  /** Keeps the last row/column caches right; `had` is whether the cell had content before. */
  private noteContent(r: number, c: number, hasContent: boolean, had: boolean): void {
    if (!hasContent && !had) return;
    if (hasContent) {
      if (this.lastRowCache !== null && r + 1 > this.lastRowCache) this.lastRowCache = r + 1;
      if (this.lastColumnCache !== null && c + 1 > this.lastColumnCache) {
        this.lastColumnCache = c + 1;
      }
    } else {
      if (this.lastRowCache !== null && r + 1 >= this.lastRowCache) this.lastRowCache = null;
      if (this.lastColumnCache !== null && c + 1 >= this.lastColumnCache) {
        this.lastColumnCache = null;
      }
    }
  }

  /** The cell's value as stored (formulas evaluated); dates stay serial numbers. */
  cellValue(r: number, c: number): CellValue {
    const formula = this.formulas.get(r, c);
    if (formula !== undefined) return this.spreadsheet.evaluate(formula, this);
    return this.values.get(r, c) ?? '';
  }

  /** A stored value as the script sees it. */
  toScript(value: CellValue, format: string | undefined): ScriptValue {
    if (typeof value === 'number' && format !== undefined && isDateFormat(format)) {
      return this.env.ctx.date(serialToMs(value, this.spreadsheet.timeZone));
    }
    return value;
  }

  /**
   * The script values of a block of cells, as toScript(cellValue(r, c), format) for each, read
   * row by row from the layers: getValues over whole tables is the runtime's hottest path.
   */
  readValues(r0: number, c0: number, numRows: number, numColumns: number): ScriptValue[][] {
    const timeZone = this.spreadsheet.timeZone;
    const RealmDate = this.env.ctx.realm.Date;
    // A format usually repeats down a column: remember the last one seen in each.
    const lastFormat: (string | undefined)[] = new Array(numColumns).fill(undefined);
    const lastIsDate: boolean[] = new Array(numColumns).fill(false);
    // Neighbouring rows often hold the same date: remember each column's last conversion.
    const lastSerial = new Float64Array(numColumns).fill(Number.NaN);
    const lastMs = new Float64Array(numColumns);
    const out: ScriptValue[][] = new Array(numRows);
    for (let i = 0; i < numRows; i++) {
      const values = this.values.rows[r0 + i];
      const formulas = this.formulas.rows[r0 + i];
      const formats = this.formats.rows[r0 + i];
      const row: ScriptValue[] = new Array(numColumns);
      for (let j = 0; j < numColumns; j++) {
        const c = c0 + j;
        const formula = formulas === undefined ? undefined : formulas[c];
        const value: CellValue =
          formula !== undefined
            ? this.spreadsheet.evaluate(formula, this)
            : ((values === undefined ? undefined : values[c]) ?? '');
        // The format is looked at before the value: testing a value's type reads the value
        // itself from memory, which costs more than copying it, so only date columns do.
        const format = formats === undefined ? undefined : formats[c];
        if (format !== undefined) {
          if (format !== lastFormat[j]) {
            lastFormat[j] = format;
            lastIsDate[j] = isDateFormat(format);
          }
          if (lastIsDate[j] && typeof value === 'number') {
            if (value !== lastSerial[j]) {
              lastSerial[j] = value;
              lastMs[j] = serialToMs(value, timeZone);
            }
            row[j] = new RealmDate(lastMs[j]);
            continue;
          }
        }
        row[j] = value;
      }
      out[i] = row;
    }
    return out;
  }

  /** What setValue would store for `input`, without storing it. */
  private interpret(
    input: unknown,
    format: string | undefined,
  ): { value: CellValue; formula?: string; numberFormat?: string } {
    if (input === null || input === undefined) return { value: '' };
    if (isDate(input)) {
      const ms = input.getTime();
      if (Number.isNaN(ms)) return { value: '' };
      const serial = msToSerial(ms, this.spreadsheet.timeZone);
      if (isDateFormat(format)) return { value: serial };
      return {
        value: serial,
        numberFormat: serial >= 0 && serial < 1 ? DEFAULT_TIME_FORMAT : DEFAULT_DATE_TIME_FORMAT,
      };
    }
    if (typeof input === 'number') {
      return Number.isFinite(input) ? { value: input === 0 ? 0 : input } : { value: '#NUM!' };
    }
    if (typeof input === 'boolean') return { value: input };
    const text = String(input);
    if (text.length > MAX_CELL_CHARS) {
      // Error text: unverified (see spreadsheet/errors.ts).
      throw exception(
        `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
      );
    }
    const typed = parseTypedCell(text, {
      timeZone: this.spreadsheet.timeZone,
      now: this.env.ctx.clock.now(),
      textFormat: isTextFormat(format),
      dropApostrophe: this.env.ctx.textCellApostrophe === 'drop',
    });
    if (typed.numberFormat !== undefined) {
      // Sheets keeps a date format the cell already has, and a number format unless the
      // input needs a date one; otherwise the typed input brings its own format.
      const typedIsDate = isDateFormat(typed.numberFormat);
      const keep =
        format !== undefined &&
        format !== 'General' &&
        (typedIsDate ? isDateFormat(format) : !isDateFormat(format));
      if (keep) return { value: typed.value, formula: typed.formula };
    }
    return typed;
  }

  /** Throws when a strict data validation rejects a value about to be written. */
  checkWrite(r0: number, c0: number, data: unknown[][]): void {
    if (this.validations.isEmpty()) return;
    for (let i = 0; i < data.length; i++) {
      for (let j = 0; j < data[i].length; j++) {
        const rule = this.validations.get(r0 + i, c0 + j);
        if (!rule || rule.getAllowInvalid()) continue;
        const typed = this.interpret(data[i][j], this.formats.get(r0 + i, c0 + j));
        if (typed.formula === undefined && !rule.accepts(typed.value)) {
          // Error text: unverified (see spreadsheet/errors.ts).
          throw exception(
            `The data you entered in cell ${columnLetters(c0 + j + 1)}${r0 + i + 1} violates the data validation rules set on this cell.`,
          );
        }
      }
    }
  }

  /** Stores `input` in a cell as setValue does (strings are read as typed input). */
  writeCell(r: number, c: number, input: unknown): void {
    const typed = this.interpret(input, this.formats.get(r, c));
    const had = this.hasContent(r, c);
    if (typed.formula !== undefined) {
      this.formulas.set(r, c, typed.formula);
      this.values.set(r, c, undefined);
      this.env.formulaCells++;
    } else {
      this.formulas.set(r, c, undefined);
      this.values.set(r, c, typed.value === '' ? undefined : typed.value);
    }
    if (typed.numberFormat !== undefined) this.formats.set(r, c, typed.numberFormat);
    this.noteContent(r, c, typed.formula !== undefined || typed.value !== '', had);
  }

  /** Stores a formula given with setFormula (not counted as typed-in formulas). */
  writeFormula(r: number, c: number, formula: string): void {
    if (formula.length > MAX_CELL_CHARS) {
      // Error text: unverified (see spreadsheet/errors.ts).
      throw exception(
        `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
      );
    }
    if (!formula.startsWith('=')) {
      this.writeCell(r, c, formula);
      return;
    }
    this.formulas.set(r, c, formula);
    this.values.set(r, c, undefined);
    this.noteContent(r, c, true, true);
  }

  clearCell(r: number, c: number): void {
    const had = this.hasContent(r, c);
    this.formulas.set(r, c, undefined);
    this.values.set(r, c, undefined);
    this.noteContent(r, c, false, had);
  }

  private insertRowsAt(row: number, count: number): void {
    if (!(row >= 1 && row <= this.maxRows + 1) || !(count >= 1)) {
      // Error text: unverified (see spreadsheet/errors.ts).
      throw exception('Those rows are out of bounds.');
    }
    this.spreadsheet.checkGrowth(count * this.maxColumns);
    for (const layer of this.layers()) layer.insertRows(row - 1, count);
    this.rowsHidden.insertRows(row - 1, count);
    this.maxRows += count;
    this.lastRowCache = null;
  }

  private insertColumnsAt(column: number, count: number): void {
    if (!(column >= 1 && column <= this.maxColumns + 1) || !(count >= 1)) {
      // Error text: unverified (see spreadsheet/errors.ts).
      throw exception('Those columns are out of bounds.');
    }
    this.spreadsheet.checkGrowth(count * this.maxRows);
    for (const layer of this.layers()) layer.insertColumns(column - 1, count);
    const widths = [...this.columnWidths].map(([c, w]): [number, number] => [
      c >= column ? c + count : c,
      w,
    ]);
    this.columnWidths.clear();
    for (const [c, w] of widths) this.columnWidths.set(c, w);
    this.maxColumns += count;
    this.lastColumnCache = null;
  }

  private deleteRowsAt(row: number, count: number): void {
    if (!(row >= 1 && count >= 1 && row + count - 1 <= this.maxRows)) {
      // Error text: unverified (see spreadsheet/errors.ts).
      throw exception('Those rows are out of bounds.');
    }
    if (this.maxRows - count <= this.frozenRows) {
      // Error text: unverified (see spreadsheet/errors.ts).
      throw exception('Sorry, it is not possible to delete all non-frozen rows.');
    }
    for (const layer of this.layers()) layer.deleteRows(row - 1, count);
    this.rowsHidden.deleteRows(row - 1, count);
    this.maxRows -= count;
    this.lastRowCache = null;
    this.lastColumnCache = null;
  }

  private deleteColumnsAt(column: number, count: number): void {
    if (!(column >= 1 && count >= 1 && column + count - 1 <= this.maxColumns)) {
      // Error text: unverified (see spreadsheet/errors.ts).
      throw exception('Those columns are out of bounds.');
    }
    if (this.maxColumns - count <= this.frozenColumns) {
      // Error text: unverified (see spreadsheet/errors.ts).
      throw exception('Sorry, it is not possible to delete all non-frozen columns.');
    }
    for (const layer of this.layers()) layer.deleteColumns(column - 1, count);
    const widths = [...this.columnWidths]
      .filter(([c]) => c < column || c >= column + count)
      .map(([c, w]): [number, number] => [c >= column + count ? c - count : c, w]);
    this.columnWidths.clear();
    for (const [c, w] of widths) this.columnWidths.set(c, w);
    this.maxColumns -= count;
    this.lastRowCache = null;
    this.lastColumnCache = null;
  }

  private checkColumnSpan(start: number, count: number): void {
    if (!(start >= 1 && count >= 1 && start + count - 1 <= this.maxColumns)) {
      // Error text: unverified (see spreadsheet/errors.ts).
      throw exception('Those columns are out of bounds.');
    }
  }

  /** Fits the widest display text: about 7 px per Latin character, 13 px per wide one. */
  private autoResize(column: number): void {
    let widest = 0;
    const last = this.lastRowWithContent();
    for (let r = 0; r < last; r++) {
      const text = this.displayText(r, column - 1);
      let px = 0;
      for (const ch of text) px += ch.charCodeAt(0) > 0x2e7f ? 13 : 7;
      widest = Math.max(widest, px);
    }
    this.columnWidths.set(column, widest === 0 ? DEFAULT_COLUMN_WIDTH : widest + 10);
  }

  displayText(r: number, c: number): string {
    return formatValue(this.cellValue(r, c), this.formats.get(r, c));
  }

  /** Everything staff would see in this sheet (not counted). */
  snapshot(): SheetData {
    const lastRow = this.lastRowWithContent();
    const lastColumn = this.lastColumnWithContent();
    const grid = <T>(cell: (r: number, c: number) => T): T[][] => {
      const out: T[][] = [];
      for (let r = 0; r < lastRow; r++) {
        const row: T[] = [];
        for (let c = 0; c < lastColumn; c++) row.push(cell(r, c));
        out.push(row);
      }
      return out;
    };
    const tz = this.spreadsheet.timeZone;
    const widest = Math.max(lastColumn, ...this.columnWidths.keys());
    const columnWidths: number[] = [];
    for (let c = 1; c <= widest; c++)
      columnWidths.push(this.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
    return {
      name: this.name,
      sheetId: this.sheetId,
      index: this.spreadsheet.sheetList.indexOf(this) + 1,
      hidden: this.hidden,
      tabColor: this.tabColor,
      maxRows: this.maxRows,
      maxColumns: this.maxColumns,
      lastRow,
      lastColumn,
      frozenRows: this.frozenRows,
      frozenColumns: this.frozenColumns,
      values: grid((r, c) => {
        const v = this.cellValue(r, c);
        const format = this.formats.get(r, c);
        return typeof v === 'number' && isDateFormat(format) ? new Date(serialToMs(v, tz)) : v;
      }),
      formulas: grid((r, c) => this.formulas.get(r, c) ?? ''),
      displayValues: grid((r, c) => this.displayText(r, c)),
      numberFormats: grid((r, c) => this.formats.get(r, c) ?? ''),
      backgrounds: grid((r, c) => this.backgrounds.get(r, c) ?? null),
      fontWeights: grid((r, c) => this.fontWeights.get(r, c) ?? 'normal'),
      fontColors: grid((r, c) => this.fontColors.get(r, c) ?? null),
      horizontalAlignments: grid((r, c) => this.alignments.get(r, c) ?? null),
      wraps: grid((r, c) => this.wraps.get(r, c) ?? false),
      notes: grid((r, c) => this.notes.get(r, c) ?? ''),
      columnWidths,
      dataValidations: this.validationRuns(),
      protections: this.protections.map((p) => p.snapshot()),
      charts: this.charts.map((c) => ({
        chartId: c.chartId ?? 0,
        type: c.type,
        title: typeof c.options.title === 'string' ? c.options.title : '',
        ranges: c.ranges.map((r) =>
          r.getSheet() === this
            ? r.getA1Notation()
            : `'${r.getSheet().localName()}'!${r.getA1Notation()}`,
        ),
        options: { ...c.options },
        position: { ...c.position },
      })),
      conditionalFormatRules: this.conditionalRules.map((rule) => {
        const cond = rule.getBooleanCondition();
        return {
          ranges: rule.getRanges().map((r) => r.getA1Notation()),
          criteria: cond.getCriteriaType(),
          values: cond.getCriteriaValues(),
          background: cond.getBackground(),
          fontColor: cond.getFontColor(),
        };
      }),
    };
  }

  /** Data validations grouped into vertical runs of one column sharing the same rule. */
  private validationRuns(): ValidationData[] {
    const runs: ValidationData[] = [];
    let width = 0;
    for (const row of this.validations.rows) if (row) width = Math.max(width, row.length);
    for (let c = 0; c < width; c++) {
      let start = -1;
      let rule: LocalDataValidation | undefined;
      const flush = (end: number) => {
        if (rule && start >= 0) {
          runs.push({
            a1: a1Notation(start + 1, c + 1, end - start, 1),
            type: rule.getCriteriaType(),
            values: rule.listValues(),
            allowInvalid: rule.getAllowInvalid(),
            helpText: rule.getHelpText(),
          });
        }
      };
      for (let r = 0; r <= this.validations.rows.length; r++) {
        const here = r < this.validations.rows.length ? this.validations.get(r, c) : undefined;
        if (here !== rule) {
          flush(r);
          rule = here;
          start = r;
        }
      }
    }
    return runs;
  }
}

/**
 * The order Range.sort puts two cell values in. Empty cells go last in either direction;
 * numbers (dates are serial numbers) before text before booleans; text without regard to case.
 * The reference says neither how mixed types nor equal keys are ordered: the local model keeps
 * equal rows in their order, and the product must not depend on the order staff sort rows in.
 */
function compareForSort(a: CellValue, b: CellValue, ascending: boolean): number {
  const blankA = a === '';
  const blankB = b === '';
  if (blankA || blankB) return blankA === blankB ? 0 : blankA ? 1 : -1;
  const rank = (v: CellValue) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  let d = rank(a) - rank(b);
  if (d === 0) {
    if (typeof a === 'number' && typeof b === 'number') d = a - b;
    else if (typeof a === 'string' && typeof b === 'string') {
      const x = a.toLowerCase();
      const y = b.toLowerCase();
      d = x < y ? -1 : x > y ? 1 : 0;
    } else d = Number(a) - Number(b);
  }
  return ascending ? d : -d;
}
