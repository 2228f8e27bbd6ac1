// Wall-clock <-> instant conversion in an IANA time zone, computed with Intl so nothing
// depends on the machine's TZ. Sheets stores dates as serial numbers: days since
// 1899-12-30 00:00 in the spreadsheet's own zone (a time-only cell is a fraction of a day).

const DAY_MS = 86_400_000;
/** 1899-12-30 00:00 as a wall-clock time expressed in UTC milliseconds. */
const SERIAL_EPOCH_WALL = Date.UTC(1899, 11, 30);

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();
// Zone offsets change on quarter-hour boundaries in practice; cache per 15-minute bucket.
const BUCKET_MS = 15 * 60_000;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
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

function computeOffset(utcMs: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  let year = get('year');
  if (parts.find((p) => p.type === 'era')?.value === 'BC') year = 1 - year;
  const wall = new Date(0);
  wall.setUTCFullYear(year, get('month') - 1, get('day'));
  wall.setUTCHours(get('hour'), get('minute'), get('second'), 0);
  return wall.getTime() - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}

/** Offset of the zone from UTC (ms) at the given instant. */
export function zoneOffset(utcMs: number, timeZone: string): number {
  let cache = offsetCache.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(timeZone, cache);
  }
  const bucket = Math.floor(utcMs / BUCKET_MS);
  let offset = cache.get(bucket);
  if (offset === undefined) {
    if (cache.size > 200_000) cache.clear();
    offset = computeOffset(bucket * BUCKET_MS, timeZone);
    cache.set(bucket, offset);
  }
  return offset;
}

/** The instant at which the zone's clocks show `wallMs` (a wall-clock time written as UTC ms). */
export function wallToUtc(wallMs: number, timeZone: string): number {
  const first = wallMs - zoneOffset(wallMs, timeZone);
  const second = wallMs - zoneOffset(first, timeZone);
  return second;
}

export function utcToWall(utcMs: number, timeZone: string): number {
  return utcMs + zoneOffset(utcMs, timeZone);
}

export function msToSerial(utcMs: number, timeZone: string): number {
  return (utcToWall(utcMs, timeZone) - SERIAL_EPOCH_WALL) / DAY_MS;
}

export function serialToMs(serial: number, timeZone: string): number {
  return wallToUtc(Math.round(serial * DAY_MS + SERIAL_EPOCH_WALL), timeZone);
}

/** Wall-clock fields of a serial number (no zone involved: the serial is already wall time). */
export interface WallFields {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
}

export function serialFields(serial: number): WallFields {
  const d = new Date(Math.round(serial * DAY_MS + SERIAL_EPOCH_WALL));
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

/** Serial number of a wall-clock date and time. */
export function fieldsToSerial(
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
  return (d.getTime() - SERIAL_EPOCH_WALL) / DAY_MS;
}
