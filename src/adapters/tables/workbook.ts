// One execution's view of the office spreadsheet: each table is opened and read at most
// once per execution, and every change is written back in flushAll().

import type { KeysOf } from './schema';
import { refuseToRecreate } from './system-sheets';
import { type Search, searchTables, Table, type TableSpec } from './table';

export class Workbook {
  private readonly tables = new Map<string, Table<string>>();

  constructor(readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet) {}

  static active(): Workbook {
    return new Workbook(SpreadsheetApp.getActiveSpreadsheet());
  }

  table<T extends TableSpec>(spec: T): Table<KeysOf<T>> {
    let table = this.tables.get(spec.name);
    if (!table) {
      table = Table.open(this.ss, spec) as Table<string>;
      this.tables.set(spec.name, table);
    }
    // Opened for lookups earlier in this execution: read whole now, keeping its changes.
    if (table.isPartial()) table.dataRows();
    return table as Table<KeysOf<T>>;
  }

  /**
   * The table of `spec` for lookups by key (Table.lookup): the table already open in this
   * execution if any (then lookups filter what it holds), else its header only, the rows coming
   * in as they are looked up. Null when the sheet does not exist (nothing is created); a sheet
   * set-up made and now missing throws MissingSystemSheet.
   */
  lookupTable<T extends TableSpec>(spec: T): Table<KeysOf<T>> | null {
    const open = this.tables.get(spec.name);
    if (open) return open as Table<KeysOf<T>>;
    const table = Table.openForLookups(this.ss, spec) as Table<string> | null;
    if (table) this.tables.set(spec.name, table);
    // No sheet reads as "no rows" only where set-up never made it (system-sheets.ts).
    else refuseToRecreate(spec.name);
    return table as Table<KeysOf<T>> | null;
  }

  /** Several lookups in one search of the spreadsheet (see searchTables). */
  search(searches: readonly Search[]): void {
    searchTables(this.ss, searches);
  }

  /** The table of `spec` when its sheet exists (read once per execution); null otherwise. */
  tableIfExists<T extends TableSpec>(spec: T): Table<KeysOf<T>> | null {
    const open = this.tables.get(spec.name);
    if (open) {
      if (open.isPartial()) open.dataRows();
      return open as Table<KeysOf<T>>;
    }
    const table = Table.openIfExists(this.ss, spec) as Table<string> | null;
    if (table) this.tables.set(spec.name, table);
    else refuseToRecreate(spec.name);
    return table as Table<KeysOf<T>> | null;
  }

  /** Whether a table was already read in this execution. */
  isOpen(spec: TableSpec): boolean {
    return this.tables.has(spec.name);
  }

  /**
   * Writes every table's changes, in the order the tables were opened, stopping at the first
   * that fails (the order is part of the design: see the use cases).
   */
  flushAll(): void {
    for (const table of this.tables.values()) table.flush();
  }

  /** Writes one table's changes, when it is open. */
  flushOne(spec: TableSpec): void {
    this.tables.get(spec.name)?.flush();
  }
}
