// Time-zone arithmetic for the whole runtime, computed with Intl so that nothing depends on
// the machine's TZ. A "wall" time is a zone's clock reading written as UTC milliseconds
// (read it back with getUTC*); an instant is ordinary epoch milliseconds.

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();
// Per zone and wall-time bucket: what wallToUtc subtracts (NaN: compute per wall time).
const shiftCache = new Map<string, Map<number, number>>();
// Offsets change on quarter-hour boundaries in practice, so one lookup serves a 15-minute
// bucket; a bucket with a change inside it (old local mean times) is computed per instant.
const BUCKET_MS = 15 * 60_000;

export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const WEEKDAY_NAMES: readonly string[] = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

/** Calendar fields of a wall time (month 1-12, weekday 0 = Sunday). */
export interface WallFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
}

/** Throws RangeError for a zone Intl does not know. */
export function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when Intl knows the zone. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall time of a date and time of day (setUTCFullYear, unlike Date.UTC, keeps years 0-99). */
export function wallTime(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

export function wallFields(wall: number): WallFields {
  const d = new Date(wall);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

/**
 * The formatter's text, "M/D/Y E, HH:mm:ss" (en-US with the era, hourCycle h23: e.g.
 * "11/15/2023 AD, 07:13:20"). Read from `format`, which is several times quicker than
 * `formatToParts` (a run computes an offset for every 15-minute bucket its dates and times
 * touch); any other text is left to formatToParts.
 */
const FORMATTED = /^(\d+)\/(\d+)\/(\d+) (\S+), (\d+):(\d+):(\d+)$/;

function computeOffset(ms: number, timeZone: string): number {
  const formatter = formatterFor(timeZone);
  return offsetFromText(ms, formatter) ?? offsetFromParts(ms, formatter);
}

/** computeOffset read from the formatter's text; null when the text is not as expected. */
export function offsetFromText(ms: number, formatter: Intl.DateTimeFormat): number | null {
  const m = FORMATTED.exec(formatter.format(ms));
  if (m === null) return null;
  let year = Number(m[3]);
  if (m[4] === 'BC' || m[4] === 'B') year = 1 - year;
  const wall = wallTime(year, Number(m[1]), Number(m[2]), Number(m[5]), Number(m[6]), Number(m[7]));
  // Intl shows whole seconds: compare with the instant's whole second.
  return wall - Math.floor(ms / 1000) * 1000;
}

/** computeOffset from the formatter's parts (what the text above stands for). */
export function offsetFromParts(ms: number, formatter: Intl.DateTimeFormat): number {
  const parts: Record<string, string> = {};
  for (const p of formatter.formatToParts(ms)) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const wall = wallTime(
    year,
    Number(parts.month),
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  // Intl shows whole seconds: compare with the instant's whole second.
  return wall - Math.floor(ms / 1000) * 1000;
}

// The bucket maps of the zone used last: nearly every call in a run names the same zone.
let lastZone: string | undefined;
let lastBuckets: Map<number, number> | undefined;
let lastShifts: Map<number, number> | undefined;

function bucketsFor(timeZone: string): Map<number, number> {
  if (timeZone === lastZone && lastBuckets !== undefined) return lastBuckets;
  let cache = offsetCache.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(timeZone, cache);
  }
  let shifts = shiftCache.get(timeZone);
  if (!shifts) {
    shifts = new Map();
    shiftCache.set(timeZone, shifts);
  }
  lastZone = timeZone;
  lastBuckets = cache;
  lastShifts = shifts;
  return cache;
}

/** The offset in force throughout a bucket, or NaN when it changes inside it. */
function bucketOffset(bucket: number, timeZone: string): number {
  const cache = bucketsFor(timeZone);
  let offset = cache.get(bucket);
  if (offset === undefined) {
    if (cache.size > 200_000) cache.clear();
    // The offsets at the bucket's start and at the next bucket's start (each computed once, a
    // bucket's end being the next one's start): NaN marks a bucket with a change inside it, or
    // at its end.
    offset = startOffset(bucket, timeZone);
    if (startOffset(bucket + 1, timeZone) !== offset) offset = Number.NaN;
    cache.set(bucket, offset);
  }
  return offset;
}

// Per zone, the offset at the start of each bucket (the zone used last: see bucketsFor).
const startCache = new Map<string, Map<number, number>>();
let lastStartZone: string | undefined;
let lastStarts: Map<number, number> | undefined;

function startOffset(bucket: number, timeZone: string): number {
  if (timeZone !== lastStartZone || lastStarts === undefined) {
    let starts = startCache.get(timeZone);
    if (!starts) {
      starts = new Map();
      startCache.set(timeZone, starts);
    }
    lastStartZone = timeZone;
    lastStarts = starts;
  }
  let offset = lastStarts.get(bucket);
  if (offset === undefined) {
    if (lastStarts.size > 200_000) lastStarts.clear();
    offset = computeOffset(bucket * BUCKET_MS, timeZone);
    lastStarts.set(bucket, offset);
  }
  return offset;
}

/** Offset (ms) of an IANA zone from UTC at the instant `ms`, DST included. */
export function zoneOffset(ms: number, timeZone: string): number {
  const offset = bucketOffset(Math.floor(ms / BUCKET_MS), timeZone);
  return Number.isNaN(offset) ? computeOffset(ms, timeZone) : offset;
}

/** The wall time the zone's clocks show at the instant `ms`. */
export function utcToWall(ms: number, timeZone: string): number {
  return ms + zoneOffset(ms, timeZone);
}

/**
 * What wallToUtc subtracts for every wall time in a bucket, or NaN when that is not one number.
 * The first pass reads the wall bucket's offset; when it is a whole number of buckets, every
 * wall time of the bucket lands in one bucket for the second pass, so both passes are fixed.
 */
function bucketShift(bucket: number, timeZone: string): number {
  const first = bucketOffset(bucket, timeZone);
  if (Number.isNaN(first) || first % BUCKET_MS !== 0) return Number.NaN;
  return bucketOffset(bucket - first / BUCKET_MS, timeZone);
}

/** The instant at which the zone's clocks show `wall` (two passes settle on the offset in force). */
export function wallToUtc(wall: number, timeZone: string): number {
  // Reading dates back is the hot path: one cached shift per wall bucket stands for both passes.
  bucketsFor(timeZone);
  const shifts = lastShifts as Map<number, number>;
  const bucket = Math.floor(wall / BUCKET_MS);
  let shift = shifts.get(bucket);
  if (shift === undefined) {
    if (shifts.size > 200_000) shifts.clear();
    shift = bucketShift(bucket, timeZone);
    shifts.set(bucket, shift);
  }
  if (!Number.isNaN(shift)) return wall - shift;
  const first = wall - zoneOffset(wall, timeZone);
  return wall - zoneOffset(first, timeZone);
}
