// Filters of the local SpreadsheetApp: Range.createFilter, Sheet/Range.getFilter, Filter and
// FilterCriteria(Builder), as the reference states them:
// - "Class Filter" (https://developers.google.com/apps-script/reference/spreadsheet/filter): one
//   filter per sheet on a range; setColumnFilterCriteria(columnPosition, criteria) with the
//   1-based column of the sheet ("hides the cells in column C": position 3), null removing them;
//   remove() removes the filter;
// - "Class FilterCriteriaBuilder" (…/filter-criteria-builder): built with
//   SpreadsheetApp.newFilterCriteria(); setHiddenValues(values) hides the rows whose cell in that
//   column shows one of the values; whenTextEqualTo(text) shows only the rows whose cell is that
//   text; build() assembles the criteria.
// A row of the filter's range below its header row is hidden by the filter when a column's
// criteria hide it (Sheet.isRowHiddenByFilter). Hiding is only that: values, getValues and the
// TextFinder see hidden rows as any other (the team's reading of "Class TextFinder", whose
// findAll "Returns all cells matching the search criteria" and says nothing of hidden rows; the
// environment check probes it on real Google, src/domain/finder-probe.ts).
// Not modelled: a filter's range moving with rows or columns inserted or deleted, sorting,
// conditions other than text equality, colour criteria, filter views.

import { type Env, signatureError } from './common';
import { exception } from './errors';

export class LocalFilterCriteria {
  constructor(
    readonly hiddenValues: readonly string[],
    readonly textEqualTo: string | null,
  ) {}
  getHiddenValues(): string[] {
    return [...this.hiddenValues];
  }
  getCriteriaType(): string | null {
    return this.textEqualTo === null ? null : 'TEXT_EQUAL_TO';
  }
  getCriteriaValues(): unknown[] {
    return this.textEqualTo === null ? [] : [this.textEqualTo];
  }
  copy(): FilterCriteriaBuilder {
    const b = new FilterCriteriaBuilder();
    b.setHiddenValues([...this.hiddenValues]);
    if (this.textEqualTo !== null) b.whenTextEqualTo(this.textEqualTo);
    return b;
  }
  /** Whether a cell showing `text` is hidden by these criteria. */
  hides(text: string): boolean {
    if (this.hiddenValues.includes(text)) return true;
    return this.textEqualTo !== null && text !== this.textEqualTo;
  }
}

/** SpreadsheetApp.newFilterCriteria(): a pure value, nothing counted. */
export class FilterCriteriaBuilder {
  private hidden: string[] = [];
  private equalTo: string | null = null;
  setHiddenValues(values: string[]): this {
    if (!Array.isArray(values))
      throw signatureError([values], 'SpreadsheetApp.FilterCriteriaBuilder.setHiddenValues');
    this.hidden = values.map(String);
    return this;
  }
  getHiddenValues(): string[] {
    return [...this.hidden];
  }
  whenTextEqualTo(text: string): this {
    this.equalTo = String(text);
    return this;
  }
  build(): LocalFilterCriteria {
    return new LocalFilterCriteria([...this.hidden], this.equalTo);
  }
}

/** What a filter needs of its sheet. */
export interface FilteredSheet<R> {
  displayText(row: number, column: number): string;
  makeRange(row: number, column: number, numRows: number, numColumns: number): R;
  removeFilter(): void;
}

export class LocalFilter<R> {
  private readonly criteria = new Map<number, LocalFilterCriteria>();
  private removed = false;
  constructor(
    private readonly env: Env,
    private readonly sheet: FilteredSheet<R>,
    /** 1-based first row (the header) and column, and size. */
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}

  getRange(): R {
    this.env.call('getRange');
    this.check();
    return this.sheet.makeRange(this.row, this.column, this.numRows, this.numColumns);
  }

  setColumnFilterCriteria(columnPosition: number, criteria: LocalFilterCriteria | null): this {
    this.env.call('setColumnFilterCriteria');
    this.check();
    const c = Math.trunc(Number(columnPosition));
    if (criteria !== null && !(criteria instanceof LocalFilterCriteria))
      throw signatureError(
        [columnPosition, criteria],
        'SpreadsheetApp.Filter.setColumnFilterCriteria',
      );
    // Error text: unverified (see spreadsheet/errors.ts).
    if (!(c >= this.column && c < this.column + this.numColumns))
      throw exception('The column is not in the range of the filter.');
    if (criteria === null) this.criteria.delete(c);
    else this.criteria.set(c, criteria);
    return this;
  }

  getColumnFilterCriteria(columnPosition: number): LocalFilterCriteria | null {
    this.env.call('getColumnFilterCriteria');
    this.check();
    return this.criteria.get(Math.trunc(Number(columnPosition))) ?? null;
  }

  removeColumnFilterCriteria(columnPosition: number): this {
    return this.setColumnFilterCriteria(columnPosition, null);
  }

  remove(): void {
    this.env.call('remove');
    this.check();
    this.removed = true;
    this.sheet.removeFilter();
  }

  /** Whether the filter hides this 1-based row (rows of its range below the header). */
  hidesRow(row: number): boolean {
    if (this.removed || row <= this.row || row >= this.row + this.numRows) return false;
    for (const [column, criteria] of this.criteria)
      if (criteria.hides(this.sheet.displayText(row - 1, column - 1))) return true;
    return false;
  }

  private check(): void {
    // Error text: unverified (see spreadsheet/errors.ts).
    if (this.removed) throw exception('The filter was removed.');
  }
}
