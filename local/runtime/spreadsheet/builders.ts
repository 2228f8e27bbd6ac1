// Data validation and conditional format rules with their builders (pure values: building
// a rule touches no document, so nothing here is counted).

import type { CellValue } from './format';

export const DataValidationCriteria = {
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  CHECKBOX: 'CHECKBOX',
} as const;
export type DataValidationCriteriaType = keyof typeof DataValidationCriteria;

export const BooleanCriteria = {
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  CELL_EMPTY: 'CELL_EMPTY',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
} as const;
export type BooleanCriteriaType = keyof typeof BooleanCriteria;

export class LocalDataValidation {
  constructor(
    private readonly criteria: DataValidationCriteriaType,
    private readonly values: unknown[],
    private readonly allowInvalid: boolean,
    private readonly helpText: string,
  ) {}
  getCriteriaType(): DataValidationCriteriaType {
    return this.criteria;
  }
  /** As in Apps Script: [list, showDropdown] for a list, [] or [checked, unchecked] for a checkbox. */
  getCriteriaValues(): unknown[] {
    return this.values.map((v) => (Array.isArray(v) ? [...v] : v));
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getHelpText(): string {
    return this.helpText;
  }
  copy(): DataValidationBuilder {
    const b = new DataValidationBuilder();
    b.criteria = this.criteria;
    b.values = this.getCriteriaValues();
    b.allowInvalid = this.allowInvalid;
    b.helpText = this.helpText;
    return b;
  }
  /** The list of allowed values (VALUE_IN_LIST), for export. */
  listValues(): string[] {
    return this.criteria === 'VALUE_IN_LIST' ? (this.values[0] as unknown[]).map(String) : [];
  }
  /** Whether a value the script writes passes the rule (empty always passes). */
  accepts(value: CellValue): boolean {
    if (value === '') return true;
    if (this.criteria === 'VALUE_IN_LIST') return this.listValues().includes(String(value));
    const custom = this.values.length === 2 ? this.values : [true, false];
    return custom.some((v) => v === value || String(v) === String(value));
  }
}

export class DataValidationBuilder {
  criteria: DataValidationCriteriaType | null = null;
  values: unknown[] = [];
  // The reference: "The default for a new data validation builder is true."
  allowInvalid = true;
  helpText = '';

  requireValueInList(values: unknown[], showDropdown = true): this {
    this.criteria = 'VALUE_IN_LIST';
    this.values = [[...values].map(String), showDropdown];
    return this;
  }
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): this {
    this.criteria = 'CHECKBOX';
    this.values =
      checkedValue === undefined
        ? []
        : uncheckedValue === undefined
          ? [checkedValue]
          : [checkedValue, uncheckedValue];
    return this;
  }
  setAllowInvalid(allowInvalidData: boolean): this {
    this.allowInvalid = allowInvalidData;
    return this;
  }
  setHelpText(helpText: string): this {
    this.helpText = helpText;
    return this;
  }
  getCriteriaType(): DataValidationCriteriaType | null {
    return this.criteria;
  }
  build(): LocalDataValidation {
    // Error text: unverified (see spreadsheet/errors.ts).
    if (!this.criteria) throw new Error('You must specify a data validation criteria.');
    return new LocalDataValidation(this.criteria, this.values, this.allowInvalid, this.helpText);
  }
}

/** Anything with an A1 notation and a sheet: a LocalRange (kept structural to avoid a cycle). */
export interface RuleRange {
  getA1Notation(): string;
  getSheet(): { getName(): string };
}

export class LocalBooleanCondition {
  constructor(
    private readonly criteria: BooleanCriteriaType,
    private readonly values: unknown[],
    private readonly background: string | null,
    private readonly fontColor: string | null,
    private readonly bold: boolean | null,
  ) {}
  getCriteriaType(): BooleanCriteriaType {
    return this.criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.values];
  }
  getBackground(): string | null {
    return this.background;
  }
  getFontColor(): string | null {
    return this.fontColor;
  }
  getBold(): boolean | null {
    return this.bold;
  }
}

export class LocalConditionalFormatRule {
  constructor(
    private readonly ranges: RuleRange[],
    private readonly condition: LocalBooleanCondition,
  ) {}
  getRanges(): RuleRange[] {
    return [...this.ranges];
  }
  getBooleanCondition(): LocalBooleanCondition {
    return this.condition;
  }
  copy(): ConditionalFormatRuleBuilder {
    const b = new ConditionalFormatRuleBuilder();
    b.criteria = this.condition.getCriteriaType();
    b.values = this.condition.getCriteriaValues();
    b.background = this.condition.getBackground();
    b.fontColor = this.condition.getFontColor();
    b.bold = this.condition.getBold();
    b.ranges = this.getRanges();
    return b;
  }
}

export class ConditionalFormatRuleBuilder {
  criteria: BooleanCriteriaType | null = null;
  values: unknown[] = [];
  background: string | null = null;
  fontColor: string | null = null;
  bold: boolean | null = null;
  ranges: RuleRange[] = [];

  whenTextEqualTo(text: string): this {
    return this.when('TEXT_EQUAL_TO', [text]);
  }
  whenTextContains(text: string): this {
    return this.when('TEXT_CONTAINS', [text]);
  }
  whenCellEmpty(): this {
    return this.when('CELL_EMPTY', []);
  }
  whenFormulaSatisfied(formula: string): this {
    return this.when('CUSTOM_FORMULA', [formula]);
  }
  setBackground(color: string | null): this {
    this.background = color;
    return this;
  }
  setFontColor(color: string | null): this {
    this.fontColor = color;
    return this;
  }
  setBold(bold: boolean | null): this {
    this.bold = bold;
    return this;
  }
  setRanges(ranges: RuleRange[]): this {
    this.ranges = [...ranges];
    return this;
  }
  getRanges(): RuleRange[] {
    return [...this.ranges];
  }
  build(): LocalConditionalFormatRule {
    // Error text: unverified (see spreadsheet/errors.ts).
    if (!this.criteria) throw new Error('Conditional format rule cannot have no condition.');
    const condition = new LocalBooleanCondition(
      this.criteria,
      this.values,
      this.background,
      this.fontColor,
      this.bold,
    );
    return new LocalConditionalFormatRule(this.ranges, condition);
  }

  private when(criteria: BooleanCriteriaType, values: unknown[]): this {
    this.criteria = criteria;
    this.values = values;
    return this;
  }
}
