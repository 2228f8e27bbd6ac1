// The spreadsheet's own time zone (File > Settings > Time zone) against the program's Tokyo.
//
// Apps Script turns a date/time cell into a Date through the spreadsheet's zone, and stores a
// Date it writes as that zone's wall-clock time (a date serial has no zone of its own). A new
// spreadsheet takes its creator's account zone, which need not be Tokyo. So:
// - set-up makes the spreadsheet's zone Asia/Tokyo while none of the system's sheets holds data
//   (nothing stored can be re-read differently);
// - once data exists it keeps the zone: Sheets keeps every stored serial as it is and reads it in
//   the new zone, so every time the system wrote would move by the zones' difference (and the
//   "Last response time" the duplicate check compares with it: re-processed responses, or edits
//   taken for repeats). Staff get a warning instead, and the readers take a date or time staff
//   typed as the same wall-clock time in Tokyo (staffWallClock below).
// Pure: the adapters (adapters/sheet-zone*.ts) read the zone and format Dates in it.

import { TOKYO_OFFSET_MINUTES } from './dates';
import type { ProbeResult } from './env-probes';
import { hhmm, readDayCell, readMinuteCell } from './sessions';

/** The program's zone (RULES: all dates and times are in Asia/Tokyo; appsscript.json). */
export const PROGRAM_ZONE = 'Asia/Tokyo';

export type SheetZonePlan =
  | { kind: 'same' }
  /** No system sheet holds data: set-up sets the zone to Asia/Tokyo. */
  | { kind: 'align'; from: string }
  /** Data exists: the zone stays; staff are warned. */
  | { kind: 'keep'; zone: string; sheetsWithData: string[] };

export function planSheetZone(zone: string, sheetsWithData: readonly string[]): SheetZonePlan {
  if (zone === PROGRAM_ZONE) return { kind: 'same' };
  if (sheetsWithData.length === 0) return { kind: 'align', from: zone };
  return { kind: 'keep', zone, sheetsWithData: [...sheetsWithData] };
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})$/;

/**
 * The instant at which Tokyo's clocks show the wall-clock time `text`
 * ('yyyy-MM-ddTHH:mm:ss.SSS', the Date formatted in the spreadsheet's zone by the adapter):
 * what staff meant when they typed a date or time into a spreadsheet of another zone.
 * Null when the text is not such a time.
 */
export function staffWallClock(text: string): number | null {
  const m = WALL.exec(text);
  if (!m) return null;
  const d = new Date(0);
  // setUTCFullYear keeps years before 100 and 1899 (time-only cells) as they are.
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  d.setUTCHours(Number(m[4]), Number(m[5]), Number(m[6]), Number(m[7]));
  return d.getTime() - TOKYO_OFFSET_MINUTES * 60_000;
}

/** Hours between Tokyo and the zone at an instant, from that zone's wall-clock reading. */
export function hoursBehindTokyo(nowMs: number, zoneWallClockText: string): number | null {
  const tokyoReading = staffWallClock(zoneWallClockText);
  if (tokyoReading === null) return null;
  // staffWallClock(zone's reading) = now + (zoneOffset − Tokyo offset).
  return Math.round(((nowMs - tokyoReading) / 3_600_000) * 100) / 100;
}

function hoursText(h: number): string {
  return String(Math.abs(h));
}

function hoursEn(h: number): string {
  return Math.abs(h) === 1 ? '1 hour' : `${hoursText(h)} hours`;
}

/** Set-up's line when it set the zone. */
export function alignedLine(from: string): string {
  return `The spreadsheet's time zone was ${from}; set-up set it to ${PROGRAM_ZONE} (File > Settings > Time zone), the program's zone, before any data was stored. / スプレッドシートのタイムゾーンが ${from} だったため、データが入る前に ${PROGRAM_ZONE}（ファイル > 設定 > タイムゾーン）に変更しました。`;
}

/**
 * The warning when the zone is not Tokyo and data exists (set-up report, health report, staff
 * alert). `hours`: how far the zone is behind Tokyo now (negative: ahead), when known.
 */
export function keptWarning(
  zone: string,
  sheetsWithData: readonly string[],
  hours: number | null,
): { en: string; ja: string } {
  const shift =
    hours === null || hours === 0
      ? ''
      : hours > 0
        ? ` (${hoursEn(hours)} earlier)`
        : ` (${hoursEn(hours)} later)`;
  const shiftJa =
    hours === null || hours === 0
      ? ''
      : hours > 0
        ? `（${hoursText(hours)}時間前に）`
        : `（${hoursText(hours)}時間後に）`;
  const where = sheetsWithData.length ? ` (${sheetsWithData.join(', ')})` : '';
  return {
    en:
      `WARNING: the spreadsheet's time zone is ${zone}, not ${PROGRAM_ZONE} (File > Settings > Time zone). ` +
      `Set-up did not change it because the system's sheets already hold data${where}: Sheets would re-read every stored date and time in the new zone, ` +
      `so every time the system wrote (Submitted at, Last response time, …) would move${shift} and responses already processed could be processed again. ` +
      `Leave the zone as it is. Decisions are not affected: the system reads the dates and times you type (Sessions, Course, Documents) as Tokyo times, ` +
      `but the times it writes are shown in ${zone}. Do not change the zone by hand; ask whoever maintains the system first.`,
    ja:
      `注意：スプレッドシートのタイムゾーンが ${PROGRAM_ZONE} ではなく ${zone} です（ファイル > 設定 > タイムゾーン）。` +
      `システムのシートにすでにデータがある${where}ため、セットアップは変更しませんでした。変更すると、保存済みの日時がすべて新しいタイムゾーンで読み直され、` +
      `システムが書いた日時（申請日時・最終回答時刻など）がずれ${shiftJa}、処理済みの回答がもう一度処理されることがあります。` +
      `タイムゾーンはこのままにしてください。判定には影響しません：入力された日付・時刻（Sessions・Course・Documents）は東京時間として読みます。` +
      `ただし、システムが書く日時は ${zone} の時刻で表示されます。手作業で変更する前に、システムの管理者に相談してください。`,
  };
}

/**
 * The environment check's probes of the zone: the spreadsheet's zone itself, and a session typed
 * as 2024/05/10 and 19:00 read back through the zone reader (`read`: the Dates as the system
 * reads them) as 10 May and 19:00 in Tokyo.
 */
export function judgeZone(zone: string, read: { day: unknown; time: unknown }): ProbeResult[] {
  // Read as the Sessions sheet's Date and Start cells are (domain/sessions.ts).
  const day = readDayCell(read.day) ?? String(read.day);
  const minute = readMinuteCell(read.time);
  const time = minute === null ? String(read.time) : hhmm(minute);
  const ok = day === '2024-05-10' && time === '19:00';
  return [
    {
      name: `Sheets: the spreadsheet's time zone is ${PROGRAM_ZONE} / タイムゾーンが ${PROGRAM_ZONE}`,
      verdict: zone === PROGRAM_ZONE ? 'expected' : 'different',
      detail:
        zone === PROGRAM_ZONE
          ? zone
          : `${zone}: run Set up / check (it sets ${PROGRAM_ZONE} while no system sheet holds data, otherwise it warns) / セットアップを実行してください`,
    },
    {
      name: 'Sheets: "2024/05/10" and "19:00" typed by staff read as 10 May, 19:00 Tokyo time / 入力した日付・時刻を東京時間で読む',
      verdict: ok ? 'expected' : 'different',
      detail: ok ? 'same' : `read as ${day} ${time}`,
    },
  ];
}
