// The Settings sheet: one row per setting (key, bilingual label, value, explanation).
// Code reads values by key only; every value is validated when read, and a bad one stops
// the job before it writes anything, with a message that names the row.
import { formatSettingErrors, parseSettings, SETTINGS_SPEC } from '../domain/settings';
import type { Settings } from '../domain/settings-types';
import type { Template } from '../domain/templates';
import type { ScriptProps } from './props';
import { cellText } from './tables/cells';
import { SETTINGS } from './tables/schema';
import type { Workbook } from './tables/workbook';
import { readTemplates } from './templates-store';

/**
 * How long triggers may use Settings and Templates as last read. A person's edit of either
 * sheet drops the cache at once (simple onEdit trigger); this bounds edits made by other means.
 */
export const CONFIG_TTL_MS = 6 * 3600 * 1000;
const CONFIG_PREFIX = 'config.';
/**
 * Properties hold about 9 KB (UTF-8) a value: the cached text is split into chunks of 2,500
 * characters, at most 3 bytes each (Japanese text) — 7,500 bytes.
 */
const CHUNK = 2500;

interface CachedConfig {
  at: number;
  settings: [string, string][];
  templates: Template[];
}

/**
 * Settings and Templates for one execution. 'cached' (form-submit triggers) uses what was read
 * less than CONFIG_TTL_MS ago, kept in Script Properties; the simple onEdit trigger drops the
 * cache as soon as staff edit either sheet. 'fresh' reads both sheets and refreshes the cache.
 */
export function readConfig(
  book: Workbook,
  props: ScriptProps,
  now: number,
  mode: 'cached' | 'fresh',
): { settings: Settings; templates: Template[] } {
  const cached = loadCache(props);
  if (mode === 'cached' && cached && now - cached.at >= 0 && now - cached.at < CONFIG_TTL_MS) {
    return {
      settings: validate(new Map(cached.settings)),
      templates: copyData(cached.templates),
    };
  }
  const rows = readSettingRows(book);
  const settings = validate(rows);
  const templates = readTemplates(book);
  saveCache(props, { at: now, settings: [...rows], templates }, cached);
  return { settings, templates };
}

function loadCache(props: ScriptProps): CachedConfig | null {
  const chunks = props.withPrefix(CONFIG_PREFIX);
  const count = Number(chunks[`${CONFIG_PREFIX}chunks`] ?? '');
  if (!(count > 0)) return null;
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const part = chunks[`${CONFIG_PREFIX}${i}`];
    if (part === undefined) return null;
    parts.push(part);
  }
  try {
    const config = parseConfig(parts);
    const renewed = Number(chunks[`${CONFIG_PREFIX}at`] ?? '');
    return renewed > config.at ? { ...config, at: renewed } : config;
  } catch (_e) {
    return null;
  }
}

function saveCache(props: ScriptProps, config: CachedConfig, previous: CachedConfig | null): void {
  // Unchanged since the last read: keep the cache as it is (one write fewer), but renew its age.
  // (sameData first: it answers as the JSON texts compared would when it finds them equal.)
  if (
    previous &&
    (sameData({ ...previous, at: 0 }, { ...config, at: 0 }) ||
      JSON.stringify({ ...previous, at: 0 }) === JSON.stringify({ ...config, at: 0 }))
  ) {
    props.set(`${CONFIG_PREFIX}at`, String(config.at));
    return;
  }
  const text = JSON.stringify(config);
  const values: Record<string, string> = {};
  let count = 0;
  for (let i = 0; i < text.length; i += CHUNK)
    values[`${CONFIG_PREFIX}${count++}`] = text.slice(i, i + CHUNK);
  values[`${CONFIG_PREFIX}chunks`] = String(count);
  values[`${CONFIG_PREFIX}at`] = String(config.at);
  props.setMany(values);
}

/** Drops the cached Settings and Templates (staff edited one of the sheets). */
export function dropConfigCache(): void {
  PropertiesService.getScriptProperties().deleteProperty(`${CONFIG_PREFIX}chunks`);
}

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
  return validate(readSettingRows(book));
}

