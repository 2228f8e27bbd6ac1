// Sheets date serial numbers: days since 1899-12-30 00:00 in the spreadsheet's own zone (a
// time-only cell is a fraction of a day). The zone arithmetic itself lives in ../zone.

import { utcToWall, type WallFields, wallFields, wallTime, wallToUtc } from '../zone';

export { isValidTimeZone, type WallFields } from '../zone';

const DAY_MS = 86_400_000;
/** 1899-12-30 00:00 as a wall time. */
const SERIAL_EPOCH_WALL = Date.UTC(1899, 11, 30);

export function msToSerial(utcMs: number, timeZone: string): number {
  return (utcToWall(utcMs, timeZone) - SERIAL_EPOCH_WALL) / DAY_MS;
}

export function serialToMs(serial: number, timeZone: string): number {
  return wallToUtc(Math.round(serial * DAY_MS + SERIAL_EPOCH_WALL), timeZone);
}

/** Wall-clock fields of a serial number (no zone involved: the serial is already wall time). */
export function serialFields(serial: number): WallFields {
  return wallFields(Math.round(serial * DAY_MS + SERIAL_EPOCH_WALL));
}

/** Serial number of a wall-clock date and time. */
export function fieldsToSerial(...time: Parameters<typeof wallTime>): number {
  return (wallTime(...time) - SERIAL_EPOCH_WALL) / DAY_MS;
}
