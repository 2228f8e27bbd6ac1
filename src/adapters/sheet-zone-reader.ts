// How a Date in a staff column reads when the spreadsheet is not in Tokyo (see
// domain/sheet-zone.ts). Kept apart from the checks in ./sheet-zone so that openEnv can use it.
import { PROGRAM_ZONE, staffWallClock } from '../domain/sheet-zone';
import type { ScriptProps } from './props';
import { readStaffDatesWith } from './tables/table';

export const ZONE_PROPERTY = 'sheet.zone';
const WALL_PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSS";

/** The wall-clock reading of an instant in a zone, as staffWallClock reads it. */
export function wallText(d: Date, zone: string): string {
  return Utilities.formatDate(d, zone, WALL_PATTERN);
}

/**
 * How a Date in a staff column reads when the spreadsheet is in `zone`: the same wall-clock
 * time in Tokyo. Null for Tokyo (nothing to do). Utilities.formatDate reads the Date in the
 * zone the way Sheets built it (old local mean times of 1899 time-only cells included).
 */
export function staffDateReader(zone: string): ((d: Date) => Date) | null {
  if (zone === '' || zone === PROGRAM_ZONE) return null;
  return (d) => {
    if (Number.isNaN(d.getTime())) return d;
    const ms = staffWallClock(wallText(d, zone));
    return ms === null ? d : new Date(ms);
  };
}

/**
 * Readers of this execution read staff Dates in `zone` as read from the spreadsheet: set-up and
 * the environment check, which read Settings before any zone is recorded (an installation of an
 * older version recorded none, and its staff may have typed the program's days as dates).
 */
export function readStaffDatesIn(zone: string): void {
  readStaffDatesWith(staffDateReader(zone));
}

/** Readers of this execution use the zone last recorded (form triggers: no round trip). */
export function useRecordedZone(props: ScriptProps): void {
  readStaffDatesWith(staffDateReader(props.get(ZONE_PROPERTY) ?? PROGRAM_ZONE));
}
