// One property of every cell of a sheet (value, formula, format, background, …) stored as
// sparse rows: only rows and cells that were ever set take memory. Indexes are 0-based.

export class Layer<T> {
  rows: (Array<T | undefined> | undefined)[] = [];
  /**
   * Told of every change: the 0-based row of a cell set, or -1 when rows or columns moved or
   * the layer was cleared (the TextFinder's index of displayed texts, cell-index.ts).
   */
  onChange: ((row: number) => void) | undefined = undefined;
  /** Told when rows from `at` (0-based) on moved (rows inserted or deleted there). */
  onRowsMoved: ((at: number) => void) | undefined = undefined;

  get(row: number, column: number): T | undefined {
    const r = this.rows[row];
    return r === undefined ? undefined : r[column];
  }

  set(row: number, column: number, value: T | undefined): void {
    let r = this.rows[row];
    if (r === undefined) {
      if (value === undefined) return;
      r = [];
      this.rows[row] = r;
    } else if (r[column] === value) {
      // The same value written again (a row written back whole, most of it unchanged): nothing
      // changes, and the index is not told (it would work out the row's texts again).
      return;
    }
    if (this.onChange !== undefined) this.onChange(row);
    r[column] = value;
  }

  isEmpty(): boolean {
    return this.rows.length === 0;
  }

  clear(): void {
    this.onChange?.(-1);
    this.rows = [];
  }

  insertRows(at: number, count: number): void {
    // Rows added below the last that holds anything move nothing.
    if (at >= this.rows.length) return;
    this.onRowsMoved?.(at);
    this.rows = [...this.rows.slice(0, at), ...new Array(count), ...this.rows.slice(at)];
  }

  deleteRows(at: number, count: number): void {
    if (at >= this.rows.length) return;
    this.onRowsMoved?.(at);
    this.rows.splice(at, count);
  }

  insertColumns(at: number, count: number): void {
    this.onChange?.(-1);
    for (const r of this.rows) {
      if (r !== undefined && r.length > at) r.splice(at, 0, ...new Array<T | undefined>(count));
    }
  }

  deleteColumns(at: number, count: number): void {
    this.onChange?.(-1);
    for (const r of this.rows) if (r !== undefined) r.splice(at, count);
  }
}