/** The Settings sheet as key → value (as text, the way parseSettings reads it). */
function readSettingRows(book: Workbook): Map<string, string> {
  const table = book.table(SETTINGS);
  const values = new Map<string, string>();
  for (const row of table.dataRows()) {
    const key = String(table.get(row, 'key') ?? '').trim();
    if (key !== '') values.set(key, cellText(table.get(row, 'value')));
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
  return values;
}

// Memoised (validate, the cached text's JSON.parse): on Google every execution starts with fresh
// module state, so these last one execution; the local runtime loads the bundle once and keeps
// its module state across executions (a replay runs tens of thousands, each reading the same
// Settings), where they spare parsing the same text again. Each caller gets its own copy.
let lastValidated: { values: [string, string][]; settings: Settings } | null = null;

function validate(values: ReadonlyMap<string, string>): Settings {
  if (lastValidated && sameEntries(lastValidated.values, values))
    return copyData(lastValidated.settings);
  const parsed = parseSettings(values);
  if ('errors' in parsed) {
    const ja = formatSettingErrors(parsed.errors, 'ja');
    throw new SettingsError(`${formatSettingErrors(parsed.errors, 'en')}\n${ja}`, ja);
  }
  lastValidated = { values: [...values], settings: copyData(parsed.settings) };
  return parsed.settings;
}

/** The same keys with the same values, in the same order. */
function sameEntries(entries: readonly [string, string][], values: ReadonlyMap<string, string>) {
  if (entries.length !== values.size) return false;
  let i = 0;
  for (const [key, value] of values) {
    const [k, v] = entries[i++];
    if (k !== key || v !== value) return false;
  }
  return true;
}

let lastParsed: { parts: string[]; config: CachedConfig } | null = null;

/**
 * JSON.parse of the cached text, given as its chunks (memoised, see above: recognised by the
 * same chunks, without joining them). The object is shared between calls: callers read it
 * (readConfig hands out copies of its parts).
 */
function parseConfig(parts: string[]): CachedConfig {
  if (!lastParsed || !sameList(lastParsed.parts, parts))
    lastParsed = { parts, config: JSON.parse(parts.join('')) as CachedConfig };
  return lastParsed.config;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Whether two values of plain data are the same: arrays of the same length, plain objects with the
 * same keys in the same order, and equal (===) strings, numbers, booleans and nulls everywhere.
 * When it says so, their JSON texts are equal; when not, they may still be (NaN, undefined, …),
 * and the caller compares the texts.
 */
function sameData(a: unknown, b: unknown): boolean {
  if (a === null || typeof a !== 'object') {
    const t = typeof a;
    return (t === 'string' || t === 'number' || t === 'boolean' || a === null) && a === b;
  }
  if (b === null || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (
    Object.getPrototypeOf(a) !== Object.prototype ||
    Object.getPrototypeOf(b) !== Object.prototype
  )
    return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return false;
    const va = (a as Record<string, unknown>)[ka[i]];
    const vb = (b as Record<string, unknown>)[kb[i]];
    if (!sameData(va, vb)) return false;
  }
  return true;
}

/**
 * A copy of plain data: objects (own enumerable properties) and arrays, at every depth. Written
 * by hand on purpose (it runs in every execution): JSON.parse(JSON.stringify(…)) took 11 times as
 * long (Settings and the 34 default templates: 67 µs against 6 µs a copy, Node 20), and
 * structuredClone is a web API, not ECMAScript (a bare V8 context, like the local runtime's, has
 * none).
 */
function copyData<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyData) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const k of Object.keys(out)) {
    const v = out[k];
    if (v === null || typeof v !== 'object') continue;
    // A key named __proto__ is defined, not assigned, so it stays a property of its own.
    if (k === '__proto__')
      Object.defineProperty(out, k, {
        value: copyData(v),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else out[k] = copyData(v);
  }
  return out as T;
}
