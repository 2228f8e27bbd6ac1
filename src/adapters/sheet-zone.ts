// The spreadsheet's time zone (domain/sheet-zone.ts explains why it matters). Set-up reads it
// and makes it Asia/Tokyo while no system sheet holds data; the zone found is kept in Script
// Properties, so a form-submit trigger knows it without a round trip (openEnv). The daily
// sessions job and the health report read it again (one call each) and warn staff when it is not
// Tokyo. (Not the monthly run: its Spreadsheet calls are budgeted; the sweep neither, hourly.)
import { ALERTS } from '../domain/alerts';
import {
  alignedLine,
  hoursBehindTokyo,
  keptWarning,
  PROGRAM_ZONE,
  planSheetZone,
} from '../domain/sheet-zone';
import { alertStaffOnce } from './alerts';
import type { Env } from './env';
import type { ScriptProps } from './props';
import { staffDateReader, wallText, ZONE_PROPERTY } from './sheet-zone-reader';
import { readStaffDatesWith } from './tables/table';

function record(props: ScriptProps, zone: string): void {
  if (props.get(ZONE_PROPERTY) !== zone) props.set(ZONE_PROPERTY, zone);
  readStaffDatesWith(staffDateReader(zone));
}

function warningFor(zone: string, sheetsWithData: readonly string[], now: number) {
  let hours: number | null = null;
  try {
    hours = hoursBehindTokyo(now, wallText(new Date(now), zone));
  } catch (_e) {
    hours = null;
  }
  return keptWarning(zone, sheetsWithData, hours);
}

/**
 * Set-up: the zone (`zone`, as set-up read it from `ss`) made Asia/Tokyo when none of `sheets`
 * holds a data row; otherwise kept, with the warning. Returns the lines for the set-up report (none when the zone is Tokyo).
 */
export function settleZoneAtSetup(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  zone: string,
  props: ScriptProps,
  sheets: readonly string[],
  now: number,
): string[] {
  if (zone === PROGRAM_ZONE) {
    record(props, zone);
    return [];
  }
  const withData = sheets.filter((name) => {
    const sheet = ss.getSheetByName(name);
    return sheet !== null && sheet.getLastRow() > 1;
  });
  const plan = planSheetZone(zone, withData);
  if (plan.kind === 'align') {
    try {
      ss.setSpreadsheetTimeZone(PROGRAM_ZONE);
      record(props, PROGRAM_ZONE);
      return [alignedLine(plan.from)];
    } catch (error) {
      record(props, zone);
      const w = warningFor(zone, [], now);
      return [`${w.en} (${(error as Error).message}) / ${w.ja}`];
    }
  }
  record(props, zone);
  const w = warningFor(zone, withData, now);
  return [`${w.en} / ${w.ja}`];
}

/**
 * A job's check (daily sessions job, health report): the zone read again; a change
 * is logged, and a zone other than Tokyo alerts staff once per zone. Never throws.
 */
export function checkZone(env: Env): { zone: string; warning: { en: string; ja: string } | null } {
  let zone: string;
  try {
    zone = env.book.ss.getSpreadsheetTimeZone();
  } catch (error) {
    env.log.add({ action: 'SPREADSHEET_ZONE_UNREADABLE', detail: (error as Error).message });
    return { zone: env.props.get(ZONE_PROPERTY) ?? PROGRAM_ZONE, warning: null };
  }
  const before = env.props.get(ZONE_PROPERTY) ?? PROGRAM_ZONE;
  if (zone !== before)
    env.log.add({ action: 'SPREADSHEET_ZONE_CHANGED', detail: `${before} → ${zone}` });
  record(env.props, zone);
  if (zone === PROGRAM_ZONE) return { zone, warning: null };
  const warning = warningFor(zone, [], env.now);
  alertStaffOnce(env, `sheetZone.${zone}`, ALERTS.sheetZone(warning));
  return { zone, warning };
}
