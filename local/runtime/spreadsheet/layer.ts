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

  /**
   * Puts the cells of columns c0..c0+width-1 of rows r0.. in a new row order: row r0+i gets
   * what row r0+order[i] held (Range.sort). Every row whose cells changed is reported.
   */
  permuteRows(r0: number, c0: number, width: number, order: readonly number[]): void {
    const before = order.map((_, i) => {
      const r = this.rows[r0 + i];
      return r === undefined ? undefined : r.slice(c0, c0 + width);
    });
    for (let i = 0; i < order.length; i++) {
      if (order[i] === i) continue;
      const source = before[order[i]];
      let row = this.rows[r0 + i];
      let changed = false;
      for (let j = 0; j < width; j++) {
        const value = source === undefined ? undefined : source[j];
        const current = row === undefined ? undefined : row[c0 + j];
        if (value === current) continue;
        if (row === undefined) {
          row = [];
          this.rows[r0 + i] = row;
        }
        row[c0 + j] = value;
        changed = true;
      }
      if (changed) this.onChange?.(r0 + i);
    }
  }

  /**
   * Moves `count` columns from `from` to before column `to` (0-based, `to` counted before the
   * move: Sheet.moveColumns), in every row.
   */
  moveColumns(from: number, count: number, to: number): void {
    this.onChange?.(-1);
    const at = to > from ? to - count : to;
    for (const r of this.rows) {
      if (r === undefined) continue;
      while (r.length < Math.max(from + count, to)) r.push(undefined);
      const moved = r.splice(from, count);
      r.splice(at, 0, ...moved);
    }
  }

  /** Moves `count` rows from `from` to before row `to` (0-based, counted before the move). */
  moveRows(from: number, count: number, to: number): void {
    const first = Math.min(from, to);
    if (first >= this.rows.length) return;
    this.onRowsMoved?.(first);
    while (this.rows.length < Math.max(from + count, to)) this.rows.push(undefined);
    const moved = this.rows.splice(from, count);
    this.rows.splice(to > from ? to - count : to, 0, ...moved);
  }
}
