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
//
// This file holds the service (SpreadsheetService) and the workbook (LocalSpreadsheet) and
// re-exports the rest, so callers import from 'spreadsheet' only: a sheet and its cell layers
// in sheet.ts, a range in range.ts, protections in protection.ts, what they share (limits,
// signature errors, Env) in common.ts; builders, charts, formulas, number formats, A1
// notation and the UI in files of their own.

import type { RuntimeContext } from '../context';
import { parseA1 } from './a1';
import {
  BooleanCriteria,
  ConditionalFormatRuleBuilder,
  DataValidationBuilder,
  DataValidationCriteria,
} from './builders';
import { DEFAULT_COLUMNS, DEFAULT_ROWS, Env, MAX_WORKBOOK_CELLS } from './common';
import { exception } from './errors';
import { FilterCriteriaBuilder } from './filter';
import type { CellValue } from './format';
import { evaluateFormula } from './formula';
import { LocalUser, ProtectionType } from './protection';
import type { LocalRange } from './range';
import { LocalSheet, type SheetData } from './sheet';
import { LocalTextFinder, searchable } from './text-finder';
import { LocalUi } from './ui';
import { isValidTimeZone } from './zone';

export { LocalDataValidation } from './builders';
export type { ChartData } from './charts';
export type { ScriptValue } from './common';
export {
  LocalProtection,
  LocalUser,
  type ProtectionData,
  ProtectionType,
  type ProtectionTypeName,
} from './protection';
export { type ClearOptions, LocalRange } from './range';
export { LocalSheet, type SheetData, type ValidationData } from './sheet';
export { LocalUi } from './ui';

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
  /** Searches every sheet, in tab order (spreadsheet/text-finder.ts). */
  createTextFinder(findText: string): LocalTextFinder<LocalRange> {
    this.env.call('createTextFinder');
    return new LocalTextFinder(
      (m) => this.env.call(m),
      this.sheetList.map((s) => ({
        sheet: searchable(s),
        row: 1,
        column: 1,
        numRows: s.maxRows,
        numColumns: s.maxColumns,
      })),
      String(findText),
      (r) => searchable(r.getSheet()),
    );
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
  newFilterCriteria(): FilterCriteriaBuilder {
    return new FilterCriteriaBuilder();
  }
}
