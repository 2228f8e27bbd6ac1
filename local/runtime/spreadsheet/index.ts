// The in-memory SpreadsheetApp of the local Apps Script runtime. Every method that would be a
// round trip to Google calls ctx.call('Spreadsheet', method, cells) first: that runs the
// fault hooks (which may throw) and counts calls and cells for the benchmark. Not counted:
// ids and parents known locally (getId, getUrl, getSheetId, getParent), a Range's own
// geometry (getRow, getColumn, getNumRows, getNumColumns, getLastRow, getLastColumn,
// getA1Notation, getSheet, offset, getCell), builders and the UI.
//
// Storage: per sheet, sparse rows of cell values (Layer), with formulas, number formats and
// styles in layers of their own. Dates are stored as Sheets does, as serial numbers whose
// number format is a date format; the spreadsheet's time zone turns them into instants.

import { isDate, type RuntimeContext } from '../context';
import { parseTypedCell } from '../typed-input';
import { a1Notation, columnLetters, parseA1 } from './a1';
import {
  BooleanCriteria,
  ConditionalFormatRuleBuilder,
  DataValidationBuilder,
  DataValidationCriteria,
  type LocalConditionalFormatRule,
  LocalDataValidation,
} from './builders';
import {
  type ChartData,
  type ChartState,
  LocalEmbeddedChart,
  LocalEmbeddedChartBuilder,
} from './charts';
import { exception } from './errors';
import { type CellValue, formatValue, isDateFormat, isTextFormat } from './format';
import { evaluateFormula } from './formula';
import { Layer } from './layer';
import { LocalUi } from './ui';
import { isValidTimeZone, msToSerial, serialToMs } from './zone';

export { LocalDataValidation } from './builders';
export type { ChartData } from './charts';
export { LocalUi } from './ui';

const MAX_CELL_CHARS = 50_000;
const MAX_WORKBOOK_CELLS = 10_000_000;
const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;
const DEFAULT_COLUMN_WIDTH = 100;
const DEFAULT_DATE_TIME_FORMAT = 'yyyy/MM/dd H:mm:ss';
const DEFAULT_TIME_FORMAT = 'H:mm:ss';

export const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;
export type ProtectionTypeName = keyof typeof ProtectionType;

/** A value as the script sees it. */
export type ScriptValue = string | number | boolean | Date;

const COLOR_NAMES: Record<string, string> = {
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
function normalizeColor(color: string): string {
  const c = color.trim().toLowerCase();
  if (COLOR_NAMES[c]) return COLOR_NAMES[c];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return c;
}

function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'string') return 'String';
  if (Array.isArray(value)) return 'Object[]';
  return 'Object';
}

