// What the hourly sweep has confirmed as handled (issue #15): per form, the response IDs of its
// last window that it found handled (or handled itself), each with the response time of the
// version it confirmed (an edit changes it). Kept in Script Properties next to the marks
// (sweep-marks.ts) and written in the same `setProperties`, after the rows are flushed, so the
// next hourly sweep searches only the responses of its window it has not confirmed at the same
// version; when none is left it opens no table and makes no search. A memory that is missing,
// short or old only costs a search: every response it does not name is looked up as before.
import { sameVersion } from './answers';
import type { ScriptProps } from './props';
import type { FormKind } from './sweep-marks';

/** Per form: `sweep.seen.<kind>`. */
export const SEEN_KEY = 'sweep.seen';

/**
 * The most one form's memory may take, in bytes (key included). Apps Script's quotas page
 * ("Quotas for Google Services", developers.google.com/apps-script/guides/services/quotas)
 * gives "Properties value size 9 KB / val" and "Properties total storage 500 KB / property
 * store"; a measurement (tanaikech, "Specification of PropertiesService", 2023) found a value
 * refused above about 8 KB with its key counted, so the memory keeps under 8,000 bytes. A
 * Forms response ID is about 60–80 characters: some 90 responses fit, more than an hourly
 * window holds (a busy day's three hours, about 20).
 */
export const SEEN_MAX_BYTES = 8_000;
/**
 * The whole store's size (keys and values) the memory may bring it to: the documented 500 KB
 * with room left for everything else the script keeps (alerts, marks, counters). Above it the
 * memory is not written and the sweep searches as if it had none.
 */
export const STORE_MAX_BYTES = 450_000;

/** Response ID → the response time (ms) of the version confirmed handled. */
export type Seen = Map<string, number>;

/** UTF-8 bytes of a string (what the Properties limits count). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

// utf8Bytes of the texts of the store (memoised: the same keys and values come back every hour;
// on Google this lasts one execution, in the local runtime's replay thousands).
const STORED_BYTES = new Map<string, number>();

function storedBytes(s: string): number {
  let n = STORED_BYTES.get(s);
  if (n === undefined) {
    n = utf8Bytes(s);
    if (STORED_BYTES.size >= 1_000) STORED_BYTES.clear();
    STORED_BYTES.set(s, n);
  }
  return n;
}

function keyOf(kind: FormKind): string {
  return `${SEEN_KEY}.${kind}`;
}

/** The memory of one form: `<time in base 36>.<response ID>` entries, space-separated. */
export function readSeen(props: ScriptProps, kind: FormKind): Seen {
  const seen: Seen = new Map();
  for (const entry of (props.get(keyOf(kind)) ?? '').split(' ')) {
    const dot = entry.indexOf('.');
    if (dot <= 0 || dot === entry.length - 1 || !/^[0-9a-z]+$/.test(entry.slice(0, dot))) continue;
    const at = Number.parseInt(entry.slice(0, dot), 36);
    if (Number.isFinite(at) && at > 0) seen.set(entry.slice(dot + 1), at);
  }
  return seen;
}

/** Whether the memory holds this version of the response (sameVersion, as the tables do). */
export function confirmed(seen: Seen | undefined, id: string, at: number): boolean {
  const known = seen?.get(id);
  return known !== undefined && sameVersion(known, at);
}

/**
 * The memory's new value for one form: the responses confirmed at or after `from` (the next
 * window's start), newest first, as many as fit in SEEN_MAX_BYTES (the older ones, which leave
 * the window first, are dropped first). Null when there is nothing to keep.
 */
export function seenValue(kind: FormKind, seen: Seen, from: number): string | null {
  const entries = [...seen]
    .filter(([, at]) => at >= from)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  let bytes = utf8Bytes(keyOf(kind));
  const kept: string[] = [];
  for (const [id, at] of entries) {
    if (id === '' || /\s/.test(id)) continue;
    const entry = `${at.toString(36)}.${id}`;
    const more = utf8Bytes(entry) + (kept.length > 0 ? 1 : 0);
    if (bytes + more > SEEN_MAX_BYTES) break;
    bytes += more;
    kept.push(entry);
  }
  return kept.length > 0 ? kept.join(' ') : null;
}

/**
 * Adds each form's new memory to `values` (the one `setProperties` of the marks) where it
 * changed, unless the store would grow past STORE_MAX_BYTES. A form with nothing to keep keeps
 * its old memory: every entry names a version that was handled, and it leaves the window.
 */
export function addSeen(
  props: ScriptProps,
  values: Record<string, string>,
  memories: ReadonlyMap<FormKind, { seen: Seen; from: number }>,
): void {
  const wanted: Record<string, string> = {};
  for (const [kind, { seen, from }] of memories) {
    const value = seenValue(kind, seen, from);
    if (value !== null && value !== props.get(keyOf(kind))) wanted[keyOf(kind)] = value;
  }
  if (Object.keys(wanted).length === 0) return;
  const after = { ...props.withPrefix(''), ...values, ...wanted };
  let total = 0;
  for (const [k, v] of Object.entries(after)) total += storedBytes(k) + storedBytes(v);
  if (total > STORE_MAX_BYTES) return;
  Object.assign(values, wanted);
}
