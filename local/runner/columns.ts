// A system sheet's columns found by header, as the product finds them (src/adapters/tables/table.ts:
// the full bilingual header, either half, or an alias, compared after normalizeHeader). The
// runner reads the sheets from outside the script with this one function.
import { headerNames, normalizeHeader, type TableSpec } from '../../src/adapters/tables/table';

/** Column index (0-based) of each of the spec's columns the header has, by key. */
export function columnIndexes(header: readonly unknown[], spec: TableSpec): Map<string, number> {
  const names = header.map(normalizeHeader);
  const out = new Map<string, number>();
  for (const col of spec.columns) {
    const accepted = headerNames(col);
    const i = names.findIndex((n) => accepted.includes(n));
    if (i >= 0) out.set(col.key, i);
  }
  return out;
}