function signatureError(args: unknown[], method: string): Error {
  // Error text: unverified (see spreadsheet/errors.ts).
  return exception(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`,
  );
}

function requireNumbers(args: unknown[], count: number, method: string): void {
  for (let i = 0; i < count; i++) {
    if (typeof args[i] !== 'number' || Number.isNaN(args[i])) throw signatureError(args, method);
  }
}

/** Checks a 2-D array against the range's shape with Apps Script's messages. */
function checkShape(
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
class Env {
  formulaCells = 0;
  constructor(readonly ctx: RuntimeContext) {}
  call(method: string, cells?: { read?: number; written?: number }): void {
    this.ctx.call('Spreadsheet', method, cells);
  }
}

export class LocalUser {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
}

function emailOf(user: unknown): string {
  if (typeof user === 'string') return user;
  if (user && typeof (user as LocalUser).getEmail === 'function') {
    return (user as LocalUser).getEmail();
  }
  throw signatureError([user], 'SpreadsheetApp.Protection.addEditor');
}

export class LocalProtection {
  private description = '';
  private warningOnly = false;
  private domainEdit = false;
  private readonly editors: string[];
  private unprotected: LocalRange[] = [];
  removed = false;

  constructor(
    private readonly env: Env,
    private readonly sheet: LocalSheet,
    private readonly range: LocalRange | null,
    private readonly type: ProtectionTypeName,
  ) {
    // A new protection lets the owner and the user who made it edit.
    const owner = sheet.getParent().owner;
    const creator = env.ctx.execution?.user;
    this.editors = creator && creator !== owner ? [owner, creator] : [owner];
  }

  getProtectionType(): ProtectionTypeName {
    return this.type;
  }
  getRange(): LocalRange {
    this.env.call('getRange');
    return this.range ?? this.sheet.wholeSheetRange();
  }
  getDescription(): string {
    this.env.call('getDescription');
    return this.description;
  }
  setDescription(description: string): this {
    this.env.call('setDescription');
    this.description = String(description);
    return this;
  }
  isWarningOnly(): boolean {
    this.env.call('isWarningOnly');
    return this.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): this {
    this.env.call('setWarningOnly');
    this.warningOnly = Boolean(warningOnly);
    return this;
  }
  addEditor(emailOrUser: string | LocalUser): this {
    this.env.call('addEditor');
    const email = emailOf(emailOrUser);
    if (!this.editors.includes(email)) this.editors.push(email);
    return this;
  }
  addEditors(emails: (string | LocalUser)[]): this {
    this.env.call('addEditors');
    for (const e of emails) {
      const email = emailOf(e);
      if (!this.editors.includes(email)) this.editors.push(email);
    }
    return this;
  }
  removeEditor(emailOrUser: string | LocalUser): this {
    this.env.call('removeEditor');
    this.dropEditor(emailOf(emailOrUser));
    return this;
  }
  removeEditors(emailsOrUsers: (string | LocalUser)[]): this {
    this.env.call('removeEditors');
    for (const e of emailsOrUsers) this.dropEditor(emailOf(e));
    return this;
  }
  getEditors(): LocalUser[] {
    this.env.call('getEditors');
    return this.editors.map((e) => new LocalUser(e));
  }
  canEdit(): boolean {
    this.env.call('canEdit');
    const user = this.env.ctx.execution?.user;
    return this.warningOnly || user === undefined || this.editors.includes(user);
  }
  canDomainEdit(): boolean {
    this.env.call('canDomainEdit');
    return this.domainEdit;
  }
  setDomainEdit(editable: boolean): this {
    this.env.call('setDomainEdit');
    this.domainEdit = Boolean(editable);
    return this;
  }
  setUnprotectedRanges(ranges: LocalRange[]): this {
    this.env.call('setUnprotectedRanges');
    if (this.type !== 'SHEET') {
      // Error text: unverified (see spreadsheet/errors.ts).
      throw exception('Unprotected ranges can only be set on a sheet protection.');
    }
    this.unprotected = [...ranges];
    return this;
  }
  getUnprotectedRanges(): LocalRange[] {
    this.env.call('getUnprotectedRanges');
    return [...this.unprotected];
  }
  remove(): void {
    this.env.call('remove');
    this.removed = true;
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this);
  }

  /** World view for export and tests (not counted). */
  snapshot(): ProtectionData {
    return {
      type: this.type,
      a1: this.range ? this.range.getA1Notation() : null,
      description: this.description,
      warningOnly: this.warningOnly,
      editors: [...this.editors],
      unprotectedRanges: this.unprotected.map((r) => r.getA1Notation()),
    };
  }

  private dropEditor(email: string): void {
    // The owner can always edit; removing them is silently ignored, as in Sheets.
    if (email === this.sheet.getParent().owner) return;
    const at = this.editors.indexOf(email);
    if (at >= 0) this.editors.splice(at, 1);
  }
}

export interface ProtectionData {
  type: ProtectionTypeName;
  a1: string | null;
  description: string;
  warningOnly: boolean;
  editors: string[];
  unprotectedRanges: string[];
}

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

export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number;
}

export class LocalSpreadsheet {
  readonly sheetList: LocalSheet[] = [];
  activeSheet: LocalSheet | null = null;
  timeZone: string;
  readonly toasts: Toast[] = [];
  private nextSheetId = 0;
  private nextChartId = 0;
  private evaluationDepth = 0;

  constructor(
    private readonly env: Env,
    readonly id: string,
    private name: string,
    readonly owner: string,
  ) {
    this.timeZone = env.ctx.timeZone;
  }

  // --- Apps Script API ---
  getId(): string {
    return this.id;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getName(): string {
    this.env.call('getName');
    return this.name;
  }
  rename(newName: string): void {
    this.env.call('rename');
    this.name = String(newName);
  }
  getOwner(): LocalUser {
    this.env.call('getOwner');
    return new LocalUser(this.owner);
  }
  getSheets(): LocalSheet[] {
    this.env.call('getSheets');
    return [...this.sheetList];
  }
  getNumSheets(): number {
    this.env.call('getNumSheets');
    return this.sheetList.length;
  }
  getSheetByName(name: string): LocalSheet | null {
    this.env.call('getSheetByName');
    return this.sheetList.find((s) => s.localName() === name) ?? null;
  }
  getSheetById(id: number): LocalSheet | null {
    this.env.call('getSheetById');
    return this.sheetList.find((s) => s.sheetId === id) ?? null;
  }
  /** insertSheet(), insertSheet(name), insertSheet(index), insertSheet(name, index). */
  insertSheet(nameOrIndex?: string | number, index?: number): LocalSheet {
    this.env.call('insertSheet');
    const name = typeof nameOrIndex === 'string' ? nameOrIndex : undefined;
    const at = typeof nameOrIndex === 'number' ? nameOrIndex : index;
    const sheet = this.addSheet(name, at);
    this.activeSheet = sheet;
    return sheet;
  }
  deleteSheet(sheet: LocalSheet): void {
    this.env.call('deleteSheet');
    const at = this.sheetList.indexOf(sheet);
    // Error text: unverified (see spreadsheet/errors.ts).
    if (at < 0) throw exception('Sheet not found');
    if (this.sheetList.length === 1)
      // Error text: unverified (see spreadsheet/errors.ts).
      throw exception("You can't remove all the sheets in a document.");
    this.sheetList.splice(at, 1);
    sheet.deleted = true;
    if (this.activeSheet === sheet) this.activeSheet = this.sheetList[0];
  }
  getActiveSheet(): LocalSheet {
    this.env.call('getActiveSheet');
    return this.activeSheet ?? this.sheetList[0];
  }
  setActiveSheet(sheet: LocalSheet): LocalSheet {
    this.env.call('setActiveSheet');
    this.activeSheet = sheet;
    return sheet;
  }
  getRange(a1Notation: string): LocalRange {
    this.env.call('getRange');
    const parsed = parseA1(String(a1Notation));
    const sheet =
      parsed && parsed.sheetName !== null
        ? this.sheetList.find((s) => s.localName() === parsed.sheetName)
        : (this.activeSheet ?? this.sheetList[0]);
    // Error text: unverified (see spreadsheet/errors.ts).
    if (!sheet) throw exception('Range not found');
    return sheet.rangeFromA1(String(a1Notation));
  }
  getSpreadsheetTimeZone(): string {
    this.env.call('getSpreadsheetTimeZone');
    return this.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    this.env.call('setSpreadsheetTimeZone');
    // Error text: unverified (see spreadsheet/errors.ts).
    if (!isValidTimeZone(String(timezone))) throw exception(`Invalid argument: ${timezone}`);
    this.timeZone = String(timezone);
  }
  toast(msg: string, title?: string, timeoutSeconds?: number): void {
    this.env.call('toast');
    this.toasts.push({
      message: String(msg),
      title: title ?? '',
      timeoutSeconds: timeoutSeconds ?? 5,
    });
  }

  // --- world API ---
  /** Everything staff would see, per sheet, for exporting an .xlsx (not counted). */
  sheetsData(): SheetData[] {
    return this.sheetList.map((s) => s.snapshot());
  }

  /** The sheet of this name without counting a call (tests and the runner). */
  sheet(name: string): LocalSheet | null {
    return this.sheetList.find((s) => s.localName() === name) ?? null;
  }

  // --- internals ---
  addSheet(name?: string, index?: number): LocalSheet {
    let sheetName = name;
    if (sheetName === undefined) {
      let n = this.sheetList.length + 1;
      while (this.sheet(`Sheet${n}`)) n++;
      sheetName = `Sheet${n}`;
    }
    const clash = this.sheetList.find(
      (s) => s.localName().toLowerCase() === String(sheetName).toLowerCase(),
    );
    if (clash) {
      // Error text: unverified (see spreadsheet/errors.ts).
      throw exception(
        `A sheet with the name "${sheetName}" already exists. Please enter another name.`,
      );
    }
    this.checkGrowth(DEFAULT_ROWS * DEFAULT_COLUMNS);
    const sheet = new LocalSheet(this.env, this, String(sheetName), this.nextSheetId);
    // Real sheet ids are arbitrary numbers; the first sheet is 0 as in Sheets.
    this.nextSheetId = this.nextSheetId === 0 ? 1_000_001 : this.nextSheetId + 7919;
    const at =
      index === undefined
        ? this.sheetList.length
        : Math.max(0, Math.min(index, this.sheetList.length));
    this.sheetList.splice(at, 0, sheet);
    return sheet;
  }

  /** A chart id, unique across the spreadsheet (real ids are arbitrary integers). */
  newChartId(): number {
    this.nextChartId++;
    return 1_734_000_000 + this.nextChartId * 131;
  }

  totalCells(): number {
    return this.sheetList.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
  }

  checkGrowth(extraCells: number): void {
    if (this.totalCells() + extraCells > MAX_WORKBOOK_CELLS) {
      // Error text: unverified (see spreadsheet/errors.ts).
      throw exception(
        `This action would increase the number of cells in the workbook above the limit of ${MAX_WORKBOOK_CELLS} cells.`,
      );
    }
  }

  /** Computes a formula; references read this spreadsheet's cells. */
  evaluate(formula: string, from: LocalSheet): CellValue {
    if (this.evaluationDepth > 64) return '#REF!'; // a circular reference
    this.evaluationDepth++;
    try {
      return evaluateFormula(formula, (sheetName, r1, c1, r2, c2) => {
        const sheet = sheetName === null ? from : this.sheet(sheetName);
        if (!sheet || r2 > sheet.maxRows || c2 > sheet.maxColumns) return null;
        const out: CellValue[][] = [];
        for (let r = r1 - 1; r < r2; r++) {
          const row: CellValue[] = [];
          for (let c = c1 - 1; c < c2; c++) row.push(sheet.cellValue(r, c));
          out.push(row);
        }
        return out;
      });
    } finally {
      this.evaluationDepth--;
    }
  }
}

export class SpreadsheetService {
  readonly ui: LocalUi;
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  private readonly env: Env;
  private readonly spreadsheets: LocalSpreadsheet[] = [];
  private container: LocalSpreadsheet | null = null;

  constructor(private readonly ctx: RuntimeContext) {
    this.env = new Env(ctx);
    this.ui = new LocalUi();
  }

  // --- world API ---
  /** A new file with one sheet 'Sheet1' (1000 × 26). */
  createSpreadsheet(name: string, owner = 'owner@example.com'): LocalSpreadsheet {
    const ss = new LocalSpreadsheet(this.env, this.ctx.newId('ss'), name, owner);
    ss.activeSheet = ss.addSheet('Sheet1');
    this.spreadsheets.push(ss);
    return ss;
  }
  /** The spreadsheet the script is bound to. */
  setContainer(ss: LocalSpreadsheet): void {
    this.container = ss;
  }
  all(): LocalSpreadsheet[] {
    return [...this.spreadsheets];
  }
  /** How many cells ever became formulas from a written string (setValue(s)/appendRow). */
  formulaCellsCreated(): number {
    return this.env.formulaCells;
  }

  // --- Apps Script API ---
  getActiveSpreadsheet(): LocalSpreadsheet | null {
    this.env.call('getActiveSpreadsheet');
    return this.container;
  }
  getActive(): LocalSpreadsheet | null {
    this.env.call('getActive');
    return this.container;
  }
  getActiveSheet(): LocalSheet | null {
    this.env.call('getActiveSheet');
    return this.container ? (this.container.activeSheet ?? this.container.sheetList[0]) : null;
  }
  openById(id: string): LocalSpreadsheet {
    this.env.call('openById');
    const ss = this.spreadsheets.find((s) => s.id === id);
    if (!ss)
      // Error text: unverified (see spreadsheet/errors.ts).
      throw exception(
        'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
      );
    return ss;
  }
  openByUrl(url: string): LocalSpreadsheet {
    this.env.call('openByUrl');
    const m = /^https:\/\/docs\.google\.com\/spreadsheets\/d\/([\w-]+)/.exec(String(url));
    // Error text: unverified (see spreadsheet/errors.ts).
    if (!m) throw exception('Invalid argument: url');
    const ss = this.spreadsheets.find((s) => s.id === m[1]);
    if (!ss)
      // Error text: unverified (see spreadsheet/errors.ts).
      throw exception(
        'Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.',
      );
    return ss;
  }
  create(name: string): LocalSpreadsheet {
    this.env.call('create');
    return this.createSpreadsheet(String(name), this.ctx.execution?.user ?? 'owner@example.com');
  }
  getUi(): LocalUi {
    if (this.ctx.execution?.kind === 'trigger') {
      // Error text: APPS-SCRIPT-FACTS.md (quoted from public reports; see spreadsheet/errors.ts).
      throw exception('Cannot call SpreadsheetApp.getUi() from this context.');
    }
    return this.ui;
  }
  /** Applies pending changes; everything here is applied at once, but the round trip counts. */
  flush(): void {
    this.env.call('flush');
  }
  newDataValidation(): DataValidationBuilder {
    return new DataValidationBuilder();
  }
  newConditionalFormatRule(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder();
  }
}
