// The Settings sheet: one row per setting (key, bilingual label, value, explanation).
// Code reads values by key only; every value is validated when read, and a bad one stops
// the job before it writes anything, with a message that names the row.
import { formatSettingErrors, parseSettings, SETTINGS_SPEC } from '../domain/settings';
import type { Settings } from '../domain/settings-types';
import { SETTINGS } from '../store/schema';
import type { Workbook } from '../store/workbook';

export class SettingsError extends Error {
  constructor(
    message: string,
    readonly messageJa: string,
  ) {
    super(message);
    this.name = 'SettingsError';
  }
}

/** Reads and validates Settings; creates the sheet with the defaults when it is missing. */
export function readSettings(book: Workbook): Settings {
  const table = book.table(SETTINGS);
  const values = new Map<string, unknown>();
  for (const row of table.dataRows()) {
    const key = String(table.get(row, 'key') ?? '').trim();
    if (key !== '') values.set(key, table.get(row, 'value'));
  }
  // Rows a newer version added, or staff deleted, come back with their default.
  const missing = SETTINGS_SPEC.filter((spec) => !values.has(spec.key));
  for (const spec of missing) {
    table.append({
      key: spec.key,
      label: `${spec.labelJa} / ${spec.labelEn}`,
      value: spec.defaultValue,
      help: `${spec.helpJa} / ${spec.helpEn}`,
    });
  }
  if (missing.length > 0) table.flush();
  const parsed = parseSettings(values);
  if ('errors' in parsed) {
    throw new SettingsError(
      formatSettingErrors(parsed.errors, 'en'),
      formatSettingErrors(parsed.errors, 'ja'),
    );
  }
  return parsed.settings;
}

/** Writes values by key (used by the local runner and tests to point Settings at forms). */
export function writeSettingValues(book: Workbook, entries: Record<string, string>): void {
  readSettingsRows(book);
  const table = book.table(SETTINGS);
  for (const [key, value] of Object.entries(entries)) {
    const row = table.dataRows().find((r) => String(table.get(r, 'key')).trim() === key);
    if (row) table.set(row, 'value', value);
    else table.append({ key, value });
  }
  table.flush();
}

function readSettingsRows(book: Workbook): void {
  try {
    readSettings(book);
  } catch (_e) {
    // Invalid values are what we are about to fix; the sheet and its rows exist now.
  }
}
